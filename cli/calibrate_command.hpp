#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim calibrate LOG --out DIR`: volumes, forecast, fits, staffing and scenario files
/// estimated from a call log (docs/calibration.md).
int run_calibrate_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
