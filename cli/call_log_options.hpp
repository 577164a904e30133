#pragma once
// How a call log is read: --preset, --columns and --max-bad-rows, shared by calibrate and by
// simulate --replay.
#include "cli/command_line.hpp"
#include "io/call_log.hpp"

namespace ccsim::cli {

void add_call_log_options(po::options_description& options);

/// The options above. Throws config_error naming the option, the rule and the text.
io::call_log_options read_call_log_options(const po::variables_map& values);

}  // namespace ccsim::cli
