#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim batch DIR|FILES... --out OUT`: every scenario, one summary; a broken file costs
/// only its own row.
int run_batch_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
