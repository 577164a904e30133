#pragma once
// Forecast files: one row per interval with the header
//   interval_start,calls,aht_s[,patience_s][,weekday]
// interval_start is "HH:MM", an ISO date-time "2026-03-02T08:30", or seconds from the start;
// one file uses one form. With a weekday column (Mon..Sun, or full names, any case) beside
// HH:MM starts, the file is a typical week: each weekday's profile, Monday first. The interval
// length is the smallest step between consecutive starts (larger steps are closed periods)
// unless given explicitly.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/duration.hpp"

namespace ccsim::io {

/// How a forecast's interval_start is written.
enum class forecast_form {
    clock,    // "08:30": one day's profile
    iso,      // "2026-03-02T08:30": dated rows
    offset,   // 0, 1800...: seconds from the start of the day's grid
    weekday,  // a weekday column and "08:30": a profile per weekday
};

struct forecast_row {
    std::string label;  // interval_start as written; "Mon 08:30" with a weekday column
    // Seconds since midnight, since 1970-01-01, from the start, or (weekday form) since
    // Monday 00:00 of the typical week.
    seconds start{0.0};
    std::optional<weekday> day;  // the weekday form only
    double calls = 0.0;
    seconds aht{0.0};
    std::optional<seconds> patience;
    int line = 0;
};

struct forecast {
    std::string file;
    forecast_form form = forecast_form::clock;
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
