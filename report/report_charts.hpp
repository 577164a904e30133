#pragma once
// Pieces the report builders share: the open intervals of a simulation as a chart's x axis,
// series of means, confidence bands and target lines, tables made from records, and the
// "about this run" table. Builders decide what a report shows; these only assemble.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/record.hpp"
#include "report/report_context.hpp"
#include "report/report_document.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

/// The intervals a chart shows: those in which the centre is open (nights and closed days
/// left out, as in intervals.csv), with their labels.
struct interval_axis {
    std::vector<std::size_t> buckets;
    std::vector<std::string> labels;
};
interval_axis open_intervals(const sim::scenario& s, const sim::simulation_summary& r);

/// Index of "all queues" (or the only queue) and "all groups" (or the only group).
std::size_t all_queues(const sim::simulation_summary& r);
std::size_t all_groups(const sim::simulation_summary& r);

/// The answer time limit (seconds) every queue shares, which the service level refers to;
/// nullopt when queues differ.
std::optional<double> common_threshold(const sim::scenario& s);

/// A figure over buckets, as means and as a band of confidence intervals.
std::vector<double> queue_means(const sim::simulation_summary& r, std::size_t queue,
                                const std::vector<std::size_t>& buckets, sim::queue_figure f);
std::vector<double> group_means(const sim::simulation_summary& r, std::size_t group,
                                const std::vector<std::size_t>& buckets, sim::group_figure f);
chart_series queue_band(const sim::simulation_summary& r, std::size_t queue,
                        const std::vector<std::size_t>& buckets, sim::queue_figure f,
                        std::string label, int colour);

chart_series line(std::string label, std::vector<double> values, int colour);
chart_series bars(std::string label, std::vector<double> values, int colour, bool stacked);
/// A dashed line at `value` over `count` labels ("target 90.0%"); a second target in the same
/// chart takes `dash` 1 (another dash pattern), and so on.
chart_series target_series(std::string label, double value, std::size_t count, int dash = 0);

/// How a figure with this record key is shown: shares as percentages with one decimal,
/// seconds and counts with `decimals`.
number_format key_format(const std::string& key, int decimals);
/// A share axis from 0% to 100%.
chart_axis percent_axis(std::string title);

/// The name of a record key in `l` (figure_name), else the key itself.
std::string key_name(language l, const std::string& key);
/// A record's value as a cell, formatted by key_format.
cell field_cell(const field& f);
/// Records as a table: a column per field (named by key_name), a row per record.
table_block records_table(const std::vector<record>& rows, language l);
/// One record as a two-column table: the figure's name, its value.
table_block record_table(const record& row, language l, std::string value_column);

/// "≥ 90.0%" / "≤ 30.0".
std::string at_least(language l, double target, number_format f);
std::string at_most(language l, double ceiling, number_format f);

/// The "about this run" table: two columns, the first naming what the second says.
table_block about_table(std::vector<std::pair<std::string, std::string>> rows);
/// The lines every report ends its "about this run" with: ccsim's version and when.
void append_version_rows(std::vector<std::pair<std::string, std::string>>& rows,
                         const report_context& c);
/// The page footer: "Written by ccsim 0.1.0 on 2026-03-02 14:05 UTC."
std::string footer_text(const report_context& c);

}  // namespace ccsim::report
