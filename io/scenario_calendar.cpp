#include "io/scenario_calendar.hpp"

#include <fmt/format.h>

#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

std::size_t span_of(civil_date first, civil_date last) {
    return static_cast<std::size_t>(last.days - first.days + 1);
}

// The days of a dated calendar from `start` when neither `days` nor `end` says.
calendar_choice dated_by_default(civil_date start, const calendar_hints& hints) {
    if (hints.last_date && *hints.last_date >= start) {
        const std::size_t days = span_of(start, *hints.last_date);
        if (days > max_horizon_days)
            hints.dated_queue->fail(
                "forecast", fmt::format("runs to {}, {} days from the calendar's start {}; a "
                                        "horizon has at most {} days",
                                        format_date(*hints.last_date), days, format_date(start),
                                        max_horizon_days));
        return {dated_calendar(start, days), days == 1};
    }
    // Forecast dates before the start are the grid's to report.
    if (hints.last_date) return {dated_calendar(start, 1), false};
    if (hints.weekday_profile) return {dated_calendar(start, 7), false};
    return {dated_calendar(start, 1), true};
}

calendar_choice from_forecasts(const calendar_hints& hints) {
    if (hints.first_date) {
        const std::size_t days = span_of(*hints.first_date, *hints.last_date);
        if (days > max_horizon_days)
            hints.dated_queue->fail(
                "forecast", fmt::format("dates run from {} to {}, {} days; a horizon has at most "
                                        "{} days",
                                        format_date(*hints.first_date),
                                        format_date(*hints.last_date), days, max_horizon_days));
        return {dated_calendar(*hints.first_date, days), days == 1};
    }
    calendar_choice choice;
    if (hints.weekday_profile) {
        choice.calendar.first_weekday = weekday::mon;
        choice.calendar.days = 7;
    } else {
        choice.grows = true;
    }
    return choice;
}

}  // namespace

calendar_choice choose_calendar(const checked_table& calendar, const calendar_hints& hints) {
    const toml::node* start = calendar.node("start");
    const std::optional<long> days = calendar.given_integer("days");
    const toml::node* end = calendar.node("end");
    if (days && end) calendar.fail("end", "give either days or end, not both");
    if (!start) {
        if (end) calendar.fail("end", "needs a start date");
        if (!days) return from_forecasts(hints);
        calendar_choice choice;
        choice.calendar.days = static_cast<std::size_t>(*days);
        return choice;
    }
    if (const std::optional<civil_date> first = as_date(*start)) {
        if (days) return {dated_calendar(*first, static_cast<std::size_t>(*days)), false};
        if (!end) return dated_by_default(*first, hints);
        const civil_date last = *as_date(*end);
        if (last < *first)
            calendar.fail("end", fmt::format("must not be before start ({})", format_date(*first)));
        const std::size_t count = span_of(*first, last);
        if (count > max_horizon_days)
            calendar.fail("end", fmt::format("makes a horizon of {} days; at most {}", count,
                                             max_horizon_days));
        return {dated_calendar(*first, count), false};
    }
    // A weekday: a typical week (or as many days as `days` says) from that weekday.
    if (end)
        calendar.fail("end", fmt::format("needs a dated start; start is a weekday ({})",
                                         weekday_name(*as_weekday(*start))));
    calendar_choice choice;
    choice.calendar.first_weekday = as_weekday(*start);
    choice.calendar.days = days ? static_cast<std::size_t>(*days) : 7;
    return choice;
}

}  // namespace ccsim::io
