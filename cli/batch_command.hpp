#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "batch/shard_set.hpp"

namespace ccsim::cli {

/// `ccsim batch DIR|FILES... --out OUT`: every scenario, one summary; a broken file costs
/// only its own row. With --shard I/N, shard I's share of the replications into OUT.
int run_batch_command(const std::vector<std::string>& args);

/// `ccsim merge` of batch shards: the batch of the shards' command line, into `out`, from
/// their replications.
int merge_batch_shards(const batch::shard_set& shards, const std::filesystem::path& out);

}  // namespace ccsim::cli
