#include "plan/plan_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <vector>

#include "core/duration.hpp"
#include "plan/plan_records.hpp"
#include "report/messages.hpp"
#include "report/report_charts.hpp"
#include "report/simulation_records.hpp"

namespace ccsim::plan {

namespace {

using report::cell;
using report::chart_block;
using report::chart_series;
using report::language;
using report::msg;
using report::number_cell;
using report::number_format;
using report::section;
using report::table_block;
using report::text;

constexpr number_format share{1, true, false};
constexpr number_format whole{0, false, false};
constexpr number_format money{2, false, false};

std::string str(language l, msg m) {
    return std::string(text(l, m));
}

// The checks of one pool's open intervals, in time order.
std::vector<const interval_check*> pool_intervals(const plan_result& p, std::size_t pool) {
    std::vector<const interval_check*> out;
    for (const interval_check& c : p.intervals)
        if (c.pool == pool) out.push_back(&c);
    return out;
}

std::string pool_name(const sim::scenario& s, const staffing_pool& pool) {
    std::vector<std::string> names;
    for (std::size_t q : pool.queues) names.push_back(s.queues[q].name);
    return fmt::format("{}", fmt::join(names, ", "));
}

// A chart's title, naming the pool when there are several.
std::string scoped(const plan_report_input& in, language l, std::string title, std::size_t pool) {
    if (in.plan->need.pools.size() <= 1) return title;
    return fmt::format(
        "{} ({})", title,
        report::format_message(l, msg::plan_pool, pool_name(*in.model, in.plan->need.pools[pool])));
}

std::string method_text(language l, io::requirement_method m) {
    return str(l, m == io::requirement_method::isa ? msg::plan_isa : msg::plan_sipp);
}

std::size_t intervals_met(const plan_result& p) {
    return static_cast<std::size_t>(
        std::count_if(p.intervals.begin(), p.intervals.end(), [](const auto& c) { return c.met; }));
}

// One row per target: the open intervals whose simulated mean (the pool's queues together)
// reaches it.
void standard_row(table_block& t, const plan_report_input& in, language l, std::string name,
                  double target, std::optional<estimate> interval_check::*figure) {
    std::size_t met = 0, counted = 0;
    for (const interval_check& c : in.plan->intervals) {
        if (!(c.*figure)) continue;
        ++counted;
        met += (c.*figure)->mean >= target;
    }
    const verdict v = counted == 0     ? verdict::undefined
                      : met == counted ? verdict::met
                                       : verdict::not_met;
    t.rows.push_back({std::move(name), report::at_least(l, target, share),
                      fmt::format("{} / {}", met, counted), report::verdict_of(v, l)});
}

section standards_section(const plan_report_input& in, language l) {
    section sec{"standards", str(l, msg::standards), 2, {}};
    const io::plan_settings& settings = in.plan->settings;
    if (!settings.service_level && !settings.answer_rate) {
        sec.blocks.push_back(report::note_block{str(l, msg::no_targets)});
        return sec;
    }
    table_block t;
    t.columns = {str(l, msg::col_standard), str(l, msg::col_target),
                 str(l, msg::plan_intervals_met), str(l, msg::col_verdict)};
    if (settings.service_level) {
        const std::optional<double> threshold = report::common_threshold(*in.model);
        standard_row(t, in, l,
                     threshold ? report::format_message(l, msg::standard_service_level,
                                                        fmt::format("{:g}", *threshold))
                               : report::key_name(l, "service_level"),
                     *settings.service_level, &interval_check::service_level);
    }
    if (settings.answer_rate)
        standard_row(t, in, l, str(l, msg::standard_answer_rate), *settings.answer_rate,
                     &interval_check::answer_rate);
    sec.blocks.push_back(std::move(t));
    return sec;
}

section totals_section(const plan_report_input& in, language l) {
    const plan_result& p = *in.plan;
    const roster_solution& sol = p.solution;
    long people = 0;
    for (const roster_line& line : p.roster.lines) people += line.agents;
    table_block t;
    t.columns = {str(l, msg::col_figure), str(l, msg::col_plain_value)};
    t.rows.push_back({str(l, msg::plan_cost), number_cell{sol.cost, money}});
    t.rows.push_back(
        {str(l, msg::plan_paid_hours), number_cell{sol.paid_hours, {1, false, false}}});
    t.rows.push_back({str(l, p.settings.weekly ? msg::plan_people : msg::plan_agent_shifts),
                      number_cell{static_cast<double>(people), whole}});
    t.rows.push_back(
        {str(l, msg::plan_rounds), number_cell{static_cast<double>(p.rounds.size()), whole}});
    t.rows.push_back({str(l, msg::plan_intervals_met),
                      fmt::format("{} / {}", intervals_met(p), p.intervals.size())});
    t.rows.push_back({str(l, msg::plan_gap), number_cell{sol.gap, {2, true, false}}});
    t.rows.push_back(
        {str(l, msg::plan_solver),
         str(l, sol.status == plan_status::optimal ? msg::plan_optimal : msg::plan_time_limit)});
    return {"totals", str(l, msg::section_totals), 2, {std::move(t)}};
}

std::vector<std::string> labels_of(const sim::scenario& s,
                                   const std::vector<const interval_check*>& checks) {
    std::vector<std::string> out;
    for (const interval_check* c : checks) out.push_back(interval_label(s, c->interval));
    return out;
}

std::vector<double> values_of(const std::vector<const interval_check*>& checks,
                              double interval_check::*figure) {
    std::vector<double> out;
    for (const interval_check* c : checks) out.push_back(c->*figure);
    return out;
}

chart_block coverage_chart(const plan_report_input& in, std::size_t pool, language l) {
    const std::vector<const interval_check*> checks = pool_intervals(*in.plan, pool);
    chart_block c;
    c.title = scoped(in, l, str(l, msg::chart_agents), pool);
    c.x_title = str(l, msg::axis_interval);
    c.x_labels = labels_of(*in.model, checks);
    c.y = {str(l, msg::axis_agents), {1, false, false}, 0.0, std::nullopt};
    chart_series required = report::line(report::key_name(l, "agents"),
                                         values_of(checks, &interval_check::required), 0);
    required.stepped = true;
    chart_series scheduled = report::line(report::key_name(l, "scheduled_agents"),
                                          values_of(checks, &interval_check::scheduled), 1);
    scheduled.stepped = true;
    c.series.push_back(std::move(required));
    c.series.push_back(std::move(scheduled));
    std::vector<double> shortfall = values_of(checks, &interval_check::shortfall);
    if (std::any_of(shortfall.begin(), shortfall.end(), [](double v) { return v > 0.0; })) {
        chart_series bars =
            report::bars(str(l, msg::plan_shortfall), std::move(shortfall), 3, false);
        bars.hatched = true;
        c.series.push_back(std::move(bars));
    }
    return c;
}

// A simulated figure's means and, as a band, its confidence intervals; NaN where the
// interval has no figure.
std::pair<chart_series, chart_series> simulated(const std::vector<const interval_check*>& checks,
                                                std::optional<estimate> interval_check::*figure,
                                                std::string name, std::string band_name,
                                                int colour) {
    chart_series band;
    band.label = std::move(band_name);
    band.role = report::series_role::band;
    band.colour = colour;
    std::vector<double> means;
    for (const interval_check* c : checks) {
        const std::optional<estimate>& e = c->*figure;
        means.push_back(e ? e->mean : NAN);
        band.values.push_back(e ? e->ci_low : NAN);
        band.upper.push_back(e ? e->ci_high : NAN);
    }
    return {std::move(band), report::line(std::move(name), std::move(means), colour)};
}

chart_block simulated_chart(const plan_report_input& in, std::size_t pool, language l) {
    const std::vector<const interval_check*> checks = pool_intervals(*in.plan, pool);
    const std::string sl = report::key_name(l, "service_level");
    const std::string ar = report::key_name(l, "answer_rate");
    chart_block c;
    c.title = scoped(in, l, str(l, msg::plan_chart_simulated), pool);
    c.x_title = str(l, msg::axis_interval);
    c.x_labels = labels_of(*in.model, checks);
    c.y = report::percent_axis(report::format_message(l, msg::axis_percent, sl + " / " + ar));
    const int level = static_cast<int>(std::lround(in.confidence * 100));
    for (auto [figure, name, colour] : {std::tuple{&interval_check::service_level, sl, 0},
                                        std::tuple{&interval_check::answer_rate, ar, 1}}) {
        auto [band, mean] = simulated(
            checks, figure, name,
            report::format_message(l, msg::confidence_band, name, fmt::format("{}", level)),
            colour);
        c.series.push_back(std::move(band));
        c.series.push_back(std::move(mean));
    }
    // One dashed line per distinct target: 90/90 draws one.
    std::vector<double> drawn;
    for (const std::optional<double>& target :
         {in.plan->settings.service_level, in.plan->settings.answer_rate}) {
        if (!target || std::find(drawn.begin(), drawn.end(), *target) != drawn.end()) continue;
        drawn.push_back(*target);
        c.series.push_back(report::target_series(
            report::format_message(l, msg::target_line, fmt::format("{:g}%", *target * 100)),
            *target, c.x_labels.size(), static_cast<int>(drawn.size() - 1)));
    }
    return c;
}

std::string shift_cell(const shift_kind& k, language l) {
    std::string out = k.name + " " + shift_times(k);
    if (!k.breaks.empty())
        out += "; " + report::format_message(l, msg::plan_breaks, break_times(k));
    return out;
}

section roster_section(const plan_report_input& in, language l) {
    const sim::scenario& s = *in.model;
    const plan_result& p = *in.plan;
    const planned_roster& r = p.roster;
    table_block t;
    t.columns = {str(l, msg::fig_group), str(l, msg::plan_line), str(l, msg::plan_people)};
    for (std::size_t d = 0; d < s.calendar.days; ++d) t.columns.push_back(report::day_label(s, d));
    for (std::size_t line = 0; line < r.lines.size(); ++line) {
        const std::size_t g = r.lines[line].plan_group;
        std::vector<cell> row{s.groups[p.settings.groups[g].group].name, line_name(r, line),
                              number_cell{static_cast<double>(r.lines[line].agents), whole}};
        for (std::size_t d = 0; d < s.calendar.days; ++d)
            row.emplace_back(r.at[line][d] ? shift_cell(r.kinds[g][*r.at[line][d]], l)
                                           : str(l, msg::plan_day_off));
        t.rows.push_back(std::move(row));
    }
    return {"roster", str(l, msg::plan_section_roster), 2, {std::move(t)}};
}

section rounds_section(const plan_report_input& in, language l) {
    table_block t;
    t.columns = {str(l, msg::plan_round), str(l, msg::plan_cost), str(l, msg::plan_gap),
                 str(l, msg::plan_intervals_short), str(l, msg::plan_worst_interval)};
    for (const plan_round& r : in.plan->rounds)
        t.rows.push_back({number_cell{static_cast<double>(r.round), whole},
                          number_cell{r.cost, money}, number_cell{r.gap, {2, true, false}},
                          number_cell{static_cast<double>(r.intervals_short), whole},
                          r.worst_interval ? cell(interval_label(*in.model, *r.worst_interval))
                                           : cell(std::monostate{})});
    return {"rounds", str(l, msg::plan_section_rounds), 2, {std::move(t)}};
}

section about_section(const plan_report_input& in, const report::report_context& c) {
    const language l = c.lang;
    const sim::scenario& s = *in.model;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(str(l, msg::run_scenario), s.name);
    rows.emplace_back(str(l, msg::run_file), in.scenario_file);
    rows.emplace_back(str(l, msg::plan_method), method_text(l, in.method));
    rows.emplace_back(str(l, msg::run_horizon),
                      s.calendar.days == 1
                          ? report::day_label(s, 0)
                          : report::format_message(l, msg::run_horizon_days, s.calendar.days,
                                                   report::day_label(s, 0),
                                                   report::day_label(s, s.calendar.days - 1)));
    rows.emplace_back(str(l, msg::run_interval), format_duration(s.interval));
    rows.emplace_back(str(l, msg::run_replications), fmt::format("{}", in.plan->run.replications));
    rows.emplace_back(str(l, msg::run_seed), fmt::format("{}", in.plan->run.seed));
    report::append_version_rows(rows, c);
    return {"run", str(l, msg::about_run), 2, {report::about_table(std::move(rows))}};
}

}  // namespace

report::document plan_report(const plan_report_input& in, const report::report_context& c) {
    const language l = c.lang;
    const plan_result& p = *in.plan;
    report::document doc;
    doc.kind = "plan";
    doc.lang = l;
    doc.title = report::format_message(l, msg::plan_title, in.model->name);
    doc.subtitle = report::format_message(l, msg::plan_subtitle, method_text(l, in.method),
                                          intervals_met(p), p.intervals.size(), p.rounds.size());
    doc.footer = report::footer_text(c);
    doc.sections.push_back(standards_section(in, l));
    doc.sections.push_back(totals_section(in, l));
    section coverage{"coverage", str(l, msg::plan_section_coverage), 2, {}};
    section service{"simulated", str(l, msg::plan_section_simulated), 2, {}};
    for (std::size_t pool = 0; pool < p.need.pools.size(); ++pool) {
        if (pool_intervals(p, pool).empty()) continue;  // a pool of groups nobody plans
        coverage.blocks.push_back(coverage_chart(in, pool, l));
        service.blocks.push_back(simulated_chart(in, pool, l));
    }
    doc.sections.push_back(std::move(coverage));
    doc.sections.push_back(std::move(service));
    doc.sections.push_back(roster_section(in, l));
    doc.sections.push_back(rounds_section(in, l));
    doc.sections.push_back(about_section(in, c));
    return doc;
}

}  // namespace ccsim::plan
