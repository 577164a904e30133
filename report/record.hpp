#pragma once
// Results as records of named fields, rendered as a text table, CSV or JSON. Every command
// builds records once and picks a renderer, so the three formats cannot disagree.
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "core/estimate.hpp"

namespace ccsim::report {

using field_value = std::variant<std::monostate, bool, long, double, std::string, estimate>;

struct field {
    std::string key;    // CSV column and JSON key
    std::string label;  // heading in text tables
    field_value value;
    int decimals = 4;         // digits after the point in text tables (CSV and JSON keep all)
    bool plus_minus = false;  // text tables show an estimate as "mean ±half" (compact)
    bool sign = false;        // text tables show numbers with a sign: "+0.021"
};

using record = std::vector<field>;

/// Columns aligned under headings; estimates print as "mean [low, high]".
std::string format_table(const std::vector<record>& rows);

/// One "label  value" line per field, for a single result.
std::string format_key_values(const record& row);

/// How CSV text starts: plain UTF-8 for programs, or with a UTF-8 byte order mark for Excel,
/// which otherwise reads the file in the system's code page (Chinese names come out garbled).
enum class csv_encoding { plain, excel };

/// Header of keys and one line per record; an estimate spans KEY, KEY_ci_low, KEY_ci_high.
/// Numbers are written in shortest round-trip form, so CSV loses nothing.
std::string format_csv(const std::vector<record>& rows,
                       csv_encoding encoding = csv_encoding::plain);

/// An object of key: value; an estimate becomes {"mean": m, "ci_low": a, "ci_high": b};
/// non-finite numbers become null.
nlohmann::ordered_json to_json(const record& row);
nlohmann::ordered_json to_json(const std::vector<record>& rows);

}  // namespace ccsim::report
