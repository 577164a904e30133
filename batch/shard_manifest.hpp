#pragma once
// FOLDER/shard.json: what a shard folder holds. Written when the shard starts (so a killed
// shard still says what it was given) and again when it ends; the replications themselves
// are files beside it (replication_file).
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "batch/shard_plan.hpp"

namespace ccsim::batch {

/// One piece of work whose replications are shared out: a batch scenario, or the scenario of
/// simulate or the what-if.
struct shard_unit {
    std::string name;  // its folder under FOLDER/replications, and how messages name it
    std::string hash;  // input_hash; empty when the unit could not be loaded
    std::size_t replications = 0;
    bool operator==(const shard_unit&) const = default;
};

struct shard_manifest {
    std::string command;            // "batch", "simulate" or "whatif"
    std::vector<std::string> args;  // its command line without --shard, --out, --threads
    std::string cwd;                // the folder relative paths in args start from
    shard_spec spec;
    std::vector<shard_unit> units;                // all of the run's, the same in every shard
    std::vector<replication_block> blocks;        // this shard's (shard_blocks)
    std::map<std::size_t, std::string> failures;  // unit -> why it failed in this shard
    bool finished = false;                        // the shard ran to its end
};

/// FOLDER/replications/NAME: where the replications of `unit` are.
std::filesystem::path unit_folder(const std::filesystem::path& folder, const shard_unit& unit);

/// Writes FOLDER/shard.json atomically.
void write_manifest(const std::filesystem::path& folder, const shard_manifest& manifest);

/// Reads FOLDER/shard.json. Throws config_error naming the folder when it is not a shard
/// folder or its shard.json is damaged.
shard_manifest read_manifest(const std::filesystem::path& folder);

}  // namespace ccsim::batch
