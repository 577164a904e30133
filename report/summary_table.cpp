#include "report/summary_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cmath>
#include <variant>
#include <vector>

#include "report/record.hpp"
#include "report/simulation_records.hpp"
#include "report/standards.hpp"
#include "report/target_checks.hpp"

namespace ccsim::report {

namespace {

// Figures down, scopes across: a day summary reads like a report, not a spreadsheet.
std::vector<record> transpose(const std::vector<record>& rows, const char* corner) {
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

// An undefined verdict (NaN: a single replication has no CI) reads as it always has.
const char* verdict_text(verdict v) {
    switch (v) {
        case verdict::met:
            return "met";
        case verdict::not_met:
            return "NOT met";
        case verdict::uncertain:
        case verdict::undefined:
            break;
    }
    return "uncertain (CI spans the target)";
}

std::string percent(double share) {
    return std::isnan(share) ? "-" : fmt::format("{:.0f}%", 100.0 * share);
}

std::string targets_section(const target_checks& t, const char* all_queues) {
    std::string out = t.days > 1 ? fmt::format("\nTargets ({} days, {})\n", t.days, all_queues)
                                 : fmt::format("\nTargets (day, {})\n", all_queues);
    for (const target_check& c : t.checks)
        out += fmt::format("  {:<13} >= {:.2f}: {:.4f} [{:.4f}, {:.4f}] {}; met in {} of "
                           "replications\n",
                           c.figure, c.target, c.day.mean, c.day.ci_low, c.day.ci_high,
                           verdict_text(c.result), percent(c.share_met));
    if (t.intervals_below_service_level)
        out += fmt::format("  intervals with mean service level below target: {} of {}\n",
                           *t.intervals_below_service_level, t.checks.front().open_intervals);
    for (const target_check& c : t.checks) {
        if (c.riskiest.empty()) continue;
        std::vector<std::string> items;
        for (const interval_risk& i : c.riskiest)
            items.push_back(fmt::format("{} ({})", i.interval, percent(i.share_met)));
        out += fmt::format("  {} met least often: {}\n", c.figure, fmt::join(items, ", "));
    }
    return out;
}

// What "all queues" totals: the voice queues beside other channels (docs/model.md).
const char* all_queues_words(const sim::scenario& s) {
    const bool only_voice =
        std::all_of(s.queues.begin(), s.queues.end(),
                    [](const sim::queue_spec& q) { return q.channel == sim::channel_kind::voice; });
    return only_voice ? "all queues" : "all voice queues";
}

// One line per standard of the department: scope, standard, target, figure with its CI, verdict.
std::string standards_section(const std::vector<standard_check>& rows, std::size_t days) {
    std::size_t scope_width = 5, standard_width = 8;
    for (const standard_check& c : rows) {
        scope_width = std::max(scope_width, c.scope.size());
        standard_width = std::max(standard_width, c.standard.size());
    }
    std::string out = days > 1 ? fmt::format("\nStandards ({} days)\n", days)
                               : std::string("\nStandards (day)\n");
    for (const standard_check& c : rows) {
        const std::string target = c.target ? fmt::format(">= {:.2f}", *c.target) : "";
        const std::string value =
            std::isnan(c.value.mean)
                ? std::string("-")
                : fmt::format("{:.4f} [{:.4f}, {:.4f}]", c.value.mean, c.value.ci_low,
                              c.value.ci_high);
        out += fmt::format("  {:<{}}  {:<{}}  {:<7}  {}{}\n", c.scope, scope_width, c.standard,
                           standard_width, target, value,
                           c.target ? std::string("  ") + verdict_text(c.result) : "");
    }
    return out;
}

// One line per day: the figures a manager reads first, each target's verdict and how often
// the day met it over the replications.
std::string days_section(const sim::scenario& s, const sim::simulation_summary& r,
                         const target_checks& t) {
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
            row.push_back({"", c.figure == "service level" ? "SL target" : "answer-rate target",
                           fmt::format("{} ({})", c.days[d].result == verdict::met ? "met"
                                                  : c.days[d].result == verdict::not_met
                                                      ? "NOT met"
                                                  : c.days[d].result == verdict::uncertain
                                                      ? "uncertain"
                                                      : "-",
                                       percent(c.days[d].share_met))});
        if (!s.groups.empty())
            for (const group_figure f : {group_figure::occupancy, group_figure::agents_logged_in,
                                         group_figure::overtime_h}) {
                const sim::figure_info& i = sim::info(f);
                row.push_back({i.key, i.label, r.group(all_groups, b, f), i.decimals, true});
            }
        rows.push_back(std::move(row));
    }
    return fmt::format("\nDays ({}, all groups; targets: verdict and share of replications met)\n",
                       all_queues_words(s)) +
           format_table(rows);
}

}  // namespace

std::string summary_table(const sim::scenario& s, const sim::simulation_run& run,
                          const run_description& d) {
    const sim::simulation_summary& r = run.summary;
    std::string out =
        r.batch_means()
            ? fmt::format(
                  "{}: one long run, seed {}, {:g}% confidence intervals by batch means "
                  "({} intervals as batches)\n\n",
                  d.scenario_name, d.seed, r.confidence() * 100, r.intervals())
            : fmt::format("{}: {} replications, seed {}, {:g}% confidence intervals\n\n",
                          d.scenario_name, r.replications(), d.seed, r.confidence() * 100);
    out += format_table(transpose(queue_summary_records(s, r), "queue"));
    out += "\n";
    out += format_table(transpose(group_summary_records(s, r), "agent group"));
    if (has_department_standards(s)) out += standards_section(check_standards(s, r), r.days());
    const target_checks targets = check_targets(s, r);
    if (r.days() > 1) out += days_section(s, r, targets);
    if (!targets.empty()) out += targets_section(targets, all_queues_words(s));
    out += fmt::format(
        "\nRun: {} calls simulated in {:.3f} s ({:.2f} million calls/s, {} threads)\n",
        r.arrivals(), run.wall_seconds,
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds / 1e6 : 0.0,
        d.threads);
    return out;
}

}  // namespace ccsim::report
