#pragma once
// A scenario's targets checked against a simulation: for each target the scenario sets, the
// horizon's figure for all queues with its verdict, each day's likewise, and the risk view:
// the share of replications in which the horizon, each day and each interval met it ("how
// often will this roster fail us"). Renderers print these; they decide nothing.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/estimate.hpp"
#include "core/target_verdict.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

struct day_check {
    std::string day;  // its label
    estimate figure;  // the day's figure, all queues together
    verdict result = verdict::undefined;
    double share_met = 0.0;  // of replications in which the day met the target (NaN: no calls)
};

struct interval_risk {
    std::string interval;  // its label
    double share_met = 0.0;
};

struct target_check {
    std::string figure;  // "service level", "answer rate"
    double target = 0.0;
    estimate day;  // the horizon's figure, all queues together
    verdict result = verdict::undefined;
    double share_met = 0.0;        // of replications in which the horizon met the target
    std::vector<day_check> days;   // each day of the horizon
    std::size_t intervals_below = 0;  // open intervals whose mean is below the target
    std::size_t open_intervals = 0;
    std::vector<interval_risk> riskiest;  // up to five open intervals met least often
};

struct target_checks {
    /// The service level target first, then the answer rate target; only those set.
    std::vector<target_check> checks;
    /// With a service level target: the intervals whose mean service level (all queues) is
    /// below it (as target_check::intervals_below of the service level).
    std::optional<std::size_t> intervals_below_service_level;
    std::size_t intervals = 0;
    std::size_t days = 1;

    bool empty() const { return checks.empty(); }
};

target_checks check_targets(const sim::scenario& s, const sim::simulation_summary& r);

}  // namespace ccsim::report
