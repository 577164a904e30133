#include "report/simulation_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "report/messages.hpp"
#include "report/report_charts.hpp"
#include "report/simulation_records.hpp"
#include "report/target_checks.hpp"

namespace ccsim::report {

namespace {

using sim::group_figure;
using sim::queue_figure;

std::string name_of(language l, queue_figure f) {
    return key_name(l, sim::info(f).key);
}
std::string name_of(language l, group_figure f) {
    return key_name(l, sim::info(f).key);
}

number_format format_of(queue_figure f) {
    const sim::figure_info& i = sim::info(f);
    return key_format(i.key, std::min(i.decimals, 2));
}
number_format format_of(group_figure f) {
    const sim::figure_info& i = sim::info(f);
    return key_format(i.key, std::min(i.decimals, 2));
}

std::string standard_name(const sim::scenario& s, const target_check& c, language l) {
    if (c.figure == "answer rate") return std::string(text(l, msg::standard_answer_rate));
    const std::optional<double> t = common_threshold(s);
    return t ? format_message(l, msg::standard_service_level, fmt::format("{:g}", *t))
             : name_of(l, queue_figure::service_level);
}

section standards_section(const sim::scenario& s, const sim::simulation_summary& r,
                          const target_checks& checks, language l) {
    section sec{"standards", std::string(text(l, msg::standards)), 2, {}};
    const std::string confidence = fmt::format("{:g}", r.confidence() * 100);
    if (checks.empty()) {
        sec.blocks.push_back(note_block{std::string(text(l, msg::no_targets))});
    } else {
        table_block t;
        t.columns = {std::string(text(l, msg::col_standard)),
                     std::string(text(l, msg::col_target)),
                     format_message(l, msg::col_result, confidence),
                     std::string(text(l, msg::col_verdict)),
                     std::string(text(l, msg::col_share_met)),
                     std::string(text(l, msg::col_intervals_below))};
        for (const target_check& c : checks.checks)
            t.rows.push_back({standard_name(s, c, l), at_least(l, c.target, share),
                              estimate_cell{c.day, share}, verdict_of(c.result, l),
                              number_cell{c.share_met, share_whole},
                              fmt::format("{} / {}", c.intervals_below, c.open_intervals)});
        sec.blocks.push_back(std::move(t));
        for (const target_check& c : checks.checks) {
            if (c.riskiest.empty()) continue;
            std::vector<std::string> items;
            for (const interval_risk& i : c.riskiest)
                items.push_back(fmt::format("{} ({:.0f}%)", i.interval, 100.0 * i.share_met));
            const std::string figure = c.figure == "answer rate"
                                           ? name_of(l, queue_figure::answer_rate)
                                           : name_of(l, queue_figure::service_level);
            sec.blocks.push_back(note_block{format_message(
                l, msg::met_least_often, figure, fmt::format("{}", fmt::join(items, ", ")))});
        }
    }
    // The horizon's key figures, all queues and all groups together.
    table_block key;
    key.caption = std::string(text(l, msg::key_figures));
    key.columns = {std::string(text(l, msg::col_figure)),
                   format_message(l, msg::col_value, confidence)};
    const std::size_t q = all_queues(r), g = all_groups(r);
    for (queue_figure f :
         {queue_figure::offered, queue_figure::answered, queue_figure::abandoned,
          queue_figure::service_level, queue_figure::answer_rate, queue_figure::abandon_rate,
          queue_figure::asa_s, queue_figure::p90_wait_s, queue_figure::longest_queue})
        key.rows.push_back(
            {name_of(l, f), estimate_cell{r.queue(q, r.horizon(), f), format_of(f)}});
    if (r.groups() > 0)
        for (group_figure f : {group_figure::occupancy, group_figure::agents_logged_in})
            key.rows.push_back(
                {name_of(l, f), estimate_cell{r.group(g, r.horizon(), f), format_of(f)}});
    sec.blocks.push_back(std::move(key));
    return sec;
}

std::string scoped(const sim::scenario& s, language l, std::string title, std::size_t queue) {
    if (s.queues.size() <= 1) return title;
    const std::string scope =
        queue >= s.queues.size() ? std::string(text(l, msg::all_queues)) : s.queues[queue].name;
    return fmt::format("{} ({})", title, scope);
}

chart_block service_level_chart(const sim::scenario& s, const sim::simulation_summary& r,
                                const interval_axis& x, std::size_t queue, language l) {
    const std::string sl = name_of(l, queue_figure::service_level);
    chart_block c;
    c.title = scoped(s, l, format_message(l, msg::per_interval, sl), queue);
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = x.labels;
    c.y = percent_axis(format_message(l, msg::axis_percent, sl));
    c.series.push_back(queue_band(
        r, queue, x.buckets, queue_figure::service_level,
        format_message(l, msg::confidence_band, sl, fmt::format("{:g}", r.confidence() * 100)), 0));
    c.series.push_back(line(sl, queue_means(r, queue, x.buckets, queue_figure::service_level), 0));
    if (s.service_level_target)
        c.series.push_back(
            target_series(format_message(l, msg::target_line,
                                         fmt::format("{:g}%", *s.service_level_target * 100)),
                          *s.service_level_target, x.labels.size()));
    return c;
}

chart_block volume_chart(const sim::scenario& s, const sim::simulation_summary& r,
                         const interval_axis& x, std::size_t queue, language l) {
    chart_block c;
    c.title = scoped(s, l, std::string(text(l, msg::chart_volumes)), queue);
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = x.labels;
    c.y = {std::string(text(l, msg::axis_calls)), {1, false, false}, 0.0, std::nullopt};
    c.series.push_back(bars(name_of(l, queue_figure::answered),
                            queue_means(r, queue, x.buckets, queue_figure::answered), 0, true));
    chart_series abandoned =
        bars(name_of(l, queue_figure::abandoned),
             queue_means(r, queue, x.buckets, queue_figure::abandoned), 1, true);
    abandoned.hatched = true;
    c.series.push_back(std::move(abandoned));
    c.series.push_back(line(name_of(l, queue_figure::offered),
                            queue_means(r, queue, x.buckets, queue_figure::offered), 6));
    return c;
}

chart_block wait_chart(const sim::scenario& s, const sim::simulation_summary& r,
                       const interval_axis& x, language l) {
    const std::size_t q = all_queues(r);
    chart_block c;
    c.title = std::string(text(l, msg::chart_waits));
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = x.labels;
    c.y = {std::string(text(l, msg::axis_seconds)), {1, false, false}, 0.0, std::nullopt};
    c.series.push_back(line(name_of(l, queue_figure::asa_s),
                            queue_means(r, q, x.buckets, queue_figure::asa_s), 0));
    c.series.push_back(line(name_of(l, queue_figure::p90_wait_s),
                            queue_means(r, q, x.buckets, queue_figure::p90_wait_s), 1));
    if (const std::optional<double> t = common_threshold(s))
        c.series.push_back(target_series(
            format_message(l, msg::threshold_line, fmt::format("{:g}", *t)), *t, x.labels.size()));
    return c;
}

section groups_section(const sim::scenario& s, const sim::simulation_summary& r,
                       const interval_axis& x, language l) {
    section sec{"groups", std::string(text(l, msg::section_groups)), 2, {}};
    const std::string occupancy = name_of(l, group_figure::occupancy);
    chart_block occ;
    occ.title = format_message(l, msg::per_interval_by_group, occupancy);
    occ.x_title = std::string(text(l, msg::axis_interval));
    occ.x_labels = x.labels;
    occ.y = percent_axis(format_message(l, msg::axis_percent, occupancy));
    chart_block logged;
    logged.title =
        format_message(l, msg::per_interval_by_group, name_of(l, group_figure::agents_logged_in));
    logged.x_title = occ.x_title;
    logged.x_labels = x.labels;
    logged.y = {std::string(text(l, msg::axis_agents)), {1, false, false}, 0.0, std::nullopt};
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
        const int colour = static_cast<int>(g);
        occ.series.push_back(
            line(s.groups[g].name, group_means(r, g, x.buckets, group_figure::occupancy), colour));
        logged.series.push_back(bars(s.groups[g].name,
                                     group_means(r, g, x.buckets, group_figure::agents_logged_in),
                                     colour, true));
    }
    sec.blocks.push_back(std::move(occ));
    sec.blocks.push_back(std::move(logged));
    return sec;
}

chart_block queue_length_chart(const sim::simulation_summary& r, const interval_axis& x,
                               language l) {
    const std::size_t q = all_queues(r);
    const std::string name = name_of(l, queue_figure::longest_queue);
    chart_block c;
    c.title = format_message(l, msg::per_interval, name);
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = x.labels;
    c.y = {name, {1, false, false}, 0.0, std::nullopt};
    c.series.push_back(
        bars(name, queue_means(r, q, x.buckets, queue_figure::longest_queue), 0, false));
    return c;
}

section days_section(const sim::scenario& s, const sim::simulation_summary& r,
                     const target_checks& checks, language l) {
    section sec{"days", std::string(text(l, msg::section_days)), 2, {}};
    const std::size_t q = all_queues(r), g = all_groups(r);
    const std::string sl = name_of(l, queue_figure::service_level);
    const std::string ar = name_of(l, queue_figure::answer_rate);
    table_block t;
    t.columns = {std::string(text(l, msg::fig_day)), name_of(l, queue_figure::offered)};
    for (const target_check& c : checks.checks) {
        const std::string& name = c.figure == "answer rate" ? ar : sl;
        t.columns.push_back(name);
        t.columns.push_back(format_message(l, msg::col_verdict_of, name));
    }
    if (checks.checks.empty()) t.columns.push_back(sl);
    t.columns.push_back(name_of(l, queue_figure::asa_s));
    if (r.groups() > 0) {
        t.columns.push_back(name_of(l, group_figure::occupancy));
        t.columns.push_back(name_of(l, group_figure::agents_logged_in));
    }
    std::vector<std::string> labels;
    std::vector<std::size_t> buckets;
    for (std::size_t d = 0; d < r.days(); ++d) {
        const std::size_t b = r.day_bucket(d);
        labels.push_back(day_label(s, d));
        buckets.push_back(b);
        std::vector<cell> row{labels.back(), estimate_cell{r.queue(q, b, queue_figure::offered),
                                                           format_of(queue_figure::offered)}};
        for (const target_check& c : checks.checks) {
            row.push_back(estimate_cell{c.days[d].figure, share});
            row.push_back(verdict_of(c.days[d].result, l));
        }
        if (checks.checks.empty())
            row.push_back(estimate_cell{r.queue(q, b, queue_figure::service_level), share});
        row.push_back(
            estimate_cell{r.queue(q, b, queue_figure::asa_s), format_of(queue_figure::asa_s)});
        if (r.groups() > 0) {
            row.push_back(estimate_cell{r.group(g, b, group_figure::occupancy), share});
            row.push_back(estimate_cell{r.group(g, b, group_figure::agents_logged_in),
                                        format_of(group_figure::agents_logged_in)});
        }
        t.rows.push_back(std::move(row));
    }
    sec.blocks.push_back(std::move(t));

    chart_block c;
    c.title = std::string(text(l, msg::chart_days));
    c.x_title = std::string(text(l, msg::axis_day));
    c.x_labels = labels;
    c.y = percent_axis(format_message(l, msg::axis_percent, sl + " / " + ar));
    const std::string confidence = fmt::format("{:g}", r.confidence() * 100);
    c.series.push_back(queue_band(r, q, buckets, queue_figure::service_level,
                                  format_message(l, msg::confidence_band, sl, confidence), 0));
    c.series.push_back(line(sl, queue_means(r, q, buckets, queue_figure::service_level), 0));
    c.series.push_back(queue_band(r, q, buckets, queue_figure::answer_rate,
                                  format_message(l, msg::confidence_band, ar, confidence), 1));
    c.series.push_back(line(ar, queue_means(r, q, buckets, queue_figure::answer_rate), 1));
    // One dashed line per distinct target: 90/90 draws one.
    std::vector<double> drawn;
    for (const target_check& check : checks.checks) {
        if (std::find(drawn.begin(), drawn.end(), check.target) != drawn.end()) continue;
        drawn.push_back(check.target);
        c.series.push_back(target_series(
            format_message(l, msg::target_line, fmt::format("{:g}%", check.target * 100)),
            check.target, labels.size(), static_cast<int>(drawn.size() - 1)));
    }
    sec.blocks.push_back(std::move(c));
    return sec;
}

std::string horizon_text(const sim::scenario& s, const sim::simulation_summary& r, language l) {
    if (r.days() <= 1) {
        // One day: its opening hours, or how long the stationary quick form runs.
        std::string hours = format_duration(s.day_end() - s.day_start);
        if (!s.stationary && s.day_end().count() <= seconds_per_day)
            hours = format_time_of_day(s.day_start) + "–" + format_time_of_day(s.day_end());
        const std::string day = s.calendar.day_label(0);
        return day.empty() ? hours : day + " " + hours;
    }
    return format_message(l, msg::run_horizon_days, r.days(), day_label(s, 0),
                          day_label(s, r.days() - 1));
}

section about_section(const sim::scenario& s, const sim::simulation_summary& r,
                      const run_description& d, const report_context& c) {
    const language l = c.lang;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(text(l, msg::run_scenario), d.scenario_name);
    rows.emplace_back(text(l, msg::run_file), d.scenario_file.empty()
                                                  ? std::string(text(l, msg::run_quick_form))
                                                  : d.scenario_file);
    rows.emplace_back(text(l, msg::run_horizon), horizon_text(s, r, l));
    rows.emplace_back(text(l, msg::run_interval), format_duration(s.interval));
    rows.emplace_back(text(l, msg::run_replications),
                      r.batch_means() ? std::string(text(l, msg::run_batch_means))
                                      : fmt::format("{}", r.replications()));
    rows.emplace_back(text(l, msg::run_seed), fmt::format("{}", d.seed));
    rows.emplace_back(text(l, msg::run_confidence), fmt::format("{:g}%", r.confidence() * 100));
    append_version_rows(rows, c);
    return {"run", std::string(text(l, msg::about_run)), 2, {about_table(std::move(rows))}};
}

}  // namespace

document simulation_report(const sim::scenario& s, const sim::simulation_run& run,
                           const run_description& d, const report_context& c) {
    const sim::simulation_summary& r = run.summary;
    const language l = c.lang;
    document doc;
    doc.kind = "simulate";
    doc.lang = l;
    doc.title = format_message(l, msg::simulate_title, d.scenario_name);
    const std::string confidence = fmt::format("{:g}", r.confidence() * 100);
    doc.subtitle = r.batch_means()
                       ? format_message(l, msg::simulate_subtitle_batch_means,
                                        horizon_text(s, r, l), d.seed, confidence)
                       : format_message(l, msg::simulate_subtitle, horizon_text(s, r, l),
                                        r.replications(), d.seed, confidence);
    doc.footer = footer_text(c);

    const target_checks checks = check_targets(s, r);
    const interval_axis x = open_intervals(s, r);
    const std::size_t q = all_queues(r);
    doc.sections.push_back(standards_section(s, r, checks, l));
    doc.sections.push_back({"service-level",
                            std::string(text(l, msg::section_service_level)),
                            2,
                            {service_level_chart(s, r, x, q, l)}});
    doc.sections.push_back(
        {"calls", std::string(text(l, msg::section_volumes)), 2, {volume_chart(s, r, x, q, l)}});
    doc.sections.push_back(
        {"waiting", std::string(text(l, msg::section_waits)), 2, {wait_chart(s, r, x, l)}});
    if (!s.groups.empty()) doc.sections.push_back(groups_section(s, r, x, l));
    doc.sections.push_back({"queue-length",
                            std::string(text(l, msg::section_queue_length)),
                            2,
                            {queue_length_chart(r, x, l)}});
    if (r.days() > 1) doc.sections.push_back(days_section(s, r, checks, l));
    if (s.queues.size() > 1)
        for (std::size_t i = 0; i < s.queues.size(); ++i)
            doc.sections.push_back(
                {fmt::format("queue-{}", i + 1),
                 format_message(l, msg::section_queue, s.queues[i].name),
                 2,
                 {service_level_chart(s, r, x, i, l), volume_chart(s, r, x, i, l)}});
    doc.sections.push_back(about_section(s, r, d, c));
    return doc;
}

}  // namespace ccsim::report
