#include "plan/requirements.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "erlang/staffing_sequence.hpp"

namespace ccsim::plan {

std::vector<staffing_pool> staffing_pools(const sim::scenario& s) {
    // Union-find over queues, joined by every group's skills.
    std::vector<std::size_t> parent(s.queues.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto root = [&](std::size_t q) {
        while (parent[q] != q) q = parent[q] = parent[parent[q]];
        return q;
    };
    for (const sim::group_spec& g : s.groups)
        for (std::size_t k = 1; k < g.skills.size(); ++k)
            parent[root(g.skills[k].queue)] = root(g.skills[0].queue);
    std::vector<staffing_pool> pools;
    std::vector<std::size_t> pool_of_root(s.queues.size(), s.queues.size());
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        const std::size_t r = root(q);
        if (pool_of_root[r] == s.queues.size()) {
            pool_of_root[r] = pools.size();
            pools.emplace_back();
        }
        pools[pool_of_root[r]].queues.push_back(q);
    }
    for (std::size_t g = 0; g < s.groups.size(); ++g)
        if (!s.groups[g].skills.empty())
            pools[pool_of_root[root(s.groups[g].skills[0].queue)]].groups.push_back(g);
    return pools;
}

erlang::staffing_targets interval_targets::for_threshold(seconds threshold) const {
    erlang::staffing_targets t;
    if (service_level) t.service_level = service_level_target{*service_level, threshold};
    t.answer_rate = answer_rate;
    return t;
}

pooled_interval pooled_demand(const sim::scenario& s, const staffing_pool& pool, std::size_t i) {
    pooled_interval p;
    double work = 0.0, patience_weight = 0.0, weight = 0.0;
    bool all_patient = true;
    seconds threshold{1e300};
    for (std::size_t q : pool.queues) {
        const sim::queue_spec& queue = s.queues[q];
        const double calls = i < queue.calls.size() ? queue.calls[i] : 0.0;
        const seconds aht = i < queue.aht.size() ? queue.aht[i] : queue.aht.back();
        p.calls += calls;
        work += calls * aht.count();
        threshold = std::min(threshold, queue.threshold);
        // Weights of 1 with no calls: the interval still gets a sensible AHT and patience.
        const double w = calls > 0.0 ? calls : 1e-12;
        weight += w;
        if (queue.patience)
            patience_weight += w * queue.patience->mean.count();
        else
            all_patient = false;
    }
    double plain_aht = 0.0;
    for (std::size_t q : pool.queues) {
        const sim::queue_spec& queue = s.queues[q];
        plain_aht += (i < queue.aht.size() ? queue.aht[i] : queue.aht.back()).count();
    }
    p.aht = seconds{p.calls > 0.0 ? work / p.calls
                                  : plain_aht / static_cast<double>(pool.queues.size())};
    if (all_patient) p.patience = seconds{patience_weight / weight};
    p.threshold = threshold;
    return p;
}

std::vector<bool> open_intervals(const sim::scenario& s) {
    const std::vector<double> open = sim::open_seconds_per_interval(s);
    std::vector<bool> result(open.size());
    for (std::size_t i = 0; i < open.size(); ++i) result[i] = open[i] > 0.0;
    return result;
}

requirements sipp_requirements(const sim::scenario& s, const interval_targets& targets) {
    requirements r;
    r.pools = staffing_pools(s);
    r.open = open_intervals(s);
    for (const staffing_pool& pool : r.pools) {
        std::vector<double>& need = r.agents.emplace_back(s.interval_count, 0.0);
        std::optional<erlang::staffing_sequence> sequence;
        seconds threshold{-1.0};
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            if (!r.open[i]) continue;
            const pooled_interval demand = pooled_demand(s, pool, i);
            if (demand.calls <= 0.0) continue;
            if (!sequence || demand.threshold != threshold) {
                threshold = demand.threshold;
                sequence.emplace(targets.for_threshold(threshold), erlang::staffing_options{});
            }
            const auto traffic = erlang::offered_traffic::from_volume(demand.calls, s.interval,
                                                                      demand.aht, demand.patience);
            try {
                need[i] = static_cast<double>(sequence->solve(traffic).agents);
            } catch (const domain_error& e) {
                throw domain_error(fmt::format("interval {}: {}", i, e.what()));
            }
        }
    }
    return r;
}

std::string interval_label(const sim::scenario& s, std::size_t i) {
    const seconds start = s.interval_start(i);
    const auto day = static_cast<std::size_t>(std::floor(start.count() / seconds_per_day));
    const std::string clock =
        format_time_of_day(start - seconds{static_cast<double>(day) * seconds_per_day});
    const std::string label = day < s.calendar.days ? s.calendar.day_label(day) : "";
    return label.empty() ? clock : fmt::format("{} {}", label, clock);
}

double interval_share(const sim::scenario& s, std::size_t i, seconds from, seconds to) {
    const double a = std::max(from.count(), s.interval_start(i).count());
    const double b = std::min(to.count(), s.interval_start(i + 1).count());
    return b > a ? (b - a) / s.interval.count() : 0.0;
}

namespace {

// Adds `agents` on [start, end) less the breaks, the shift worked on `day`, to `cover`.
void add_shift(const sim::scenario& s, const sim::shift_spec& shift, std::size_t day, double agents,
               std::vector<double>& cover) {
    const seconds offset{static_cast<double>(day) * seconds_per_day};
    const seconds from = offset + shift.start, to = offset + shift.end;
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        if (s.interval_start(i + 1) <= from) continue;
        if (s.interval_start(i) >= to) break;
        double share = interval_share(s, i, from, to);
        for (const sim::break_spec& b : shift.breaks)
            share -= interval_share(s, i, offset + b.start, offset + b.start + b.length);
        cover[i] += agents * share;
    }
}

}  // namespace

std::vector<double> roster_coverage(const sim::scenario& s, const sim::group_spec& group) {
    std::vector<double> cover(s.interval_count, 0.0);
    for (const sim::shift_spec& shift : group.shifts)
        for (std::uint32_t d : shift.days) add_shift(s, shift, d, shift.agents, cover);
    for (const sim::tour_spec& tour : group.tours)
        for (const sim::worked_day& w : tour.work)
            add_shift(s, group.shifts[w.shift], w.day, tour.agents, cover);
    return cover;
}

}  // namespace ccsim::plan
