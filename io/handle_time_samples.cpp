#include "io/handle_time_samples.hpp"

#include <fmt/format.h>
#include <cmath>
#include <sstream>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/csv_line.hpp"
#include "io/input_file.hpp"

namespace ccsim::io {

std::vector<double> parse_handle_time_samples(const std::string& text, const std::string& name) {
    std::vector<double> samples;
    std::istringstream in(text);
    std::string line;
    int line_number = 0;
    bool first = true;
    double total = 0.0;
    while (std::getline(in, line)) {
        ++line_number;
        const std::string_view content = trim(line);
        if (content.empty() || content.starts_with('#')) continue;
        const std::string field_text = split_csv_line(line, name, line_number).front().text;
        const std::string_view field = trim(field_text);
        const std::optional<double> value = parse_number(field);
        const bool header = first && !value;
        first = false;
        if (header) continue;
        if (!value || !std::isfinite(*value) || *value < 0.0)
            throw scenario_error(
                {name, line_number, static_cast<int>(line.find_first_not_of(" \t")) + 1}, "",
                "must be a handle time in seconds >= 0", fmt::format("'{}'", field));
        samples.push_back(*value);
        total += *value;
    }
    if (samples.empty()) throw scenario_error({name, 0, 0}, "", "holds no handle times");
    if (!(total > 0.0)) throw scenario_error({name, 0, 0}, "", "handle times must not all be 0");
    return samples;
}

std::vector<double> read_handle_time_samples(const std::filesystem::path& file) {
    const std::optional<std::string> text = read_input_file(file);
    if (!text)
        throw scenario_error({file.string(), 0, 0}, "",
                             unreadable(file, "handle time file").value_or("cannot read the file"));
    return parse_handle_time_samples(*text, file.string());
}

}  // namespace ccsim::io
