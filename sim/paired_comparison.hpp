#pragma once
// What-if comparisons: a base scenario and variants of it, simulated for the same
// replications. With common random numbers each variant replays the base's callers (same
// arrival times, handle times and patience), so the per-replication difference of a figure
// varies far less than either figure: the confidence interval of the difference is narrow.
#include <vector>

#include "sim/contact_centre.hpp"
#include "sim/replication_runner.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::sim {

struct comparison {
    std::vector<simulation_summary> variants;     // [0] is the base
    std::vector<simulation_summary> differences;  // [v]: variant v minus the base, paired
    double wall_seconds = 0.0;
};

/// centres[0] is the base. All must share the queues, groups and interval grid (config_error
/// otherwise). With `independent_seeds` variant v runs with its own seed instead of the
/// base's: the naive comparison, kept to show what common random numbers buy.
comparison compare_variants(const std::vector<const contact_centre*>& centres,
                            const run_options& options, double confidence = 0.95,
                            bool independent_seeds = false);

/// The pieces of compare_variants, for code that runs the replications elsewhere (shards):
/// the empty comparison (after the comparability check), replication r of every variant as
/// figures in the base's layout, and the reduction of one replication's figures. Adding
/// replications 0, 1, ... in order gives compare_variants' result, bit for bit.
comparison start_comparison(const std::vector<const contact_centre*>& centres, double confidence);
std::vector<replication_figures> variant_figures(const std::vector<const contact_centre*>& centres,
                                                 const simulation_summary& layout,
                                                 const run_options& options, std::size_t r,
                                                 bool independent_seeds);
void add_replication(comparison& result, const std::vector<replication_figures>& figures);

}  // namespace ccsim::sim
