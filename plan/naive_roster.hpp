#pragma once
// The naive roster a plan is compared with: "staff for the peak", each day's peak requirement
// kept on the phones through every open interval of that day. It is solved by the same integer
// program, with the same templates, breaks and weekly rules but no cap on head counts (staffing
// for the peak hires whoever it takes), so the two costs differ only in what the plan knows
// about the shape of the day.
#include <optional>

#include "plan/roster_model.hpp"

namespace ccsim::plan {

/// The cost of the least-cost roster meeting `request`'s requirements (its raise included)
/// raised to each day's peak; nullopt when even that has no roster (rules, not head counts,
/// make it infeasible) or the solver finds none in time.
std::optional<double> naive_roster_cost(const model_request& request);

}  // namespace ccsim::plan
