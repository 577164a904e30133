#pragma once
// The shard folders given to a merge, checked to be the N shards of one run, whole, each
// once; and the replications in them, by unit and replication number.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/replication_file.hpp"
#include "batch/shard_manifest.hpp"

namespace ccsim::batch {

class shard_set {
  public:
    /// Reads each folder's shard.json and checks that they are shards 1..N of one run: the
    /// same command, command line and inputs (input hashes), every shard once, and every
    /// replication of every shard present. Throws config_error otherwise, naming the shards
    /// that are missing or given twice, the folders that differ, or each shard's missing
    /// replications (re-run those shards: they resume).
    explicit shard_set(const std::vector<std::filesystem::path>& folders);

    /// The run: command, command line, cwd, units (those of shard 1).
    const shard_manifest& run() const { return shards_.front().manifest; }
    const std::vector<shard_unit>& units() const { return run().units; }

    /// Why unit `u` failed, from the first shard (in shard order) that recorded a failure.
    std::optional<std::string> failure(std::size_t u) const;

    /// Replication r of unit `u`, read from the shard that ran it. Throws config_error when
    /// its file has become unreadable since the check.
    replication_result replication(std::size_t u, std::size_t r) const;

    /// Throws config_error when `hash` (the unit's inputs as they are now; empty when they no
    /// longer load) is not the hash the shards ran with: a file changed after the shards ran.
    void check_inputs(std::size_t u, const std::string& hash) const;

  private:
    struct shard {
        std::filesystem::path folder;
        shard_manifest manifest;
    };
    std::vector<shard> shards_;  // in shard order
};

}  // namespace ccsim::batch
