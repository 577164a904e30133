#pragma once
// Time in ccsim is a strong type: seconds held as a double. Files and the command line
// write durations as "15s", "2.5min", "30min", "1h" (a bare number is seconds) and
// times of day as "08:30".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ccsim {

using seconds = std::chrono::duration<double>;

/// Parses "15s", "250ms", "2.5min", "1h", "1.5h" or a bare number of seconds.
/// Returns nullopt for anything else (empty, unknown unit, not finite before or after the
/// unit's scaling: "1e308h" overflows). A negative zero reads as zero.
std::optional<seconds> parse_duration(std::string_view text);

/// Parses a time of day "HH:MM" or "HH:MM:SS" (00:00 to 24:00) into seconds since midnight.
std::optional<seconds> parse_time_of_day(std::string_view text);

/// The rule a duration must follow, for error messages.
inline constexpr std::string_view duration_rule =
    "a duration such as 15s, 2.5min, 30min or 1h (a bare number is seconds)";

/// Formats a duration compactly for humans: "15s", "30min", "1h", "2.5min", "12.3s".
std::string format_duration(seconds d);

/// Formats seconds since midnight as "HH:MM" (or "HH:MM:SS" when not on a minute).
std::string format_time_of_day(seconds t);

}  // namespace ccsim
