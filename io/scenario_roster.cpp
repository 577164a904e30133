#include "io/scenario_roster.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/day_pattern.hpp"
#include "io/toml_values.hpp"
#include "sim/agents/head_count_shifts.hpp"

namespace ccsim::io {

namespace {

constexpr std::string_view day_off = "off";

// "08:00", or "08:00 on 2026-03-02 Mon" on a horizon of several days.
std::string clock_text(seconds t, const horizon_calendar& calendar) {
    if (calendar.days <= 1) return format_time_of_day(t);
    const auto day = static_cast<std::size_t>(std::clamp(
        std::floor(t.count() / seconds_per_day), 0.0, static_cast<double>(calendar.days - 1)));
    return fmt::format("{} on {}",
                       format_time_of_day(t - seconds{static_cast<double>(day) * seconds_per_day}),
                       calendar.day_label(day));
}

std::vector<std::uint32_t> days_of(const std::vector<bool>& mask) {
    std::vector<std::uint32_t> days;
    for (std::size_t d = 0; d < mask.size(); ++d)
        if (mask[d]) days.push_back(static_cast<std::uint32_t>(d));
    return days;
}

sim::shift_spec read_shift(const checked_table& sh, const sim::scenario& s, bool with_tours) {
    sim::shift_spec shift;
    // The path ends in the element's name: its own, or shift1, shift2... by position.
    shift.name = sh.given_text("name").value_or(sh.path().substr(sh.path().rfind('.') + 1));
    if (with_tours && lower_case(shift.name) == day_off)
        sh.fail("name", "means a day off in tours; choose another name for the shift");
    shift.start = sh.time_of_day("start");
    shift.end = sh.time_of_day("end");
    if (!(shift.end > shift.start))
        sh.fail("end",
                shift.end < shift.start
                    ? fmt::format("must be after the shift's start ({}); a night shift that "
                                  "crosses midnight is two shifts: {}-24:00 and 00:00-{} "
                                  "(the second with the next days in `days`)",
                                  format_time_of_day(shift.start), format_time_of_day(shift.start),
                                  format_time_of_day(shift.end))
                    : fmt::format("must be after the shift's start ({})",
                                  format_time_of_day(shift.start)));
    // A shift only tours work has no daily head count of its own.
    if (!sh.has("agents") && !with_tours) sh.fail_here("missing required key 'agents'");
    shift.agents = static_cast<int>(sh.integer("agents"));
    std::vector<std::pair<sim::break_spec, file_location>> taken;  // breaks read so far
    for (const checked_table& b : sh.array_elements("breaks")) {
        const sim::break_spec pause{b.time_of_day("start"), b.duration("length")};
        // Overlapping breaks would be merged silently: the agent away for their union.
        for (const auto& [other, where] : taken)
            if (pause.start < other.start + other.length &&
                other.start < pause.start + pause.length)
                b.fail(
                    "start",
                    fmt::format("overlaps the break {}-{} ({}); breaks of one shift must not "
                                "overlap",
                                format_time_of_day(other.start),
                                format_time_of_day(other.start + other.length), to_string(where)));
        if (pause.start < shift.start || pause.start >= shift.end)
            b.fail("start",
                   fmt::format("must be within the shift ({}-{})", format_time_of_day(shift.start),
                               format_time_of_day(shift.end)));
        if (pause.start + pause.length > shift.end + seconds{1e-9})
            b.fail("length",
                   fmt::format("must end by the shift's end ({})", format_time_of_day(shift.end)));
        taken.emplace_back(pause, b.where());
        shift.breaks.push_back(pause);
    }
    // Every day of the calendar unless `days` says which.
    shift.days = sh.has("days")
                     ? days_of(days_named(sh, "days", s.calendar, outside_dates::rejected))
                     : days_of(std::vector<bool>(s.calendar.days, true));
    return shift;
}

// agents_by_interval: the file gives one head count per interval; the library makes shifts.
std::vector<sim::shift_spec> shifts_from_profile(const checked_table& g, const sim::scenario& s) {
    const toml::array& counts = *g.node("agents_by_interval")->as_array();
    if (counts.size() != s.interval_count)
        g.fail("agents_by_interval",
               fmt::format("needs one agent count per interval: {} (from {} to {}), not {}",
                           s.interval_count, clock_text(s.day_start, s.calendar),
                           clock_text(s.day_end(), s.calendar), counts.size()));
    std::vector<int> need(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        need[i] = static_cast<int>(*as_number(counts[i]));
    return sim::shifts_from_head_counts(need, s);
}

// A tour's entry for one day: the shift's index, or none for a day off. `node` is the value
// (errors point there), `key` its key path.
std::optional<std::uint32_t> shift_named(const toml::node& node, const std::string& key,
                                         const std::vector<sim::shift_spec>& shifts,
                                         const std::string& group) {
    const std::string& name = node.as_string()->get();
    if (lower_case(name) == day_off) return std::nullopt;
    std::vector<std::string> names;
    for (const sim::shift_spec& sh : shifts) names.push_back(sh.name);
    const auto found = std::find(names.begin(), names.end(), name);
    if (found != names.end()) return static_cast<std::uint32_t>(found - names.begin());
    // "Early" for "early", when no other shift matches in any case.
    const auto same = [&](const std::string& n) { return lower_case(n) == lower_case(name); };
    if (std::count_if(names.begin(), names.end(), same) == 1)
        return static_cast<std::uint32_t>(std::find_if(names.begin(), names.end(), same) -
                                          names.begin());
    std::string hint = closest_match(name, names);
    if (hint.empty() && closest_match(lower_case(name), {std::string(day_off)}) == day_off)
        hint = day_off;
    throw scenario_error(
        location_of(node), key,
        hint.empty() ? fmt::format("names no shift of group {} (nor 'off'); its shifts are {}",
                                   group, fmt::join(names, ", "))
                     : fmt::format("names no shift of group {}; did you mean '{}'?", group, hint),
        written(node));
}

sim::tour_spec read_tour(const checked_table& t, const std::vector<sim::shift_spec>& shifts,
                         const sim::scenario& s, const std::string& group) {
    sim::tour_spec tour;
    tour.name = t.given_text("name").value_or(t.path().substr(t.path().rfind('.') + 1));
    tour.agents = static_cast<int>(t.integer("agents"));
    const horizon_calendar& calendar = s.calendar;
    if (!calendar.has_weekdays())
        t.fail_here(
            "a tour needs a calendar with weekdays; give [calendar] start as a date or a weekday");
    // Each weekday's shift (none: off), and where it was written.
    std::array<std::optional<std::uint32_t>, weekday_count> weekly;
    std::array<const toml::node*, weekday_count> written_at{};
    for (std::size_t w = 0; w < weekday_count; ++w) {
        const std::string_view key = weekday_name(static_cast<weekday>(w));
        written_at[w] = t.node(key);
        if (written_at[w]) weekly[w] = shift_named(*written_at[w], t.key(key), shifts, group);
    }
    // Single dates override the week.
    std::vector<std::optional<std::optional<std::uint32_t>>> on_date(calendar.days);
    std::vector<const toml::node*> date_nodes(calendar.days, nullptr);
    std::vector<std::string> date_paths(calendar.days);
    if (const toml::node* dates = t.node("dates")) {
        for (const auto& [key, value] : *dates->as_table()) {
            const std::string path = join_key(t.key("dates"), key.str());
            const civil_date date = *parse_date(key.str());
            if (!calendar.dated())
                throw scenario_error(location_of(key.source()), path,
                                     "a date needs a dated calendar; give [calendar] start as a "
                                     "date");
            const std::int64_t day = date.days - calendar.first_date->days;
            if (day < 0 || day >= static_cast<std::int64_t>(calendar.days))
                throw scenario_error(
                    location_of(key.source()), path,
                    fmt::format("is outside the calendar ({})", calendar_range(calendar)));
            on_date[static_cast<std::size_t>(day)] = shift_named(value, path, shifts, group);
            date_nodes[static_cast<std::size_t>(day)] = &value;
            date_paths[static_cast<std::size_t>(day)] = path;
        }
    }
    for (std::size_t d = 0; d < calendar.days; ++d) {
        const auto w = static_cast<std::size_t>(*calendar.weekday_of(d));
        const std::optional<std::uint32_t> shift = on_date[d] ? *on_date[d] : weekly[w];
        if (!shift) continue;
        const toml::node* at = on_date[d] ? date_nodes[d] : written_at[w];
        const std::string path =
            on_date[d] ? date_paths[d] : t.key(weekday_name(static_cast<weekday>(w)));
        // One shift a day by construction; a shift that ran past midnight could still
        // overlap the next day's.
        if (!tour.work.empty()) {
            const sim::worked_day& before = tour.work.back();
            const sim::shift_spec& last = shifts[before.shift];
            const double ends = before.day * seconds_per_day + last.end.count();
            const double starts =
                static_cast<double>(d) * seconds_per_day + shifts[*shift].start.count();
            if (starts < ends)
                throw scenario_error(
                    location_of(*at), path,
                    fmt::format("the {} shift on {} starts before the {} shift of {} ends",
                                shifts[*shift].name, calendar.day_label(d), last.name,
                                calendar.day_label(before.day)),
                    written(*at));
        }
        tour.work.push_back({static_cast<std::uint32_t>(d), *shift});
    }
    return tour;
}

}  // namespace

// On a horizon of several days, `agents` agents are on duty during each day's opening hours
// (the warm-up included on the first day), not round the clock: one shift per distinct
// opening period, worked on the days that have it.
std::vector<sim::shift_spec> opening_hours_shifts(const sim::scenario& s, int agents) {
    std::vector<sim::shift_spec> shifts;
    for (const auto& [open, close] : s.open_periods) {
        // The first period may open before midnight of day 0 (a warm-up from 23:00 the day
        // before): it still belongs to day 0, and a negative day must not reach the cast.
        const auto day =
            static_cast<std::uint32_t>(std::floor(std::max(open.count(), 0.0) / seconds_per_day));
        const seconds midnight{static_cast<double>(day) * seconds_per_day};
        seconds start = open - midnight;
        const seconds end = close - midnight;
        const bool first = open <= s.day_start;  // the period the warm-up runs in
        if (first) start = std::min(start, s.day_start - s.warmup - midnight);
        auto same = std::find_if(shifts.begin(), shifts.end(), [&](const sim::shift_spec& sh) {
            return sh.start == start && sh.end == end;
        });
        if (same == shifts.end() || first) {
            sim::shift_spec shift{fmt::format("opening hours {}-{}", format_time_of_day(start),
                                              format_time_of_day(end)),
                                  start,
                                  end,
                                  agents,
                                  {}};
            shift.days.clear();
            shifts.push_back(std::move(shift));
            same = shifts.end() - 1;
        }
        same->days.push_back(day);
    }
    return shifts;
}

group_roster read_roster(const checked_table& g, const sim::scenario& s, bool planned) {
    group_roster roster;
    const std::vector<checked_table> tables = g.elements("shift");
    const std::vector<checked_table> tours = g.elements("tour");
    // The planner makes a planned group's roster (replacing any the file gives it).
    if (planned && !g.has("agents") && !g.has("agents_by_interval") && tables.empty() &&
        tours.empty())
        return roster;
    const int ways = g.has("agents") + g.has("agents_by_interval") + !tables.empty();
    if (ways > 1)
        g.fail(g.has("agents") ? "agents" : "agents_by_interval",
               "give one of agents, agents_by_interval or shift tables");
    if (!tours.empty() && tables.empty())
        tours.front().fail_here("a tour works the shifts of its group; add [[group.shift]] tables");
    if (g.has("agents_by_interval")) {
        roster.shifts = shifts_from_profile(g, s);
        return roster;
    }
    if (g.has("agents")) {
        const int agents = static_cast<int>(g.integer("agents"));
        if (s.calendar.days == 1) {
            roster.shifts = {{"all day", s.day_start - s.warmup, s.day_end(), agents, {}}};
            return roster;
        }
        roster.shifts = opening_hours_shifts(s, agents);
        return roster;
    }
    if (tables.empty()) g.fail_here("needs agents, agents_by_interval or shift tables");
    for (const checked_table& sh : tables)
        roster.shifts.push_back(read_shift(sh, s, !tours.empty()));
    const std::string group = g.text("name");
    for (const checked_table& t : tours)
        roster.tours.push_back(read_tour(t, roster.shifts, s, group));
    return roster;
}

}  // namespace ccsim::io
