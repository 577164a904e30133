#include "sim/replication_runner.hpp"

#include "sim/engine/ordered_parallel.hpp"

namespace ccsim::sim {

void run_replications(const contact_centre& centre, const run_options& options,
                      const std::function<void(std::size_t, replication_statistics&&)>& consume) {
    ordered_parallel(
        static_cast<std::size_t>(std::max(0, options.replications)), options.threads,
        [&](std::size_t r) { return centre.simulate_replication(options.seed, r); },
        [&](std::size_t r, replication_statistics&& day) { consume(r, std::move(day)); });
}

}  // namespace ccsim::sim
