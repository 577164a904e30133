#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "batch/shard_set.hpp"

namespace ccsim::cli {

/// `ccsim simulate`: replications of a scenario file, or of one stationary queue (quick form).
/// With --shard I/N, shard I's share of the replications into the folder --out.
int run_simulate_command(const std::vector<std::string>& args);

/// `ccsim merge` of simulate shards: what the shards' command line would print, with the
/// result folder (or, with --format html, the report `out`/report.html) written to `out`.
int merge_simulate_shards(const batch::shard_set& shards, const std::filesystem::path& out);

}  // namespace ccsim::cli
