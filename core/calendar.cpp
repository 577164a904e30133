#include "core/calendar.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include "core/text.hpp"

namespace ccsim {

namespace {

constexpr std::array<std::string_view, weekday_count> short_names = {"Mon", "Tue", "Wed", "Thu",
                                                                     "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, weekday_count> long_names = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

std::string_view weekday_name(weekday d) {
    return short_names[static_cast<std::size_t>(d)];
}

std::optional<weekday> parse_weekday(std::string_view text) {
    const std::string word = lower_case(trim(text));
    for (std::size_t i = 0; i < weekday_count; ++i)
        if (word == lower_case(short_names[i]) || word == long_names[i])
            return static_cast<weekday>(i);
    return std::nullopt;
}

std::string closest_weekday(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < weekday_count; ++i) {
        names.push_back(lower_case(short_names[i]));
        names.emplace_back(long_names[i]);
    }
    const std::string hint = closest_match(lower_case(trim(text)), names);
    if (hint.empty()) return {};
    const auto at =
        static_cast<std::size_t>(std::find(names.begin(), names.end(), hint) - names.begin());
    return std::string(short_names[at / 2]);
}

weekday advance(weekday d, long days) {
    const long shifted =
        (static_cast<long>(d) + days % weekday_count + weekday_count) % weekday_count;
    return static_cast<weekday>(shifted);
}

std::optional<civil_date> make_date(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                           std::chrono::day{day}};
    if (!date.ok()) return std::nullopt;
    return civil_date{std::chrono::sys_days{date}.time_since_epoch().count()};
}

std::optional<civil_date> parse_date(std::string_view text) {
    text = trim(text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    const auto year = parse_integer(text.substr(0, 4));
    const auto month = parse_integer(text.substr(5, 2));
    const auto day = parse_integer(text.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    return make_date(static_cast<int>(*year), static_cast<unsigned>(*month),
                     static_cast<unsigned>(*day));
}

std::string format_date(civil_date d) {
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{d.days}}};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

weekday weekday_of(civil_date d) {
    // 1970-01-01 was a Thursday.
    return advance(weekday::thu, static_cast<long>(d.days % weekday_count));
}

std::optional<civil_date> horizon_calendar::date_of(std::size_t day) const {
    if (!first_date) return std::nullopt;
    return civil_date{first_date->days + static_cast<std::int64_t>(day)};
}

std::optional<weekday> horizon_calendar::weekday_of(std::size_t day) const {
    if (!first_weekday) return std::nullopt;
    return advance(*first_weekday, static_cast<long>(day % weekday_count));
}

std::string horizon_calendar::day_label(std::size_t day) const {
    if (first_date)
        return fmt::format("{} {}", format_date(*date_of(day)), weekday_name(*weekday_of(day)));
    if (first_weekday) {
        const std::size_t week = (day + static_cast<std::size_t>(*first_weekday)) / weekday_count;
        const std::string_view name = weekday_name(*weekday_of(day));
        return week == 0 ? std::string(name) : fmt::format("week {} {}", week + 1, name);
    }
    if (days <= 1) return {};
    return fmt::format("day {}", day + 1);
}

horizon_calendar dated_calendar(civil_date first, std::size_t days) {
    return {first, ccsim::weekday_of(first), days};
}

}  // namespace ccsim
