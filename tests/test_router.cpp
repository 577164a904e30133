#include <doctest/doctest.h>

#include "sim/contact_centre.hpp"
#include "sim_test_support.hpp"

using namespace ccsim;
using namespace ccsim::sim;
using test::at;
using test::day_totals;
using test::shift;
using test::traced;

namespace {
double busy_time(const replication_statistics& day, std::size_t group) {
    double busy = 0.0;
    for (std::size_t b = 0; b < day.buckets(); ++b) busy += day.time_at(group, b).busy;
    return busy;
}
}  // namespace

TEST_CASE("preference: a reserve group takes calls only when no preferred agent is idle") {
    // The preferred agent starts at 50, the team lead at 0: without preference the team lead,
    // idle longer, would take the call at 100.
    scenario s = traced({at(100, 50), at(110, 50), at(120, 50)}, {shift(50, 1000)});
    s.groups.push_back({"team leads", {{0, 1, 2}}, 1.0, 0.0, {shift(0, 1000)}});
    const replication_statistics day = contact_centre(s).simulate_replication(1, 0);
    // 100: preferred agent. 110: only the team lead is idle. 120: waits until 150, when the
    // preferred agent, freed first, takes it.
    CHECK(busy_time(day, 0) == doctest::Approx(100.0));
    CHECK(busy_time(day, 1) == doctest::Approx(50.0));
    CHECK(day_totals(day, 0).answered_wait == doctest::Approx(30.0));

    // Same preference: the longest-idle agent, the team lead, takes the first call.
    s.groups[1].skills[0].preference = 1;
    const replication_statistics even = contact_centre(s).simulate_replication(1, 0);
    CHECK(busy_time(even, 1) == doctest::Approx(100.0));
    CHECK(busy_time(even, 0) == doctest::Approx(50.0));
}

TEST_CASE("preference levels: the best level with an idle agent wins, then the longest idle") {
    // Three groups: two at preference 1 (one idle since 0, one since 20), one at 2 idle since 0.
    scenario s = traced({at(100, 500), at(110, 500), at(120, 500)}, {shift(20, 1000)});
    s.groups.push_back({"also preferred", {{0, 1, 1}}, 1.0, 0.0, {shift(0, 1000)}});
    s.groups.push_back({"reserve", {{0, 1, 3}}, 1.0, 0.0, {shift(0, 1000)}});
    const replication_statistics day = contact_centre(s).simulate_replication(1, 0);
    // 100 -> "also preferred" (idle since 0), 110 -> "agents", 120 -> "reserve".
    CHECK(busy_time(day, 1) == doctest::Approx(500.0));
    CHECK(busy_time(day, 0) == doctest::Approx(500.0));
    CHECK(busy_time(day, 2) == doctest::Approx(500.0));
    CHECK(day_totals(day, 0).queued == 0);
}
