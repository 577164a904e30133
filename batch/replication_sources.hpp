#pragma once
// The two kinds of replication a shard makes and a merge reduces: one scenario's (simulate,
// each batch scenario) and a what-if's (every variant of one replication together). Each
// merge adds the replications in replication order with the code the single run uses, so
// its result is the single run's, bit for bit.
#include <memory>
#include <vector>

#include "batch/shard_run.hpp"
#include "batch/shard_set.hpp"
#include "sim/paired_comparison.hpp"
#include "sim/simulation.hpp"

namespace ccsim::batch {

/// Replication r of `centre` with `seed`, as simulate() adds it.
replication_producer simulation_replications(std::shared_ptr<const sim::contact_centre> centre,
                                             std::uint64_t seed, double confidence);

/// simulate(centre, options, confidence) from unit `u`'s replications in `shards`; wall_seconds
/// is the sum of their times.
sim::simulation_run merged_simulation(const shard_set& shards, std::size_t u,
                                      const sim::contact_centre& centre,
                                      const sim::run_options& options, double confidence);

/// Replication r of every variant, as compare_variants makes it.
replication_producer comparison_replications(
    std::vector<std::shared_ptr<const sim::contact_centre>> centres,
    const sim::run_options& options, double confidence, bool independent_seeds);

/// compare_variants(centres, options, confidence, ...) from unit `u`'s replications.
sim::comparison merged_comparison(const shard_set& shards, std::size_t u,
                                  const std::vector<const sim::contact_centre*>& centres,
                                  const sim::run_options& options, double confidence);

}  // namespace ccsim::batch
