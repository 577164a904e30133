#pragma once
// Days as scenario files name them: a weekday ("Mon", "monday"), a range of weekdays
// ("Mon-Fri"; "Sat-Mon" wraps over the weekend) or a date ("2026-03-05", or a TOML date).
// [day] closed and a shift's days are lists of them.
#include <toml++/toml.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "io/checked_table.hpp"

namespace ccsim::io {

struct day_pattern {
    std::optional<civil_date> date;                     // a date; otherwise the weekdays below
    weekday first = weekday::mon, last = weekday::mon;  // inclusive, wrapping past Sunday

    bool has(weekday d) const;
};

/// "Mon", "Mon-Fri", "2026-03-05"; nullopt for anything else.
std::optional<day_pattern> parse_day_pattern(std::string_view text);

/// A string as above or a TOML local date.
std::optional<day_pattern> as_day_pattern(const toml::node& node);

/// The rule a malformed pattern breaks, with a hint for a misspelt weekday ("Mnday-Fri").
std::string day_pattern_rule(const toml::node& node);

/// How dates outside the calendar are taken.
enum class outside_dates { rejected, ignored };

/// The days of `calendar` that the array at `key` of `table` names, as a mask by horizon day.
/// Weekdays need a calendar with weekdays and dates a dated one; otherwise, and for a date
/// outside the calendar when `outside` rejects it, throws scenario_error at the element.
std::vector<bool> days_named(const checked_table& table, std::string_view key,
                             const horizon_calendar& calendar, outside_dates outside);

/// The calendar's range for messages: "2026-03-02 to 2026-03-08".
std::string calendar_range(const horizon_calendar& calendar);

}  // namespace ccsim::io
