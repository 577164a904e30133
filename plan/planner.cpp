#include "plan/planner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "plan/isa.hpp"
#include "plan/naive_roster.hpp"
#include "sim/simulation.hpp"

namespace ccsim::plan {

namespace {

struct round_verdict {
    std::vector<interval_check> intervals;
    std::size_t open = 0, short_count = 0;
    std::optional<std::size_t> worst;
    std::optional<double> worst_service_level, worst_answer_rate;
};

bool planned_pool(const io::plan_settings& plan, const staffing_pool& pool) {
    return std::any_of(pool.groups.begin(), pool.groups.end(), [&](std::size_t g) {
        return std::any_of(plan.groups.begin(), plan.groups.end(),
                           [&](const io::plan_group& pg) { return pg.group == g; });
    });
}

// How far an interval is from its targets: the larger shortfall of its two figures.
double distance(const interval_check& c, const io::plan_settings& plan) {
    double d = 0.0;
    if (c.service_level && plan.service_level)
        d = std::max(d, *plan.service_level - c.service_level->mean);
    if (c.answer_rate && plan.answer_rate) d = std::max(d, *plan.answer_rate - c.answer_rate->mean);
    return d;
}

round_verdict judge(const sim::simulation_summary& sum, const requirements& need,
                    const roster_solution& sol, const std::vector<std::vector<double>>& raise,
                    const io::plan_settings& plan) {
    round_verdict v;
    for (std::size_t p = 0; p < need.pools.size(); ++p) {
        if (!planned_pool(plan, need.pools[p])) continue;
        for (std::size_t i = 0; i < need.open.size(); ++i) {
            if (!need.open[i]) continue;
            interval_check c;
            c.interval = i;
            c.pool = p;
            c.required = sol.required[p][i];
            c.scheduled = sol.scheduled[p][i];
            c.shortfall = sol.shortfall[p][i];
            c.raised = raise[p][i];
            // Each queue of the pool must meet each target; the figures shown are the
            // pool's worst queue's (its only queue's, usually).
            for (std::size_t q : need.pools[p].queues) {
                const estimate sl = sum.queue(q, i, sim::queue_figure::service_level);
                const estimate ar = sum.queue(q, i, sim::queue_figure::answer_rate);
                if (std::isfinite(sl.mean)) {
                    if (!c.service_level || sl.mean < c.service_level->mean) c.service_level = sl;
                    if (plan.service_level && sl.mean < *plan.service_level - 1e-12) c.met = false;
                }
                if (std::isfinite(ar.mean)) {
                    if (!c.answer_rate || ar.mean < c.answer_rate->mean) c.answer_rate = ar;
                    if (plan.answer_rate && ar.mean < *plan.answer_rate - 1e-12) c.met = false;
                }
            }
            ++v.open;
            if (!c.met) {
                ++v.short_count;
                if (!v.worst || distance(c, plan) > distance(v.intervals[*v.worst], plan))
                    v.worst = v.intervals.size();
            }
            v.intervals.push_back(c);
        }
    }
    if (v.worst) {
        const interval_check& w = v.intervals[*v.worst];
        if (w.service_level) v.worst_service_level = w.service_level->mean;
        if (w.answer_rate) v.worst_answer_rate = w.answer_rate->mean;
        v.worst = w.interval;
    }
    return v;
}

}  // namespace

bool plan_result::met_everywhere() const {
    return std::all_of(intervals.begin(), intervals.end(),
                       [](const interval_check& c) { return c.met; });
}

plan_result make_plan(const sim::scenario& s, const io::plan_settings& settings,
                      const plan_options& options, plan_observer* observer) {
    plan_result result;
    result.settings = settings;
    if (options.method) result.settings.method = *options.method;
    if (options.time_limit_seconds)
        result.settings.time_limit = seconds{*options.time_limit_seconds};
    const io::plan_settings& plan = result.settings;
    result.run = options.run;

    const interval_targets targets{plan.service_level, plan.answer_rate};
    if (plan.method == io::requirement_method::isa) {
        isa_result isa = isa_requirements(s, targets, {result.run, 10});
        result.need = std::move(isa.need);
        result.isa_iterations = static_cast<std::size_t>(isa.iterations);
    } else {
        result.need = sipp_requirements(s, targets);
    }
    if (observer) observer->requirements_ready(result.need);
    result.raise.assign(result.need.pools.size(), std::vector<double>(s.interval_count, 0.0));

    model_request request;
    request.scenario = &s;
    request.settings = &plan;
    request.need = &result.need;
    request.allow_short = options.allow_short;
    request.solver = {plan.time_limit.count(), plan.gap};

    for (int round = 1;; ++round) {
        request.raise = result.raise;
        plan_round r;
        r.round = round;
        for (const std::vector<double>& pool : result.raise)
            for (double v : pool) r.raised += v;
        result.solution = solve_roster(request);
        if (round == 1) result.naive_cost = naive_roster_cost(request);
        r.cost = result.solution.cost;
        r.lower_bound = result.solution.lower_bound;
        r.gap = result.solution.gap;
        r.solve_seconds = result.solution.solve_seconds;
        if (observer) observer->round_solved(r);

        result.roster = make_planned_roster(s, plan, result.solution);
        result.roster_model = roster_scenario(s, plan, result.roster);
        const auto began = std::chrono::steady_clock::now();
        const sim::contact_centre centre(result.roster_model);
        const sim::simulation_run run = sim::simulate(centre, result.run, options.confidence);
        r.simulate_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        round_verdict v = judge(run.summary, result.need, result.solution, result.raise, plan);
        r.intervals_open = v.open;
        r.intervals_short = v.short_count;
        r.worst_interval = v.worst;
        r.worst_service_level = v.worst_service_level;
        r.worst_answer_rate = v.worst_answer_rate;
        result.intervals = std::move(v.intervals);
        result.rounds.push_back(r);
        if (observer) observer->round_finished(r);
        if (r.intervals_short == 0 || round > plan.rounds) break;
        // Correction: one more agent on the phones wherever the simulation fell short.
        for (const interval_check& c : result.intervals)
            if (!c.met) result.raise[c.pool][c.interval] += 1.0;
    }
    return result;
}

}  // namespace ccsim::plan
