#pragma once
// Small scenarios built in code for engine tests.
#include <numeric>
#include <optional>
#include <vector>

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

inline sim::queue_spec traced_queue(std::vector<sim::traced_call> trace, std::size_t intervals) {
    sim::queue_spec q;
    q.name = "traced";
    q.calls.assign(intervals, 0.0);
    q.aht.assign(intervals, seconds{100.0});
    q.trace = std::move(trace);
    return q;
}

// A scenario over [0, 1000) in 100-second intervals, open all the time, one traced queue.
inline sim::scenario traced(std::vector<sim::traced_call> trace,
                            std::vector<sim::shift_spec> shifts,
                            std::optional<seconds> patience = std::nullopt) {
    sim::scenario s;
    s.day_start = seconds{0.0};
    s.interval = seconds{100.0};
    s.interval_count = 10;
    s.open_periods = {{seconds{0.0}, seconds{1000.0}}};
    sim::queue_spec q = traced_queue(std::move(trace), s.interval_count);
    if (patience)
        q.patience =
            sim::timed_distribution{{sim::distribution_kind::deterministic, 1.0, 1, {}}, *patience};
    s.queues.push_back(std::move(q));
    s.groups.push_back({"agents", {{0, 1}}, 1.0, 0.0, std::move(shifts)});
    return s;
}

inline sim::traced_call at(double arrival, double handle) {
    return {seconds{arrival}, seconds{handle}, std::nullopt};
}
inline sim::shift_spec shift(double start, double end, int agents = 1,
                             std::vector<sim::break_spec> breaks = {}) {
    return {"s", seconds{start}, seconds{end}, agents, std::move(breaks)};
}

/// Totals of one replication over every bucket of one queue.
inline sim::queue_counters day_totals(const sim::replication_statistics& s, std::size_t queue) {
    sim::queue_counters total;
    for (std::size_t b = 0; b < s.buckets(); ++b) total.merge(s.at(queue, b));
    return total;
}

}  // namespace ccsim::test
