#pragma once
// Staffing requirements interval by interval, from a forecast of calls and handle times.
#include <optional>
#include <vector>

#include "core/duration.hpp"
#include "erlang/staffing.hpp"

namespace ccsim::erlang {

struct interval_demand {
    seconds start{0.0};  // from the start of the forecast
    seconds length{0.0};
    double calls = 0.0;
    seconds aht{0.0};
    std::optional<seconds> patience;
};

struct interval_requirement {
    interval_demand demand;
    staffing_answer answer;
};

struct staffing_totals {
    double calls = 0.0;
    double agent_hours = 0.0;      // agents on the phones x interval length
    double scheduled_hours = 0.0;  // after shrinkage
    long peak_agents = 0;
    long peak_scheduled = 0;
    // Call-weighted averages of the predicted figures over all intervals.
    double service_level = 1.0;
    double answer_rate = 1.0;
    double p_abandon = 0.0;
    seconds asa{0.0};
    double occupancy = 0.0;  // answered workload / agent time
};

struct staffing_plan {
    std::vector<interval_requirement> intervals;
    staffing_totals totals;
};

/// Solves every interval as a stationary queue of its own and sums up. The answers are each
/// interval's alone; solving them in order only speeds the searches (staffing_sequence).
/// `patience` applies to intervals whose demand has none.
staffing_plan plan_intervals(const std::vector<interval_demand>& demand,
                             const staffing_targets& targets, const staffing_options& options);

}  // namespace ccsim::erlang
