#include "report/html_page.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/version.hpp"
#include "report/document_json.hpp"
#include "report/html_assets.hpp"
#include "report/messages.hpp"

namespace ccsim::report {

namespace {

void escape_into(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    escape_into(out, text);
    return out;
}

// One format for numbers in both languages: a point, no grouping; a dash for no value.
std::string format_number(double v, const number_format& f) {
    if (std::isnan(v)) return "–";
    if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
    const double shown = f.percent ? 100.0 * v : v;
    std::string text = fmt::format("{:.{}f}", shown, std::max(0, f.decimals));
    if (text.starts_with("-") && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1);  // no "-0.0"
    if (f.sign && shown >= 0.0) text.insert(0, "+");
    return f.percent ? text + "%" : text;
}

std::string format_range(double low, double high, const number_format& f) {
    number_format plain = f;
    plain.sign = false;
    return fmt::format("[{}, {}]", format_number(low, plain), format_number(high, plain));
}

const char* verdict_class(verdict v) {
    switch (v) {
        case verdict::met:
            return "met";
        case verdict::not_met:
            return "not-met";
        case verdict::uncertain:
            return "uncertain";
        case verdict::undefined:
            break;
    }
    return "undefined";
}

// A symbol beside the colour, so a verdict survives grey print and colour blindness.
const char* verdict_symbol(verdict v) {
    switch (v) {
        case verdict::met:
            return "✓";
        case verdict::not_met:
            return "✗";
        case verdict::uncertain:
            return "?";
        case verdict::undefined:
            break;
    }
    return "–";
}

void cell_into(std::string& out, const cell& c) {
    struct visitor {
        std::string& out;
        void operator()(std::monostate) const { out += "<td class=\"empty\">–</td>"; }
        void operator()(const std::string& s) const {
            out += "<td class=\"text\">";
            escape_into(out, s);
            out += "</td>";
        }
        void operator()(const number_cell& n) const {
            out += "<td class=\"num\">" + format_number(n.value, n.format) + "</td>";
        }
        void operator()(const estimate_cell& e) const {
            out += "<td class=\"num\"><span class=\"mean\">" +
                   format_number(e.value.mean, e.format) + "</span>";
            if (!std::isnan(e.value.ci_low) && !std::isnan(e.value.ci_high))
                out += " <span class=\"ci\">" +
                       format_range(e.value.ci_low, e.value.ci_high, e.format) + "</span>";
            out += "</td>";
        }
        void operator()(const verdict_cell& v) const {
            out += fmt::format(
                "<td class=\"verdict {}\"><span class=\"symbol\" aria-hidden=\"true\">{}</span> ",
                verdict_class(v.value), verdict_symbol(v.value));
            escape_into(out, v.text);
            out += "</td>";
        }
        void operator()(const link_cell& l) const {
            out += "<td class=\"text\"><a href=\"#" + escape(l.section_id) + "\">";
            escape_into(out, l.text);
            out += "</a></td>";
        }
    };
    std::visit(visitor{out}, c);
}

void table_into(std::string& out, const table_block& t) {
    out += "<div class=\"table-wrap\"><table>";
    if (!t.caption.empty()) out += "<caption>" + escape(t.caption) + "</caption>";
    // A table of names and values (about this run) has no headings.
    if (std::any_of(t.columns.begin(), t.columns.end(), [](const auto& c) { return !c.empty(); })) {
        out += "<thead><tr>";
        for (const std::string& column : t.columns)
            out += "<th scope=\"col\">" + escape(column) + "</th>";
        out += "</tr></thead>";
    }
    out += "<tbody>";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (const cell& c : row) cell_into(out, c);
        out += "</tr>";
    }
    out += "</tbody></table></div>\n";
}

// The numbers behind a chart, one row per x label: the table below every chart.
table_block chart_table(const chart_block& c) {
    table_block t;
    t.columns.push_back(c.x_title);
    for (const chart_series& s : c.series) t.columns.push_back(s.label);
    for (std::size_t i = 0; i < c.x_labels.size(); ++i) {
        std::vector<cell> row{c.x_labels[i]};
        for (const chart_series& s : c.series) {
            const number_format& f = s.right_axis && c.y_right ? c.y_right->format : c.y.format;
            const double v = i < s.values.size() ? s.values[i] : NAN;
            if (s.role == series_role::band) {
                const double high = i < s.upper.size() ? s.upper[i] : NAN;
                row.emplace_back(std::isnan(v) || std::isnan(high) ? std::string("–")
                                                                   : format_range(v, high, f));
            } else {
                row.emplace_back(number_cell{v, f});
            }
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

void chart_into(std::string& out, const chart_block& c, const std::string& id,
                std::string_view data_table_label) {
    out += "<figure class=\"chart\"><figcaption>" + escape(c.title) + "</figcaption>";
    // Categories down the page need room for each: a long list of scenarios grows the chart.
    std::string style;
    if (c.horizontal)
        style = fmt::format(" style=\"height: {}px\"",
                            std::max<std::size_t>(240, 60 + 22 * c.x_labels.size()));
    out += "<div class=\"chart-box\"" + style + "><canvas id=\"" + id +
           "\" role=\"img\" aria-label=\"" + escape(c.title) + "\">" + escape(c.title) +
           "</canvas></div>";
    out += "<details><summary>" + escape(data_table_label) + "</summary>";
    table_into(out, chart_table(c));
    out += "</details></figure>\n";
}

// The JSON inside <script>: no "</script>", nothing an XML reader would take for markup.
std::string script_safe_json(const document& d) {
    const std::string raw = document_json(d).dump();
    std::string out;
    out.reserve(raw.size() + raw.size() / 50);
    for (char c : raw) {
        switch (c) {
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string render_html(const document& d) {
    const language l = d.lang;
    std::string out;
    out.reserve(chart_js().size() + 64 * 1024);
    out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"";
    out += language_tag(l);
    out +=
        "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        // Nothing is loaded from anywhere: the page is all there is.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\"/>\n";
    out += fmt::format("<meta name=\"generator\" content=\"ccsim {}\"/>\n", version);
    out += "<title>" + escape(d.title) + "</title>\n<style>/*<![CDATA[*/\n";
    out += report_css();
    out += "\n/*]]>*/</style>\n</head>\n<body>\n<header><h1>" + escape(d.title) + "</h1>";
    if (!d.subtitle.empty()) out += "<p class=\"subtitle\">" + escape(d.subtitle) + "</p>";
    out += "</header>\n";

    out += "<nav aria-label=\"" + escape(text(l, msg::contents)) + "\"><h2>" +
           escape(text(l, msg::contents)) + "</h2><ol>";
    for (const section& s : d.sections)
        if (s.level <= 2)
            out += "<li><a href=\"#" + escape(s.id) + "\">" + escape(s.title) + "</a></li>";
    out += "</ol></nav>\n<main>\n";

    const std::string_view data_table_label = text(l, msg::data_table);
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        const section& sec = d.sections[s];
        const int level = std::clamp(sec.level, 2, 3);
        out += fmt::format("<section id=\"{}\" class=\"level-{}\"><h{}>{}</h{}>\n", escape(sec.id),
                           level, level, escape(sec.title), level);
        for (std::size_t b = 0; b < sec.blocks.size(); ++b) {
            const block& blk = sec.blocks[b];
            if (const auto* t = std::get_if<table_block>(&blk))
                table_into(out, *t);
            else if (const auto* c = std::get_if<chart_block>(&blk))
                chart_into(out, *c, chart_id(s, b), data_table_label);
            else
                out += "<p class=\"note\">" + escape(std::get<note_block>(blk).text) + "</p>\n";
        }
        out += "</section>\n";
    }
    out += "</main>\n<footer><p>" + escape(d.footer) + "</p></footer>\n";

    out += "<script type=\"application/json\" id=\"ccsim-data\">";
    out += script_safe_json(d);
    out += "</script>\n<script>//<![CDATA[\n";
    out += chart_js();
    out += "\n//]]></script>\n<script>//<![CDATA[\n";
    out += report_js();
    out += "\n//]]></script>\n</body>\n</html>\n";
    return out;
}

}  // namespace ccsim::report
