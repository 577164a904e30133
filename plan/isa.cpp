#include "plan/isa.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.hpp"
#include "erlang/staffing_sequence.hpp"
#include "sim/agents/head_count_shifts.hpp"
#include "sim/simulation.hpp"

namespace ccsim::plan {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Ample staffing to start from: twice the Erlang answer and two more, where there are calls.
requirements ample(const requirements& sipp) {
    requirements start = sipp;
    for (std::vector<double>& pool : start.agents)
        for (double& n : pool)
            if (n > 0.0) n = 2.0 * n + 2.0;
    return start;
}

// The offered load of pool p in interval i: the mean number of agents busy, divided by the
// answer rate (the work abandoning callers would have brought).
double offered_load(const staffing_check& check, std::size_t p, std::size_t i) {
    const double answer = check.pool_answer_rate[p][i];
    return check.pool_busy[p][i] / (std::isfinite(answer) ? std::max(answer, 0.05) : 1.0);
}

// Staffing stays constant through an interval, so it must carry the interval's end when the
// load rises: the load there is about halfway to the next interval's mean. A falling load
// needs no such margin (agents whose shift ends finish the call in hand).
double offered_load_at_end(const staffing_check& check, std::size_t p, std::size_t i,
                           const std::vector<bool>& open) {
    const double here = offered_load(check, p, i);
    if (i + 1 >= open.size() || !open[i + 1]) return here;
    return std::max(here, 0.5 * (here + offered_load(check, p, i + 1)));
}

}  // namespace

staffing_check simulate_staffing(const sim::scenario& s, const requirements& need,
                                 const sim::run_options& run) {
    sim::scenario plain = s;
    plain.groups.clear();
    for (std::size_t p = 0; p < need.pools.size(); ++p) {
        sim::group_spec g;
        g.name = fmt::format("pool {}", p + 1);
        for (std::size_t q : need.pools[p].queues) g.skills.push_back({q, 1, 1});
        std::vector<int> counts(s.interval_count, 0);
        for (std::size_t i = 0; i < s.interval_count; ++i)
            counts[i] = static_cast<int>(std::ceil(need.agents[p][i] - 1e-9));
        g.shifts = sim::shifts_from_head_counts(counts, plain);
        plain.groups.push_back(std::move(g));
    }
    const sim::contact_centre centre(std::move(plain));
    const sim::simulation_run result = sim::simulate(centre, run);
    const sim::simulation_summary& sum = result.summary;
    staffing_check check;
    const std::size_t all = sum.queues();
    check.service_level.assign(s.interval_count, nan);
    check.answer_rate.assign(s.interval_count, nan);
    check.busy.assign(s.interval_count, 0.0);
    check.pool_busy.assign(need.pools.size(), std::vector<double>(s.interval_count, 0.0));
    check.pool_answer_rate.assign(need.pools.size(), std::vector<double>(s.interval_count, nan));
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        if (!need.open[i]) continue;
        check.service_level[i] = sum.queue(all, i, sim::queue_figure::service_level).mean;
        check.answer_rate[i] = sum.queue(all, i, sim::queue_figure::answer_rate).mean;
        for (std::size_t p = 0; p < need.pools.size(); ++p) {
            const double busy = sum.group(p, i, sim::group_figure::agents_busy).mean;
            check.pool_busy[p][i] = std::isfinite(busy) ? busy : 0.0;
            check.busy[i] += check.pool_busy[p][i];
            double offered = 0.0, answered = 0.0;
            for (std::size_t q : need.pools[p].queues) {
                offered += sum.queue(q, i, sim::queue_figure::offered).mean;
                answered += sum.queue(q, i, sim::queue_figure::answered).mean;
            }
            if (offered > 0.0) check.pool_answer_rate[p][i] = answered / offered;
        }
    }
    return check;
}

isa_result isa_requirements(const sim::scenario& s, const interval_targets& targets,
                            const isa_options& options) {
    const requirements sipp = sipp_requirements(s, targets);
    requirements current = ample(sipp);
    isa_result result;
    for (int k = 1; k <= options.max_iterations; ++k) {
        const staffing_check check = simulate_staffing(s, current, options.run);
        requirements next = current;
        double change = 0.0;
        for (std::size_t p = 0; p < current.pools.size(); ++p) {
            std::optional<erlang::staffing_sequence> sequence;
            seconds threshold{-1.0};
            for (std::size_t i = 0; i < s.interval_count; ++i) {
                if (!current.open[i] || sipp.agents[p][i] <= 0.0) continue;
                const pooled_interval demand = pooled_demand(s, current.pools[p], i);
                if (!sequence || demand.threshold != threshold) {
                    threshold = demand.threshold;
                    sequence.emplace(targets.for_threshold(threshold), erlang::staffing_options{});
                }
                const double load = offered_load_at_end(check, p, i, current.open);
                const double calls = load * s.interval.count() / demand.aht.count();
                double agents = 0.0;
                if (calls > 0.0) {
                    const auto traffic = erlang::offered_traffic::from_volume(
                        calls, s.interval, demand.aht, demand.patience);
                    agents = static_cast<double>(sequence->solve(traffic).agents);
                }
                // An interval with calls keeps at least one agent.
                agents = std::max(agents, 1.0);
                change = std::max(change, std::abs(agents - current.agents[p][i]));
                next.agents[p][i] = agents;
            }
        }
        current = std::move(next);
        result.iterations = k;
        if (change <= 1.0) {
            result.converged = true;
            break;
        }
    }
    result.check = simulate_staffing(s, current, options.run);
    result.need = std::move(current);
    return result;
}

stability stability_of(const std::vector<double>& values) {
    stability st;
    double sum = 0.0, squares = 0.0;
    st.min = std::numeric_limits<double>::infinity();
    st.max = -std::numeric_limits<double>::infinity();
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        ++st.intervals;
        sum += v;
        squares += v * v;
        st.min = std::min(st.min, v);
        st.max = std::max(st.max, v);
    }
    if (st.intervals == 0) return {};
    const auto n = static_cast<double>(st.intervals);
    st.mean = sum / n;
    st.sd = st.intervals > 1 ? std::sqrt(std::max(0.0, (squares - n * st.mean * st.mean) / (n - 1)))
                             : 0.0;
    return st;
}

}  // namespace ccsim::plan
