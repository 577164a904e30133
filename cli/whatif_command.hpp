#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "batch/shard_set.hpp"

namespace ccsim::cli {

/// `ccsim whatif BASE.toml --vary KEY=V1,V2,...`: every variant against the base, paired.
/// With --shard I/N, shard I's share of the replications into the folder --out.
int run_whatif_command(const std::vector<std::string>& args);

/// `ccsim merge` of what-if shards: the comparison the shards' command line would write, as
/// `out`/whatif.txt, .csv, .json or .html after its --format.
int merge_whatif_shards(const batch::shard_set& shards, const std::filesystem::path& out);

}  // namespace ccsim::cli
