#include "sim/simulation.hpp"

#include <chrono>

namespace ccsim::sim {

simulation_run simulate(const contact_centre& centre, const run_options& options,
                        double confidence) {
    const scenario& s = centre.model();
    const auto start = std::chrono::steady_clock::now();
    simulation_run run{simulation_summary(s.queues.size(), s.groups.size(), s.interval_count,
                                          s.interval, confidence)};
    run_replications(centre, options,
                     [&](std::size_t, replication_statistics&& day) { run.summary.add(day); });
    run.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;
}

}  // namespace ccsim::sim
