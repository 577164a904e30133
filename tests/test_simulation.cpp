#include <doctest/doctest.h>

#include <cmath>

#include "sim/agents/roster.hpp"
#include "sim/contact_centre.hpp"
#include "sim/simulation.hpp"
#include "sim_test_support.hpp"

using namespace ccsim;
using namespace ccsim::sim;
using test::at;
using test::day_totals;
using test::shift;
using test::traced;
using test::traced_queue;

namespace {

// A scenario with every feature on: two queues, three groups with skills and priorities,
// shifts with breaks and a handover, absenteeism, patience, redials, closing time.
scenario busy_scenario() {
    scenario s;
    s.name = "busy";
    s.day_start = seconds{8 * 3600.0};
    s.interval = seconds{1800.0};
    s.interval_count = 24;
    s.open_periods = {{seconds{8 * 3600.0}, seconds{20 * 3600.0}}};
    s.busyness_cv = 0.1;
    for (const char* name : {"voice", "complaints"}) {
        queue_spec q;
        q.name = name;
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            const double peak = std::exp(-std::pow((static_cast<double>(i) - 6.0) / 4.0, 2));
            q.calls.push_back((q.name == "voice" ? 150.0 : 20.0) * (0.4 + peak));
            q.aht.push_back(seconds{q.name == "voice" ? 180.0 : 420.0});
        }
        q.handle_time = {distribution_kind::lognormal, 0.8, 1, {}};
        q.patience =
            timed_distribution{{distribution_kind::exponential, 1.0, 1, {}}, seconds{120.0}};
        q.redial = {0.4, {{}, seconds{300.0}}, 2};
        s.queues.push_back(std::move(q));
    }
    group_spec voice{"voice agents", {{0, 1}}, 1.0, 0.05, {}};
    voice.shifts.push_back(
        {"early",
         seconds{7.75 * 3600},
         seconds{14.25 * 3600},
         12,
         {{seconds{10 * 3600.0}, seconds{900.0}}, {seconds{12 * 3600.0}, seconds{1800.0}}}});
    voice.shifts.push_back({"late",
                            seconds{14 * 3600.0},
                            seconds{20 * 3600.0},
                            10,
                            {{seconds{17 * 3600.0}, seconds{1800.0}}}});
    group_spec complaints{"complaint desk", {{1, 1}, {0, 2}}, 1.0, 0.0, {}};
    complaints.shifts.push_back({"day", seconds{8 * 3600.0}, seconds{20 * 3600.0}, 4, {}});
    group_spec trainees{"trainees", {{0, 1}}, 1.4, 0.1, {}};
    trainees.shifts.push_back({"day", seconds{9 * 3600.0}, seconds{17 * 3600.0}, 3, {}});
    s.groups = {voice, complaints, trainees};
    return s;
}

}  // namespace

TEST_CASE("conservation holds exactly in every interval of every replication") {
    const contact_centre centre(busy_scenario());
    for (std::uint64_t r = 0; r < 10; ++r) {
        const replication_statistics day = centre.simulate_replication(42, r);
        for (std::size_t q = 0; q < day.queues; ++q) {
            for (std::size_t b = 0; b < day.buckets(); ++b) {
                const queue_counters& c = day.at(q, b);
                CHECK(c.offered == c.answered + c.abandoned + c.waiting_at_end);
                CHECK(c.answered_within <= c.answered);
                CHECK(c.redials <= c.offered);
            }
            const queue_counters total = day_totals(day, q);
            CHECK(total.offered > 0);
            CHECK(total.redials > 0);
            CHECK(total.abandoned > 0);
        }
        for (std::size_t g = 0; g < day.groups; ++g)
            for (std::size_t b = 0; b < day.buckets(); ++b)
                CHECK(day.time_at(g, b).busy <= day.time_at(g, b).staffed + 1e-6);
    }
}

TEST_CASE("the same seed gives identical results, another seed does not") {
    const contact_centre centre(busy_scenario());
    const replication_statistics a = centre.simulate_replication(7, 3),
                                 b = centre.simulate_replication(7, 3);
    const replication_statistics c = centre.simulate_replication(8, 3);
    for (std::size_t i = 0; i < a.counters.size(); ++i) {
        CHECK(a.counters[i].answered == b.counters[i].answered);
        CHECK(a.counters[i].answered_wait == b.counters[i].answered_wait);
    }
    CHECK(day_totals(a, 0).answered_wait != day_totals(c, 0).answered_wait);
}

TEST_CASE("one thread and two threads give identical estimates") {
    const contact_centre centre(busy_scenario());
    run_options one{12, 99, 1}, two{12, 99, 2};
    const simulation_run x = simulate(centre, one), y = simulate(centre, two);
    for (std::size_t q = 0; q <= x.summary.queues(); ++q)
        for (std::size_t b = 0; b <= x.summary.intervals(); ++b)
            for (int f = 0; f < queue_figure_count; ++f) {
                const estimate ex = x.summary.queue(q, b, static_cast<queue_figure>(f));
                const estimate ey = y.summary.queue(q, b, static_cast<queue_figure>(f));
                CHECK((ex.mean == ey.mean || (std::isnan(ex.mean) && std::isnan(ey.mean))));
                CHECK((ex.ci_low == ey.ci_low || (std::isnan(ex.ci_low) && std::isnan(ey.ci_low))));
            }
    for (std::size_t g = 0; g <= x.summary.groups(); ++g)
        CHECK(x.summary.group(g, x.summary.intervals(), group_figure::occupancy).mean ==
              y.summary.group(g, y.summary.intervals(), group_figure::occupancy).mean);
}

TEST_CASE("same instant: a completion frees the agent before an arrival is routed") {
    // Call 1 at t=0 for 100 s; call 2 arrives exactly when call 1 ends.
    const contact_centre centre(traced({at(0, 100), at(100, 50)}, {shift(0, 1000)}));
    const queue_counters t = day_totals(centre.simulate_replication(1, 0), 0);
    CHECK(t.answered == 2);
    CHECK(t.queued == 0);  // nobody had to wait
    CHECK(t.answered_wait == 0.0);
}

TEST_CASE("same instant: a shift start comes before an arrival, a shift end too") {
    // The agent starts at 200, when call 1 arrives: answered at once. Its shift ends at 600,
    // when call 2 arrives: it has left, so call 2 waits for the second agent at 650.
    const contact_centre centre(
        traced({at(200, 10), at(600, 10)}, {shift(200, 600), shift(650, 1000)}));
    const queue_counters t = day_totals(centre.simulate_replication(1, 0), 0);
    CHECK(t.answered == 2);
    CHECK(t.queued == 1);
    CHECK(t.answered_wait == doctest::Approx(50.0));
}

TEST_CASE("an agent whose shift ends finishes the call in progress") {
    // The first agent works 0-300 but its call lasts until 500; the call arriving at 400
    // waits for the second agent, who starts at 450.
    const scenario s = traced({at(0, 500), at(400, 10)}, {shift(0, 300), shift(450, 1000)});
    const contact_centre centre(s);
    const replication_statistics day = centre.simulate_replication(1, 0);
    const queue_counters t = day_totals(day, 0);
    CHECK(t.answered == 2);
    CHECK(t.answered_wait == doctest::Approx(50.0));
    double busy = 0, staffed = 0;
    for (std::size_t b = 0; b < day.buckets(); ++b)
        busy += day.time_at(0, b).busy, staffed += day.time_at(0, b).staffed;
    CHECK(busy == doctest::Approx(510.0));
    CHECK(staffed == doctest::Approx(500.0 + 550.0));  // overtime to 500 counts as logged in
}

TEST_CASE("breaks: taken when idle, or in full after the call in progress") {
    // Break due at 100 for 100 s while idle: the call at 150 waits until 200.
    const contact_centre idle(
        traced({at(150, 10)}, {shift(0, 1000, 1, {{seconds{100}, seconds{100}}})}));
    CHECK(day_totals(idle.simulate_replication(1, 0), 0).answered_wait == doctest::Approx(50.0));
    // Break due at 100 while busy until 180: taken 180-280 in full; the call at 200 waits 80.
    const contact_centre busy(
        traced({at(80, 100), at(200, 10)}, {shift(0, 1000, 1, {{seconds{100}, seconds{100}}})}));
    CHECK(day_totals(busy.simulate_replication(1, 0), 0).answered_wait == doctest::Approx(80.0));
}

TEST_CASE("closing: calls outside opening hours are not offered, the queue is worked off") {
    scenario s = traced({at(10, 10), at(850, 100), at(860, 100), at(950, 10)}, {shift(0, 900)});
    s.open_periods = {{seconds{50.0}, seconds{900.0}}};
    const contact_centre centre(s);
    const queue_counters t = day_totals(centre.simulate_replication(1, 0), 0);
    CHECK(t.outside_hours == 2);  // at 10 (before opening) and 950 (after closing)
    CHECK(t.offered == 2);
    CHECK(t.answered == 2);  // the call waiting at closing (860) is still served
    CHECK(t.waiting_at_end == 0);
    CHECK(t.answered_wait == doctest::Approx(90.0));
}

TEST_CASE("deterministic patience: abandonment, then redials counted apart") {
    scenario s = traced({at(0, 500), at(10, 10)}, {shift(0, 1000)}, seconds{60});
    s.queues[0].redial = {1.0, {{distribution_kind::deterministic, 1.0, 1, {}}, seconds{100.0}}, 1};
    const contact_centre centre(s);
    const queue_counters t = day_totals(centre.simulate_replication(1, 0), 0);
    // Call 2 hangs up at 70 and redials at 170; the redial hangs up at 230 (max 1 redial).
    CHECK(t.offered == 3);
    CHECK(t.redials == 1);
    CHECK(t.abandoned == 2);
    CHECK(t.answered == 1);
    CHECK(t.abandoned_wait == doctest::Approx(120.0));
}

TEST_CASE("routing: priorities first, then the longest-waiting call, to the longest-idle agent") {
    scenario s;
    s.day_start = seconds{0.0};
    s.interval = seconds{100.0};
    s.interval_count = 10;
    s.open_periods = {{seconds{0.0}, seconds{1000.0}}};
    s.queues.push_back(traced_queue({at(10, 5), at(20, 5)}, 10));  // low priority, waits longest
    s.queues.push_back(traced_queue({at(30, 5)}, 10));             // high priority
    s.queues[0].name = "low";
    s.queues[1].name = "high";
    s.groups.push_back({"both", {{0, 2}, {1, 1}}, 1.0, 0.0, {shift(50, 1000)}});
    const contact_centre centre(s);
    const replication_statistics day = centre.simulate_replication(1, 0);
    // At 50 the agent starts: "high" (priority 1) is served first, waiting 20 s; then the two
    // "low" calls in arrival order at 55 and 60.
    CHECK(day_totals(day, 1).answered_wait == doctest::Approx(20.0));
    CHECK(day_totals(day, 0).answered_wait == doctest::Approx((55.0 - 10.0) + (60.0 - 20.0)));

    // Two groups, one agent each: the agent idle longer takes the call.
    scenario t = traced({at(100, 10)}, {shift(0, 1000)});
    t.groups.push_back({"late starter", {{0, 1}}, 1.0, 0.0, {shift(50, 1000)}});
    const replication_statistics d = contact_centre(t).simulate_replication(1, 0);
    double busy_first = 0, busy_second = 0;
    for (std::size_t b = 0; b < d.buckets(); ++b)
        busy_first += d.time_at(0, b).busy, busy_second += d.time_at(1, b).busy;
    CHECK(busy_first == doctest::Approx(10.0));
    CHECK(busy_second == 0.0);
}

TEST_CASE("a slower group's handle time factor stretches its calls") {
    scenario s = traced({at(0, 100)}, {shift(0, 1000)});
    s.groups[0].handle_time_factor = 1.5;
    const replication_statistics d = contact_centre(s).simulate_replication(1, 0);
    double busy = 0;
    for (std::size_t b = 0; b < d.buckets(); ++b) busy += d.time_at(0, b).busy;
    CHECK(busy == doctest::Approx(150.0));
}

TEST_CASE("absenteeism removes about its share of scheduled agents") {
    scenario s = busy_scenario();
    s.groups[0].absenteeism = 0.3;
    s.groups[0].shifts[0].agents = 1000;
    const roster_plan plan(s);
    roster_process r(s, plan, 5, 0);
    double early = 0.0;
    while (std::isfinite(r.next_time())) {
        const roster_event e = r.pop();
        if (e.action == roster_action::shift_start && plan.group_of_agent()[e.agent] == 0 &&
            e.time == 7.75 * 3600)
            early += 1.0;
    }
    CHECK(std::abs(early - 700.0) < 4.0 * std::sqrt(1000 * 0.3 * 0.7));
}

TEST_CASE("memory does not grow with the number of calls: statistics are per interval") {
    const scenario small = test::one_queue(100, 180, 10, 24),
                   large = test::one_queue(10000, 180, 520, 24);
    const replication_statistics a = contact_centre(small).simulate_replication(1, 0);
    const replication_statistics b = contact_centre(large).simulate_replication(1, 0);
    CHECK(b.arrivals > 50 * a.arrivals);
    CHECK(a.counters.size() == b.counters.size());
    CHECK(a.waits.size() == b.waits.size());
}

TEST_CASE("longest queue: all queues is the most waiting at once, carried-over calls count") {
    // Nobody is on shift before 500. "a" gets calls at 10 and 20, "b" at 50 and 150; they
    // all wait. Interval 0-100: "a" reaches 2, "b" 1, together 3 (not the larger single
    // maximum, 2). Interval 100-200 starts with those 3 waiting, "b" reaches 2, together 4.
    // Interval 200-300 has no arrivals: its 4 waiting calls are carried over.
    scenario s;
    s.day_start = seconds{0.0};
    s.interval = seconds{100.0};
    s.interval_count = 10;
    s.open_periods = {{seconds{0.0}, seconds{1000.0}}};
    s.queues.push_back(traced_queue({at(10, 5), at(20, 5)}, 10));
    s.queues.push_back(traced_queue({at(50, 5), at(150, 5)}, 10));
    s.queues[0].name = "a";
    s.queues[1].name = "b";
    s.groups.push_back({"both", {{0, 1}, {1, 1}}, 1.0, 0.0, {shift(500, 1000)}});
    const contact_centre centre(s);
    const replication_statistics day = centre.simulate_replication(1, 0);
    CHECK(day.at(0, 0).longest_queue == 2);
    CHECK(day.at(1, 0).longest_queue == 1);
    CHECK(day.longest_total[0] == 3);
    CHECK(day.at(0, 1).longest_queue == 2);  // carried over, no new call
    CHECK(day.at(1, 1).longest_queue == 2);
    CHECK(day.longest_total[1] == 4);
    CHECK(day.at(0, 2).longest_queue == 2);
    CHECK(day.longest_total[2] == 4);
    CHECK(day.longest_total[4] == 4);  // still all waiting as 400-500 begins
    CHECK(day.longest_total[6] == 0);  // served from 500 (5 s each): empty by 600

    simulation_summary summary(centre.model());
    summary.add(day);
    const std::size_t all = summary.queues();
    CHECK(summary.queue(all, 0, queue_figure::longest_queue).mean == 3.0);
    CHECK(summary.queue(all, 2, queue_figure::longest_queue).mean == 4.0);
    CHECK(summary.queue(all, summary.horizon(), queue_figure::longest_queue).mean == 4.0);
}
