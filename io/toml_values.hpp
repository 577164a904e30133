#pragma once
// Single TOML values as scenario files use them: where a value was written, how it reads back
// in an error message, and the duration and time-of-day forms ("15s", "08:30").
#include <toml++/toml.h>
#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "core/errors.hpp"

namespace ccsim::io {

/// The file, line and column a node or key was read from; empty for nodes made in memory.
file_location location_of(const toml::source_region& source);
file_location location_of(const toml::node& node);

/// A value as the file wrote it, for "(got ...)": strings in single quotes, numbers and arrays
/// in TOML syntax, "a table" for tables.
std::string written(const toml::node& node);

/// An integer or a float.
std::optional<double> as_number(const toml::node& node);

/// "15s", "2.5min", "1h" or a bare number of seconds.
std::optional<seconds> as_duration(const toml::node& node);

/// "HH:MM" (or "HH:MM:SS") up to "24:00", or a TOML local time such as 08:30:00.
std::optional<seconds> as_time_of_day(const toml::node& node);

/// A date: a TOML local date (2026-03-02) or the string "2026-03-02".
std::optional<civil_date> as_date(const toml::node& node);

/// A weekday: "Mon" ... "Sun" or "Monday" ... "Sunday", in any case.
std::optional<weekday> as_weekday(const toml::node& node);

}  // namespace ccsim::io
