#pragma once
#include <string>
#include <vector>

namespace ccsim::cli {

/// `ccsim merge SHARD_DIR... --out DIR`: the shards of one batch, simulate or whatif run
/// (--shard I/N) combined into what the run on one machine writes.
int run_merge_command(const std::vector<std::string>& args);

}  // namespace ccsim::cli
