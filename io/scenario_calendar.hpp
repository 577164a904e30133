#pragma once
// The horizon's days: from the [calendar] table when the file gives one, otherwise from the
// forecasts (ISO dates give a dated calendar from the earliest date to the latest, a weekday
// profile a typical week from Monday), otherwise one undated day.
#include <cstddef>
#include <optional>

#include "core/calendar.hpp"
#include "io/checked_table.hpp"

namespace ccsim::io {

/// The most days a horizon may have: ten years, generous for any roster, small enough that a
/// typo ("days = 70000") is caught before it allocates a grid.
inline constexpr std::size_t max_horizon_days = 3660;

/// What the demand says about the days, for a calendar the file does not give in full.
struct calendar_hints {
    std::optional<civil_date> first_date, last_date;  // over every ISO-dated forecast
    const checked_table* dated_queue = nullptr;       // the first queue with one (for errors)
    bool weekday_profile = false;                     // some forecast has a weekday column
};

struct calendar_choice {
    horizon_calendar calendar;
    // The day count is only the default of one day: a grid that runs past midnight (volumes
    // over several days) adds days, as it did before calendars existed.
    bool grows = false;
};

/// Reads [calendar] (`calendar` may be a table the file leaves out). Throws scenario_error
/// for a contradiction within it (end before start, end without a dated start...) or a horizon
/// longer than max_horizon_days. Whether the forecasts fit the calendar is the grid's check.
calendar_choice choose_calendar(const checked_table& calendar, const calendar_hints& hints);

}  // namespace ccsim::io
