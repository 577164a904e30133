#include "report/comparison_report.hpp"

#include <fmt/format.h>

#include "report/messages.hpp"
#include "report/report_charts.hpp"
#include "report/target_checks.hpp"

namespace ccsim::report {

namespace {

using sim::group_figure;
using sim::queue_figure;

std::string variant_name(std::size_t v, language l) {
    return v == 0 ? std::string(text(l, msg::variant_base))
                  : format_message(l, msg::variant_number, v);
}

// "key=value; key=value" for a variant, as the command line wrote it.
std::string changes_of(const variant_labels& labels, std::size_t v) {
    if (v == 0) return "–";
    std::string out;
    for (std::size_t k = 0; k < labels.keys.size(); ++k) {
        if (k) out += "; ";
        out += labels.keys[k] + "=" + labels.values[v - 1][k];
    }
    return out;
}

section variants_section(const comparison_report_input& in, language l) {
    const sim::comparison& r = *in.result;
    const std::string confidence = fmt::format("{:g}", r.variants.front().confidence() * 100);
    const target_checks base_checks = check_targets(*in.scenarios[0], r.variants[0]);
    table_block t;
    t.columns = {std::string(text(l, msg::fig_variant)), std::string(text(l, msg::col_changes))};
    for (const target_check& c : base_checks.checks) {
        const std::string name =
            key_name(l, c.figure == "answer rate" ? "answer_rate" : "service_level");
        t.columns.push_back(fmt::format("{} ({})", name, at_least(l, c.target, share)));
        t.columns.push_back(format_message(l, msg::col_verdict_of, name));
    }
    if (base_checks.empty()) t.columns.push_back(key_name(l, "service_level"));
    for (const char* key : {"abandon_rate", "asa_s", "occupancy"})
        t.columns.push_back(key_name(l, key));
    for (std::size_t v = 0; v < r.variants.size(); ++v) {
        const sim::simulation_summary& s = r.variants[v];
        const std::size_t q = all_queues(s), g = all_groups(s);
        std::vector<cell> row{variant_name(v, l), changes_of(in.labels, v)};
        const target_checks checks = check_targets(*in.scenarios[v], s);
        for (std::size_t i = 0; i < base_checks.checks.size(); ++i) {
            if (i < checks.checks.size()) {
                row.push_back(estimate_cell{checks.checks[i].day, share});
                row.push_back(verdict_of(checks.checks[i].result, l));
            } else {
                row.emplace_back(std::monostate{});
                row.emplace_back(std::monostate{});
            }
        }
        if (base_checks.empty())
            row.push_back(
                estimate_cell{s.queue(q, s.horizon(), queue_figure::service_level), share});
        row.push_back(estimate_cell{s.queue(q, s.horizon(), queue_figure::abandon_rate), share});
        row.push_back(
            estimate_cell{s.queue(q, s.horizon(), queue_figure::asa_s), {1, false, false}});
        row.push_back(s.groups() > 0 ? cell{estimate_cell{
                                           s.group(g, s.horizon(), group_figure::occupancy), share}}
                                     : cell{std::monostate{}});
        t.rows.push_back(std::move(row));
    }
    t.caption = format_message(l, msg::col_result, confidence);
    return {"variants", std::string(text(l, msg::section_variants)), 2, {std::move(t)}};
}

section differences_section(const comparison_report_input& in, language l) {
    const sim::comparison& r = *in.result;
    // The comparison's records: each figure and its paired difference; the table keeps the
    // differences, one row per variant after the base.
    const std::vector<record> rows = comparison_records(r, in.labels, false);
    table_block t;
    t.columns = {std::string(text(l, msg::fig_variant)), std::string(text(l, msg::col_changes))};
    bool first = true;
    for (std::size_t v = 1; v < rows.size(); ++v) {
        std::vector<cell> cells{variant_name(v, l), changes_of(in.labels, v)};
        for (const field& f : rows[v]) {
            if (!f.key.ends_with("_diff")) continue;
            if (first) t.columns.push_back(key_name(l, f.key));
            cells.push_back(field_cell(f));
        }
        first = false;
        t.rows.push_back(std::move(cells));
    }
    const std::string confidence = fmt::format("{:g}", r.variants.front().confidence() * 100);
    return {
        "differences", format_message(l, msg::section_differences, confidence), 2, {std::move(t)}};
}

section intervals_section(const comparison_report_input& in, language l) {
    const sim::comparison& r = *in.result;
    const sim::scenario& base = *in.scenarios[0];
    const interval_axis x = open_intervals(base, r.variants[0]);
    const std::string sl = key_name(l, "service_level");
    chart_block c;
    c.title = std::string(text(l, msg::section_variant_intervals));
    c.x_title = std::string(text(l, msg::axis_interval));
    c.x_labels = x.labels;
    c.y = percent_axis(format_message(l, msg::axis_percent, sl));
    for (std::size_t v = 0; v < r.variants.size(); ++v)
        c.series.push_back(
            line(v == 0 ? variant_name(v, l)
                        : fmt::format("{}: {}", variant_name(v, l), changes_of(in.labels, v)),
                 queue_means(r.variants[v], all_queues(r.variants[v]), x.buckets,
                             queue_figure::service_level),
                 static_cast<int>(v)));
    if (base.service_level_target)
        c.series.push_back(
            target_series(format_message(l, msg::target_line,
                                         fmt::format("{:g}%", *base.service_level_target * 100)),
                          *base.service_level_target, x.labels.size()));
    return {"intervals", std::string(text(l, msg::section_service_level)), 2, {std::move(c)}};
}

section about_section(const comparison_report_input& in, const report_context& c) {
    const language l = c.lang;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(text(l, msg::run_scenario), in.scenarios[0]->name);
    rows.emplace_back(text(l, msg::run_file), in.base_file);
    rows.emplace_back(text(l, msg::run_replications), fmt::format("{}", in.replications));
    rows.emplace_back(text(l, msg::run_seed), fmt::format("{}", in.seed));
    rows.emplace_back(text(l, msg::run_random_numbers),
                      text(l, in.independent_seeds ? msg::run_independent_seeds
                                                   : msg::run_common_random_numbers));
    rows.emplace_back(text(l, msg::run_confidence),
                      fmt::format("{:g}%", in.result->variants.front().confidence() * 100));
    append_version_rows(rows, c);
    return {"run", std::string(text(l, msg::about_run)), 2, {about_table(std::move(rows))}};
}

}  // namespace

document comparison_report(const comparison_report_input& in, const report_context& c) {
    const language l = c.lang;
    document doc;
    doc.kind = "whatif";
    doc.lang = l;
    doc.title = format_message(l, msg::whatif_title, in.scenarios[0]->name);
    doc.subtitle = format_message(
        l, msg::whatif_subtitle, in.result->variants.size(), in.replications, in.seed,
        fmt::format("{:g}", in.result->variants.front().confidence() * 100));
    doc.footer = footer_text(c);
    doc.sections.push_back(variants_section(in, l));
    doc.sections.push_back(differences_section(in, l));
    doc.sections.push_back(intervals_section(in, l));
    doc.sections.push_back(about_section(in, c));
    return doc;
}

}  // namespace ccsim::report
