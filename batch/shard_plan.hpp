#pragma once
// How the work of a run is shared out between N shards. The work is a list of units (the
// scenarios of a batch, or the one scenario of simulate / what-if), each with its
// replications; their replications, laid end to end, are cut into N nearly equal contiguous
// ranges, so a shard takes whole scenarios and blocks of replications of the ones it shares
// with its neighbours, and one huge scenario is split between all shards. Which shard runs a
// replication changes nothing in its result: replication r draws its random numbers from
// (seed, r) wherever it runs.
#include <cstddef>
#include <string>
#include <vector>

namespace ccsim::batch {

/// Shard `index` (1-based) of `count`.
struct shard_spec {
    std::size_t index = 1;
    std::size_t count = 1;
};

/// Replications first .. first + count - 1 of unit `unit`.
struct replication_block {
    std::size_t unit = 0;
    std::size_t first = 0;
    std::size_t count = 0;
};

/// The blocks of shard `spec`, in unit order, given each unit's replications: the positions
/// [floor((I-1) T / N), floor(I T / N)) of the T replications of all units in order. A
/// shard may get nothing when there are fewer replications than shards.
std::vector<replication_block> shard_blocks(const std::vector<std::size_t>& replications,
                                            shard_spec spec);

}  // namespace ccsim::batch
