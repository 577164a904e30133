#include "io/opening_hours.hpp"

#include <fmt/format.h>
#include <array>
#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "io/day_pattern.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

// The times `open` or `close` gives: the same for every weekday, or by weekday (none for a
// weekday the table leaves out).
struct weekly_times {
    bool by_weekday = false;
    std::array<std::optional<seconds>, weekday_count> times;
    std::array<const toml::node*, weekday_count> nodes{};  // a table's entries
    std::array<std::string, weekday_count> keys;           // ...and their keys as written
};

weekly_times read_times(const checked_table& day, std::string_view key) {
    weekly_times w;
    const toml::node* node = day.node(key);
    if (!node || !node->is_table()) {
        w.times.fill(day.time_of_day(key));
        return w;
    }
    w.by_weekday = true;
    for (const auto& [name, value] : *node->as_table()) {
        const auto d = static_cast<std::size_t>(*parse_weekday(name.str()));
        w.times[d] = as_time_of_day(value);
        w.nodes[d] = &value;
        w.keys[d] = std::string(name.str());
    }
    return w;
}

std::string_view name_of(std::size_t d) {
    return weekday_name(static_cast<weekday>(d));
}

}  // namespace

void check_opening_times(const checked_table& day) {
    const weekly_times open = read_times(day, "open"), close = read_times(day, "close");
    if (!open.by_weekday && !close.by_weekday) {
        if (!(*close.times[0] > *open.times[0]))
            day.fail("close",
                     fmt::format("must be after open ({})", format_time_of_day(*open.times[0])));
        return;
    }
    for (std::size_t d = 0; d < weekday_count; ++d) {
        if (!open.times[d] || !close.times[d] || *close.times[d] > *open.times[d]) continue;
        const std::string rule = fmt::format("must be after {}'s opening ({})", name_of(d),
                                             format_time_of_day(*open.times[d]));
        if (!close.by_weekday) day.fail("close", rule);
        throw scenario_error(location_of(*close.nodes[d]),
                             join_key(day.key("close"), close.keys[d]), rule,
                             written(*close.nodes[d]));
    }
}

seconds earliest_opening(const checked_table& day) {
    std::optional<seconds> earliest;
    for (const std::optional<seconds>& t : read_times(day, "open").times)
        if (t) earliest = std::min(earliest.value_or(*t), *t);
    return earliest.value_or(seconds{0.0});
}

std::vector<std::pair<seconds, seconds>> opening_periods(const checked_table& day,
                                                         const sim::scenario& s) {
    const weekly_times open = read_times(day, "open"), close = read_times(day, "close");
    const horizon_calendar& calendar = s.calendar;
    for (const auto& [key, times] : {std::pair{"open", &open}, std::pair{"close", &close}})
        if (times->by_weekday && !calendar.has_weekdays())
            day.fail(key,
                     "a time per weekday needs a calendar with weekdays; give [calendar] start as "
                     "a date or a weekday");
    const std::vector<bool> closed = days_named(day, "closed", calendar, outside_dates::ignored);
    std::vector<std::pair<seconds, seconds>> periods;
    for (std::size_t d = 0; d < calendar.days; ++d) {
        if (closed[d]) continue;
        const std::size_t w =
            calendar.has_weekdays() ? static_cast<std::size_t>(*calendar.weekday_of(d)) : 0;
        for (const auto& [key, times] : {std::pair{"open", &open}, std::pair{"close", &close}})
            if (!times->times[w])
                day.fail(key, fmt::format("has no time for {}, which is not closed; give one or "
                                          "list {} in day.closed",
                                          name_of(w), name_of(w)));
        const seconds offset{static_cast<double>(d) * seconds_per_day};
        const seconds from = *open.times[w] + offset, to = *close.times[w] + offset;
        if (!periods.empty() && periods.back().second == from)
            periods.back().second = to;
        else
            periods.emplace_back(from, to);
    }
    if (periods.empty())
        day.fail("closed", "closes every day of the calendar; the centre must open on one");
    for (auto& [from, to] : periods)
        if (from <= s.day_start && s.day_start < to) from = std::min(from, s.day_start - s.warmup);
    return periods;
}

}  // namespace ccsim::io
