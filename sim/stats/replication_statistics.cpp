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
    repeats += o.repeats;
    first_contacts += o.first_contacts;
    first_resolved += o.first_resolved;
    escalated += o.escalated;
    replied += o.replied;
    reply_due += o.reply_due;
    replied_within += o.replied_within;
    resolved += o.resolved;
    resolve_due += o.resolve_due;
    resolved_within += o.resolved_within;
    done += o.done;
    done_due += o.done_due;
    done_within += o.done_within;
    failed += o.failed;
    attempts += o.attempts;
}

replication_statistics::replication_statistics(std::size_t queue_count, std::size_t group_count,
                                               std::size_t interval_count, std::size_t day_count)
    : queues(queue_count),
      groups(group_count),
      intervals(interval_count),
      counters(queue_count * (interval_count + 1)),
      waits(queue_count * (interval_count + 1)),
      time(group_count * (interval_count + 1)),
      longest_total(interval_count + 1),
      backlog(queue_count * day_count),
      days(day_count) {}

}  // namespace ccsim::sim
