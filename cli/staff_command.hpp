#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim staff FORECAST.csv`: agents required in every interval of a forecast.
int run_staff_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
