#pragma once
// Staffing requirements per interval for the planner: agents needed on the phones in every
// open interval, for each staffing pool.
//
// A pool is a set of queues and the groups that answer them, joined through skills (the
// connected parts of the queue-group graph). A group serving one queue alone gets that
// queue's requirement exactly. Groups sharing queues are planned against the pooled load of
// the pool's queues (calls added, handle times and patience weighted by calls, the shortest
// threshold), counting an agent of a group with handle_time_factor f as 1/f of an agent: an
// approximation that the correction by simulation settles (docs/planning.md).
#include <optional>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "erlang/staffing.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::plan {

struct staffing_pool {
    std::vector<std::size_t> queues;  // indices into the scenario's queues
    std::vector<std::size_t> groups;  // indices into the scenario's groups
};

/// The pools of a scenario, in order of their first queue.
std::vector<staffing_pool> staffing_pools(const sim::scenario& s);

/// The targets every interval of every queue must meet.
struct interval_targets {
    std::optional<double> service_level;  // within each queue's threshold, of offered calls
    std::optional<double> answer_rate;
    erlang::staffing_targets for_threshold(seconds threshold) const;
};

/// The pooled demand of a pool in one interval, as Erlang sees it.
struct pooled_interval {
    double calls = 0.0;
    seconds aht{0.0};
    std::optional<seconds> patience;
    seconds threshold{15.0};
};
pooled_interval pooled_demand(const sim::scenario& s, const staffing_pool& pool, std::size_t i);

/// Agents on the phones needed per pool and interval (before shrinkage): 0 in closed intervals.
struct requirements {
    std::vector<staffing_pool> pools;
    std::vector<std::vector<double>> agents;  // [pool][interval]
    std::vector<bool> open;                   // [interval]: the centre is open during part of it
};

/// Whether each interval of the grid is open during part of it.
std::vector<bool> open_intervals(const sim::scenario& s);

/// Erlang per interval (Erlang A when the pool's queues have patience, with the mean patience
/// as an exponential one; Erlang C otherwise). Throws domain_error when an interval cannot be
/// staffed to the targets.
requirements sipp_requirements(const sim::scenario& s, const interval_targets& targets);

/// Agents on the phones of `group` in every interval from its own roster (shifts with their
/// daily head counts and tours; breaks taken where the roster puts them), before absence.
std::vector<double> roster_coverage(const sim::scenario& s, const sim::group_spec& group);

/// "2026-03-02 Mon 08:30", or "08:30" on a single undated day.
std::string interval_label(const sim::scenario& s, std::size_t i);

/// The share of interval i's length that [from, to) (clock times) covers.
double interval_share(const sim::scenario& s, std::size_t i, seconds from, seconds to);

}  // namespace ccsim::plan
