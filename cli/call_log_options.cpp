#include "cli/call_log_options.hpp"

#include <fmt/format.h>

#include "cli/option_values.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"

namespace ccsim::cli {

void add_call_log_options(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("preset", po::value<std::string>()->default_value("generic"),
         "call log format: generic (a CSV with the columns of docs/calibration.md) or "
         "anonymous-bank (the Technion Anonymous Bank TSV)")
        ("columns", po::value<std::string>(),
         "generic logs: the file's names of the columns, such as arrival=start_time,queue=skill")
        ("max-bad-rows", po::value<std::string>()->default_value("100"),
         "malformed rows of the call log allowed before the command fails (exit 2)");
    // clang-format on
}

io::call_log_options read_call_log_options(const po::variables_map& values) {
    io::call_log_options o;
    const std::string& preset = values["preset"].as<std::string>();
    const auto parsed = io::parse_call_log_preset(preset);
    if (!parsed)
        throw config_error(
            fmt::format("--preset: must be generic or anonymous-bank (got '{}')", preset));
    o.preset = *parsed;
    if (const std::string* columns = given(values, "columns")) {
        if (o.preset != io::call_log_preset::generic)
            throw config_error("--columns: only for generic logs (the preset names its columns)");
        o.columns = io::parse_column_mapping(*columns);
    }
    o.max_bad_rows = count_option("max-bad-rows", values["max-bad-rows"].as<std::string>(), 0L,
                                  static_cast<long>(limits::forecast_rows));
    return o;
}

}  // namespace ccsim::cli
