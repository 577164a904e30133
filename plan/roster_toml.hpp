#pragma once
// roster.toml: a scenario file with the planned roster, which `simulate` and `whatif` run as
// it is. It includes the planned scenario (so queues, forecasts and unplanned groups stay
// where they are written), sets the run and targets the plan was verified with, and gives
// each planned group its shifts and tours (or head counts on single days).
#include <string>

#include "plan/planner.hpp"

namespace ccsim::plan {

/// The file's text. `include` is the planned scenario's path as the file should write it
/// (relative to the folder roster.toml is written to).
std::string roster_toml(const sim::scenario& s, const plan_result& plan,
                        const std::string& include);

}  // namespace ccsim::plan
