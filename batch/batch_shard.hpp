#pragma once
// A batch over several machines: shard I of N runs its share of the batch's replications
// (shard_plan) into a shard folder, and merge_batch turns the N shard folders into exactly
// the files one run_batch writes.
#include "batch/batch_request.hpp"
#include "batch/run_batch.hpp"
#include "batch/shard_run.hpp"
#include "batch/shard_set.hpp"

namespace ccsim::batch {

/// Runs shard `run.spec` of `request` into request.out, the shard folder (request.resume
/// is not needed: a shard always keeps its whole replications). `run` gives the command,
/// command line and cwd to record; its units are the request's scenarios in file order (one
/// that cannot be loaded has no replications: the merge reports it as the batch does).
shard_outcome run_batch_shard(const batch_request& request, shard_manifest run,
                              const shard_observer& observer = {});

/// Writes into request.out what run_batch(request) writes (summary.csv, summary.json and
/// each scenario's folder; all figures bit for bit, only the timing fields differ: wall_s is
/// the sum of the replications' times on their shards), from the replications in `shards`.
/// Throws config_error when a scenario file changed after the shards ran; a scenario that
/// failed (to load, or in a shard) is an error row, as in run_batch.
batch_result merge_batch(const batch_request& request, const shard_set& shards,
                         const batch_observer& observer = {});

}  // namespace ccsim::batch
