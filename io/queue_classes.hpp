#pragma once
// Customer classes within a voice queue (`classes = [...]` in a [[queue]]): callers of one line
// who differ in share, patience and routing priority, such as a bank's priority customers.
// Each class becomes a queue of its own, named "QUEUE/CLASS", with the class's share of the
// calls, its patience (or the queue's) and the rest of the queue's settings; every group that
// answers the queue answers each class, the class priority deciding within the skill's own
// priority level. The engine thus needs nothing new, and every figure comes per class, with
// the line's total in the "all" row (docs/scenarios.md, Customer classes).
#include <optional>
#include <string>
#include <vector>

#include "io/checked_table.hpp"
#include "io/scenario_channels.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

struct queue_class {
    std::string name;
    double share = 1.0;
    int priority = 1;                                      // 1 is served first
    std::optional<sim::timed_distribution> patience;       // none: the queue's
    std::optional<sim::timed_distribution> routing_delay;  // none: the queue's
};

/// The classes of each queue, in order (empty: no classes). Checks the shares add up to 1,
/// that names are distinct, and that the queue is a voice queue without a trace.
std::vector<std::vector<queue_class>> read_queue_classes(const std::vector<checked_table>& queues,
                                                         const sim::scenario& s,
                                                         const timed_reader& read_timed);

/// Replaces each queue that has classes by one queue per class, in place (the queues after it
/// move down), and re-points skills, escalations and follow-ups.
void split_queue_classes(sim::scenario& s, const std::vector<std::vector<queue_class>>& classes);

}  // namespace ccsim::io
