#pragma once
// Runs independent replications on several threads and hands their results back in
// replication order, so that whatever is computed from them is the same for any number of
// threads.
#include <cstdint>
#include <functional>

#include "sim/contact_centre.hpp"

namespace ccsim::sim {

struct run_options {
    int replications = 20;
    std::uint64_t seed = 1;
    int threads = 1;
};

/// Calls consume(r, stats) for r = 0, 1, ..., replications - 1 in that order, on the
/// calling thread. Workers run at most a few replications ahead of the consumer, so memory
/// stays bounded. An exception in a worker is rethrown here.
void run_replications(const contact_centre& centre, const run_options& options,
                      const std::function<void(std::size_t, replication_statistics&&)>& consume);

}  // namespace ccsim::sim
