#pragma once
// The keys of the department's channels (docs/scenarios.md, Channels): a queue's `channel`
// and the keys that go with it (repeat callers and follow-ups on voice, the reply and the
// deadlines of the back office, attempts of outbound calls), its own hours and target, and a
// group's chat slots, blending and reserve. A key that belongs to another channel than the
// queue's is an error, not silently ignored.
#include <functional>
#include <vector>

#include "io/checked_table.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

/// Reads a timed distribution table (distribution, mean, cv, phases).
using timed_reader = std::function<sim::timed_distribution(const checked_table&)>;

/// The channel keys of queue `q` into `spec`; `s` must already have its calendar, grid and
/// the centre's opening periods (a queue's hours must lie within them).
void read_queue_channel(const checked_table& q, sim::queue_spec& spec, const sim::scenario& s,
                        const timed_reader& read_timed);

/// Resolves the names queues give each other (escalate_to, follow_up.to), once all are read.
void link_queues(const std::vector<checked_table>& queues, sim::scenario& s);

/// The chat, blending and reserve keys of group `g` into `group`.
void read_group_channel(const checked_table& g, sim::group_spec& group, const sim::scenario& s);

}  // namespace ccsim::io
