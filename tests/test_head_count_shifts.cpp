#include <doctest/doctest.h>

#include <vector>

#include "sim/agents/head_count_shifts.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {

// A grid of half hours from 08:00.
scenario grid_of(std::size_t intervals, std::size_t days = 1, double warmup = 0.0) {
    scenario s;
    s.day_start = seconds{8 * 3600.0};
    s.interval = seconds{1800.0};
    s.interval_count = intervals;
    s.calendar.days = days;
    s.warmup = seconds{warmup};
    return s;
}

// Agents on a shift in the middle of interval i.
int on_duty(const std::vector<shift_spec>& shifts, const scenario& s, std::size_t i) {
    const seconds mid = s.interval_start(i) + s.interval * 0.5;
    int on = 0;
    for (const shift_spec& sh : shifts)
        if (sh.start <= mid && mid < sh.end) on += sh.agents;
    return on;
}

}  // namespace

TEST_CASE("head counts become runs of consecutive intervals") {
    const scenario s = grid_of(4);
    const std::vector<int> need{2, 3, 1, 3};
    const std::vector<shift_spec> shifts = shifts_from_head_counts(need, s);
    for (std::size_t i = 0; i < need.size(); ++i) CHECK(on_duty(shifts, s, i) == need[i]);
    // Agent 1 works all day, agent 2 [0, 2) and [3, 4), agent 3 [1, 2) and [3, 4).
    REQUIRE(shifts.size() == 4);
    CHECK(shifts[0].name == "08:00-09:00");
    CHECK(shifts[0].agents == 1);
    CHECK(shifts[1].name == "08:00-10:00");
    CHECK(shifts[1].agents == 1);
    CHECK(shifts[2].name == "08:30-09:00");
    CHECK(shifts[2].agents == 1);
    CHECK(shifts[3].name == "09:30-10:00");
    CHECK(shifts[3].agents == 2);
    CHECK(shifts[3].start.count() == 9.5 * 3600.0);
    CHECK(shifts[3].end.count() == 10 * 3600.0);
    for (const shift_spec& sh : shifts) {
        CHECK(sh.breaks.empty());
        CHECK(sh.days == std::vector<std::uint32_t>{0});
    }
}

TEST_CASE("head counts: zeros, an empty profile, the warm-up") {
    CHECK(shifts_from_head_counts({0, 0, 0}, grid_of(3)).empty());
    CHECK(shifts_from_head_counts({}, grid_of(0)).empty());
    // Interval 0's agents arrive at the start of the warm-up.
    const scenario warm = grid_of(2, 1, 3600.0);
    const std::vector<shift_spec> shifts = shifts_from_head_counts({2, 1}, warm);
    REQUIRE(shifts.size() == 2);
    CHECK(shifts[0].start.count() == 7 * 3600.0);
    CHECK(shifts[0].end.count() == 8.5 * 3600.0);
    CHECK(shifts[1].start.count() == 7 * 3600.0);
    CHECK(shifts[1].end.count() == 9 * 3600.0);
    CHECK(shifts[1].agents == 1);
}

TEST_CASE("head counts over several days name the day") {
    // Two days of 08:00-09:00 in half hours, nights in between: 48 + 2 intervals.
    scenario s = grid_of(50, 2);
    s.calendar = dated_calendar(*parse_date("2026-03-02"), 2);
    std::vector<int> need(50, 0);
    need[0] = need[1] = 1;    // Monday 08:00-09:00
    need[48] = need[49] = 2;  // Tuesday 08:00-09:00
    const std::vector<shift_spec> shifts = shifts_from_head_counts(need, s);
    REQUIRE(shifts.size() == 2);
    CHECK(shifts[0].name == "2026-03-02 Mon 08:00-2026-03-02 Mon 09:00");
    CHECK(shifts[0].agents == 1);
    CHECK(shifts[1].name == "2026-03-03 Tue 08:00-2026-03-03 Tue 09:00");
    CHECK(shifts[1].agents == 2);
    CHECK(shifts[1].start.count() == 86400.0 + 8 * 3600.0);
    for (std::size_t i = 0; i < need.size(); ++i) CHECK(on_duty(shifts, s, i) == need[i]);
}
