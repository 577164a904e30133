#include "sim/simulation.hpp"

#include <chrono>

namespace ccsim::sim {

simulation_summary start_summary(const scenario& s, const run_options& options, double confidence) {
    simulation_summary summary(s, confidence);
    // One long run of a stationary queue: its intervals serve as batches for the CIs.
    if (s.stationary && options.replications == 1) summary.use_batch_means();
    return summary;
}

simulation_run simulate(const contact_centre& centre, const run_options& options,
                        double confidence) {
    const auto start = std::chrono::steady_clock::now();
    simulation_run run{start_summary(centre.model(), options, confidence)};
    run_replications(centre, options,
                     [&](std::size_t, replication_statistics&& day) { run.summary.add(day); });
    run.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;
}

}  // namespace ccsim::sim
