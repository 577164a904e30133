#pragma once
// The voice channel: how a call is offered, how long it holds an agent, and what is measured.
//   - Offered: an attempt arriving in opening hours (redials included) goes to an idle agent at
//     once or waits in its queue, first come first served, until answered or until its
//     caller's patience runs out.
//   - Served: a call takes a whole agent for its handle time times the group's factor.
//   - Measured: answered within the queue's threshold (service level), waits of answered calls
//     (ASA, percentiles), abandonment and its waits.
//   - Closing: calls already waiting at closing time are still served by the agents on shift,
//     who stay until that queue is empty; a call left waiting when no agent who could serve it
//     is on shift any more is counted as waiting at the end, never carried into the next day.
#include "sim/channels/work_item.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/replication_statistics.hpp"

namespace ccsim::sim::voice {

/// How long a call holds the agent: its handle time at the serving group's pace.
inline double service_time(const work_item& call, const group_spec& group) {
    return call.handle * group.handle_time_factor;
}

inline void count_offered(queue_counters& c, const work_item& call) {
    ++c.offered;
    if (call.redials > 0) ++c.redials;
}

inline void count_answered(queue_counters& c, wait_histogram& waits, double wait,
                           const queue_spec& queue) {
    ++c.answered;
    c.answered_wait += wait;
    if (wait <= queue.threshold.count()) ++c.answered_within;
    waits.add(wait);
}

inline void count_abandoned(queue_counters& c, double wait, const queue_spec& queue) {
    ++c.abandoned;
    c.abandoned_wait += wait;
    if (wait <= queue.threshold.count()) ++c.abandoned_within;
}

}  // namespace ccsim::sim::voice
