// A replication over several days: per-day figures, open-time averages, day transitions.
#include <doctest/doctest.h>

#include <cmath>

#include "sim/simulation.hpp"
#include "sim_test_support.hpp"
#include "time_units.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {

using ccsim::test::day_length;
using ccsim::test::hour;

// `days` whole days in hourly intervals from midnight, open 08:00-12:00 every day, `calls`
// per open hour, 3 agents 07:00-13:00 every day.
scenario mornings(std::size_t days, double calls) {
    scenario s;
    s.calendar.days = days;
    s.day_start = seconds{0.0};
    s.interval = seconds{hour};
    s.interval_count = days * 24;
    queue_spec q;
    q.name = "hotline";
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        const std::size_t clock = i % 24;
        q.calls.push_back(clock >= 8 && clock < 12 ? calls : 0.0);
        q.aht.push_back(seconds{180.0});
    }
    s.queues.push_back(q);
    for (std::size_t d = 0; d < days; ++d)
        s.open_periods.emplace_back(seconds{static_cast<double>(d) * day_length + 8 * hour},
                                    seconds{static_cast<double>(d) * day_length + 12 * hour});
    shift_spec morning{"morning", seconds{7 * hour}, seconds{13 * hour}, 3, {}};
    morning.days.clear();
    for (std::uint32_t d = 0; d < days; ++d) morning.days.push_back(d);
    group_spec g{"agents", {{0, 1}}, 1.0, 0.0, {}};
    add_shift(g, morning);
    s.groups.push_back(g);
    return s;
}

}  // namespace

TEST_CASE("figures per day add up to the horizon, and every day conserves its calls") {
    const scenario s = mornings(3, 40);
    const contact_centre centre(s);
    const simulation_summary r = simulate(centre, {5, 3, 1}).summary;
    REQUIRE(r.days() == 3);
    CHECK(r.day_of(0) == 0);
    CHECK(r.day_of(30) == 1);
    CHECK(r.is_open(8));
    CHECK_FALSE(r.is_open(7));
    double offered = 0.0;
    for (std::size_t d = 0; d < 3; ++d) {
        const double day_offered = r.queue(0, r.day_bucket(d), queue_figure::offered).mean;
        CHECK(day_offered > 100.0);
        offered += day_offered;
    }
    CHECK(offered == doctest::Approx(r.queue(0, r.horizon(), queue_figure::offered).mean));
    for (std::uint64_t rep = 0; rep < 5; ++rep) {
        const replication_statistics day = centre.simulate_replication(3, rep);
        for (std::size_t b = 0; b < day.buckets(); ++b) {
            const queue_counters& c = day.at(0, b);
            CHECK(c.offered == c.answered + c.abandoned + c.waiting_at_end);
        }
    }
}

TEST_CASE("agents logged in and occupancy of a day cover its open intervals only") {
    // Three agents are logged in 07:00-13:00; the centre is open 08:00-12:00. Over the open
    // intervals the day had 3 agents logged in (not 3 x 6 / 24 = 0.75).
    const simulation_summary r = simulate(contact_centre(mornings(2, 0)), {2, 1, 1}).summary;
    CHECK(r.group(0, r.day_bucket(0), group_figure::agents_logged_in).mean == doctest::Approx(3.0));
    CHECK(r.group(0, r.horizon(), group_figure::agents_logged_in).mean == doctest::Approx(3.0));
    CHECK(r.group(0, 7, group_figure::agents_logged_in).mean == doctest::Approx(3.0));  // 07:00
    CHECK(r.group(0, 20, group_figure::agents_logged_in).mean == doctest::Approx(0.0));
}

TEST_CASE("a closed day has no time-weighted figures, and its calls are not offered") {
    scenario s = mornings(2, 30);
    s.open_periods.pop_back();  // day 2 closed
    const simulation_summary r = simulate(contact_centre(s), {3, 1, 1}).summary;
    CHECK(std::isnan(r.group(0, r.day_bucket(1), group_figure::agents_logged_in).mean));
    CHECK(r.queue(0, r.day_bucket(1), queue_figure::offered).mean == 0.0);
    CHECK(r.queue(0, r.day_bucket(1), queue_figure::outside_hours).mean > 50.0);
}

TEST_CASE("the risk figures: the share of replications in which a day met its target") {
    scenario s = mornings(2, 60);
    s.service_level_target = 0.8;
    s.answer_rate_target = 0.5;
    s.queues[0].patience = timed_distribution{{}, seconds{60.0}};
    const simulation_summary r = simulate(contact_centre(s), {40, 5, 1}).summary;
    for (std::size_t b : {r.day_bucket(0), r.day_bucket(1), r.horizon(), std::size_t{9}}) {
        const double share = r.queue(0, b, queue_figure::met_service_level).mean;
        CHECK(share >= 0.0);
        CHECK(share <= 1.0);
    }
    // 60 calls an hour at 3 minutes is 3 Erlang on 3 agents: the service level is far
    // below 80% every day, and the answer rate above 50%.
    CHECK(r.queue(0, r.day_bucket(0), queue_figure::met_service_level).mean == 0.0);
    CHECK(r.queue(0, r.day_bucket(1), queue_figure::met_answer_rate).mean == 1.0);
    scenario no_target = s;
    no_target.service_level_target.reset();
    const simulation_summary u = simulate(contact_centre(no_target), {3, 5, 1}).summary;
    CHECK(std::isnan(u.queue(0, u.horizon(), queue_figure::met_service_level).mean));
}
