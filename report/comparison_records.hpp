#pragma once
// A what-if comparison as output records: one row per variant with its day figures and
// their paired differences from the base.
#include <string>
#include <vector>

#include "report/record.hpp"
#include "sim/model/scenario.hpp"
#include "sim/paired_comparison.hpp"

namespace ccsim::report {

/// What makes each variant: the keys varied, and for every variant after the base the value
/// each key takes (as written: "+2", "*1.2", "170s").
struct variant_labels {
    std::vector<std::string> keys;
    std::vector<std::vector<std::string>> values;  // [v - 1][k]: variant v's value for keys[k]
};

/// One record per variant, the base first: "variant" (its number, 0 for the base), a column
/// per key (the value, "base" on the base row), "targets" when the `base` scenario sets
/// targets (whether the variant meets all of them: verdict_key of all_targets over the
/// targets block's verdicts), then for each figure (offered, service_level,
/// answer_rate, abandon_rate, asa_s, p90_wait_s: all queues; occupancy: all groups; the whole
/// day) the estimate and KEY_diff, its paired difference from the base (empty on the base
/// row). `compact` keeps to what a text table shows: service level, answer rate, ASA and
/// occupancy. With the `base` scenario, each chat, back-office and outbound queue adds its
/// standards' figures (QUEUE.service_level, QUEUE.replied_within, QUEUE.resolved_within,
/// QUEUE.done_within, QUEUE.attempts), in the compact table too: the trade-off a reserve or a
/// blending rule makes between inbound service and the other channels.
std::vector<record> comparison_records(const sim::comparison& c, const variant_labels& labels,
                                       bool compact, const sim::scenario* base = nullptr);

}  // namespace ccsim::report
