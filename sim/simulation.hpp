#pragma once
// The one call that runs a scenario: replications over threads, reduced in order.
#include "sim/contact_centre.hpp"
#include "sim/replication_runner.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::sim {

struct simulation_run {
    simulation_summary summary;
    double wall_seconds = 0.0;
};

simulation_run simulate(const contact_centre& centre, const run_options& options,
                        double confidence = 0.95);

/// The empty summary simulate() adds replications to (with batch means where it uses them),
/// for code that gets the replications elsewhere, such as a merge of shards. Adding the same
/// replications' figures in replication order gives the same summary, bit for bit.
simulation_summary start_summary(const scenario& s, const run_options& options,
                                 double confidence = 0.95);

}  // namespace ccsim::sim
