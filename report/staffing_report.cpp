#include "report/staffing_report.hpp"

#include <fmt/format.h>

#include "core/duration.hpp"
#include "report/messages.hpp"
#include "report/report_charts.hpp"
#include "report/staffing_records.hpp"

namespace ccsim::report {

namespace {

constexpr number_format seconds_format{1, false, false};

verdict verdict_if(bool met) {
    return met ? verdict::met : verdict::not_met;
}

seconds threshold_of(const staffing_report_input& in) {
    return in.targets.service_level ? in.targets.service_level->threshold : in.options.threshold;
}

section standards_section(const staffing_report_input& in, language l) {
    const erlang::staffing_totals& t = in.plan->totals;
    table_block table;
    table.columns = {std::string(text(l, msg::col_standard)), std::string(text(l, msg::col_target)),
                     std::string(text(l, msg::col_predicted)),
                     std::string(text(l, msg::col_verdict))};
    const erlang::staffing_targets& g = in.targets;
    if (g.service_level)
        table.rows.push_back(
            {format_message(l, msg::standard_service_level,
                            fmt::format("{:g}", g.service_level->threshold.count())),
             at_least(l, g.service_level->fraction, share), number_cell{t.service_level, share},
             verdict_of(verdict_if(t.service_level >= g.service_level->fraction), l)});
    if (g.answer_rate)
        table.rows.push_back({std::string(text(l, msg::standard_answer_rate)),
                              at_least(l, *g.answer_rate, share), number_cell{t.answer_rate, share},
                              verdict_of(verdict_if(t.answer_rate >= *g.answer_rate), l)});
    if (g.asa)
        table.rows.push_back({std::string(text(l, msg::standard_asa)),
                              at_most(l, g.asa->count(), seconds_format),
                              number_cell{t.asa.count(), seconds_format},
                              verdict_of(verdict_if(t.asa.count() <= g.asa->count()), l)});
    if (g.max_abandon)
        table.rows.push_back({std::string(text(l, msg::standard_abandon)),
                              at_most(l, *g.max_abandon, share), number_cell{t.p_abandon, share},
                              verdict_of(verdict_if(t.p_abandon <= *g.max_abandon), l)});
    if (g.max_occupancy)
        table.rows.push_back({std::string(text(l, msg::standard_occupancy)),
                              at_most(l, *g.max_occupancy, share), number_cell{t.occupancy, share},
                              verdict_of(verdict_if(t.occupancy <= *g.max_occupancy), l)});
    return {"standards", std::string(text(l, msg::standards)), 2, {std::move(table)}};
}

std::vector<double> interval_values(const staffing_report_input& in, auto value) {
    std::vector<double> out;
    for (const erlang::interval_requirement& r : in.plan->intervals) out.push_back(value(r));
    return out;
}

chart_block agents_chart(const staffing_report_input& in, language l) {
    chart_block c;
    c.title = std::string(text(l, msg::chart_agents));
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = in.labels;
    c.y = {std::string(text(l, msg::axis_agents)), {0, false, false}, 0.0, std::nullopt};
    chart_series required = line(
        key_name(l, "agents"),
        interval_values(in, [](const auto& r) { return static_cast<double>(r.answer.agents); }), 0);
    required.stepped = true;
    chart_series scheduled = line(
        key_name(l, "scheduled_agents"),
        interval_values(in, [](const auto& r) { return static_cast<double>(r.answer.scheduled); }),
        1);
    scheduled.stepped = true;
    c.series.push_back(std::move(required));
    c.series.push_back(std::move(scheduled));
    return c;
}

chart_block predicted_chart(const staffing_report_input& in, language l) {
    const std::string sl = key_name(l, "service_level");
    const std::string occupancy = key_name(l, "occupancy");
    chart_block c;
    c.title = std::string(text(l, msg::chart_predicted));
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = in.labels;
    c.y = percent_axis(format_message(l, msg::axis_percent, sl + " / " + occupancy));
    c.series.push_back(line(
        sl, interval_values(in, [](const auto& r) { return r.answer.metrics.service_level; }), 0));
    if (in.with_patience)
        c.series.push_back(line(
            key_name(l, "answer_rate"),
            interval_values(in, [](const auto& r) { return r.answer.metrics.answer_rate; }), 1));
    c.series.push_back(
        line(occupancy,
             interval_values(in, [](const auto& r) { return r.answer.metrics.occupancy; }), 2));
    if (in.targets.service_level) {
        const double target = in.targets.service_level->fraction;
        c.series.push_back(
            target_series(format_message(l, msg::target_line, fmt::format("{:g}%", target * 100)),
                          target, in.labels.size()));
    }
    if (in.targets.max_occupancy)
        c.series.push_back(target_series(
            fmt::format("{} {}", occupancy, at_most(l, *in.targets.max_occupancy, share)),
            *in.targets.max_occupancy, in.labels.size(), 1));
    return c;
}

section about_section(const staffing_report_input& in, const report_context& c) {
    const language l = c.lang;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(text(l, msg::run_forecast), in.forecast_file);
    rows.emplace_back(text(l, msg::run_model),
                      text(l, in.with_patience ? msg::run_erlang_a : msg::run_erlang_c));
    rows.emplace_back(text(l, msg::run_threshold), format_duration(threshold_of(in)));
    rows.emplace_back(text(l, msg::run_shrinkage),
                      fmt::format("{:g}%", in.options.shrinkage * 100.0));
    if (!in.plan->intervals.empty())
        rows.emplace_back(text(l, msg::run_interval),
                          format_duration(in.plan->intervals.front().demand.length));
    append_version_rows(rows, c);
    return {"run", std::string(text(l, msg::about_run)), 2, {about_table(std::move(rows))}};
}

}  // namespace

document staffing_report(const staffing_report_input& in, const report_context& c) {
    const language l = c.lang;
    document doc;
    doc.kind = "staff";
    doc.lang = l;
    doc.title = format_message(l, msg::staff_title, in.forecast_file);
    const std::string length = in.plan->intervals.empty()
                                   ? std::string("-")
                                   : format_duration(in.plan->intervals.front().demand.length);
    doc.subtitle =
        format_message(l, msg::staff_subtitle, in.plan->intervals.size(), length,
                       text(l, in.with_patience ? msg::run_erlang_a : msg::run_erlang_c));
    doc.footer = footer_text(c);
    if (!in.targets.empty()) doc.sections.push_back(standards_section(in, l));
    doc.sections.push_back({"totals",
                            std::string(text(l, msg::section_totals)),
                            2,
                            {record_table(staffing_totals_record(in.plan->totals), l,
                                          std::string(text(l, msg::col_plain_value)))}});
    doc.sections.push_back(
        {"agents", std::string(text(l, msg::section_agents)), 2, {agents_chart(in, l)}});
    doc.sections.push_back(
        {"predicted", std::string(text(l, msg::section_predicted)), 2, {predicted_chart(in, l)}});
    doc.sections.push_back(about_section(in, c));
    return doc;
}

}  // namespace ccsim::report
