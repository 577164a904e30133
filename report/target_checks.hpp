#pragma once
// A scenario's targets checked against a simulation: the day's figure for all queues with
// its verdict for each target the scenario sets, and how many intervals fall short on
// average. Renderers print these; they decide nothing.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/estimate.hpp"
#include "core/target_verdict.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

struct target_check {
    std::string figure;  // "service level", "answer rate"
    double target = 0.0;
    estimate day;  // the day's figure, all queues together
    verdict result = verdict::undefined;
};

struct target_checks {
    /// The service level target first, then the answer rate target; only those set.
    std::vector<target_check> checks;
    /// With a service level target: the intervals whose mean service level (all queues) is
    /// below it.
    std::optional<std::size_t> intervals_below_service_level;
    std::size_t intervals = 0;

    bool empty() const { return checks.empty(); }
};

target_checks check_targets(const sim::scenario& s, const sim::simulation_summary& r);

}  // namespace ccsim::report
