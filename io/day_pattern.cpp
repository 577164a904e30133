#include "io/day_pattern.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

bool day_pattern::has(weekday d) const {
    const int from = static_cast<int>(first), to = static_cast<int>(last);
    const int day = static_cast<int>(d);
    return from <= to ? from <= day && day <= to : day >= from || day <= to;
}

std::optional<day_pattern> parse_day_pattern(std::string_view text) {
    if (const std::optional<civil_date> date = parse_date(text)) return day_pattern{date};
    const std::vector<std::string_view> parts = split(trim(text), '-');
    if (parts.size() > 2) return std::nullopt;
    const std::optional<weekday> first = parse_weekday(parts.front());
    const std::optional<weekday> last = parse_weekday(parts.back());
    if (!first || !last) return std::nullopt;
    return day_pattern{std::nullopt, *first, *last};
}

std::optional<day_pattern> as_day_pattern(const toml::node& node) {
    if (const auto* text = node.as_string()) return parse_day_pattern(text->get());
    if (const std::optional<civil_date> date = as_date(node)) return day_pattern{date};
    return std::nullopt;
}

std::string day_pattern_rule(const toml::node& node) {
    const std::string rule =
        "must be a weekday (Mon), a range of weekdays (Mon-Fri) or a date (2026-03-05)";
    const auto* text = node.as_string();
    if (!text) return rule;
    const std::vector<std::string_view> parts = split(trim(text->get()), '-');
    if (parts.size() > 2) return rule;
    std::vector<std::string> hints;
    for (const std::string_view part : parts) {
        hints.push_back(parse_weekday(part) ? std::string(weekday_name(*parse_weekday(part)))
                                            : closest_weekday(part));
        if (hints.back().empty()) return rule;
    }
    return fmt::format("{}; did you mean '{}'?", rule, fmt::join(hints, "-"));
}

std::string calendar_range(const horizon_calendar& calendar) {
    return fmt::format("{} to {}", format_date(*calendar.date_of(0)),
                       format_date(*calendar.date_of(calendar.days - 1)));
}

std::vector<bool> days_named(const checked_table& table, std::string_view key,
                             const horizon_calendar& calendar, outside_dates outside) {
    std::vector<bool> named(calendar.days, false);
    const toml::node* list = table.node(key);
    if (!list) return named;
    for (const toml::node& element : *list->as_array()) {
        const day_pattern pattern = *as_day_pattern(element);
        auto fail = [&](std::string rule) {
            throw scenario_error(location_of(element), table.key(key), std::move(rule),
                                 written(element));
        };
        if (pattern.date) {
            if (!calendar.dated())
                fail("a date needs a dated calendar; give [calendar] start as a date");
            const std::int64_t day = pattern.date->days - calendar.first_date->days;
            if (day >= 0 && day < static_cast<std::int64_t>(calendar.days))
                named[static_cast<std::size_t>(day)] = true;
            else if (outside == outside_dates::rejected)
                fail(fmt::format("is outside the calendar ({})", calendar_range(calendar)));
            continue;
        }
        if (!calendar.has_weekdays())
            fail(
                "a weekday needs a calendar with weekdays; give [calendar] start as a date or a "
                "weekday");
        for (std::size_t day = 0; day < calendar.days; ++day)
            if (pattern.has(*calendar.weekday_of(day))) named[day] = true;
    }
    return named;
}

}  // namespace ccsim::io
