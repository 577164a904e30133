#include "report/summary_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cmath>
#include <variant>
#include <vector>

#include "core/display_width.hpp"
#include "report/localized_labels.hpp"
#include "report/messages.hpp"
#include "report/record.hpp"
#include "report/simulation_records.hpp"
#include "report/standards.hpp"
#include "report/target_checks.hpp"

namespace ccsim::report {

namespace {

// Figures down, scopes across: a day summary reads like a report, not a spreadsheet.
std::vector<record> transpose(const std::vector<record>& rows, const std::string& corner) {
    std::vector<record> columns;
    if (rows.empty()) return columns;
    for (std::size_t f = 1; f < rows.front().size(); ++f) {
        record line{{"figure", corner, rows.front()[f].label}};
        for (const record& row : rows)
            line.push_back(
                {"", std::get<std::string>(row[0].value), row[f].value, row[f].decimals});
        columns.push_back(std::move(line));
    }
    return columns;
}

// A figure with its interval: "-" for what is undefined (no calls; no CI with one replication),
// never "nan".
std::string estimate_text(const estimate& e) {
    auto number = [](double v) {
        return std::isnan(v) ? std::string("-") : fmt::format("{:.4f}", v);
    };
    if (std::isnan(e.mean)) return "-";
    return fmt::format("{} [{}, {}]", number(e.mean), number(e.ci_low), number(e.ci_high));
}

// The verdict on a figure against its target. Without an interval (one replication) the point
// value decides, and the line says so; without a figure (no calls) there is none.
std::string verdict_text(verdict v, const estimate& figure, double target, language l) {
    switch (v) {
        case verdict::met:
            return std::string(text(l, msg::table_met));
        case verdict::not_met:
            return std::string(text(l, msg::table_not_met));
        case verdict::uncertain:
            return std::string(text(l, msg::table_uncertain_long));
        case verdict::undefined:
            break;
    }
    if (std::isnan(figure.mean)) return std::string(text(l, msg::table_no_calls));
    return fmt::format("{} {}",
                       text(l, figure.mean >= target ? msg::table_met : msg::table_not_met),
                       text(l, msg::table_no_ci));
}

std::string_view short_verdict(verdict v, language l) {
    switch (v) {
        case verdict::met:
            return text(l, msg::table_met);
        case verdict::not_met:
            return text(l, msg::table_not_met);
        case verdict::uncertain:
            return text(l, msg::table_uncertain);
        case verdict::undefined:
            break;
    }
    return "-";
}

std::string_view figure_text(const target_check& c, language l) {
    if (l == language::en) return c.figure;
    return text(l, c.figure == "answer rate" ? msg::table_answer_rate : msg::table_service_level);
}

std::string percent(double share) {
    return std::isnan(share) ? "-" : fmt::format("{:.0f}%", 100.0 * share);
}

std::string targets_section(const target_checks& t, std::string_view all_queues, language l) {
    std::string out = t.days > 1 ? format_message(l, msg::table_targets_days, t.days, all_queues)
                                 : format_message(l, msg::table_targets_day, all_queues);
    for (const target_check& c : t.checks)
        out += format_message(l, msg::table_target_line, figure_text(c, l), c.target,
                              estimate_text(c.day), verdict_text(c.result, c.day, c.target, l),
                              percent(c.share_met));
    if (t.intervals_below_service_level)
        out += format_message(l, msg::table_intervals_below, *t.intervals_below_service_level,
                              t.checks.front().open_intervals);
    for (const target_check& c : t.checks) {
        if (c.riskiest.empty()) continue;
        std::vector<std::string> items;
        for (const interval_risk& i : c.riskiest)
            items.push_back(fmt::format("{} ({})", i.interval, percent(i.share_met)));
        out += format_message(l, msg::table_met_least_often, figure_text(c, l),
                              fmt::format("{}", fmt::join(items, ", ")));
    }
    return out;
}

// What "all queues" totals: the voice queues beside other channels (docs/model.md).
std::string_view all_queues_words(const sim::scenario& s, language l) {
    const bool only_voice =
        std::all_of(s.queues.begin(), s.queues.end(),
                    [](const sim::queue_spec& q) { return q.channel == sim::channel_kind::voice; });
    return text(l, only_voice ? msg::table_all_queues : msg::table_all_voice_queues);
}

// One line per standard of the department: scope, standard, target, figure with its CI, verdict.
std::string standards_section(const std::vector<standard_check>& rows, std::size_t days,
                              language l) {
    std::size_t scope_width = 5, standard_width = 8;
    for (const standard_check& c : rows) {
        scope_width = std::max(scope_width, display_width(c.scope));
        standard_width = std::max(standard_width, display_width(c.standard));
    }
    std::string out = days > 1 ? format_message(l, msg::table_standards_days, days)
                               : std::string(text(l, msg::table_standards_day));
    for (const standard_check& c : rows) {
        const std::string target = c.target ? fmt::format(">= {:.2f}", *c.target) : "";
        out += fmt::format("  {:<{}}  {:<{}}  {:<7}  {}{}\n", c.scope, scope_width, c.standard,
                           standard_width, target, estimate_text(c.value),
                           c.target ? "  " + verdict_text(c.result, c.value, *c.target, l) : "");
    }
    return out;
}

// One line per day: the figures a manager reads first, each target's verdict and how often
// the day met it over the replications.
std::string days_section(const sim::scenario& s, const sim::simulation_summary& r,
                         const target_checks& t, language l) {
    using sim::group_figure;
    using sim::queue_figure;
    const std::size_t all_queues = s.queues.size() > 1 ? s.queues.size() : 0;
    const std::size_t all_groups = s.groups.size() > 1 ? s.groups.size() : 0;
    std::vector<record> rows;
    for (std::size_t d = 0; d < r.days(); ++d) {
        const std::size_t b = r.day_bucket(d);
        record row{{"day", "day", day_label(s, d)}};
        for (const queue_figure f : {queue_figure::offered, queue_figure::service_level,
                                     queue_figure::answer_rate, queue_figure::asa_s}) {
            const sim::figure_info& i = sim::info(f);
            row.push_back({i.key, i.label, r.queue(all_queues, b, f), i.decimals, true});
        }
        for (const target_check& c : t.checks)
            row.push_back(
                {"",
                 std::string(text(l, c.figure == "service level" ? msg::table_sl_target
                                                                 : msg::table_answer_rate_target)),
                 fmt::format("{} ({})", short_verdict(c.days[d].result, l),
                             percent(c.days[d].share_met))});
        if (!s.groups.empty())
            for (const group_figure f : {group_figure::occupancy, group_figure::agents_logged_in,
                                         group_figure::overtime_h}) {
                const sim::figure_info& i = sim::info(f);
                row.push_back({i.key, i.label, r.group(all_groups, b, f), i.decimals, true});
            }
        localize_labels(row, l);
        rows.push_back(std::move(row));
    }
    return format_message(l, msg::table_days_heading, all_queues_words(s, l)) + format_table(rows);
}

}  // namespace

std::string summary_table(const sim::scenario& s, const sim::simulation_run& run,
                          const run_description& d, language l) {
    const sim::simulation_summary& r = run.summary;
    std::string out = r.batch_means()
                          ? format_message(l, msg::table_header_batch_means, d.scenario_name,
                                           d.seed, r.confidence() * 100, r.intervals())
                          : format_message(l, msg::table_header, d.scenario_name, r.replications(),
                                           d.seed, r.confidence() * 100);
    std::vector<record> queues = queue_summary_records(s, r);
    std::vector<record> groups = group_summary_records(s, r);
    localize_labels(queues, l);
    localize_labels(groups, l);
    out += format_table(transpose(queues, std::string(text(l, msg::table_corner_queue))));
    out += "\n";
    out += format_table(transpose(groups, std::string(text(l, msg::table_corner_group))));
    if (has_department_standards(s)) out += standards_section(check_standards(s, r), r.days(), l);
    const target_checks targets = check_targets(s, r);
    if (r.days() > 1) out += days_section(s, r, targets, l);
    if (!targets.empty()) out += targets_section(targets, all_queues_words(s, l), l);
    out += format_message(
        l, msg::table_run, r.arrivals(), run.wall_seconds,
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds / 1e6 : 0.0,
        d.threads);
    return out;
}

}  // namespace ccsim::report
