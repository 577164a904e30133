#include "sim/stats/replication_statistics.hpp"

#include <algorithm>

namespace ccsim::sim {

void queue_counters::merge(const queue_counters& o) {
    offered += o.offered;
    redials += o.redials;
    answered += o.answered;
    answered_within += o.answered_within;
    abandoned += o.abandoned;
    abandoned_within += o.abandoned_within;
    queued += o.queued;
    waiting_at_end += o.waiting_at_end;
    outside_hours += o.outside_hours;
    answered_wait += o.answered_wait;
    abandoned_wait += o.abandoned_wait;
    longest_queue = std::max(longest_queue, o.longest_queue);
}

replication_statistics::replication_statistics(std::size_t queue_count, std::size_t group_count,
                                               std::size_t interval_count)
    : queues(queue_count),
      groups(group_count),
      intervals(interval_count),
      counters(queue_count * (interval_count + 1)),
      waits(queue_count * (interval_count + 1)),
      time(group_count * (interval_count + 1)) {}

}  // namespace ccsim::sim
