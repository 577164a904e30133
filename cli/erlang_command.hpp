#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim erlang`: every closed-form figure for a staffing, or the staffing that meets targets.
int run_erlang_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
