#include "sim/run_work.hpp"

#include <fmt/format.h>
#include <numeric>

#include "core/limits.hpp"

namespace ccsim::sim {

bool run_work::notable() const {
    return items() > limits::work_notice;
}

bool run_work::huge() const {
    return items() > limits::work_limit;
}

run_work work_of(const scenario& s, int replications, int runs) {
    run_work work;
    for (const queue_spec& q : s.queues) {
        // A traced queue replays its log instead of drawing from its forecast.
        work.items_per_replication += q.trace.empty()
                                          ? std::accumulate(q.calls.begin(), q.calls.end(), 0.0)
                                          : static_cast<double>(q.trace.size());
    }
    work.items_per_replication *= static_cast<double>(runs);
    work.replications = static_cast<double>(replications);
    return work;
}

std::string describe(const run_work& work) {
    return fmt::format("about {:.3g} items ({:.3g} per replication x {:g} replications)",
                       work.items(), work.items_per_replication, work.replications);
}

}  // namespace ccsim::sim
