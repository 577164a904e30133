// What happens to work at closing time (docs/model.md, "Opening hours and closing time").
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
agent_time total_time(const replication_statistics& day, std::size_t group) {
    agent_time t;
    for (std::size_t b = 0; b < day.buckets(); ++b) {
        t.staffed += day.time_at(group, b).staffed;
        t.busy += day.time_at(group, b).busy;
        t.overtime += day.time_at(group, b).overtime;
    }
    return t;
}
}  // namespace

TEST_CASE("calls waiting at closing are served by the agent on shift, and that is overtime") {
    // Open and on shift until 500. The agent is busy 400-600; calls from 450 and 480 wait at
    // closing and are served 600-700 and 700-800; the agent goes home at 800.
    scenario s = traced({at(400, 200), at(450, 100), at(480, 100)}, {shift(0, 500)});
    s.open_periods = {{seconds{0.0}, seconds{500.0}}};
    const replication_statistics day = contact_centre(s).simulate_replication(1, 0);
    const queue_counters t = day_totals(day, 0);
    CHECK(t.answered == 3);
    CHECK(t.waiting_at_end == 0);
    CHECK(t.answered_wait == doctest::Approx(150.0 + 220.0));
    const agent_time time = total_time(day, 0);
    CHECK(time.overtime == doctest::Approx(300.0));
    CHECK(time.staffed == doctest::Approx(800.0));
    // Overtime belongs to the interval in which the shift ended (400-500).
    CHECK(day.time_at(0, 4).overtime == doctest::Approx(300.0));
}

TEST_CASE("calls left at closing with nobody on shift to serve them end there, unserved") {
    // The only agent leaves at 300; the call at 350 waits (the centre is open until 500).
    // At closing nobody who could serve it is on shift: it ends as waiting at the end, and
    // the shift starting at 600 (while closed) does not pick it up the next morning.
    scenario s = traced({at(350, 10)}, {shift(0, 300), shift(600, 1000)});
    s.open_periods = {{seconds{0.0}, seconds{500.0}}};
    const queue_counters t = day_totals(contact_centre(s).simulate_replication(1, 0), 0);
    CHECK(t.offered == 1);
    CHECK(t.answered == 0);
    CHECK(t.waiting_at_end == 1);
}

TEST_CASE("after closing, the last agent who could serve a queue leaves nothing behind") {
    // Queue "other" is served by one agent on shift until 600 but on a break 450-650, and by
    // another starting at 800 (while closed). Its call from 460 waits; at closing (500) the
    // first agent is still on shift, so it keeps waiting; when that shift ends (600) nobody
    // who could serve it is on shift any more: it ends there, and the 800 agent never sees it.
    scenario s = traced({at(450, 100)}, {shift(0, 500)});
    s.queues.push_back(test::traced_queue({at(460, 10)}, s.interval_count));
    s.queues[1].name = "other";
    s.groups.push_back({"other agents",
                        {{1, 1}},
                        1.0,
                        0.0,
                        {shift(0, 600, 1, {{seconds{450.0}, seconds{200.0}}}), shift(800, 1000)}});
    s.open_periods = {{seconds{0.0}, seconds{500.0}}};
    const replication_statistics day = contact_centre(s).simulate_replication(1, 0);
    CHECK(day_totals(day, 0).answered == 1);
    CHECK(day_totals(day, 1).answered == 0);
    CHECK(day_totals(day, 1).waiting_at_end == 1);
    CHECK(total_time(day, 0).overtime == doctest::Approx(50.0));
}

TEST_CASE("a shift that ends at closing does not work on after the queue is empty") {
    // Busy at closing with nothing else waiting: home when the call ends; staffed until then.
    scenario s = traced({at(450, 100), at(700, 10)}, {shift(0, 500)});
    s.open_periods = {{seconds{0.0}, seconds{500.0}}};
    const replication_statistics day = contact_centre(s).simulate_replication(1, 0);
    const queue_counters t = day_totals(day, 0);
    CHECK(t.answered == 1);
    CHECK(t.outside_hours == 1);
    CHECK(total_time(day, 0).staffed == doctest::Approx(550.0));
    CHECK(total_time(day, 0).overtime == doctest::Approx(50.0));
}
