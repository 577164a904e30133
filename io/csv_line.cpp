#include "io/csv_line.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"

namespace ccsim::io {

std::vector<csv_field> split_csv_line(std::string_view line, const std::string& file,
                                      int line_number) {
    std::vector<csv_field> fields;
    std::size_t i = 0;
    while (true) {
        csv_field field;
        field.column = static_cast<int>(i) + 1;
        // Blanks before an opening quote are allowed (a space after the comma).
        std::size_t start = i;
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
        if (start < line.size() && line[start] == '"') {
            std::size_t at = start + 1;
            while (true) {
                if (at >= line.size())
                    throw scenario_error({file, line_number, static_cast<int>(start) + 1}, "",
                                         "a quoted field must end with a closing \" on its line",
                                         fmt::format("'{}'", line.substr(start)));
                if (line[at] == '"') {
                    if (at + 1 < line.size() && line[at + 1] == '"') {
                        field.text += '"';
                        at += 2;
                        continue;
                    }
                    ++at;
                    break;
                }
                field.text += line[at++];
            }
            while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
            if (at < line.size() && line[at] != ',')
                throw scenario_error({file, line_number, static_cast<int>(at) + 1}, "",
                                     "a quoted field must end at a comma or the line's end",
                                     fmt::format("'{}'", line.substr(start)));
            i = at;
        } else {
            const std::size_t comma = line.find(',', i);
            const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
            field.text = std::string(line.substr(i, end - i));
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) break;
        ++i;  // the comma
    }
    return fields;
}

void require_comma_separated(std::string_view header, const std::string& file, int line_number,
                             std::string_view expected) {
    if (header.find(',') != std::string_view::npos) return;
    const char* found = header.find(';') != std::string_view::npos    ? "semicolons"
                        : header.find('\t') != std::string_view::npos ? "tabs"
                                                                      : nullptr;
    if (!found) return;
    throw scenario_error(
        {file, line_number, 1}, "",
        fmt::format("fields must be separated by commas, but this header is separated by {} "
                    "(a spreadsheet export with another list separator?); save it as CSV with "
                    "commas: {}",
                    found, expected),
        fmt::format("'{}'", header));
}

}  // namespace ccsim::io
