#pragma once
// Calendar days for a simulation horizon: civil dates, weekdays and the labels reports use
// ("2026-03-02 Mon 08:30"). The clock of a scenario counts seconds from midnight of its first
// day; day d covers [d * 86400, (d + 1) * 86400). No time zones: contact-centre calendars are
// wall-clock, and a day has 24 hours.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ccsim {

inline constexpr double seconds_per_day = 86400.0;

enum class weekday : std::uint8_t { mon, tue, wed, thu, fri, sat, sun };
inline constexpr int weekday_count = 7;

/// "Mon" ... "Sun".
std::string_view weekday_name(weekday d);
/// "Mon", "mon", "Monday", "monday" (likewise every day); nullopt for anything else.
std::optional<weekday> parse_weekday(std::string_view text);
/// The short name of the weekday a misspelt word is closest to ("Mnday", "Tues" -> "Mon",
/// "Tue"), for "did you mean" hints; empty when none is close.
std::string closest_weekday(std::string_view text);
/// The day `days` after `d` (days may be negative).
weekday advance(weekday d, long days);

/// A date of the proleptic Gregorian calendar, as days since 1970-01-01.
struct civil_date {
    std::int64_t days = 0;
    friend auto operator<=>(const civil_date&, const civil_date&) = default;
};

/// "2026-03-02" (four-digit year, two-digit month and day); nullopt for anything else,
/// impossible dates (2026-02-30) included.
std::optional<civil_date> parse_date(std::string_view text);
std::optional<civil_date> make_date(int year, unsigned month, unsigned day);
std::string format_date(civil_date d);
/// The same for a day number (days since 1970-01-01).
inline std::string format_day(std::int64_t day) {
    return format_date(civil_date{day});
}
weekday weekday_of(civil_date d);

/// The days of a horizon. Dated: day 0 is `first_date`. Undated with a weekday: a typical
/// week ("Mon", "Tue"...). Undated without one: day 1, day 2... (a single undated day has no
/// label at all, so one-day reports read "08:30" as they always have).
struct horizon_calendar {
    std::optional<civil_date> first_date;
    std::optional<weekday> first_weekday;  // set whenever first_date is
    std::size_t days = 1;

    bool dated() const { return first_date.has_value(); }
    bool has_weekdays() const { return first_weekday.has_value(); }
    std::optional<civil_date> date_of(std::size_t day) const;
    std::optional<weekday> weekday_of(std::size_t day) const;
    /// "2026-03-02 Mon", "Mon" (a typical week; "week 2 Mon" after the first week), "day 2",
    /// or "" for the only day of an undated one-day horizon.
    std::string day_label(std::size_t day) const;
};

/// A dated horizon of `days` days from `first`.
horizon_calendar dated_calendar(civil_date first, std::size_t days);

}  // namespace ccsim
