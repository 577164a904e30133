#pragma once
// The report model: what an HTML report shows, as plain values. One function per command
// builds it (simulation_report, staffing_report, comparison_report, batch_report; a planner's
// report is one more builder of the same model), render_html turns it into a page and
// document_json into the data the page embeds. Every text is already in the report's
// language; numbers stay numbers (with how to show them), so the renderer decides nothing.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/estimate.hpp"
#include "core/target_verdict.hpp"
#include "report/language.hpp"

namespace ccsim::report {

/// How a number is shown: `decimals` after the point; `percent` shows a share as a
/// percentage (0.912 -> "91.2%", decimals of the percentage); `sign` puts "+" before
/// positive numbers (differences).
struct number_format {
    int decimals = 1;
    bool percent = false;
    bool sign = false;
};
/// Shares shown as percentages, with one decimal ("91.2%") or whole ("91%").
inline constexpr number_format share{1, true, false};
inline constexpr number_format share_whole{0, true, false};

struct number_cell {
    double value = 0.0;  // NaN: no value
    number_format format;
};
/// A mean with its confidence interval: "91.2% [89.0, 93.1]".
struct estimate_cell {
    estimate value;
    number_format format;
};
/// A verdict shown by a symbol, a word and a colour: met, not met, uncertain, no data.
struct verdict_cell {
    verdict value = verdict::undefined;
    std::string text;  // the word, in the report's language
};
/// A link to a section of the same page.
struct link_cell {
    std::string text;
    std::string section_id;
};
using cell =
    std::variant<std::monostate, std::string, number_cell, estimate_cell, verdict_cell, link_cell>;

struct table_block {
    std::string caption;  // may be empty
    std::vector<std::string> columns;
    std::vector<std::vector<cell>> rows;  // each as long as `columns`
};

enum class series_role {
    value,   // a figure: a colour, dash pattern and point style of its own (`colour`)
    band,    // a confidence band from `values` (lower ends) to `upper`, shaded in `colour`
    target,  // a target or a threshold: a dashed dark line without points (`colour` picks
             // the dash pattern, to tell several targets apart)
};

struct chart_series {
    std::string label;
    std::vector<double> values;  // one per x label; NaN: no value (a gap)
    std::vector<double> upper;   // bands only: the upper ends
    series_role role = series_role::value;
    int colour = 0;        // index into the page's palette (colour-blind safe, with dashes)
    bool bar = false;      // bars rather than a line
    bool stacked = false;  // bars stacked on the other stacked bars of the chart
    bool stepped = false;  // a line in steps: a value holds for its whole interval
    bool hatched = false;  // bars hatched, to tell them apart in grey print
    bool right_axis = false;
};

struct chart_axis {
    std::string title;  // with its unit
    number_format format;
    std::optional<double> min, max;
};

struct chart_block {
    std::string title;
    std::string x_title;
    std::vector<std::string> x_labels;
    chart_axis y;
    std::optional<chart_axis> y_right;
    std::vector<chart_series> series;
    bool horizontal = false;  // categories down the page (a long list of scenarios)
};

struct note_block {
    std::string text;
};

using block = std::variant<table_block, chart_block, note_block>;

struct section {
    std::string id;  // anchor: unique in the document, letters, digits and '-'
    std::string title;
    int level = 2;  // 2: a part of the report; 3: a part of the section before it
    std::vector<block> blocks;
};

struct document {
    std::string kind;  // "simulate", "staff", "whatif", "batch"
    language lang = language::en;
    std::string title;
    std::string subtitle;
    std::vector<section> sections;
    std::string footer;  // who wrote the page, and when
};

/// A verdict cell with the word in `l`.
verdict_cell verdict_of(verdict v, language l);

/// The id of chart `block` of section `section` in a page: "chart-S-B".
std::string chart_id(std::size_t section_index, std::size_t block_index);

}  // namespace ccsim::report
