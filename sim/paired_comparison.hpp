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

}  // namespace ccsim::sim
