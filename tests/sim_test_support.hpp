#pragma once
// Small scenarios built in code for engine tests.
#include <numeric>

#include "sim/contact_centre.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::test {

/// One queue, one group of `agents` on duty [0, hours), intervals of one hour, open all the time.
inline sim::scenario one_queue(double calls_per_hour, double aht, int agents, double hours = 8.0) {
    sim::stationary_queue q;
    q.calls_per_hour = calls_per_hour;
    q.aht = seconds{aht};
    q.agents = agents;
    q.horizon = seconds{hours * 3600.0};
    q.warmup = seconds{0.0};
    return sim::make_stationary_scenario(q);
}

/// Totals of one replication over every bucket of one queue.
inline sim::queue_counters day_totals(const sim::replication_statistics& s, std::size_t queue) {
    sim::queue_counters total;
    for (std::size_t b = 0; b < s.buckets(); ++b) total.merge(s.at(queue, b));
    return total;
}

}  // namespace ccsim::test
