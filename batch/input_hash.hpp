#pragma once
// What a batch result depends on, as a hash: --resume reuses a result only when it matches.
#include <string>

#include "io/scenario_file.hpp"
#include "sim/replication_runner.hpp"

namespace ccsim::batch {

/// 16 hex digits of FNV-1a over the ccsim version, every file the scenario read (its name and
/// bytes: the scenario, its includes, forecasts and samples), and the replications, seed and
/// confidence level. Threads are left out: results do not depend on them.
std::string input_hash(const io::loaded_scenario& loaded, const sim::run_options& run,
                       double confidence);

}  // namespace ccsim::batch
