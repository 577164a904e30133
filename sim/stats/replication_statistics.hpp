#pragma once
// What one replication (one simulated horizon) records: counters per queue and interval, wait
// histograms, and agent time per group and interval. Streaming: the size depends on queues,
// groups and intervals, never on the number of calls.
//
// A call belongs to the interval in which it arrived (the WFM convention). Bucket
// `intervals` (one past the last) collects whatever happens after the last interval ends.
#include <cstdint>
#include <vector>

#include "sim/stats/wait_histogram.hpp"

namespace ccsim::sim {

struct queue_counters {
    std::uint64_t offered = 0;  // attempts arriving in opening hours (redials included)
    std::uint64_t redials = 0;  // of which redials of earlier abandoned attempts
    std::uint64_t answered = 0;
    std::uint64_t answered_within = 0;  // answered with wait <= the queue's threshold
    std::uint64_t abandoned = 0;
    std::uint64_t abandoned_within = 0;  // hung up with wait <= the threshold
    std::uint64_t queued = 0;            // found no free agent and had to wait
    std::uint64_t waiting_at_end = 0;    // still waiting when nothing else could happen
    std::uint64_t outside_hours = 0;     // arrived while closed: counted apart, not offered
    double answered_wait = 0.0;          // sum of waits of answered calls, seconds
    double abandoned_wait = 0.0;         // sum of waits of abandoned calls, seconds
    std::uint32_t longest_queue = 0;     // most calls waiting at once during the interval

    void merge(const queue_counters& o);
};

struct agent_time {
    double staffed = 0.0;   // agent-seconds logged in and not on break (overtime included)
    double busy = 0.0;      // agent-seconds handling calls
    double overtime = 0.0;  // agent-seconds worked past the end of shifts ending in this bucket
};

struct replication_statistics {
    std::size_t queues = 0;
    std::size_t groups = 0;
    std::size_t intervals = 0;             // buckets per queue or group: intervals + 1
    std::vector<queue_counters> counters;  // [queue * (intervals + 1) + bucket]
    std::vector<wait_histogram> waits;     // waits of answered calls, same index
    std::vector<agent_time> time;          // [group * (intervals + 1) + bucket]
    std::uint64_t arrivals = 0;  // every arrival event, warm-up and outside hours included
    std::uint64_t events = 0;
    std::vector<double> day_factors;  // the busyness factor drawn for each day
    std::uint64_t absent = 0;         // agent-days absent

    replication_statistics(std::size_t queue_count, std::size_t group_count,
                           std::size_t interval_count);
    std::size_t buckets() const { return intervals + 1; }
    queue_counters& at(std::size_t queue, std::size_t bucket) {
        return counters[queue * buckets() + bucket];
    }
    const queue_counters& at(std::size_t queue, std::size_t bucket) const {
        return counters[queue * buckets() + bucket];
    }
    wait_histogram& waits_at(std::size_t queue, std::size_t bucket) {
        return waits[queue * buckets() + bucket];
    }
    agent_time& time_at(std::size_t group, std::size_t bucket) {
        return time[group * buckets() + bucket];
    }
    const agent_time& time_at(std::size_t group, std::size_t bucket) const {
        return time[group * buckets() + bucket];
    }
};

}  // namespace ccsim::sim
