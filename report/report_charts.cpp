#include "report/report_charts.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "core/version.hpp"
#include "report/messages.hpp"
#include "report/simulation_records.hpp"

namespace ccsim::report {

namespace {

// Record keys whose values are shares in [0, 1] (or differences of shares).
constexpr std::string_view share_keys[] = {
    "service_level",     "service_level_answered", "answer_rate", "abandon_rate", "p_wait",
    "met_service_level", "met_answer_rate",        "occupancy",   "p_abandon",
};

bool is_share(std::string_view key) {
    if (key.ends_with("_diff")) key.remove_suffix(5);
    return std::find(std::begin(share_keys), std::end(share_keys), key) != std::end(share_keys);
}

}  // namespace

interval_axis open_intervals(const sim::scenario& s, const sim::simulation_summary& r) {
    interval_axis axis;
    for (std::size_t b = 0; b < r.intervals(); ++b) {
        if (!r.is_open(b)) continue;
        axis.buckets.push_back(b);
        axis.labels.push_back(interval_label(s, b));
    }
    return axis;
}

std::size_t all_queues(const sim::simulation_summary& r) {
    return r.queues() > 1 ? r.queues() : 0;
}

std::size_t all_groups(const sim::simulation_summary& r) {
    return r.groups() > 1 ? r.groups() : 0;
}

std::optional<double> common_threshold(const sim::scenario& s) {
    if (s.queues.empty()) return std::nullopt;
    const double t = s.queues.front().threshold.count();
    for (const sim::queue_spec& q : s.queues)
        if (q.threshold.count() != t) return std::nullopt;
    return t;
}

std::vector<double> queue_means(const sim::simulation_summary& r, std::size_t queue,
                                const std::vector<std::size_t>& buckets, sim::queue_figure f) {
    std::vector<double> out;
    out.reserve(buckets.size());
    for (std::size_t b : buckets) out.push_back(r.queue(queue, b, f).mean);
    return out;
}

std::vector<double> group_means(const sim::simulation_summary& r, std::size_t group,
                                const std::vector<std::size_t>& buckets, sim::group_figure f) {
    std::vector<double> out;
    out.reserve(buckets.size());
    for (std::size_t b : buckets) out.push_back(r.group(group, b, f).mean);
    return out;
}

chart_series queue_band(const sim::simulation_summary& r, std::size_t queue,
                        const std::vector<std::size_t>& buckets, sim::queue_figure f,
                        std::string label, int colour) {
    chart_series band;
    band.label = std::move(label);
    band.role = series_role::band;
    band.colour = colour;
    for (std::size_t b : buckets) {
        const estimate e = r.queue(queue, b, f);
        band.values.push_back(e.ci_low);
        band.upper.push_back(e.ci_high);
    }
    return band;
}

chart_series line(std::string label, std::vector<double> values, int colour) {
    chart_series s;
    s.label = std::move(label);
    s.values = std::move(values);
    s.colour = colour;
    return s;
}

chart_series bars(std::string label, std::vector<double> values, int colour, bool stacked) {
    chart_series s = line(std::move(label), std::move(values), colour);
    s.bar = true;
    s.stacked = stacked;
    return s;
}

chart_series target_series(std::string label, double value, std::size_t count, int dash) {
    chart_series s;
    s.label = std::move(label);
    s.values.assign(count, value);
    s.role = series_role::target;
    s.colour = dash;
    return s;
}

number_format key_format(const std::string& key, int decimals) {
    if (is_share(key)) return {1, true, key.ends_with("_diff")};
    return {decimals, false, key.ends_with("_diff")};
}

chart_axis percent_axis(std::string title) {
    return {std::move(title), {0, true, false}, 0.0, 1.0};
}

std::string key_name(language l, const std::string& key) {
    std::optional<std::string> name = figure_name(l, key);
    return name ? *name : key;
}

cell field_cell(const field& f) {
    struct visitor {
        const field& f;
        cell operator()(std::monostate) const { return std::monostate{}; }
        cell operator()(bool b) const { return std::string(b ? "yes" : "no"); }
        cell operator()(long n) const {
            return number_cell{static_cast<double>(n), key_format(f.key, 0)};
        }
        cell operator()(double v) const { return number_cell{v, key_format(f.key, f.decimals)}; }
        cell operator()(const std::string& s) const { return s; }
        cell operator()(const estimate& e) const {
            return estimate_cell{e, key_format(f.key, f.decimals)};
        }
    };
    return std::visit(visitor{f}, f.value);
}

table_block records_table(const std::vector<record>& rows, language l) {
    table_block t;
    if (rows.empty()) return t;
    for (const field& f : rows.front()) t.columns.push_back(key_name(l, f.key));
    for (const record& row : rows) {
        std::vector<cell> cells;
        for (const field& f : row) cells.push_back(field_cell(f));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

table_block record_table(const record& row, language l, std::string value_column) {
    table_block t;
    t.columns = {std::string(text(l, msg::col_figure)), std::move(value_column)};
    for (const field& f : row) t.rows.push_back({key_name(l, f.key), field_cell(f)});
    return t;
}

namespace {
std::string plain(double v, number_format f) {
    f.sign = false;
    const double shown = f.percent ? 100.0 * v : v;
    const std::string text = fmt::format("{:.{}f}", shown, std::max(0, f.decimals));
    return f.percent ? text + "%" : text;
}
}  // namespace

std::string at_least(language l, double target, number_format f) {
    return format_message(l, msg::target_at_least, plain(target, f));
}

std::string at_most(language l, double ceiling, number_format f) {
    return format_message(l, msg::target_at_most, plain(ceiling, f));
}

table_block about_table(std::vector<std::pair<std::string, std::string>> rows) {
    table_block t;
    t.columns = {"", ""};
    for (auto& [name, value] : rows) t.rows.push_back({std::move(name), std::move(value)});
    return t;
}

void append_version_rows(std::vector<std::pair<std::string, std::string>>& rows,
                         const report_context& c) {
    rows.emplace_back(text(c.lang, msg::run_version), version);
    if (!c.written.empty()) rows.emplace_back(text(c.lang, msg::run_generated), c.written);
}

std::string footer_text(const report_context& c) {
    return format_message(c.lang, msg::footer, version, c.written);
}

}  // namespace ccsim::report
