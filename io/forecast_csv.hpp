#pragma once
// Forecast files: one row per interval with the header
//   interval_start,calls,aht_s[,patience_s]
// interval_start is "HH:MM", an ISO date-time "2026-03-02T08:30", or seconds from the start;
// one file uses one form. The interval length is the smallest step between consecutive
// starts (larger steps are closed periods) unless given explicitly.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/duration.hpp"

namespace ccsim::io {

struct forecast_row {
    std::string label;   // interval_start as written
    seconds start{0.0};  // seconds since midnight, since 1970-01-01 or from the start
    double calls = 0.0;
    seconds aht{0.0};
    std::optional<seconds> patience;
    int line = 0;
};

struct forecast {
    std::string file;
    seconds interval{0.0};
    std::vector<forecast_row> rows;
};

/// What a single-row forecast without an interval asks for: "cannot infer the interval
/// length from a single row; give " + this. Callers say how their user gives one (a scenario
/// key, a command-line option).
inline constexpr std::string_view default_interval_advice = "the interval length";

/// Reads and validates a forecast. Throws scenario_error naming file:line:column, the
/// column, the rule and the value for anything malformed, and config_error for an interval
/// given <= 0.
forecast read_forecast_csv(const std::filesystem::path& path,
                           std::optional<seconds> interval = std::nullopt,
                           std::string_view interval_advice = default_interval_advice);

/// Parses forecast text (for tests and for files already in memory); `name` is used in errors.
forecast parse_forecast_csv(const std::string& text, const std::string& name,
                            std::optional<seconds> interval = std::nullopt,
                            std::string_view interval_advice = default_interval_advice);

}  // namespace ccsim::io
