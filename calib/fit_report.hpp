#pragma once
// The fit report `ccsim calibrate` prints: the log read, volumes, forecast error beside the
// baselines, handle-time and patience fits, redials, staffing, priorities.
#include <string>

#include "calib/calibration.hpp"
#include "io/call_log.hpp"

namespace ccsim::calib {

std::string fit_report(const calibration& c, const io::call_log_summary& log);

}  // namespace ccsim::calib
