#include "plan/roster_model.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "core/errors.hpp"

namespace ccsim::plan {

namespace {

constexpr double epsilon = 1e-7;

// (interval, share of it) covered by [from, to).
std::vector<std::pair<std::size_t, double>> shares(const sim::scenario& s, seconds from,
                                                   seconds to) {
    std::vector<std::pair<std::size_t, double>> result;
    if (s.interval_count == 0) return result;
    const double first = std::floor((from - s.day_start).count() / s.interval.count());
    for (auto i = static_cast<std::size_t>(std::max(0.0, first)); i < s.interval_count; ++i) {
        if (s.interval_start(i) >= to) break;
        const double share = interval_share(s, i, from, to);
        if (share > epsilon) result.emplace_back(i, share);
    }
    return result;
}

// Days-off patterns over a 7-day horizon: which days a person works.
std::vector<std::vector<bool>> day_patterns(int working_days, bool consecutive) {
    std::vector<std::vector<bool>> patterns;
    const int off = 7 - working_days;
    if (consecutive) {
        for (int first = 0; first < (off == 0 ? 1 : 7); ++first) {
            std::vector<bool> works(7, true);
            for (int k = 0; k < off; ++k) works[static_cast<std::size_t>((first + k) % 7)] = false;
            patterns.push_back(works);
        }
        return patterns;
    }
    for (unsigned mask = 0; mask < 128; ++mask) {
        if (std::popcount(mask) != working_days) continue;
        std::vector<bool> works(7);
        for (std::size_t d = 0; d < 7; ++d) works[d] = (mask >> d) & 1u;
        patterns.push_back(works);
    }
    return patterns;
}

struct layout {
    std::vector<int> y;                               // per candidate
    std::vector<std::vector<std::vector<int>>> v;     // [candidate][break][offset], -1: none
    std::vector<std::vector<tour_pattern>> patterns;  // [plan group]
    std::vector<std::vector<int>> pattern_column;     // [plan group][pattern]
    std::vector<std::vector<int>> u;                  // [pool][interval], -1: none
};

struct builder {
    const model_request& request;
    const sim::scenario& s;
    const io::plan_settings& plan;
    const requirements& need;
    std::vector<candidate> candidates;
    std::vector<std::size_t> pool_of_group;  // by scenario group
    std::vector<std::vector<double>> required, fixed;
    mip_problem problem;
    layout cols;
    double penalty = 0.0;

    explicit builder(const model_request& r)
        : request(r), s(*r.scenario), plan(*r.settings), need(*r.need) {
        candidates = make_candidates(s, plan);
        pool_of_group.assign(s.groups.size(), 0);
        for (std::size_t p = 0; p < need.pools.size(); ++p)
            for (std::size_t g : need.pools[p].groups) pool_of_group[g] = p;
        compute_required();
    }

    double efficiency(std::size_t plan_group) const {
        return 1.0 / s.groups[plan.groups[plan_group].group].handle_time_factor;
    }
    bool planned(std::size_t scenario_group) const {
        return std::any_of(plan.groups.begin(), plan.groups.end(),
                           [&](const io::plan_group& g) { return g.group == scenario_group; });
    }

    void compute_required() {
        required.assign(need.pools.size(), std::vector<double>(s.interval_count, 0.0));
        fixed.assign(need.pools.size(), std::vector<double>(s.interval_count, 0.0));
        for (std::size_t g = 0; g < s.groups.size(); ++g) {
            if (planned(g)) continue;
            const std::vector<double> cover = roster_coverage(s, s.groups[g]);
            for (std::size_t i = 0; i < s.interval_count; ++i)
                fixed[pool_of_group[g]][i] += cover[i] / s.groups[g].handle_time_factor;
        }
        for (std::size_t p = 0; p < need.pools.size(); ++p) {
            // Only pools with a planned group are planned.
            const bool has_planned =
                std::any_of(need.pools[p].groups.begin(), need.pools[p].groups.end(),
                            [&](std::size_t g) { return planned(g); });
            if (!has_planned) continue;
            for (std::size_t i = 0; i < s.interval_count; ++i) {
                if (!need.open[i]) continue;
                double agents = need.agents[p][i];
                if (p < request.raise.size() && i < request.raise[p].size())
                    agents += request.raise[p][i];
                required[p][i] = std::max(agents / (1.0 - plan.shrinkage),
                                          static_cast<double>(plan.min_on_phones));
            }
        }
    }

    double upper_bound(std::size_t plan_group) const {
        double peak = 0.0;
        for (const std::vector<double>& r : required)
            for (double v : r) peak = std::max(peak, v);
        return std::ceil(3.0 * peak / efficiency(plan_group)) + 3.0;
    }

    void add_shift_columns() {
        cols.y.resize(candidates.size());
        cols.v.resize(candidates.size());
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const candidate& cand = candidates[c];
            const io::plan_template& tpl = plan.groups[cand.plan_group].templates[cand.tpl];
            const double ub = tpl.max_agents ? *tpl.max_agents : upper_bound(cand.plan_group);
            cols.y[c] = problem.add_column({0.0, ub, tpl.cost(), true});
            for (const std::vector<seconds>& offsets : cand.break_offsets) {
                std::vector<int>& at = cols.v[c].emplace_back();
                if (offsets.size() == 1) {
                    at.push_back(-1);
                    continue;
                }
                mip_row link{{cols.y[c]}, {-1.0}, 'E', 0.0};
                for (std::size_t o = 0; o < offsets.size(); ++o) {
                    at.push_back(problem.add_column({0.0, ub, 0.0, true}));
                    link.index.push_back(at.back());
                    link.value.push_back(1.0);
                }
                problem.add_row(std::move(link));
            }
        }
    }

    void add_tour_columns() {
        cols.patterns.resize(plan.groups.size());
        cols.pattern_column.resize(plan.groups.size());
        if (!plan.weekly) return;
        for (std::size_t g = 0; g < plan.groups.size(); ++g) {
            const io::plan_group& group = plan.groups[g];
            const double ub = group.max_agents ? *group.max_agents : 1e30;
            for (const std::vector<bool>& works :
                 day_patterns(group.working_days, group.consecutive_days_off)) {
                if (!group.same_start) {
                    cols.patterns[g].push_back({works, std::nullopt, 0});
                    cols.pattern_column[g].push_back(problem.add_column({0.0, ub, 0.0, true}));
                    continue;
                }
                for (std::size_t t = 0; t < group.templates.size(); ++t) {
                    const io::plan_template& tpl = group.templates[t];
                    bool allowed = true;
                    for (std::size_t d = 0; d < 7; ++d) allowed &= !works[d] || tpl.days[d];
                    if (!allowed) continue;
                    for (std::size_t k = 0; k < tpl.starts.size(); ++k) {
                        cols.patterns[g].push_back({works, std::pair{t, k}, 0});
                        cols.pattern_column[g].push_back(problem.add_column({0.0, ub, 0.0, true}));
                    }
                }
            }
        }
    }

    // Weekly tours: the shifts of each day are worked by the people whose pattern works it.
    void add_tour_rows() {
        if (!plan.weekly) return;
        for (std::size_t g = 0; g < plan.groups.size(); ++g) {
            const io::plan_group& group = plan.groups[g];
            if (!group.same_start) {
                for (std::size_t d = 0; d < 7; ++d) {
                    mip_row row{{}, {}, 'E', 0.0};
                    for (std::size_t c = 0; c < candidates.size(); ++c)
                        if (candidates[c].plan_group == g && candidates[c].day == d) {
                            row.index.push_back(cols.y[c]);
                            row.value.push_back(1.0);
                        }
                    for (std::size_t p = 0; p < cols.patterns[g].size(); ++p)
                        if (cols.patterns[g][p].works[d]) {
                            row.index.push_back(cols.pattern_column[g][p]);
                            row.value.push_back(-1.0);
                        }
                    problem.add_row(std::move(row));
                }
            } else {
                for (std::size_t c = 0; c < candidates.size(); ++c) {
                    const candidate& cand = candidates[c];
                    if (cand.plan_group != g) continue;
                    mip_row row{{cols.y[c]}, {1.0}, 'E', 0.0};
                    for (std::size_t p = 0; p < cols.patterns[g].size(); ++p) {
                        const tour_pattern& pat = cols.patterns[g][p];
                        if (pat.works[cand.day] && pat.shift->first == cand.tpl &&
                            pat.shift->second == cand.start_index) {
                            row.index.push_back(cols.pattern_column[g][p]);
                            row.value.push_back(-1.0);
                        }
                    }
                    problem.add_row(std::move(row));
                }
            }
            if (group.max_agents) {
                mip_row row{{}, {}, 'L', static_cast<double>(*group.max_agents)};
                for (int col : cols.pattern_column[g]) {
                    row.index.push_back(col);
                    row.value.push_back(1.0);
                }
                problem.add_row(std::move(row));
            }
        }
    }

    // Without weekly tours: at most max_agents of a group on a day.
    void add_daily_headcount_rows() {
        if (plan.weekly) return;
        for (std::size_t g = 0; g < plan.groups.size(); ++g) {
            if (!plan.groups[g].max_agents) continue;
            for (std::size_t d = 0; d < s.calendar.days; ++d) {
                mip_row row{{}, {}, 'L', static_cast<double>(*plan.groups[g].max_agents)};
                for (std::size_t c = 0; c < candidates.size(); ++c)
                    if (candidates[c].plan_group == g && candidates[c].day == d) {
                        row.index.push_back(cols.y[c]);
                        row.value.push_back(1.0);
                    }
                if (!row.index.empty()) problem.add_row(std::move(row));
            }
        }
    }

    void add_template_rows() {
        for (std::size_t g = 0; g < plan.groups.size(); ++g) {
            const io::plan_group& group = plan.groups[g];
            for (std::size_t t = 0; t < group.templates.size(); ++t) {
                const io::plan_template& tpl = group.templates[t];
                if (tpl.min_agents == 0 && !tpl.max_agents) continue;
                for (std::size_t d = 0; d < s.calendar.days; ++d) {
                    mip_row row;
                    for (std::size_t c = 0; c < candidates.size(); ++c)
                        if (candidates[c].plan_group == g && candidates[c].tpl == t &&
                            candidates[c].day == d) {
                            row.index.push_back(cols.y[c]);
                            row.value.push_back(1.0);
                        }
                    if (row.index.empty()) continue;
                    if (tpl.min_agents > 0) {
                        row.sense = 'G';
                        row.rhs = tpl.min_agents;
                        problem.add_row(row);
                    }
                    if (tpl.max_agents) {
                        row.sense = 'L';
                        row.rhs = *tpl.max_agents;
                        problem.add_row(row);
                    }
                }
            }
            // Part-time shifts at most a share of all the group's shifts.
            const bool any_part_time =
                std::any_of(group.templates.begin(), group.templates.end(),
                            [](const io::plan_template& tpl) { return tpl.part_time; });
            if (any_part_time && group.part_time_share < 1.0) {
                mip_row row{{}, {}, 'L', 0.0};
                for (std::size_t c = 0; c < candidates.size(); ++c) {
                    if (candidates[c].plan_group != g) continue;
                    const bool part = group.templates[candidates[c].tpl].part_time;
                    row.index.push_back(cols.y[c]);
                    row.value.push_back((part ? 1.0 : 0.0) - group.part_time_share);
                }
                problem.add_row(std::move(row));
            }
        }
    }

    // The handover rule: a shift may not start less than `handover` before another of its
    // group ends, nor exactly when it ends, on the same day.
    void add_handover_rows() {
        if (plan.handover <= seconds{0.0}) return;
        std::vector<int> used(candidates.size(), -1);
        auto indicator = [&](std::size_t c) {
            if (used[c] < 0) {
                used[c] = problem.add_column({0.0, 1.0, 0.0, true});
                const double m = problem.columns[static_cast<std::size_t>(cols.y[c])].upper;
                problem.add_row({{cols.y[c], used[c]}, {1.0, -m}, 'L', 0.0});
            }
            return used[c];
        };
        for (std::size_t a = 0; a < candidates.size(); ++a)
            for (std::size_t b = 0; b < candidates.size(); ++b) {
                const candidate& ca = candidates[a];
                const candidate& cb = candidates[b];
                if (ca.plan_group != cb.plan_group || ca.day != cb.day) continue;
                const seconds end_a = ca.clock_end(), start_b = cb.clock_start();
                if (start_b <= ca.clock_start() || start_b > end_a) continue;
                if (end_a - start_b >= plan.handover - seconds{epsilon}) continue;
                problem.add_row({{indicator(a), indicator(b)}, {1.0, 1.0}, 'L', 1.0});
            }
    }

    void add_coverage_rows() {
        double most = 0.0;
        for (const candidate& c : candidates)
            most = std::max(most, plan.groups[c.plan_group].templates[c.tpl].cost());
        penalty = 100.0 * std::max(most, 1.0);
        std::vector<std::vector<mip_row>> rows(need.pools.size(),
                                               std::vector<mip_row>(s.interval_count));
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const candidate& cand = candidates[c];
            const std::size_t pool = pool_of_group[plan.groups[cand.plan_group].group];
            const double eff = efficiency(cand.plan_group);
            for (const auto& [i, share] : shares(s, cand.clock_start(), cand.clock_end())) {
                rows[pool][i].index.push_back(cols.y[c]);
                rows[pool][i].value.push_back(eff * share);
            }
            for (std::size_t b = 0; b < cand.break_offsets.size(); ++b) {
                const io::plan_break& pause =
                    plan.groups[cand.plan_group].templates[cand.tpl].breaks[b];
                for (std::size_t o = 0; o < cand.break_offsets[b].size(); ++o) {
                    const seconds from = cand.clock_start() + cand.break_offsets[b][o];
                    const int col = cols.v[c][b][o] >= 0 ? cols.v[c][b][o] : cols.y[c];
                    for (const auto& [i, share] : shares(s, from, from + pause.length)) {
                        rows[pool][i].index.push_back(col);
                        rows[pool][i].value.push_back(-eff * share);
                    }
                }
            }
        }
        cols.u.assign(need.pools.size(), std::vector<int>(s.interval_count, -1));
        for (std::size_t p = 0; p < need.pools.size(); ++p)
            for (std::size_t i = 0; i < s.interval_count; ++i) {
                const double rhs = required[p][i] - fixed[p][i];
                if (required[p][i] <= 0.0 || rhs <= epsilon) continue;
                mip_row& row = rows[p][i];
                if (request.allow_short) {
                    cols.u[p][i] = problem.add_column({0.0, 1e30, penalty, false});
                    row.index.push_back(cols.u[p][i]);
                    row.value.push_back(1.0);
                }
                row.sense = 'G';
                row.rhs = rhs;
                problem.add_row(std::move(row));
            }
    }

    void build() {
        add_shift_columns();
        add_tour_columns();
        add_tour_rows();
        add_daily_headcount_rows();
        add_template_rows();
        add_handover_rows();
        add_coverage_rows();
    }
};

long whole(double x) {
    return std::lround(x);
}

// Why interval i of pool p cannot be covered: no template reaches it, or the rules.
std::string short_reason(const builder& b, std::size_t p, std::size_t i) {
    bool reachable = false;
    for (const candidate& c : b.candidates) {
        if (b.pool_of_group[b.plan.groups[c.plan_group].group] != p) continue;
        if (interval_share(b.s, i, c.clock_start(), c.clock_end()) > epsilon) reachable = true;
    }
    if (!reachable) return "no shift template of the planned groups covers it";
    return "the rules (max_agents, working days, template limits, handover) leave it short";
}

}  // namespace

bool roster_solution::short_anywhere() const {
    for (const std::vector<double>& row : shortfall)
        for (double v : row)
            if (v > 1e-6) return true;
    return false;
}

std::vector<std::vector<double>> coverage_of(const model_request& request,
                                             const roster_solution& solution) {
    const builder b(request);
    std::vector<std::vector<double>> cover = b.fixed;
    const sim::scenario& s = *request.scenario;
    for (std::size_t c = 0; c < solution.candidates.size(); ++c) {
        const candidate& cand = solution.candidates[c];
        if (solution.agents[c] == 0) continue;
        const std::size_t pool = b.pool_of_group[b.plan.groups[cand.plan_group].group];
        const double eff = b.efficiency(cand.plan_group);
        for (const auto& [i, share] : shares(s, cand.clock_start(), cand.clock_end()))
            cover[pool][i] += eff * share * solution.agents[c];
        for (std::size_t br = 0; br < cand.break_offsets.size(); ++br) {
            const seconds length =
                b.plan.groups[cand.plan_group].templates[cand.tpl].breaks[br].length;
            for (std::size_t o = 0; o < cand.break_offsets[br].size(); ++o) {
                const int n = solution.breaks[c][br][o];
                if (n == 0) continue;
                const seconds from = cand.clock_start() + cand.break_offsets[br][o];
                for (const auto& [i, share] : shares(s, from, from + length))
                    cover[pool][i] -= eff * share * n;
            }
        }
    }
    return cover;
}

roster_solution solve_roster(const model_request& request) {
    builder b(request);
    b.build();
    const mip_result result = solve_mip(b.problem, request.solver);
    if (result.status == mip_status::infeasible) {
        if (request.allow_short)
            throw domain_error("the shift-scheduling program has no solution even with shortfall");
        // Find which intervals cannot be covered: solve again with shortfall allowed.
        model_request relaxed = request;
        relaxed.allow_short = true;
        const roster_solution least = solve_roster(relaxed);
        std::vector<std::string> named;
        for (std::size_t p = 0; p < least.shortfall.size(); ++p)
            for (std::size_t i = 0; i < least.shortfall[p].size(); ++i)
                if (least.shortfall[p][i] > 1e-6)
                    named.push_back(fmt::format("{} (short by {:.2f}: {})",
                                                interval_label(*request.scenario, i),
                                                least.shortfall[p][i], short_reason(b, p, i)));
        if (named.empty()) named.push_back("(none found short; the rules contradict each other)");
        throw plan_infeasible(fmt::format(
            "no roster meets the requirement in every open interval; {} interval{} cannot be "
            "covered: {}",
            named.size(), named.size() == 1 ? "" : "s", fmt::join(named, "; ")));
    }
    if (!result.has_solution())
        throw domain_error(
            fmt::format("the solver found no roster within the time limit ({}); allow more time",
                        format_duration(seconds{request.solver.time_limit_seconds})));

    roster_solution sol;
    sol.candidates = b.candidates;
    sol.status =
        result.status == mip_status::optimal ? plan_status::optimal : plan_status::time_limit;
    sol.solve_seconds = result.seconds;
    sol.variables = b.problem.columns.size();
    sol.constraints = b.problem.rows.size();
    const auto value = [&](int col) {
        return static_cast<int>(whole(result.x[static_cast<std::size_t>(col)]));
    };
    sol.agents.resize(b.candidates.size());
    sol.breaks.resize(b.candidates.size());
    for (std::size_t c = 0; c < b.candidates.size(); ++c) {
        const candidate& cand = b.candidates[c];
        const io::plan_template& tpl = b.plan.groups[cand.plan_group].templates[cand.tpl];
        sol.agents[c] = value(b.cols.y[c]);
        sol.cost += sol.agents[c] * tpl.cost();
        sol.paid_hours += sol.agents[c] * tpl.paid_hours();
        for (std::size_t br = 0; br < cand.break_offsets.size(); ++br) {
            std::vector<int>& at = sol.breaks[c].emplace_back();
            for (int col : b.cols.v[c][br]) at.push_back(col < 0 ? sol.agents[c] : value(col));
        }
    }
    sol.patterns = b.cols.patterns;
    for (std::size_t g = 0; g < sol.patterns.size(); ++g)
        for (std::size_t p = 0; p < sol.patterns[g].size(); ++p)
            sol.patterns[g][p].agents = value(b.cols.pattern_column[g][p]);
    sol.required = b.required;
    sol.shortfall.assign(b.need.pools.size(), std::vector<double>(b.s.interval_count, 0.0));
    double penalty = 0.0;
    for (std::size_t p = 0; p < b.cols.u.size(); ++p)
        for (std::size_t i = 0; i < b.cols.u[p].size(); ++i)
            if (b.cols.u[p][i] >= 0) {
                sol.shortfall[p][i] =
                    std::max(0.0, result.x[static_cast<std::size_t>(b.cols.u[p][i])]);
                penalty += b.penalty * sol.shortfall[p][i];
            }
    // Bounds of the cost alone: the penalty is the same in the answer and (at best) the bound.
    sol.lp_bound = std::min(result.relaxation, result.objective) - penalty;
    sol.lower_bound = result.bound - penalty;
    sol.lp_bound = std::min(sol.lp_bound, sol.lower_bound);
    sol.gap = sol.cost > 0.0 ? std::max(0.0, (sol.cost - sol.lower_bound) / sol.cost) : 0.0;
    sol.scheduled = coverage_of(request, sol);
    return sol;
}

}  // namespace ccsim::plan
