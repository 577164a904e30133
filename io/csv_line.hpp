#pragma once
// One line of a CSV file as RFC 4180 writes it: fields separated by commas, a field in double
// quotes may hold commas and doubled quotes ("a ""b"", c" reads a "b", c). Spreadsheets quote
// headers and names; a semicolon- or tab-separated export (a regional list separator) is told
// apart and refused with advice rather than read as one odd column.
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

struct csv_field {
    std::string text;  // unquoted, as the field means it
    int column = 1;    // where the field starts on its line, counting from 1
};

/// The fields of `line`. Throws scenario_error naming `file`, `line_number` and the column
/// for a quote left open or text after a closing quote.
std::vector<csv_field> split_csv_line(std::string_view line, const std::string& file,
                                      int line_number);

/// Throws scenario_error when a header line without commas is separated by semicolons or
/// tabs: the message names the separator found and says that fields must be separated by
/// commas. `expected` is the header the file should have.
void require_comma_separated(std::string_view header, const std::string& file, int line_number,
                             std::string_view expected);

}  // namespace ccsim::io
