#include "io/plan_settings.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/day_pattern.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

constexpr double clock_tolerance = 1e-6;

// A shift overlapping the end of another by at most this much is a handover, not a second crew.
constexpr seconds longest_handover{3600.0};

bool is_week(const horizon_calendar& calendar) {
    return calendar.days == 7 && calendar.has_weekdays();
}

// The handover the scenario's own shifts keep: the least overlap between a shift's end and the
// start of another of its group that arrives during its last hour; 0 when none does.
seconds scenario_handover(const sim::scenario& s) {
    std::optional<seconds> least;
    for (const sim::group_spec& g : s.groups)
        for (const sim::shift_spec& a : g.shifts)
            for (const sim::shift_spec& b : g.shifts) {
                const seconds overlap = a.end - b.start;
                if (b.start > a.start && b.end > a.end && overlap > seconds{0.0} &&
                    overlap <= longest_handover)
                    least = least ? std::min(*least, overlap) : overlap;
            }
    return least.value_or(seconds{0.0});
}

std::vector<seconds> read_starts(const checked_table& t, seconds interval) {
    std::vector<seconds> starts;
    const bool listed = t.has("starts");
    const bool ranged = t.has("first_start") || t.has("last_start");
    if (listed && ranged)
        t.fail(t.has("first_start") ? "first_start" : "last_start",
               "give starts, or first_start and last_start, not both");
    if (listed) {
        const toml::array& array = *t.node("starts")->as_array();
        for (const toml::node& n : array) {
            const seconds start = *as_time_of_day(n);
            if (start >= seconds{seconds_per_day})
                throw scenario_error(location_of(n), t.key("starts"), "must be before 24:00",
                                     written(n));
            if (std::find(starts.begin(), starts.end(), start) != starts.end())
                throw scenario_error(location_of(n), t.key("starts"), "names a start twice",
                                     written(n));
            starts.push_back(start);
        }
        std::sort(starts.begin(), starts.end());
        return starts;
    }
    if (!t.has("first_start")) t.fail_here("needs starts, or first_start and last_start");
    const seconds first = t.time_of_day("first_start");
    const seconds last = t.given_time_of_day("last_start").value_or(first);
    const seconds step = t.given_duration("start_step").value_or(interval);
    if (last < first)
        t.fail("last_start",
               fmt::format("must not be before first_start ({})", format_time_of_day(first)));
    if (last >= seconds{seconds_per_day}) t.fail("last_start", "must be before 24:00");
    for (seconds at = first; at <= last + seconds{clock_tolerance}; at += step)
        starts.push_back(at);
    return starts;
}

plan_break read_break(const checked_table& b, seconds length, seconds interval) {
    plan_break pause;
    pause.length = b.duration("length");
    pause.earliest = b.duration("earliest");
    pause.latest = b.given_duration("latest").value_or(pause.earliest);
    pause.step = b.given_duration("step").value_or(interval);
    pause.paid = b.text("pay") == "paid";
    if (pause.latest < pause.earliest)
        b.fail("latest",
               fmt::format("must not be before earliest ({})", format_duration(pause.earliest)));
    if (pause.latest + pause.length > length + seconds{clock_tolerance})
        b.fail(b.has("latest") ? "latest" : "earliest",
               fmt::format("the break must end by the shift's end ({} after its start)",
                           format_duration(length)));
    return pause;
}

plan_template read_template(const checked_table& t, const sim::scenario& s) {
    plan_template tpl;
    tpl.name = t.given_text("name").value_or(t.path().substr(t.path().rfind('.') + 1));
    tpl.length = t.duration("length");
    tpl.starts = read_starts(t, s.interval);
    for (const checked_table& b : t.array_elements("breaks")) {
        plan_break pause = read_break(b, tpl.length, s.interval);
        if (!tpl.breaks.empty()) {
            const plan_break& before = tpl.breaks.back();
            if (pause.earliest < before.latest + before.length - seconds{clock_tolerance})
                b.fail("earliest",
                       fmt::format("must leave room for the break before it (which may end {} "
                                   "after the shift's start); give breaks in order",
                                   format_duration(before.latest + before.length)));
        }
        tpl.breaks.push_back(pause);
    }
    if (tpl.paid_hours() <= 0.0) t.fail("length", "must be longer than the unpaid breaks");
    tpl.cost_per_hour = t.number("cost_per_hour");
    tpl.cost_per_shift = t.number("cost_per_shift");
    tpl.min_agents = static_cast<int>(t.integer("min_agents"));
    if (const auto v = t.given_integer("max_agents")) tpl.max_agents = static_cast<int>(*v);
    if (tpl.max_agents && *tpl.max_agents < tpl.min_agents)
        t.fail("max_agents", fmt::format("must not be below min_agents ({})", tpl.min_agents));
    tpl.part_time = t.text("contract") == "part-time";
    tpl.days = t.has("days") ? days_named(t, "days", s.calendar, outside_dates::rejected)
                             : std::vector<bool>(s.calendar.days, true);
    // Scenario files cannot write a shift past midnight yet (end it at 24:00), and the roster
    // file the planner writes is one.
    if (tpl.starts.back() + tpl.length > seconds{seconds_per_day + clock_tolerance})
        t.fail("length", fmt::format("the shift starting at {} would end past 24:00; shifts "
                                     "cannot cross midnight",
                                     format_time_of_day(tpl.starts.back())));
    return tpl;
}

plan_group read_plan_group(const checked_table& g, const sim::scenario& s, bool weekly) {
    plan_group group;
    group.name = g.text("name");
    std::vector<std::string> names;
    for (const sim::group_spec& spec : s.groups) names.push_back(spec.name);
    const auto found = std::find(names.begin(), names.end(), group.name);
    if (found == names.end()) {
        const std::string hint = closest_match(group.name, names);
        g.fail("name", hint.empty()
                           ? fmt::format("names no group; groups are {}", fmt::join(names, ", "))
                           : fmt::format("names no group; did you mean '{}'?", hint));
    }
    group.group = static_cast<std::size_t>(found - names.begin());
    for (const char* weekly_key : {"working_days", "days_off", "weekly_start"})
        if (!weekly && g.has(weekly_key))
            g.fail(weekly_key,
                   "is a rule of weekly tours, which need a calendar of 7 days with weekdays");
    group.working_days = static_cast<int>(g.integer("working_days"));
    group.consecutive_days_off = g.text("days_off") == "consecutive";
    group.same_start = g.text("weekly_start") == "same";
    if (const auto v = g.given_integer("max_agents")) group.max_agents = static_cast<int>(*v);
    group.part_time_share = g.number("part_time_share");
    for (const checked_table& t : g.elements("template"))
        group.templates.push_back(read_template(t, s));
    return group;
}

}  // namespace

double plan_template::paid_hours() const {
    seconds paid = length;
    for (const plan_break& b : breaks)
        if (!b.paid) paid -= b.length;
    return paid.count() / 3600.0;
}

std::vector<std::string> planned_group_names(const checked_table& root) {
    std::vector<std::string> names;
    if (!root.has("plan")) return names;
    for (const checked_table& g : root.table("plan").elements("group"))
        names.push_back(g.text("name"));
    return names;
}

plan_settings read_plan(const checked_table& plan, const sim::scenario& s) {
    plan_settings settings;
    settings.method =
        plan.text("method") == "isa" ? requirement_method::isa : requirement_method::sipp;
    settings.weekly = is_week(s.calendar);
    settings.handover = plan.given_duration("handover").value_or(scenario_handover(s));
    settings.service_level = plan.given_number("service_level");
    if (!settings.service_level) settings.service_level = s.service_level_target;
    settings.answer_rate = plan.given_number("answer_rate");
    if (!settings.answer_rate) settings.answer_rate = s.answer_rate_target;
    if (!settings.service_level && !settings.answer_rate)
        plan.fail_here("needs a target: service_level or answer_rate here or in [targets]");
    settings.shrinkage = plan.number("shrinkage");
    settings.min_on_phones = static_cast<int>(plan.integer("min_on_phones"));
    settings.rounds = static_cast<int>(plan.integer("rounds"));
    if (const auto v = plan.given_integer("replications"))
        settings.replications = static_cast<int>(*v);
    settings.time_limit = plan.duration("time_limit");
    settings.gap = plan.number("gap");
    for (const checked_table& g : plan.elements("group")) {
        plan_group group = read_plan_group(g, s, settings.weekly);
        for (const plan_group& other : settings.groups)
            if (other.group == group.group) g.fail("name", "plans the same group twice");
        settings.groups.push_back(std::move(group));
    }
    return settings;
}

}  // namespace ccsim::io
