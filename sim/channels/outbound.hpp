#pragma once
// The outbound channel (follow-up calls, 回访): tasks come from the queue's own volumes or
// from answered calls of a queue with a follow-up, each due within a time. Agents of a
// blending group call out only while nothing inbound they serve waits and at least `reserve`
// agents of their group stay idle (a threshold policy), and only while the outbound queue is
// open. An attempt reaches the customer with a probability (then the call's handle time),
// else it takes `attempt_time` and is retried after a delay, up to `max_attempts`.
#include "sim/channels/work_item.hpp"
#include "sim/stats/replication_statistics.hpp"

namespace ccsim::sim::outbound {

inline void begin(item_story& story, double due, double horizon_end) {
    story.attempts = 0;
    story.due = due;
    story.counted_due = due <= horizon_end;
}

inline void count_offered(queue_counters& c, const item_story& story) {
    ++c.offered;
    if (story.counted_due) ++c.done_due;
}

inline void count_done(queue_counters& c, const item_story& story, double now) {
    ++c.done;
    if (story.counted_due && now <= story.due) ++c.done_within;
}

}  // namespace ccsim::sim::outbound
