#include "report/record.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/display_width.hpp"

namespace ccsim::report {

namespace {

std::string fixed(double v, int decimals) {
    if (std::isnan(v)) return "-";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return fmt::format("{:.{}f}", v, decimals);
}

std::string shortest(double v) {
    if (std::isnan(v)) return "";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return fmt::format("{}", v);
}

std::string for_table(const field& f) {
    struct visitor {
        int decimals;
        bool plus_minus, sign;
        std::string operator()(std::monostate) const { return "-"; }
        std::string operator()(bool b) const { return b ? "yes" : "no"; }
        std::string operator()(long n) const { return fmt::format("{}", n); }
        std::string operator()(double v) const { return number(v); }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const estimate& e) const {
            if (plus_minus)
                return std::isnan(e.ci_low)
                           ? number(e.mean)
                           : fmt::format("{} ±{}", number(e.mean), fixed(e.half_width(), decimals));
            return fmt::format("{} [{}, {}]", number(e.mean), fixed(e.ci_low, decimals),
                               fixed(e.ci_high, decimals));
        }
        std::string number(double v) const {
            const std::string text = fixed(v, decimals);
            return sign && v >= 0.0 && std::isfinite(v) ? "+" + text : text;
        }
    };
    return std::visit(visitor{f.decimals, f.plus_minus, f.sign}, f.value);
}

std::string csv_escape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string quoted = "\"";
    for (char c : s) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void append_csv_cells(const field& f, std::vector<std::string>& cells) {
    struct visitor {
        std::vector<std::string>& out;
        void operator()(std::monostate) const { out.emplace_back(); }
        void operator()(bool b) const { out.emplace_back(b ? "true" : "false"); }
        void operator()(long n) const { out.push_back(fmt::format("{}", n)); }
        void operator()(double v) const { out.push_back(shortest(v)); }
        void operator()(const std::string& s) const { out.push_back(csv_escape(s)); }
        void operator()(const estimate& e) const {
            out.push_back(shortest(e.mean));
            out.push_back(shortest(e.ci_low));
            out.push_back(shortest(e.ci_high));
        }
    };
    std::visit(visitor{cells}, f.value);
}

nlohmann::ordered_json number(double v) {
    if (!std::isfinite(v)) return nullptr;
    return v;
}

nlohmann::ordered_json json_value(const field_value& value) {
    struct visitor {
        nlohmann::ordered_json operator()(std::monostate) const { return nullptr; }
        nlohmann::ordered_json operator()(bool b) const { return b; }
        nlohmann::ordered_json operator()(long n) const { return n; }
        nlohmann::ordered_json operator()(double v) const { return number(v); }
        nlohmann::ordered_json operator()(const std::string& s) const { return s; }
        nlohmann::ordered_json operator()(const estimate& e) const {
            return {{"mean", number(e.mean)},
                    {"ci_low", number(e.ci_low)},
                    {"ci_high", number(e.ci_high)}};
        }
    };
    return std::visit(visitor{}, value);
}

std::string join(const std::vector<std::string>& cells, std::string_view separator) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) line += separator;
        line += cells[i];
    }
    return line;
}

}  // namespace

std::string format_table(const std::vector<record>& rows) {
    if (rows.empty()) return {};
    const record& first = rows.front();
    std::vector<std::vector<std::string>> cells(rows.size() + 1);
    for (const field& f : first) cells[0].push_back(f.label);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const field& f : rows[r]) cells[r + 1].push_back(for_table(f));
    std::vector<std::size_t> width(first.size(), 0);
    for (const auto& line : cells)
        for (std::size_t c = 0; c < line.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(line[c]));
    std::string out;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < cells[r].size() && c < width.size(); ++c) {
            if (c) line += "  ";
            // Text left, numbers right: the first column is usually a label.
            line += c == 0 ? fmt::format("{:<{}}", cells[r][c], width[c])
                           : fmt::format("{:>{}}", cells[r][c], width[c]);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string format_key_values(const record& row) {
    std::size_t width = 0;
    for (const field& f : row) width = std::max(width, display_width(f.label));
    std::string out;
    for (const field& f : row) out += fmt::format("{:<{}}  {}\n", f.label, width, for_table(f));
    return out;
}

std::string format_csv(const std::vector<record>& rows, csv_encoding encoding) {
    if (rows.empty()) return {};
    // A column spans three cells when any row holds an estimate there; rows with an empty
    // value in such a column (a base row's difference) leave all three cells empty.
    const record& first = rows.front();
    std::vector<bool> estimate_column(first.size(), false);
    for (const record& row : rows)
        for (std::size_t c = 0; c < row.size() && c < first.size(); ++c)
            if (std::holds_alternative<estimate>(row[c].value)) estimate_column[c] = true;
    std::vector<std::string> header;
    for (std::size_t c = 0; c < first.size(); ++c) {
        header.push_back(first[c].key);
        if (estimate_column[c]) {
            header.push_back(first[c].key + "_ci_low");
            header.push_back(first[c].key + "_ci_high");
        }
    }
    std::string out = encoding == csv_encoding::excel ? "\xef\xbb\xbf" : "";
    out += join(header, ",") + "\n";
    for (const record& row : rows) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < row.size(); ++c) {
            append_csv_cells(row[c], cells);
            if (c < estimate_column.size() && estimate_column[c] &&
                std::holds_alternative<std::monostate>(row[c].value))
                cells.insert(cells.end(), 2, std::string());
        }
        out += join(cells, ",") + "\n";
    }
    return out;
}

nlohmann::ordered_json to_json(const record& row) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const field& f : row) object[f.key] = json_value(f.value);
    return object;
}

nlohmann::ordered_json to_json(const std::vector<record>& rows) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const record& row : rows) array.push_back(to_json(row));
    return array;
}

}  // namespace ccsim::report
