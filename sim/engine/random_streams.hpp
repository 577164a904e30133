#pragma once
// Random numbers: one Boost.Random engine per purpose (and per queue or group), seeded from
// (seed, purpose, index, replication). Two variants of a scenario run with the same seed
// therefore draw the same arrival times, handle times and patience for the same calls, and
// their differences are paired (common random numbers). Nothing here is global.
#include <boost/random/mersenne_twister.hpp>
#include <cstdint>

namespace ccsim::sim {

using random_engine = boost::random::mt19937_64;

enum class stream_purpose : std::uint32_t {
    arrivals = 1,         // inter-arrival times of first attempts, per queue
    handle_times = 2,     // handle time of each first attempt, per queue
    patience = 3,         // patience of each first attempt, per queue
    retrials = 4,         // redial decisions, delays and the redial's own draws, per queue
    absence = 5,          // which scheduled agents do not show, per group and roster line
    busyness = 6,         // each day's volume factor, per day
    outcomes = 7,         // per queue: repeat callers' contacts, follow-ups, outbound reach
    after_call_work = 8,  // per group: the wrap-up after each call
    not_ready = 9,        // per group: ready times and not-ready spells of its agents
    routing_delay = 10,   // per queue: the delay before a call is offered to agents
};

/// An engine for one purpose of one replication. Distinct arguments give unrelated streams.
/// `extra` widens the index where 32 bits are not enough; 0 leaves the stream as it was
/// before the argument existed.
random_engine make_stream(std::uint64_t seed, stream_purpose purpose, std::uint32_t index,
                          std::uint64_t replication, std::uint64_t extra = 0);

}  // namespace ccsim::sim
