#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim plan SCENARIO.toml`: a least-cost roster from the scenario's [plan] table, verified
/// and corrected by simulation.
int run_plan_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
