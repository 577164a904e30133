#pragma once
// Conservation of work items, per channel, in every bucket of one replication (each item is
// counted in the interval it arrived in, whatever happens to it later):
//   voice, chat   offered = answered + abandoned + waiting at the end (flushed at a closing
//                 with nobody left to serve them, or still in line when the run ends)
//   back office   offered = resolved + in the system at the end; replied <= offered and
//                 resolved <= replied
//   outbound      tasks = done + failed + in the system at the end; attempts >= done + failed
// The run ends only when no event is left, so nothing is in service at the end: what is in
// the system waits in a line.
#include <fmt/format.h>
#include <string>

#include "sim/model/scenario.hpp"
#include "sim/stats/replication_statistics.hpp"

namespace ccsim::test {

/// The first violation found, or an empty string.
inline std::string conservation_violation(const sim::scenario& s,
                                          const sim::replication_statistics& r) {
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        for (std::size_t b = 0; b < r.buckets(); ++b) {
            const sim::queue_counters& c = r.at(q, b);
            const std::string at = fmt::format("queue {} ({}) bucket {}: ", q, s.queues[q].name, b);
            switch (s.queues[q].channel) {
                case sim::channel_kind::voice:
                case sim::channel_kind::chat:
                    if (c.offered != c.answered + c.abandoned + c.waiting_at_end)
                        return at + fmt::format(
                                        "offered {} != answered {} + abandoned {} + "
                                        "waiting at end {}",
                                        c.offered, c.answered, c.abandoned, c.waiting_at_end);
                    break;
                case sim::channel_kind::backoffice:
                    if (c.offered != c.resolved + c.waiting_at_end)
                        return at + fmt::format("offered {} != resolved {} + in system {}",
                                                c.offered, c.resolved, c.waiting_at_end);
                    if (c.replied > c.offered || c.resolved > c.replied)
                        return at + fmt::format("replied {} resolved {} of offered {}", c.replied,
                                                c.resolved, c.offered);
                    if (c.answered != 0 || c.abandoned != 0)
                        return at + "back-office items answered or abandoned";
                    break;
                case sim::channel_kind::outbound:
                    if (c.offered != c.done + c.failed + c.waiting_at_end)
                        return at + fmt::format("tasks {} != done {} + failed {} + in system {}",
                                                c.offered, c.done, c.failed, c.waiting_at_end);
                    if (c.attempts < c.done + c.failed)
                        return at + fmt::format("attempts {} < done {} + failed {}", c.attempts,
                                                c.done, c.failed);
                    break;
            }
        }
    }
    return {};
}

}  // namespace ccsim::test
