#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim whatif BASE.toml --vary KEY=V1,V2,...`: variants of a scenario with paired
/// differences from the base.
int run_whatif_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
