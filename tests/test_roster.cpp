#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "sim/agents/roster.hpp"
#include "sim/contact_centre.hpp"
#include "time_units.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {

using ccsim::test::day_length;
using ccsim::test::hour;

// `days` days, open 08:00-20:00, one queue with no calls, one group without a roster yet.
scenario week(std::size_t days) {
    scenario s;
    s.calendar.days = days;
    s.day_start = seconds{8 * hour};
    s.interval = seconds{1800.0};
    s.interval_count = (days - 1) * 48 + 24;
    for (std::size_t d = 0; d < days; ++d)
        s.open_periods.emplace_back(seconds{static_cast<double>(d) * day_length + 8 * hour},
                                    seconds{static_cast<double>(d) * day_length + 20 * hour});
    queue_spec q;
    q.name = "hotline";
    q.calls.assign(s.interval_count, 0.0);
    q.aht.assign(s.interval_count, seconds{180.0});
    s.queues.push_back(q);
    s.groups.push_back({"agents", {{0, 1}}, 1.0, 0.0, {}});
    return s;
}

shift_spec daily(const char* name, double start_h, double end_h, int agents,
                 std::vector<std::uint32_t> days) {
    shift_spec s{name, seconds{start_h * hour}, seconds{end_h * hour}, agents, {}};
    s.days = std::move(days);
    return s;
}

std::vector<roster_event> all_events(const scenario& s, std::uint64_t seed = 1,
                                     std::uint64_t replication = 0) {
    const roster_plan plan(s);
    roster_process process(s, plan, seed, replication);
    std::vector<roster_event> events;
    while (std::isfinite(process.next_time())) events.push_back(process.pop());
    return events;
}

// (agent, day) of every shift start.
std::set<std::pair<std::uint32_t, long>> starts(const std::vector<roster_event>& events) {
    std::set<std::pair<std::uint32_t, long>> out;
    for (const roster_event& e : events)
        if (e.action == roster_action::shift_start)
            out.insert({e.agent, static_cast<long>(std::floor(e.time / day_length))});
    return out;
}

}  // namespace

TEST_CASE("shifts are worked on their days, tours work their shifts with days off") {
    scenario s = week(7);
    group_spec& g = s.groups[0];
    add_shift(g, daily("early", 7.5, 14, 2, {0, 1, 2, 3, 4}));  // Mon-Fri, 2 agents
    add_shift(g, daily("late", 13.75, 20, 0, {}));              // only in tours
    // One person: early Mon, Tue, late Wed, Thu, off Fri, late Sat, off Sun.
    g.tours.push_back({"Li", 1, {{0, 0}, {1, 0}, {2, 1}, {3, 1}, {5, 1}}});
    const std::vector<roster_event> events = all_events(s);
    const auto worked = starts(events);
    // Agents 0 and 1 work early Mon-Fri; agent 2 is Li.
    CHECK(worked.size() == 2 * 5 + 5);
    for (long d = 0; d < 5; ++d) CHECK(worked.count({0, d}) == 1);
    CHECK(worked.count({2, 4}) == 0);  // Li's Friday off
    CHECK(worked.count({2, 5}) == 1);
    for (const roster_event& e : events) {
        if (e.agent != 2 || e.action != roster_action::shift_start) continue;
        const double clock = std::fmod(e.time, day_length);
        const long d = static_cast<long>(e.time / day_length);
        CHECK(clock == (d < 2 ? 7.5 * hour : 13.75 * hour));
        CHECK(e.value - e.time == doctest::Approx(d < 2 ? 6.5 * hour : 6.25 * hour));
    }
    // Closing times: per open period one for the queue and one for the centre (the centre's
    // last at the instant), after every shift change at the same instant.
    std::size_t queue_closings = 0, centre_closings = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].action != roster_action::closing) continue;
        CHECK(std::fmod(events[i].time, day_length) == 20 * hour);
        if (events[i].agent == no_agent) {
            ++centre_closings;
        } else {
            CHECK(events[i].agent == 0);
            ++queue_closings;
            REQUIRE(i + 1 < events.size());
            CHECK(events[i + 1].action == roster_action::closing);
            CHECK(events[i + 1].agent == no_agent);
        }
    }
    CHECK(queue_closings == 7);
    CHECK(centre_closings == 7);
    // Time order, and at equal times ends before breaks before starts.
    for (std::size_t i = 1; i < events.size(); ++i) {
        CHECK(events[i - 1].time <= events[i].time);
        if (events[i - 1].time == events[i].time) CHECK(events[i - 1].action <= events[i].action);
    }
}

TEST_CASE("a night shift ends on the next day, a tour may not overlap itself") {
    scenario s = week(3);
    add_shift(s.groups[0], daily("night", 22, 30, 1, {0, 1}));  // 22:00 to 06:00
    const std::vector<roster_event> events = all_events(s);
    std::vector<double> ends;
    for (const roster_event& e : events)
        if (e.action == roster_action::shift_end) ends.push_back(e.time);
    CHECK(ends == std::vector<double>{day_length + 6 * hour, 2 * day_length + 6 * hour});

    scenario bad = week(3);
    add_shift(bad.groups[0], daily("night", 22, 30, 0, {}));
    add_shift(bad.groups[0], daily("early", 5, 13, 0, {}));
    bad.groups[0].tours.push_back({"tired", 1, {{0, 0}, {1, 1}}});  // ends 06:00, starts 05:00
    CHECK_THROWS_AS(validate(bad), config_error);
    bad.groups[0].tours[0].work = {{0, 0}, {2, 1}};  // a day off in between: fine
    CHECK_NOTHROW(validate(bad));
}

TEST_CASE("rosters are generated day by day: memory follows the agents, not the horizon") {
    scenario s = week(365);
    std::vector<std::uint32_t> every_day(365);
    for (std::uint32_t d = 0; d < 365; ++d) every_day[d] = d;
    add_shift(s.groups[0], daily("early", 7.5, 14, 10, every_day));
    add_shift(s.groups[0], daily("late", 13.5, 20, 10, every_day));
    const roster_plan plan(s);
    roster_process process(s, plan, 1, 0);
    std::size_t most = 0, starts_seen = 0;
    while (std::isfinite(process.next_time())) {
        most = std::max(most, process.pending());
        if (process.pop().action == roster_action::shift_start) ++starts_seen;
    }
    CHECK(starts_seen == 365 * 20);
    CHECK(plan.agent_count() == 20);
    CHECK(most <= 2 * 40);  // at most two days' starts and ends at once
}

TEST_CASE("absence is drawn per agent and day, from a stream per roster line") {
    scenario s = week(2);
    s.groups[0].absenteeism = 0.3;
    add_shift(s.groups[0], daily("early", 8, 14, 0, {}));
    const int people = 2000;
    s.groups[0].tours.push_back({"A", people, {{0, 0}, {1, 0}}});
    s.groups[0].tours.push_back({"B", 50, {{0, 0}}});
    const auto worked = starts(all_events(s, 7));
    double both = 0.0, monday = 0.0;
    for (int a = 0; a < people; ++a) {
        const bool mon = worked.count({a, 0}) > 0, tue = worked.count({a, 1}) > 0;
        monday += mon;
        both += mon && tue;
    }
    // Independent days: both present with probability 0.7^2 = 0.49 (absence drawn once per
    // agent for the week would give 0.7). Binomial bounds at 5 standard deviations.
    CHECK(std::abs(monday - 0.7 * people) < 5.0 * std::sqrt(people * 0.21));
    CHECK(std::abs(both - 0.49 * people) < 5.0 * std::sqrt(people * 0.49 * 0.51));

    // Common random numbers: tour B's head count does not move tour A's draws.
    scenario more = s;
    more.groups[0].tours[1].agents = 80;
    const auto worked_more = starts(all_events(more, 7));
    for (int a = 0; a < people; ++a)
        for (long d = 0; d < 2; ++d) CHECK(worked.count({a, d}) == worked_more.count({a, d}));
}
