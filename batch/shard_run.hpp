#pragma once
// Runs one shard: its blocks of replications, each replication written to its own file as
// soon as it is done. Run again after a kill (or a failure), it keeps every whole replication
// of the same inputs and runs only the missing ones, so no replication is lost or run twice.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "batch/shard_manifest.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::batch {

/// Replication r of a unit, as figures (one per variant).
using replication_producer = std::function<std::vector<sim::replication_figures>(std::size_t r)>;
/// Prepares a unit for running (loads its scenario, ...) and returns its producer. May throw:
/// the unit then fails in this shard, with the error's text.
using producer_factory = std::function<replication_producer(std::size_t unit)>;

struct shard_outcome {
    std::size_t blocks = 0;
    std::size_t ran = 0;     // replications simulated now
    std::size_t reused = 0;  // replications found whole from an earlier run of this shard
    std::size_t failed = 0;  // blocks whose unit failed
};

/// What the shard tells its caller as it goes; called on the calling thread.
struct shard_observer {
    std::function<void(const shard_unit& unit, const replication_block& block,
                       const std::string& failure)>
        block_finished;
};

/// Sets manifest.blocks (shard_blocks of manifest.spec), writes FOLDER/shard.json, runs the
/// blocks in order (each on `threads` threads), then writes shard.json again, finished, with
/// the units that failed. Creates FOLDER when missing; throws config_error when it holds
/// another shard (another I/N or command). Throws ccsim::error when shard.json or
/// a folder cannot be written; any error while running a unit is recorded as its failure.
shard_outcome run_shard(const std::filesystem::path& folder, shard_manifest manifest, int threads,
                        const producer_factory& prepare, const shard_observer& observer = {});

}  // namespace ccsim::batch
