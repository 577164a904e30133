#include "cli/simulation_report.hpp"

#include <fmt/format.h>
#include <cmath>

#include "core/target_verdict.hpp"

namespace ccsim::cli {

namespace {

using sim::group_figure;
using sim::queue_figure;

constexpr queue_figure summary_figures[] = {
    queue_figure::offered,
    queue_figure::answered,
    queue_figure::abandoned,
    queue_figure::redials,
    queue_figure::service_level,
    queue_figure::service_level_answered,
    queue_figure::answer_rate,
    queue_figure::abandon_rate,
    queue_figure::p_wait,
    queue_figure::asa_s,
    queue_figure::mean_abandon_wait_s,
    queue_figure::p90_wait_s,
    queue_figure::longest_queue,
    queue_figure::waiting_at_end,
    queue_figure::outside_hours,
};
constexpr group_figure group_figures[] = {group_figure::occupancy, group_figure::agents_logged_in,
                                          group_figure::agents_busy};

// Scopes: each queue, plus "all" when there are several; the same for groups.
std::vector<std::pair<std::size_t, std::string>> queue_scopes(const sim::scenario& s) {
    std::vector<std::pair<std::size_t, std::string>> scopes;
    for (std::size_t q = 0; q < s.queues.size(); ++q) scopes.emplace_back(q, s.queues[q].name);
    if (s.queues.size() > 1) scopes.emplace_back(s.queues.size(), "all");
    return scopes;
}

std::vector<std::pair<std::size_t, std::string>> group_scopes(const sim::scenario& s) {
    std::vector<std::pair<std::size_t, std::string>> scopes;
    for (std::size_t g = 0; g < s.groups.size(); ++g) scopes.emplace_back(g, s.groups[g].name);
    if (s.groups.size() > 1) scopes.emplace_back(s.groups.size(), "all");
    return scopes;
}

void append_queue_figures(report::record& row, const sim::simulation_summary& r, std::size_t queue,
                          std::size_t bucket) {
    for (const queue_figure f : summary_figures) {
        const sim::figure_info& i = sim::info(f);
        row.push_back({i.key, i.label, r.queue(queue, bucket, f), i.decimals});
    }
}

void append_group_figures(report::record& row, const sim::simulation_summary& r, std::size_t group,
                          std::size_t bucket) {
    for (const group_figure f : group_figures) {
        const sim::figure_info& i = sim::info(f);
        row.push_back({i.key, i.label, r.group(group, bucket, f), i.decimals});
    }
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

nlohmann::ordered_json figures_json(const report::record& row, std::size_t skip) {
    report::record figures(row.begin() + static_cast<long>(skip), row.end());
    return report::to_json(figures);
}

}  // namespace

std::string interval_label(const sim::scenario& s, std::size_t interval) {
    const double start = s.day_start.count() + s.interval.count() * static_cast<double>(interval);
    const auto day = static_cast<long>(std::floor(start / 86400.0));
    const std::string clock =
        format_time_of_day(seconds{start - 86400.0 * static_cast<double>(day)});
    return day == 0 ? clock : fmt::format("day{} {}", day + 1, clock);
}

std::vector<report::record> queue_summary_records(const sim::scenario& s,
                                                  const sim::simulation_summary& r) {
    std::vector<report::record> rows;
    for (const auto& [index, name] : queue_scopes(s)) {
        report::record row{{"queue", "queue", name}};
        append_queue_figures(row, r, index, r.intervals());
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<report::record> group_summary_records(const sim::scenario& s,
                                                  const sim::simulation_summary& r) {
    std::vector<report::record> rows;
    for (const auto& [index, name] : group_scopes(s)) {
        report::record row{{"group", "group", name}};
        append_group_figures(row, r, index, r.intervals());
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<report::record> interval_records(const sim::scenario& s,
                                             const sim::simulation_summary& r) {
    std::vector<report::record> rows;
    for (std::size_t b = 0; b < r.intervals(); ++b) {
        for (const auto& [index, name] : queue_scopes(s)) {
            report::record row{{"interval_start", "interval", interval_label(s, b)},
                               {"queue", "queue", name}};
            append_queue_figures(row, r, index, b);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<report::record> group_interval_records(const sim::scenario& s,
                                                   const sim::simulation_summary& r) {
    std::vector<report::record> rows;
    for (std::size_t b = 0; b < r.intervals(); ++b) {
        for (const auto& [index, name] : group_scopes(s)) {
            report::record row{{"interval_start", "interval", interval_label(s, b)},
                               {"group", "group", name}};
            append_group_figures(row, r, index, b);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

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
    // Figures down, scopes across: a day summary reads like a report, not a spreadsheet.
    auto transpose = [](const std::vector<report::record>& rows, const char* corner) {
        std::vector<report::record> columns;
        if (rows.empty()) return columns;
        for (std::size_t f = 1; f < rows.front().size(); ++f) {
            report::record line{{"figure", corner, rows.front()[f].label}};
            for (const report::record& row : rows)
                line.push_back(
                    {"", std::get<std::string>(row[0].value), row[f].value, row[f].decimals});
            columns.push_back(std::move(line));
        }
        return columns;
    };
    out += report::format_table(transpose(queue_summary_records(s, r), "queue"));
    out += "\n";
    out += report::format_table(transpose(group_summary_records(s, r), "agent group"));
    const std::size_t all = s.queues.size() > 1 ? s.queues.size() : 0;
    if (s.service_level_target || s.answer_rate_target) {
        out += "\nTargets (day, all queues)\n";
        if (s.service_level_target) {
            const estimate e = r.queue(all, r.intervals(), queue_figure::service_level);
            out += fmt::format("  service level >= {:.2f}: {:.4f} [{:.4f}, {:.4f}] {}\n",
                               *s.service_level_target, e.mean, e.ci_low, e.ci_high,
                               verdict_text(judge(e, *s.service_level_target)));
        }
        if (s.answer_rate_target) {
            const estimate e = r.queue(all, r.intervals(), queue_figure::answer_rate);
            out += fmt::format("  answer rate   >= {:.2f}: {:.4f} [{:.4f}, {:.4f}] {}\n",
                               *s.answer_rate_target, e.mean, e.ci_low, e.ci_high,
                               verdict_text(judge(e, *s.answer_rate_target)));
        }
        std::size_t short_intervals = 0;
        if (s.service_level_target)
            for (std::size_t b = 0; b < r.intervals(); ++b)
                if (r.queue(all, b, queue_figure::service_level).mean < *s.service_level_target)
                    ++short_intervals;
        if (s.service_level_target)
            out += fmt::format("  intervals with mean service level below target: {} of {}\n",
                               short_intervals, r.intervals());
    }
    out += fmt::format(
        "\nRun: {} calls simulated in {:.3f} s ({:.2f} million calls/s, {} threads)\n",
        r.arrivals(), run.wall_seconds,
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds / 1e6 : 0.0,
        d.threads);
    return out;
}

nlohmann::ordered_json summary_json(const sim::scenario& s, const sim::simulation_run& run,
                                    const run_description& d) {
    const sim::simulation_summary& r = run.summary;
    nlohmann::ordered_json out;
    out["scenario"] = d.scenario_name;
    if (!d.scenario_file.empty()) out["file"] = d.scenario_file;
    out["replications"] = r.replications();
    out["seed"] = d.seed;
    out["confidence"] = r.confidence();
    out["batch_means"] = r.batch_means();
    // The all-queue, all-group day figures at the top level.
    const std::size_t all_queues = s.queues.size() > 1 ? s.queues.size() : 0;
    const std::size_t all_groups = s.groups.size() > 1 ? s.groups.size() : 0;
    report::record total;
    append_queue_figures(total, r, all_queues, r.intervals());
    if (!s.groups.empty()) append_group_figures(total, r, all_groups, r.intervals());
    const nlohmann::ordered_json totals = report::to_json(total);
    for (auto it = totals.begin(); it != totals.end(); ++it) out[it.key()] = it.value();
    nlohmann::ordered_json queues = nlohmann::ordered_json::object();
    for (const report::record& row : queue_summary_records(s, r))
        queues[std::get<std::string>(row[0].value)] = figures_json(row, 1);
    out["queues"] = queues;
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (const report::record& row : group_summary_records(s, r))
        groups[std::get<std::string>(row[0].value)] = figures_json(row, 1);
    out["groups"] = groups;
    out["calls"] = r.arrivals();
    out["events"] = r.events();
    out["wall_s"] = run.wall_seconds;
    out["calls_per_s"] =
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds : 0.0;
    out["threads"] = d.threads;
    return out;
}

}  // namespace ccsim::cli
