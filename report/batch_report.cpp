#include "report/batch_report.hpp"

#include <fmt/format.h>
#include <limits>

#include "report/messages.hpp"
#include "report/report_charts.hpp"

namespace ccsim::report {

namespace {

using json = nlohmann::ordered_json;

double number_or_nan(const json& v) {
    return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

// A figure of summary.json ({"mean", "ci_low", "ci_high"}); NaN when missing.
estimate estimate_at(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object())
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
                std::numeric_limits<double>::quiet_NaN()};
    return {number_or_nan(it->value("mean", json())), number_or_nan(it->value("ci_low", json())),
            number_or_nan(it->value("ci_high", json()))};
}

verdict verdict_from_key(const std::string& key) {
    if (key == "met") return verdict::met;
    if (key == "not_met") return verdict::not_met;
    if (key == "uncertain") return verdict::uncertain;
    return verdict::undefined;
}

// The summary's check of a target ("service level", "answer rate"), if the scenario sets it.
const json* target_of(const json& summary, const char* figure) {
    const auto it = summary.find("targets");
    if (it == summary.end()) return nullptr;
    for (const json& t : *it)
        if (t.value("figure", std::string()) == figure) return &t;
    return nullptr;
}

std::string section_id(std::size_t i) {
    return fmt::format("scenario-{}", i + 1);
}

std::string key_of_target(const std::string& figure) {
    return figure == "answer rate" ? "answer_rate" : "service_level";
}

section overview_section(const std::vector<batch_entry>& entries, language l) {
    const std::string sl = key_name(l, "service_level");
    const std::string ar = key_name(l, "answer_rate");
    table_block t;
    t.columns = {std::string(text(l, msg::col_scenario)),
                 std::string(text(l, msg::fig_status)),
                 sl,
                 format_message(l, msg::col_verdict_of, sl),
                 ar,
                 format_message(l, msg::col_verdict_of, ar),
                 key_name(l, "offered"),
                 key_name(l, "asa_s"),
                 key_name(l, "occupancy")};
    chart_block c;
    c.title = std::string(text(l, msg::chart_scenarios));
    c.x_title = std::string(text(l, msg::axis_scenario));
    c.y = percent_axis(format_message(l, msg::axis_percent, sl));
    c.horizontal = true;
    chart_series means = bars(sl, {}, 0, false);
    chart_series targets;
    targets.role = series_role::target;
    targets.label = std::string(text(l, msg::col_target));
    bool any_target = false;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const batch_entry& e = entries[i];
        std::vector<cell> row{link_cell{e.file, section_id(i)}};
        if (!e.ok) {
            row.push_back(verdict_cell{verdict::not_met, std::string(text(l, msg::status_error))});
            row.resize(t.columns.size(), std::monostate{});
            t.rows.push_back(std::move(row));
            continue;
        }
        const json& s = e.summary;
        row.push_back(verdict_cell{
            verdict::met, std::string(text(l, e.resumed ? msg::status_resumed : msg::status_ok))});
        for (const char* figure : {"service level", "answer rate"}) {
            row.push_back(estimate_cell{estimate_at(s, key_of_target(figure).c_str()), share});
            if (const json* target = target_of(s, figure))
                row.push_back(verdict_of(verdict_from_key(target->value("verdict", "")), l));
            else
                row.emplace_back(std::monostate{});
        }
        row.push_back(estimate_cell{estimate_at(s, "offered"), {1, false, false}});
        row.push_back(estimate_cell{estimate_at(s, "asa_s"), {1, false, false}});
        row.push_back(estimate_cell{estimate_at(s, "occupancy"), share});
        t.rows.push_back(std::move(row));

        c.x_labels.push_back(e.file);
        means.values.push_back(estimate_at(s, "service_level").mean);
        const json* target = target_of(s, "service level");
        targets.values.push_back(target ? number_or_nan(target->value("target", json()))
                                        : std::numeric_limits<double>::quiet_NaN());
        any_target = any_target || target != nullptr;
    }
    section sec{"scenarios", std::string(text(l, msg::section_scenarios)), 2, {std::move(t)}};
    if (!c.x_labels.empty()) {
        c.series.push_back(std::move(means));
        if (any_target) c.series.push_back(std::move(targets));
        sec.blocks.push_back(std::move(c));
    }
    return sec;
}

section failed_section(const std::vector<batch_entry>& entries, language l) {
    table_block t;
    t.columns = {std::string(text(l, msg::col_scenario)), std::string(text(l, msg::fig_message))};
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (!entries[i].ok)
            t.rows.push_back({link_cell{entries[i].file, section_id(i)}, entries[i].message});
    return {"failed", std::string(text(l, msg::section_failed)), 2, {std::move(t)}};
}

table_block standards_table(const json& s, language l) {
    table_block t;
    const std::string confidence = fmt::format("{:g}", s.value("confidence", 0.95) * 100);
    t.columns = {std::string(text(l, msg::col_standard)),
                 std::string(text(l, msg::col_target)),
                 format_message(l, msg::col_result, confidence),
                 std::string(text(l, msg::col_verdict)),
                 std::string(text(l, msg::col_share_met)),
                 std::string(text(l, msg::col_intervals_below))};
    for (const json& target : s.at("targets")) {
        const std::string figure = target.value("figure", std::string());
        t.rows.push_back(
            {key_name(l, key_of_target(figure)),
             at_least(l, number_or_nan(target.value("target", json())), share),
             estimate_cell{estimate_at(target, "value"), share},
             verdict_of(verdict_from_key(target.value("verdict", "")), l),
             number_cell{number_or_nan(target.value("share_met", json())), share_whole},
             fmt::format("{} / {}", target.value("intervals_below", 0),
                         target.value("open_intervals", 0))});
    }
    return t;
}

table_block key_figures_table(const json& s, language l) {
    table_block t;
    t.caption = std::string(text(l, msg::key_figures));
    const std::string confidence = fmt::format("{:g}", s.value("confidence", 0.95) * 100);
    t.columns = {std::string(text(l, msg::col_figure)),
                 format_message(l, msg::col_value, confidence)};
    constexpr std::pair<const char*, int> figures[] = {
        {"offered", 1},     {"answered", 1},        {"abandoned", 1}, {"service_level", 1},
        {"answer_rate", 1}, {"abandon_rate", 1},    {"asa_s", 1},     {"p90_wait_s", 1},
        {"occupancy", 1},   {"agents_logged_in", 1}};
    for (const auto& [key, decimals] : figures)
        if (s.contains(key))
            t.rows.push_back(
                {key_name(l, key), estimate_cell{estimate_at(s, key), key_format(key, decimals)}});
    return t;
}

// One row per day: the figures of all queues (or the only one) and all groups.
table_block days_table(const json& s, language l) {
    table_block t;
    t.columns = {std::string(text(l, msg::fig_day))};
    constexpr const char* queue_keys[] = {"offered", "service_level", "answer_rate", "asa_s"};
    for (const char* key : queue_keys) t.columns.push_back(key_name(l, key));
    t.columns.push_back(key_name(l, "occupancy"));
    for (const json& day : s.at("days")) {
        std::vector<cell> row{day.value("day", std::string())};
        const json& queues = day.at("queues");
        const json& groups = day.at("groups");
        const json* q = queues.contains("all") ? &queues.at("all")
                        : queues.empty()       ? nullptr
                                               : &queues.begin().value();
        const json* g = groups.contains("all") ? &groups.at("all")
                        : groups.empty()       ? nullptr
                                               : &groups.begin().value();
        for (const char* key : queue_keys)
            row.push_back(q ? cell{estimate_cell{estimate_at(*q, key), key_format(key, 1)}}
                            : cell{std::monostate{}});
        row.push_back(g ? cell{estimate_cell{estimate_at(*g, "occupancy"), share}}
                        : cell{std::monostate{}});
        t.rows.push_back(std::move(row));
    }
    return t;
}

section scenario_section(const batch_entry& e, std::size_t i, language l) {
    section sec{section_id(i), e.file, 3, {}};
    if (!e.ok) {
        sec.blocks.push_back(note_block{format_message(l, msg::scenario_failed, e.message)});
        return sec;
    }
    const json& s = e.summary;
    if (s.contains("targets"))
        sec.blocks.push_back(standards_table(s, l));
    else
        sec.blocks.push_back(note_block{std::string(text(l, msg::no_targets))});
    sec.blocks.push_back(key_figures_table(s, l));
    if (s.contains("days") && s.at("days").size() > 1) sec.blocks.push_back(days_table(s, l));
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(text(l, msg::run_scenario), s.value("scenario", std::string()));
    rows.emplace_back(text(l, msg::run_result_folder), e.folder);
    rows.emplace_back(text(l, msg::run_replications),
                      fmt::format("{}", s.value("replications", 0)));
    rows.emplace_back(text(l, msg::run_seed), s.contains("seed") ? s.at("seed").dump() : "");
    sec.blocks.push_back(about_table(std::move(rows)));
    return sec;
}

}  // namespace

document batch_report(const std::vector<batch_entry>& entries, const std::string& out_folder,
                      const report_context& c) {
    const language l = c.lang;
    std::size_t failed = 0;
    for (const batch_entry& e : entries)
        if (!e.ok) ++failed;
    document doc;
    doc.kind = "batch";
    doc.lang = l;
    doc.title = format_message(l, msg::batch_title, entries.size());
    doc.subtitle = format_message(l, msg::batch_subtitle, entries.size() - failed, failed);
    doc.footer = footer_text(c);
    doc.sections.push_back(overview_section(entries, l));
    if (failed > 0) doc.sections.push_back(failed_section(entries, l));
    doc.sections.push_back(
        {"each-scenario", std::string(text(l, msg::section_each_scenario)), 2, {}});
    for (std::size_t i = 0; i < entries.size(); ++i)
        doc.sections.push_back(scenario_section(entries[i], i, l));
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(text(l, msg::run_result_folder), out_folder);
    append_version_rows(rows, c);
    doc.sections.push_back(
        {"run", std::string(text(l, msg::about_run)), 2, {about_table(std::move(rows))}});
    return doc;
}

}  // namespace ccsim::report
