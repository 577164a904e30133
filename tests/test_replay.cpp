// ccsim simulate --replay: a log's calls offered to a scenario's agents. The checks that cannot
// pass by accident: at the log's own staffing a FIFO single server reproduces the waits worked
// out by hand; with ample agents every call is answered at once and the offered calls and the
// agents' busy time are the log's exactly; censored patience is drawn from the model's upper
// tail; a scenario is laid on dates by weekday; unknown queues and dates fail with their place.
#include <doctest/doctest.h>

#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "io/replay_log.hpp"
#include "report/replay_comparison.hpp"
#include "scenario_text.hpp"
#include "sim/contact_centre.hpp"
#include "sim/engine/variate.hpp"
#include "sim/model/dated_replay.hpp"
#include "sim/simulation.hpp"

using namespace ccsim;

namespace {

// One agent (or `agents`) from 08:00 to 10:00, patience lognormal with mean 30 s: shorter
// than the waits the log's answered callers accepted, so only the censored draw keeps them.
std::string one_queue(int agents) {
    return test::replaced(
        test::replaced(test::minimal_scenario, "agents = 5", "agents = " + std::to_string(agents)),
        "aht = \"3min\"",
        "aht = \"3min\"\npatience = { distribution = \"lognormal\", mean = "
        "\"30s\", cv = 2.0 }");
}

// Days of two 12-hour intervals, the same calls every day, agents per interval.
std::string twelve_hours(const std::string& calendar, const std::string& agents) {
    return calendar + R"(
[day]
interval = "12h"

[[queue]]
name = "q"
volumes = [1, 2]
aht = "3min"

[[group]]
name = "g"
skills = ["q"]
agents_by_interval = )" +
           agents + "\n";
}

constexpr double hour = 3600.0;

// Agents whose shift covers clock time t (breaks aside).
int on_duty(const sim::group_spec& g, double t) {
    int agents = 0;
    for (const sim::shift_spec& sh : g.shifts)
        for (const std::uint32_t d : sh.days) {
            const double midnight = static_cast<double>(d) * seconds_per_day;
            if (midnight + sh.start.count() <= t && t < midnight + sh.end.count())
                agents += sh.agents;
        }
    return agents;
}

// A FIFO single server by hand: call 1 0-30 s; call 2 arrives at 10, served 30-60 (wait 20);
// call 3 arrives at 20, served 60-65 (wait 40); call 4 arrives at 30 and hangs up at 42 while
// the agent is busy (wait 12); call 5 at 08:40 is served at once.
const std::string fifo_log =
    "arrival,queue,wait_s,handle_s,outcome\n"
    "2026-03-02T08:00:00,hotline,0,30,answered\n"
    "2026-03-02T08:00:10,hotline,20,30,answered\n"
    "2026-03-02T08:00:20,hotline,40,5,answered\n"
    "2026-03-02T08:00:30,hotline,12,,abandoned\n"
    "2026-03-02T08:40:00,hotline,0,10,answered\n";

struct replay_run {
    sim::scenario replayed;
    io::replay_input input;
    sim::simulation_summary summary;
};

replay_run replay(const std::string& log_text, int agents, int replications = 3) {
    const io::replay_log log = io::parse_replay_log(log_text, "log.csv", {});
    const sim::scenario laid =
        sim::on_dates(test::load_text(one_queue(agents)).model, log.first_date(), 1);
    io::replay_input in = io::replay_input_for(log, laid, {});
    io::replay_input kept = in;
    sim::scenario replayed = io::replayed_scenario(laid, in);
    sim::simulation_summary summary =
        sim::simulate(sim::contact_centre(replayed), {replications, 7, 1}).summary;
    return {std::move(replayed), std::move(kept), std::move(summary)};
}

// The 08:00 interval of the laid day (the grid starts at the scenario's 08:00).
constexpr std::size_t first_interval = 0;

}  // namespace

TEST_CASE("replay: a FIFO single server reproduces the log's waits at its own staffing") {
    const replay_run r = replay(fifo_log, 1);
    using sim::queue_figure;
    const std::size_t day = r.summary.day_bucket(0);
    CHECK(r.summary.queue(0, day, queue_figure::offered).mean == 5.0);
    CHECK(r.summary.queue(0, day, queue_figure::answered).mean == 4.0);
    CHECK(r.summary.queue(0, day, queue_figure::abandoned).mean == 1.0);
    CHECK(r.summary.queue(0, day, queue_figure::asa_s).mean == doctest::Approx(60.0 / 4.0));
    CHECK(r.summary.queue(0, day, queue_figure::mean_abandon_wait_s).mean == doctest::Approx(12.0));
    CHECK(r.summary.queue(0, first_interval, queue_figure::asa_s).mean ==
          doctest::Approx(60.0 / 3.0));
    // Every replication the same (only the abandoned call's unused handle time is drawn).
    CHECK(r.summary.queue(0, day, queue_figure::asa_s).half_width() == doctest::Approx(0.0));

    // The comparison: observed equals replayed in every row.
    const report::replay_figures figures{r.replayed, r.input.observed, r.summary};
    const std::vector<report::record> rows = report::replay_comparison_records(figures);
    REQUIRE(rows.size() == 3);  // the day, 08:00 and 08:30
    for (const report::record& row : rows) {
        for (const char* key : {"offered", "abandon_rate", "service_level", "asa_s"}) {
            double observed = -1.0, replayed = -2.0;
            for (const report::field& f : row) {
                if (f.key == std::string("observed_") + key) observed = std::get<double>(f.value);
                if (f.key == std::string("replayed_") + key) replayed = std::get<double>(f.value);
            }
            CHECK_MESSAGE(replayed == doctest::Approx(observed), key);
        }
    }
    const report::record& day_row = rows.front();
    CHECK(std::get<std::string>(day_row[0].value) == "day");
    CHECK(std::get<double>(day_row[3].value) == 5.0);                         // observed offered
    CHECK(std::get<double>(day_row[7].value) == doctest::Approx(2.0 / 5.0));  // observed SL
}

TEST_CASE("replay: with ample agents every call is answered at once, the log's calls and work") {
    const replay_run r = replay(fifo_log, 10);
    using sim::queue_figure;
    const std::size_t day = r.summary.day_bucket(0);
    CHECK(r.summary.queue(0, day, queue_figure::answered).mean == 5.0);
    CHECK(r.summary.queue(0, day, queue_figure::asa_s).mean == 0.0);
    CHECK(r.summary.queue(0, day, queue_figure::service_level).mean == 1.0);
    for (std::size_t i = 0; i < r.replayed.interval_count; ++i) {
        double observed = 0.0;
        for (const auto& counts : r.input.observed) observed += counts[i].offered;
        CHECK(r.summary.queue(0, i, queue_figure::offered).mean == observed);
    }
    // Busy time is the answered calls' handle times (the 08:30 interval has call 5 alone).
    CHECK(r.summary.group(0, first_interval + 1, sim::group_figure::agents_busy).mean * 1800.0 ==
          doctest::Approx(10.0));
    const std::string answered_only =
        "arrival,queue,wait_s,handle_s,outcome\n"
        "2026-03-02T08:00:00,hotline,0,30,answered\n"
        "2026-03-02T08:00:10,hotline,20,30,answered\n"
        "2026-03-02T08:00:20,hotline,40,5,answered\n";
    const replay_run a = replay(answered_only, 10);
    CHECK(a.summary.group(0, first_interval, sim::group_figure::agents_busy).mean * 1800.0 ==
          doctest::Approx(65.0));
}

TEST_CASE("replay: a censored patience is drawn from the model's tail beyond the wait") {
    // Draws above a bound agree with plain draws that happened to exceed it.
    for (const sim::distribution_kind kind :
         {sim::distribution_kind::lognormal, sim::distribution_kind::gamma,
          sim::distribution_kind::exponential, sim::distribution_kind::weibull}) {
        const sim::distribution_shape shape{kind, 1.5, 1, {}};
        sim::unit_variate conditional(shape), plain(shape);
        sim::random_engine a(11), b(12);
        const double bound = 1.2;
        double sum_above = 0.0, sum_plain = 0.0, min_above = 1e300;
        int kept = 0;
        const int n = 40000;
        for (int i = 0; i < n; ++i) {
            const double x = conditional.above(bound, a);
            sum_above += x;
            min_above = std::min(min_above, x);
            const double y = plain(b);
            if (y > bound) {
                sum_plain += y;
                ++kept;
            }
        }
        REQUIRE(kept > 2000);
        CHECK(min_above > bound);
        CHECK(sum_above / n == doctest::Approx(sum_plain / kept).epsilon(0.05));
    }
    const sim::distribution_shape fixed{sim::distribution_kind::deterministic, 1.0, 1, {}};
    sim::unit_variate deterministic(fixed);
    sim::random_engine e(1);
    CHECK(deterministic.above(0.5, e) == 1.0);
    CHECK(deterministic.above(2.0, e) == 2.0);  // the model never waits that long; the log did
}

TEST_CASE("replay: a typical week is laid on dates by weekday") {
    // Monday 2 agents, Wednesday 5 (the morning); the volumes repeat every day.
    const std::string week = twelve_hours("[calendar]\nstart = \"Mon\"\ndays = 7\n",
                                          "[2, 2, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]");
    const sim::scenario s = test::load_text(week).model;
    // 2026-03-04 is a Wednesday: Wed, Thu, then the next Mon after five more days.
    const sim::scenario laid = sim::on_dates(s, *parse_date("2026-03-04"), 6);
    REQUIRE(laid.calendar.dated());
    CHECK(laid.interval_count == 12);
    CHECK(laid.queues[0].calls[0] == 1.0);
    CHECK(laid.queues[0].calls[11] == 2.0);
    // The laid days 0 (Wed) and 5 (Mon) get the typical Wednesday's and Monday's agents.
    CHECK(on_duty(laid.groups[0], 6 * hour) == 5);
    CHECK(on_duty(laid.groups[0], 42 * hour) == 6);  // Thursday 18:00
    CHECK(on_duty(laid.groups[0], (5 * 24 + 6) * hour) == 2);

    // A dated scenario replays its own dates only.
    const std::string dated =
        twelve_hours("[calendar]\nstart = \"2026-03-02\"\ndays = 2\n", "[1, 1, 3, 3]");
    const sim::scenario d = test::load_text(dated).model;
    CHECK(on_duty(sim::on_dates(d, *parse_date("2026-03-03"), 1).groups[0], 6 * hour) == 3);
    CHECK_THROWS_WITH_AS(sim::on_dates(d, *parse_date("2026-03-03"), 2),
                         doctest::Contains("2026-03-04 is outside the scenario's dates "
                                           "(2026-03-02 to 2026-03-03)"),
                         config_error);
}

TEST_CASE("replay: log queues map to scenario queues, or fail at the call's line") {
    const std::string log =
        "arrival,queue,wait_s,handle_s,outcome\n"
        "2026-03-02T08:00:00,hotline,0,30,answered\n"
        "2026-03-02T08:05:00,sales,3,30,answered\n"
        "2026-03-02T07:00:00,hotline,3,30,answered\n";
    const io::replay_log read = io::parse_replay_log(log, "log.csv", {});
    const sim::scenario laid =
        sim::on_dates(test::load_text(one_queue(1)).model, read.first_date(), 1);
    CHECK_THROWS_WITH_AS(io::replay_input_for(read, laid, {}),
                         "log.csv:3: queue: log queue 'sales' has no queue in the scenario (its "
                         "queues: hotline); map it with --queue-map sales=QUEUE, or leave its "
                         "calls out with --queue-map sales=- (got sales)",
                         scenario_error);
    const io::replay_input dropped =
        io::replay_input_for(read, laid, io::parse_queue_mapping("sales=-"));
    CHECK(dropped.traces[0].size() == 1);
    CHECK(dropped.left_out.at("queue sales left out by --queue-map") == 1);
    CHECK(dropped.left_out.at("arrived outside the replayed dates") == 1);  // before 08:00
    const io::replay_input merged =
        io::replay_input_for(read, laid, io::parse_queue_mapping("sales=hotline"));
    CHECK(merged.traces[0].size() == 2);
    CHECK(merged.traces[0][1].patience_above.count() == 3.0);
    CHECK(merged.traces[0][1].handle->count() == 30.0);
    CHECK_THROWS_WITH_AS(io::parse_queue_mapping("sales"),
                         doctest::Contains("'sales' must be LOG_QUEUE=SCENARIO_QUEUE"),
                         config_error);
}
