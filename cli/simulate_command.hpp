#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim simulate`: replications of a scenario file, or of one stationary queue (quick form).
int run_simulate_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
