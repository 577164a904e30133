#include <doctest/doctest.h>

#include <toml++/toml.h>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "io/scenario_build.hpp"
#include "io/scenario_file.hpp"
#include "io/scenario_include.hpp"
#include "io/scenario_paths.hpp"
#include "scenario_text.hpp"
#include "sim/simulation.hpp"

using namespace ccsim;
using namespace ccsim::io;
using ccsim::test::error_of;
using ccsim::test::load_text;
using ccsim::test::replaced;

namespace {

const std::string& data = ccsim::test::scenario_data;

// A valid scenario; tests append to it or replace parts of it.
const std::string& minimal = test::minimal_scenario;

std::string file_error_of(const std::string& file) {
    try {
        load_scenario(data + "/" + file);
    } catch (const scenario_error& e) {
        return e.what();
    }
    return "no error";
}

// A scenario document after --vary changes, built into a scenario.
loaded_scenario varied(const std::string& text,
                       const std::vector<std::pair<std::string, std::string>>& changes) {
    scenario_document document = parse_scenario_document(text, "s.toml", data);
    for (const auto& [path, change] : changes)
        apply_change(document.table, path, parse_value_change(change));
    return build_scenario(document);
}

std::string vary_error_of(const std::string& text, const std::string& path,
                          const std::string& change) {
    try {
        varied(text, {{path, change}});
    } catch (const error& e) {
        return e.what();
    }
    return "no error";
}

// Two groups, one on shifts, for the --vary tests.
const std::string rostered = R"([day]
interval = "30min"
open = "08:00"
close = "12:00"

[[queue]]
name = "hotline"
volumes = [10, 20, 30, 40, 30, 20, 10, 10]
aht = "3min"
patience = { mean = "2min" }

[[group]]
name = "regular"
skills = ["hotline"]
agents = 5
absenteeism = 0.1

[[group]]
name = "trainees"
skills = ["hotline"]

[[group.shift]]
name = "early"
start = "08:00"
end = "10:00"
agents = 3

[[group.shift]]
name = "late"
start = "10:00"
end = "12:00"
agents = 7
)";

}  // namespace

TEST_CASE("a minimal scenario takes every default") {
    const loaded_scenario l = load_text(minimal);
    const sim::scenario& s = l.model;
    CHECK(l.file == "s.toml");
    CHECK(s.name == "s");
    CHECK(s.day_start.count() == 8 * 3600.0);
    CHECK(s.interval.count() == 1800.0);
    CHECK(s.interval_count == 4);
    REQUIRE(s.open_periods.size() == 1);
    CHECK(s.open_periods[0].first.count() == 8 * 3600.0);
    CHECK(s.open_periods[0].second.count() == 10 * 3600.0);
    CHECK(s.warmup.count() == 0.0);
    CHECK(s.busyness_cv == 0.0);
    CHECK_FALSE(s.service_level_target);
    CHECK_FALSE(s.answer_rate_target);
    REQUIRE(s.queues.size() == 1);
    const sim::queue_spec& q = s.queues[0];
    CHECK(q.name == "hotline");
    CHECK(q.calls == std::vector<double>{10, 20, 30, 40});
    CHECK(q.aht == std::vector<seconds>(4, seconds{180.0}));
    CHECK(q.handle_time.kind == sim::distribution_kind::exponential);
    CHECK_FALSE(q.patience);
    CHECK(q.redial.probability == 0.0);
    CHECK(q.redial.delay.mean.count() == 600.0);
    CHECK(q.redial.max_redials == 1);
    CHECK(q.threshold.count() == 15.0);
    REQUIRE(s.groups.size() == 1);
    const sim::group_spec& g = s.groups[0];
    CHECK(g.name == "regular");
    REQUIRE(g.skills.size() == 1);
    CHECK(g.skills[0].queue == 0);
    CHECK(g.skills[0].priority == 1);
    CHECK(g.handle_time_factor == 1.0);
    CHECK(g.absenteeism == 0.0);
    REQUIRE(g.shifts.size() == 1);
    CHECK(g.shifts[0].name == "all day");
    CHECK(g.shifts[0].start.count() == 8 * 3600.0);
    CHECK(g.shifts[0].end.count() == 10 * 3600.0);
    CHECK(g.shifts[0].agents == 5);
    CHECK_FALSE(l.run.replications);
    CHECK_FALSE(l.run.seed);
    CHECK_FALSE(l.run.threads);
    CHECK(l.sources == std::vector<std::string>{"s.toml"});
}

TEST_CASE("every key of a scenario reaches the model") {
    const loaded_scenario l = load_text(R"(name = "everything"

[run]
replications = 50
seed = 7
threads = 4

[day]
open = "08:00"
close = "11:00"
busyness_cv = 0.1
warmup = "1h"

[targets]
service_level = 0.8
answer_rate = 0.95

[[queue]]
name = "hotline"
forecast = "hotline.csv"
aht = 240
volume_scale = 1.5
aht_scale = 0.5
threshold = "20s"
handle_time = { distribution = "lognormal", cv = 0.7 }
patience = { distribution = "gamma", mean = "2.5min", cv = 0.5 }
redial = { probability = 0.25, delay = { distribution = "erlang", mean = "5min" }, max = 3 }

[[queue]]
name = "chat"
forecast = "chat.csv"
handle_time = { distribution = "empirical", file = "handle_times.csv" }

[[queue]]
name = "back office"
volumes = [1, 2]
aht = "10min"
handle_time = { distribution = "erlang", phases = 3 }
patience = "none"

[[group]]
name = "regular"
skills = [{ queue = "chat", priority = 2 }, "hotline"]
handle_time_factor = 1.2
absenteeism = 0.05

[[group.shift]]
start = "07:45"
end = "09:00"
agents = 4
breaks = [{ start = "08:15", length = "15min" }]

[[group.shift]]
start = "09:00"
end = "10:30"
agents = 6
)");
    const sim::scenario& s = l.model;
    CHECK(s.name == "everything");
    CHECK(l.run.replications == 50);
    CHECK(l.run.seed == 7u);
    CHECK(l.run.threads == 4);
    CHECK(s.busyness_cv == 0.1);
    CHECK(s.warmup.count() == 3600.0);
    CHECK(s.service_level_target == 0.8);
    CHECK(s.answer_rate_target == 0.95);
    // The grid runs from the earliest row (hotline 08:00) to the latest end (chat 10:00-10:30).
    CHECK(s.day_start.count() == 8 * 3600.0);
    CHECK(s.interval_count == 5);
    // Open from 08:00, and during the warm-up before it, to 11:00.
    REQUIRE(s.open_periods.size() == 1);
    CHECK(s.open_periods[0].first.count() == 7 * 3600.0);
    CHECK(s.open_periods[0].second.count() == 11 * 3600.0);

    const sim::queue_spec& hotline = s.queues[0];
    CHECK(hotline.calls == std::vector<double>{15, 30, 45, 60, 0});
    CHECK(hotline.aht == std::vector<seconds>(5, seconds{120.0}));  // aht 240 * aht_scale 0.5
    CHECK(hotline.threshold.count() == 20.0);
    CHECK(hotline.handle_time.kind == sim::distribution_kind::lognormal);
    CHECK(hotline.handle_time.cv == 0.7);
    REQUIRE(hotline.patience);
    CHECK(hotline.patience->shape.kind == sim::distribution_kind::gamma);
    CHECK(hotline.patience->shape.cv == 0.5);
    CHECK(hotline.patience->mean.count() == 150.0);
    CHECK(hotline.redial.probability == 0.25);
    CHECK(hotline.redial.delay.shape.kind == sim::distribution_kind::erlang);
    CHECK(hotline.redial.delay.shape.phases == 2);
    CHECK(hotline.redial.delay.mean.count() == 300.0);
    CHECK(hotline.redial.max_redials == 3);

    const sim::queue_spec& chat = s.queues[1];
    CHECK(chat.calls == std::vector<double>{0, 100, 300, 0, 0});
    // Before the first row: the first row's AHT; in the gap: the nearest earlier row's.
    CHECK(chat.aht == std::vector<seconds>{seconds{300}, seconds{300}, seconds{310}, seconds{310},
                                           seconds{320}});
    // No patience table: exponential with the calls-weighted mean of patience_s.
    REQUIRE(chat.patience);
    CHECK(chat.patience->shape.kind == sim::distribution_kind::exponential);
    CHECK(chat.patience->mean.count() == doctest::Approx((100 * 60.0 + 300 * 100.0) / 400.0));
    CHECK(chat.handle_time.kind == sim::distribution_kind::empirical);
    CHECK(chat.handle_time.samples == std::vector<double>{0.5, 1.0, 1.5});

    const sim::queue_spec& office = s.queues[2];
    CHECK(office.calls == std::vector<double>{1, 2, 0, 0, 0});
    CHECK(office.handle_time.phases == 3);
    CHECK_FALSE(office.patience);

    const sim::group_spec& g = s.groups[0];
    REQUIRE(g.skills.size() == 2);
    CHECK(g.skills[0].queue == 1);
    CHECK(g.skills[0].priority == 2);
    CHECK(g.skills[1].queue == 0);
    CHECK(g.skills[1].priority == 1);
    CHECK(g.handle_time_factor == 1.2);
    CHECK(g.absenteeism == 0.05);
    REQUIRE(g.shifts.size() == 2);
    CHECK(g.shifts[0].name == "shift1");
    CHECK(g.shifts[1].name == "shift2");
    CHECK(g.shifts[0].start.count() == 7.75 * 3600.0);
    CHECK(g.shifts[1].end.count() == 10.5 * 3600.0);
    REQUIRE(g.shifts[0].breaks.size() == 1);
    CHECK(g.shifts[0].breaks[0].start.count() == 8.25 * 3600.0);
    CHECK(g.shifts[0].breaks[0].length.count() == 900.0);

    CHECK(l.sources == std::vector<std::string>{"s.toml", data + "/hotline.csv", data + "/chat.csv",
                                                data + "/handle_times.csv"});
}

TEST_CASE("the grid: day.start, seconds from the start, several days") {
    SUBCASE("an explicit day.start before the forecast") {
        const sim::scenario s = load_text(R"([day]
start = "07:00"

[[queue]]
name = "hotline"
forecast = "hotline.csv"

[[queue]]
name = "short"
volumes = [1, 2]
aht = 100

[[group]]
name = "regular"
skills = ["hotline", "short"]
agents = 2
)")
                                    .model;
        CHECK(s.day_start.count() == 7 * 3600.0);
        CHECK(s.interval_count == 6);
        CHECK(s.queues[0].calls == std::vector<double>{0, 0, 10, 20, 30, 40});
        CHECK(s.queues[0].aht[0].count() == 200.0);
        CHECK(s.queues[1].calls == std::vector<double>{1, 2, 0, 0, 0, 0});
        // Open round the clock by default, one period.
        REQUIRE(s.open_periods.size() == 1);
        CHECK(s.open_periods[0].first.count() == 0.0);
        CHECK(s.open_periods[0].second.count() == 86400.0);
    }
    SUBCASE("rows in seconds count from day.open") {
        const sim::scenario s = load_text(replaced(minimal, R"(name = "hotline"
volumes = [10, 20, 30, 40]
aht = "3min")",
                                                   R"(name = "hotline"
forecast = "seconds.csv")"))
                                    .model;
        CHECK(s.day_start.count() == 8 * 3600.0);
        CHECK(s.interval_count == 2);
        CHECK(s.queues[0].calls == std::vector<double>{5, 6});
    }
    SUBCASE("ISO dates over two days repeat the roster every day") {
        const sim::scenario s = load_text(R"([day]
open = "08:00"
close = "10:00"

[[queue]]
name = "hotline"
forecast = "two_days.csv"

[[group]]
name = "regular"
skills = ["hotline"]

[[group.shift]]
name = "early"
start = "07:30"
end = "10:00"
agents = 3
breaks = [{ start = "09:00", length = "10min" }]
)")
                                    .model;
        CHECK(s.interval.count() == 3600.0);
        CHECK(s.day_start.count() == 8 * 3600.0);
        CHECK(s.interval_count == 26);
        CHECK(s.queues[0].calls[0] == 10);
        CHECK(s.queues[0].calls[1] == 12);
        CHECK(s.queues[0].calls[2] == 0);
        CHECK(s.queues[0].calls[24] == 14);
        CHECK(s.queues[0].aht[10].count() == 210.0);  // overnight: the last row's AHT
        REQUIRE(s.open_periods.size() == 2);
        CHECK(s.open_periods[1].first.count() == 86400.0 + 8 * 3600.0);
        CHECK(s.open_periods[1].second.count() == 86400.0 + 10 * 3600.0);
        CHECK(s.calendar.days == 2);
        CHECK(s.calendar.dated());  // from 2026-03-02, the forecast's first date
        const auto& shifts = s.groups[0].shifts;
        REQUIRE(shifts.size() == 1);  // one shift, worked on both days
        CHECK(shifts[0].name == "early");
        CHECK(shifts[0].days == std::vector<std::uint32_t>{0, 1});
        CHECK(shifts[0].start.count() == 7.5 * 3600.0);  // from each day's midnight
        CHECK(shifts[0].breaks[0].start.count() == 9 * 3600.0);
    }
}

TEST_CASE("TOML syntax errors carry toml++'s description and position") {
    CHECK(error_of("name = \"x\"\nday = \n") ==
          "s.toml:2:7: Error while parsing key-value pair: expected value, saw '\\n'");
}

TEST_CASE("unknown keys suggest the closest key or list them") {
    CHECK(error_of(replaced(minimal, "agents = 5", "agnets = 5")) ==
          "s.toml:14:1: group.regular.agnets: unknown key; did you mean 'agents'?");
    CHECK(error_of(minimal + "[staff]\nx = 1\n") ==
          "s.toml:15:2: staff: unknown key; allowed keys are name, include, run, calendar, day, "
          "targets, queue, group, plan");
    CHECK(error_of(replaced(minimal, "[day]\n", "[day]\nopne = \"08:00\"\n")) ==
          "s.toml:2:1: day.opne: unknown key; did you mean 'open'?");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"", "aht = \"3min\"\nredial.dealy.mean = 5")) ==
          "s.toml:10:8: queue.hotline.redial.dealy: unknown key; did you mean 'delay'?");
}

TEST_CASE("values of the wrong kind") {
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = 5.0")) ==
          "s.toml:14:10: group.regular.agents: must be a whole number (got 5.0)");
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = \"five\"")) ==
          "s.toml:14:10: group.regular.agents: must be a whole number (got 'five')");
    CHECK(error_of(replaced(minimal, "[day]\n", "[day]\nbusyness_cv = \"high\"\n")) ==
          "s.toml:2:15: day.busyness_cv: must be a number (got 'high')");
    CHECK(error_of(replaced(minimal, "name = \"hotline\"", "name = 3")) ==
          "s.toml:7:8: queue[1].name: must be a string (got 3)");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"", "aht = \"3 minutes\"")) ==
          "s.toml:9:7: queue.hotline.aht: must be a duration such as 15s, 2.5min, 30min or 1h (a "
          "bare number is seconds) (got '3 minutes')");
    CHECK(error_of(replaced(minimal, "open = \"08:00\"", "open = \"8am\"")) ==
          "s.toml:3:8: day.open: must be a time of day HH:MM (got '8am')");
    CHECK(error_of(
              replaced(minimal, "aht = \"3min\"", "aht = \"3min\"\nhandle_time = \"lognormal\"")) ==
          "s.toml:10:15: queue.hotline.handle_time: must be a table (got 'lognormal')");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"", "aht = \"3min\"\npatience = 120")) ==
          "s.toml:10:12: queue.hotline.patience: must be a table or 'none' (got 120)");
    CHECK(error_of(replaced(minimal, "volumes = [10, 20, 30, 40]", "volumes = 10")) ==
          "s.toml:8:11: queue.hotline.volumes: must be an array (got 10)");
    CHECK(error_of(replaced(minimal, "volumes = [10, 20, 30, 40]", "volumes = [10, \"x\"]")) ==
          "s.toml:8:16: queue.hotline.volumes: must be a number (got 'x')");
    CHECK(error_of("queue = 3\n") == "s.toml:1:9: queue: must be an array of tables (got 3)");
    CHECK(error_of(replaced(minimal, "skills = [\"hotline\"]", "skills = [3]")) ==
          "s.toml:13:11: group.regular.skills: must be a name or a table (got 3)");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"",
                            "aht = \"3min\"\nhandle_time = { distribution = \"lognormal\", "
                            "cv = 0.5, phases = 2.5 }")) ==
          "s.toml:10:64: queue.hotline.handle_time.phases: must be a whole number (got 2.5)");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"",
                            "aht = \"3min\"\nhandle_time.distribution = \"lognormel\"")) ==
          "s.toml:10:28: queue.hotline.handle_time.distribution: must be one of exponential, "
          "lognormal, gamma, weibull, erlang, deterministic, empirical; did you mean 'lognormal'? "
          "(got 'lognormel')");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"",
                            "aht = \"3min\"\npatience = { distribution = \"empirical\", mean = 1 "
                            "}")) ==
          "s.toml:10:29: queue.hotline.patience.distribution: must be one of exponential, "
          "lognormal, gamma, weibull, erlang, deterministic (got 'empirical')");
    // The Weibull's cv, as the lognormal's and the gamma's: in (0, 100], finite.
    CHECK(error_of(replaced(minimal, "aht = \"3min\"",
                            "aht = \"3min\"\npatience = { distribution = \"weibull\", mean = "
                            "\"2min\", cv = 0 }")) ==
          "s.toml:10:60: queue.hotline.patience.cv: must be in (0, 100] (got 0)");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"",
                            "aht = \"3min\"\nhandle_time = { distribution = \"weibull\", cv = "
                            "nan }")) ==
          "s.toml:10:48: queue.hotline.handle_time.cv: must be a finite number (got nan)");
}

TEST_CASE("scenario: a Weibull patience and handle time, by mean and cv") {
    const sim::scenario s =
        test::load_text(replaced(minimal, "aht = \"3min\"",
                                 "aht = \"3min\"\nhandle_time = { distribution = \"weibull\", "
                                 "cv = 0.5227 }\npatience = { distribution = \"weibull\", mean "
                                 "= \"2min\", cv = 2.2361 }"))
            .model;
    const sim::queue_spec& q = s.queues[0];
    CHECK(q.handle_time.kind == sim::distribution_kind::weibull);
    CHECK(q.handle_time.cv == 0.5227);
    REQUIRE(q.patience);
    CHECK(q.patience->shape.kind == sim::distribution_kind::weibull);
    CHECK(q.patience->shape.cv == 2.2361);
    CHECK(q.patience->mean.count() == 120.0);
    // A customer class takes its own Weibull patience (a falling hazard for the priority class).
    const sim::scenario classes =
        test::load_text(replaced(minimal, "aht = \"3min\"",
                                 "aht = \"3min\"\npatience = { mean = \"1min\" }\nclasses = [\n"
                                 "  { name = \"vip\", share = 0.2, patience = { distribution = "
                                 "\"weibull\", mean = \"3min\", cv = 1.46 } },\n  { name = "
                                 "\"rest\", share = 0.8 },\n]"))
            .model;
    REQUIRE(classes.queues.size() == 2);
    REQUIRE(classes.queues[0].patience);
    CHECK(classes.queues[0].patience->shape.kind == sim::distribution_kind::weibull);
    CHECK(classes.queues[0].patience->shape.cv == 1.46);
    CHECK(classes.queues[0].patience->mean.count() == 180.0);
    CHECK(classes.queues[1].patience->shape.kind == sim::distribution_kind::exponential);
}

TEST_CASE("values out of range") {
    CHECK(error_of(replaced(minimal, "aht = \"3min\"", "aht = 0")) ==
          "s.toml:9:7: queue.hotline.aht: must be > 0 (got 0)");
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = -3")) ==
          "s.toml:14:10: group.regular.agents: must be in [0, 100000] (got -3)");
    CHECK(error_of(replaced(minimal, "volumes = [10, 20, 30, 40]", "volumes = [10, -1]")) ==
          "s.toml:8:16: queue.hotline.volumes: must be in [0, 1000000] (got -1)");
    CHECK(error_of(replaced(minimal, "volumes = [10, 20, 30, 40]", "volumes = []")) ==
          "s.toml:8:11: queue.hotline.volumes: must not be empty (got [])");
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = 5\nabsenteeism = 1")) ==
          "s.toml:15:15: group.regular.absenteeism: must be in [0, 1) (got 1)");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"",
                            "aht = \"3min\"\nredial = { probability = 1.5 }")) ==
          "s.toml:10:26: queue.hotline.redial.probability: must be in [0, 1] (got 1.5)");
    CHECK(error_of(minimal + "[targets]\nservice_level = 1.0\n") ==
          "s.toml:16:17: targets.service_level: must be in (0, 1) (got 1.0)");
    CHECK(error_of(minimal + "[run]\nseed = 9223372036854775807\nthreads = 3000000000\n") ==
          "s.toml:17:11: run.threads: must be in [1, 1024] (got 3000000000)");
    CHECK(error_of(minimal + "[run]\nreplications = 0\n") ==
          "s.toml:16:16: run.replications: must be in [1, 10000000] (got 0)");
    CHECK(error_of(replaced(minimal, "interval = \"30min\"", "interval = \"-5s\"")) ==
          "s.toml:2:12: day.interval: must be > 0 (got '-5s')");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"", "aht = \"3min\"\nvolume_scale = nan")) ==
          "s.toml:10:16: queue.hotline.volume_scale: must be a finite number (got nan)");
}

TEST_CASE("shifts and breaks must fit") {
    const std::string shifts = replaced(minimal, "agents = 5\n", R"(
[[group.shift]]
name = "early"
start = "07:45"
end = "07:00"
agents = 2
)");
    CHECK(error_of(shifts) ==
          "s.toml:18:7: group.regular.shift.early.end: must be after the shift's start (07:45); a "
          "night shift that crosses midnight is two shifts: 07:45-24:00 and 00:00-07:00 (the "
          "second with the next days in `days`) (got '07:00')");
    CHECK(error_of(
              replaced(shifts, "end = \"07:00\"",
                       "end = \"09:00\"\nbreaks = [{ start = \"07:00\", length = \"15min\" }]")) ==
          "s.toml:19:21: group.regular.shift.early.breaks[1].start: must be within the shift "
          "(07:45-09:00) (got '07:00')");
    CHECK(error_of(
              replaced(shifts, "end = \"07:00\"",
                       "end = \"09:00\"\nbreaks = [{ start = \"08:50\", length = \"15min\" }]")) ==
          "s.toml:19:39: group.regular.shift.early.breaks[1].length: must end by the shift's end "
          "(09:00) (got '15min')");
    CHECK(error_of(replaced(shifts, "end = \"07:00\"\n", "")) ==
          "s.toml:15:1: group.regular.shift.early: missing required key 'end'");
    CHECK(error_of(replaced(minimal, "agents = 5",
                            "agents = 5\n[[group.shift]]\nstart = "
                            "\"08:00\"\nend = \"09:00\"\nagents = 1")) ==
          "s.toml:14:10: group.regular.agents: give one of agents, agents_by_interval or shift "
          "tables (got 5)");
    CHECK(error_of(replaced(minimal, "agents = 5\n", "")) ==
          "s.toml:11:1: group.regular: needs agents, agents_by_interval or shift tables");
}

TEST_CASE("skills name queues") {
    CHECK(error_of(replaced(minimal, "skills = [\"hotline\"]", "skills = [\"hotlin\"]")) ==
          "s.toml:13:11: group.regular.skills: names no queue; did you mean 'hotline'? (got "
          "'hotlin')");
    const std::string two_queues = replaced(
        minimal, "[[group]]", "[[queue]]\nname = \"orders\"\nvolumes = [1]\naht = 60\n\n[[group]]");
    CHECK(error_of(replaced(two_queues, "skills = [\"hotline\"]",
                            "skills = [\"hotline\", { queue = \"complaints\" }]")) ==
          "s.toml:18:32: group.regular.skills: names no queue; queues are hotline, orders (got "
          "'complaints')");
    CHECK(error_of(replaced(two_queues, "skills = [\"hotline\"]",
                            "skills = [\"hotline\", { queue = \"hotline\", priority = 2 }]")) ==
          "s.toml:18:32: group.regular.skills: names the same queue twice (got 'hotline')");
    CHECK(error_of(replaced(minimal, "skills = [\"hotline\"]", "skills = []")) ==
          "s.toml:13:10: group.regular.skills: must not be empty (got [])");
    CHECK(error_of(replaced(minimal, "skills = [\"hotline\"]",
                            "skills = [{ queue = \"hotline\", priority = 0 }]")) ==
          "s.toml:13:43: group.regular.skills[1].priority: must be in [1, 1000] (got 0)");
}

TEST_CASE("forecasts and sample files") {
    const std::string with_forecast = replaced(minimal, R"(volumes = [10, 20, 30, 40]
aht = "3min")",
                                               "forecast = \"FILE\"");
    auto forecast = [&](const std::string& file) { return replaced(with_forecast, "FILE", file); };
    CHECK(error_of(forecast("missing.csv")) ==
          "s.toml:8:12: queue.hotline.forecast: cannot open the forecast file (got 'missing.csv')");
    CHECK(error_of(forecast("misaligned.csv") +
                   "[[queue]]\nname = \"b\"\nforecast = \"hotline.csv\"\n") ==
          "s.toml:8:12: queue.hotline.forecast: forecast intervals do not line up with the day's "
          "grid (start 08:00, interval 30min) (got 'misaligned.csv')");
    CHECK(error_of(replaced(forecast("hotline.csv"), "[day]\n", "[day]\nstart = \"09:00\"\n")) ==
          "s.toml:9:12: queue.hotline.forecast: forecast starts at 08:00, before the day's start "
          "(09:00) (got 'hotline.csv')");
    CHECK(error_of(forecast("hourly.csv")) ==
          "s.toml:8:12: queue.hotline.forecast: forecast rows are 1h apart, but the day's interval "
          "is 30min (got 'hourly.csv')");
    // The CSV's own errors keep the CSV's file, line and column.
    CHECK(
        error_of(replaced(forecast("hotline.csv"), "interval = \"30min\"", "interval = \"1h\"")) ==
        data +
            "/hotline.csv:3:1: interval_start: must follow the previous start (08:00) by a "
            "whole number of 1h intervals (got '08:30')");
    const std::string empirical =
        replaced(minimal, "aht = \"3min\"",
                 "aht = \"3min\"\nhandle_time = { distribution = \"empirical\" }");
    CHECK(error_of(empirical) ==
          "s.toml:10:15: queue.hotline.handle_time.file: is required with distribution = "
          "'empirical'");
    CHECK(error_of(replaced(empirical, "\"empirical\"", "\"empirical\", file = \"none.csv\"")) ==
          "s.toml:10:52: queue.hotline.handle_time.file: cannot open the handle time file (got "
          "'none.csv')");
    CHECK(error_of(replaced(empirical, "\"empirical\"",
                            "\"empirical\", file = \"bad_handle_times.txt\"")) ==
          data + "/bad_handle_times.txt:2:1: must be a handle time in seconds >= 0 (got 'abc')");
}

TEST_CASE("required keys and names") {
    CHECK(error_of(replaced(minimal, R"(volumes = [10, 20, 30, 40]
aht = "3min")",
                            "")) == "s.toml:6:1: queue.hotline: needs either forecast or volumes");
    CHECK(error_of(replaced(minimal, "aht = \"3min\"", "")) ==
          "s.toml:6:1: queue.hotline: needs aht (the mean handle time) with volumes");
    CHECK(error_of(
              replaced(minimal, "aht = \"3min\"", "aht = \"3min\"\nforecast = \"hotline.csv\"")) ==
          "s.toml:8:11: queue.hotline.volumes: give either forecast or volumes, not both (got [ "
          "10, 20, 30, 40 ])");
    CHECK(error_of(replaced(minimal, "interval = \"30min\"\n", "")) ==
          "s.toml:5:1: day.interval: is required when no queue has a forecast");
    CHECK(error_of(replaced(minimal, "name = \"hotline\"\n", "")) ==
          "s.toml:6:1: queue[1]: missing required key 'name'");
    CHECK(error_of("[day]\nopen = \"08:00\"\n") ==
          "s.toml:1:1: queue: needs at least one [[queue]] table");
    CHECK(error_of(replaced(minimal, "close = \"10:00\"", "close = \"07:00\"")) ==
          "s.toml:4:9: day.close: must be after open (08:00) (got '07:00')");
    CHECK(error_of(minimal + "\n[[queue]]\nname = \"hotline\"\nvolumes = [1]\naht = 1\n") ==
          "s.toml:17:8: queue: duplicate name (got 'hotline')");
    CHECK(error_of(minimal +
                   "\n[[group]]\nname = \"regular\"\nskills = [\"hotline\"]\nagents = 1\n") ==
          "s.toml:17:8: group: duplicate name (got 'regular')");
    CHECK(error_of(replaced(minimal, "agents = 5\n",
                            "[[group.shift]]\nname = \"a\"\nstart = \"08:00\"\nend = \"09:00\"\n"
                            "agents = 1\n[[group.shift]]\nname = \"a\"\nstart = \"09:00\"\n"
                            "end = \"10:00\"\nagents = 1\n")) ==
          "s.toml:20:8: group.regular.shift: duplicate name (got 'a')");
    CHECK(error_of(replaced(replaced(minimal, "name = \"hotline\"", "name = \"all\""),
                            "skills = [\"hotline\"]", "skills = [\"all\"]")) ==
          "s.toml:7:8: queue.all.name: the name 'all' is reserved for the total of all queues; "
          "choose another (got 'all')");
}

TEST_CASE("include: the including file overrides its base") {
    const loaded_scenario l = load_scenario(data + "/override.toml");
    const sim::scenario& s = l.model;
    CHECK(s.name == "override");
    CHECK(s.open_periods[0].second.count() == 13 * 3600.0);  // overridden
    CHECK(s.open_periods[0].first.count() == 8 * 3600.0);    // from the base
    REQUIRE(s.queues.size() == 2);
    CHECK(s.queues[0].calls == std::vector<double>{20, 40, 60, 80});
    REQUIRE(s.queues[0].patience);
    CHECK(s.queues[0].patience->shape.kind == sim::distribution_kind::gamma);
    CHECK(s.queues[0].patience->mean.count() == 180.0);
    CHECK(s.queues[1].calls == std::vector<double>{5, 5, 5, 5});
    REQUIRE(s.groups.size() == 1);
    REQUIRE(s.groups[0].skills.size() == 1);  // plain arrays are replaced whole
    CHECK(s.groups[0].skills[0].queue == 1);
    REQUIRE(s.groups[0].shifts.size() == 2);
    CHECK(s.groups[0].shifts[0].agents == 5);
    CHECK(s.groups[0].shifts[1].agents == 7);
    CHECK(s.groups[0].shifts[1].start.count() == 10 * 3600.0);
    CHECK(l.sources == std::vector<std::string>{data + "/override.toml", data + "/base.toml",
                                                data + "/hotline.csv"});
}

TEST_CASE("include: relative paths follow the file that wrote them") {
    const loaded_scenario nested = load_scenario(data + "/sub/nested.toml");
    CHECK(nested.model.name == "nested");
    CHECK(nested.model.queues[0].calls == std::vector<double>{20, 40, 60, 80});
    CHECK(nested.model.queues[1].aht[0].count() == 240.0);
    CHECK(nested.sources == std::vector<std::string>{data + "/sub/nested.toml",
                                                     data + "/override.toml", data + "/base.toml",
                                                     data + "/hotline.csv"});
    const loaded_scenario own = load_scenario(data + "/sub/own_forecast.toml");
    CHECK(own.model.queues[0].calls == std::vector<double>{1, 2, 0, 0});
    CHECK(own.sources.back() == data + "/sub/local.csv");
}

TEST_CASE("include: a base without queues lends its settings") {
    const loaded_scenario l = load_scenario(data + "/uses_settings.toml");
    CHECK(l.model.name == "uses_settings");
    CHECK(l.model.interval.count() == 1800.0);
    CHECK(l.model.service_level_target == 0.8);
    CHECK(l.model.open_periods[0].second.count() == 11 * 3600.0);
    CHECK(l.model.queues[0].calls == std::vector<double>{1, 2, 3});
}

TEST_CASE("include errors name the files involved") {
    CHECK(file_error_of("bad_override.toml") ==
          data + "/bad_override.toml:4:8: queue.hotlin: overrides a queue that " + data +
              "/base.toml does not define; it defines hotline, chat");
    CHECK(file_error_of("unknown_override.toml") ==
          data +
              "/unknown_override.toml:5:1: group.regular.agnets: unknown key; did you mean "
              "'agents'?");
    CHECK(file_error_of("cycle_a.toml") ==
          data + "/cycle_b.toml:1:11: include: include cycle: " + data + "/cycle_a.toml -> " +
              data + "/cycle_b.toml -> " + data + "/cycle_a.toml (got 'cycle_a.toml')");
    CHECK(file_error_of("missing_include.toml") ==
          data +
              "/missing_include.toml:1:11: include: cannot open the included file (got "
              "'no_such_base.toml')");
    CHECK(file_error_of("no_such_file.toml") ==
          data + "/no_such_file.toml: cannot open the scenario file");
    CHECK(error_of("include = \"base.toml\"\n[[queue]]\nvolume_scale = 2\n") ==
          "s.toml:2:1: queue[1]: missing required key 'name'");
    CHECK(error_of("include = \"base.toml\"\n[[queue]]\nname = \"chat\"\n[[queue]]\nname = "
                   "\"chat\"\n") == "s.toml:5:8: queue: duplicate name (got 'chat')");
    CHECK(error_of("include = \"base.toml\"\n[[group]]\nname = \"regular\"\n[[group.shift]]\n"
                   "name = \"night\"\n") ==
          "s.toml:5:8: group.regular.shift.night: overrides a shift that " + data +
              "/base.toml does not define; it defines early, late");
    CHECK(error_of("include = 3\n") == "s.toml:1:11: include: must be a string (got 3)");
    // Errors point into the file that wrote the value: the base, or the file that overrides it.
    CHECK(file_error_of("includes_bad_base.toml") ==
          data + "/bad_base.toml:6:13: queue.hotline.threshold: must be >= 0 (got '-15s')");
    CHECK(error_of("include = \"base.toml\"\n[day]\nclose = \"07:00\"\n") ==
          "s.toml:3:9: day.close: must be after open (08:00) (got '07:00')");
    CHECK(error_of("include = \"base.toml\"\n[[queue]]\nname = \"chat\"\naht = 0\n") ==
          "s.toml:4:7: queue.chat.aht: must be > 0 (got 0)");
}

TEST_CASE("parsing changes") {
    CHECK(parse_value_change("170s").kind == change_kind::absolute);
    CHECK(parse_value_change(" 12 ").text == "12");
    CHECK(parse_value_change("*1.2").kind == change_kind::relative);
    CHECK(parse_value_change("*1.2").text == "*1.2");
    CHECK(parse_value_change("+2").kind == change_kind::additive);
    CHECK(parse_value_change("-3").kind == change_kind::additive);
    CHECK(parse_value_change("+30s").kind == change_kind::additive);
    CHECK(parse_value_change("-1.5min").kind == change_kind::additive);
    CHECK_THROWS_WITH_AS(parse_value_change(""),
                         "a change needs a value: VALUE, *FACTOR, +AMOUNT or -AMOUNT "
                         "(170s, *1.2, +2, -30s)",
                         config_error);
    CHECK_THROWS_WITH_AS(parse_value_change("*abc"),
                         "'*abc' is not a factor; write VALUE, *FACTOR, +AMOUNT or "
                         "-AMOUNT (170s, *1.2, +2, -30s)",
                         config_error);
    CHECK_THROWS_AS(parse_value_change("*"), config_error);
    CHECK_THROWS_AS(parse_value_change("+"), config_error);
    CHECK_THROWS_AS(parse_value_change("+-3"), config_error);
    CHECK_THROWS_AS(parse_value_change("+3 apples"), config_error);
}

TEST_CASE("absolute, relative and additive changes on every kind of key") {
    SUBCASE("numbers, with the schema default as the base") {
        const sim::scenario s = varied(rostered, {{"queue.hotline.volume_scale", "*1.5"},
                                                  {"day.busyness_cv", "+0.2"},
                                                  {"group.regular.absenteeism", "0.2"}})
                                    .model;
        CHECK(s.queues[0].calls[1] == 30.0);
        CHECK(s.busyness_cv == doctest::Approx(0.2));
        CHECK(s.groups[0].absenteeism == 0.2);
    }
    SUBCASE("durations stay durations") {
        CHECK(varied(rostered, {{"queue.hotline.aht", "170s"}}).model.queues[0].aht[0].count() ==
              170.0);
        CHECK(varied(rostered, {{"queue.hotline.aht", "+30s"}}).model.queues[0].aht[0].count() ==
              210.0);
        CHECK(varied(rostered, {{"queue.hotline.aht", "*1.1"}}).model.queues[0].aht[0].count() ==
              doctest::Approx(198.0));
        CHECK(varied(rostered, {{"queue.hotline.patience.mean", "*0.5"}})
                  .model.queues[0]
                  .patience->mean.count() == 60.0);
        CHECK(varied(rostered, {{"queue.hotline.threshold", "+5"}})
                  .model.queues[0]
                  .threshold.count() == 20.0);
    }
    SUBCASE("whole numbers stay whole") {
        const sim::scenario s = varied(rostered, {{"group.regular.agents", "*1.25"},
                                                  {"group.trainees.shift.early.agents", "+2"},
                                                  {"group.trainees.shift.late.agents", "*1.5"}})
                                    .model;
        CHECK(s.groups[0].shifts[0].agents == 6);  // 6.25 rounds to 6
        CHECK(s.groups[1].shifts[0].agents == 5);
        CHECK(s.groups[1].shifts[1].agents == 11);  // 10.5 rounds away from zero
        CHECK(varied(rostered, {{"group.regular.agents", "12"}}).model.groups[0].shifts[0].agents ==
              12);
    }
    SUBCASE("group agents on shifts change every shift") {
        const sim::scenario s = varied(rostered, {{"group.trainees.agents", "-1"}}).model;
        CHECK(s.groups[1].shifts[0].agents == 2);
        CHECK(s.groups[1].shifts[1].agents == 6);
    }
    SUBCASE("times of day move") {
        const sim::scenario s = varied(rostered, {{"group.trainees.shift.early.start", "+30min"},
                                                  {"group.trainees.shift.late.start", "09:30"}})
                                    .model;
        CHECK(s.groups[1].shifts[0].start.count() == 8.5 * 3600.0);
        CHECK(s.groups[1].shifts[1].start.count() == 9.5 * 3600.0);
    }
    SUBCASE("a patience of none becomes a table") {
        const std::string none =
            replaced(rostered, "patience = { mean = \"2min\" }", "patience = \"none\"");
        CHECK_FALSE(varied(none, {}).model.queues[0].patience);
        CHECK(varied(none, {{"queue.hotline.patience.mean", "90s"}})
                  .model.queues[0]
                  .patience->mean.count() == 90.0);
    }
    SUBCASE("words") {
        CHECK(varied(rostered, {{"queue.hotline.handle_time.distribution", "deterministic"}})
                  .model.queues[0]
                  .handle_time.kind == sim::distribution_kind::deterministic);
    }
}

TEST_CASE("errors") {
    CHECK(vary_error_of(rostered, "group.regulr.agents", "+1") ==
          "unknown key 'group.regulr.agents'; did you mean 'group.regular.agents'?");
    CHECK(vary_error_of(rostered, "group.xyz.agents", "+1") ==
          "unknown key 'group.xyz.agents'; the groups of the scenario are regular, "
          "trainees");
    CHECK(vary_error_of(rostered, "queue.hotline.volume_scal", "*2") ==
          "unknown key 'queue.hotline.volume_scal'; did you mean "
          "'queue.hotline.volume_scale'?");
    CHECK(vary_error_of(rostered, "day.xyz", "1") ==
          "unknown key 'day.xyz'; keys of day are interval, open, close, closed, start, "
          "busyness_cv, warmup");
    CHECK(vary_error_of(rostered, "group.trainees.shift.erly.agents", "1") ==
          "unknown key 'group.trainees.shift.erly.agents'; did you mean "
          "'group.trainees.shift.early.agents'?");
    CHECK(vary_error_of(rostered, "queue.hotline.aht.x", "1") ==
          "unknown key 'queue.hotline.aht.x'; 'queue.hotline.aht' is a value, not a table");
    CHECK(vary_error_of(rostered, "queue.hotline.patience", "1") ==
          "'queue.hotline.patience' is a table; name one of its keys: distribution, mean, "
          "cv, phases");
    CHECK(vary_error_of(rostered, "queue.hotline", "1") ==
          "'queue.hotline' is a table; name one of its keys: name, channel, forecast, volumes, "
          "aht, volume_scale, aht_scale, threshold, handle_time, patience, routing_delay, classes, "
          "redial, hours, "
          "target, fcr, repeat_delay, escalate_after, escalate_to, follow_up, reply, "
          "reply_within, resolve_within, reach, attempt_time, retry_delay, max_attempts, "
          "due_within");
    CHECK(vary_error_of(rostered, "group", "1") ==
          "'group' holds tables; name one: regular, trainees");
    CHECK(vary_error_of(rostered, "queue.hotline.volumes", "*2") ==
          "'queue.hotline.volumes' is a list and cannot be varied");
    CHECK(vary_error_of(rostered, "queue.hotline.name", "x") ==
          "'queue.hotline.name' cannot be varied");
    CHECK(vary_error_of(rostered, "group.trainees.shift.early.start", "*1.2") ==
          "'group.trainees.shift.early.start' is a time of day; move it with +DURATION or "
          "-DURATION, not '*1.2'");
    CHECK(vary_error_of(rostered, "group.trainees.shift.late.end", "+13h") ==
          "'group.trainees.shift.late.end' moves from 12:00 to outside 00:00-24:00");
    CHECK(vary_error_of(rostered, "queue.hotline.volume_scale", "+30s") ==
          "'queue.hotline.volume_scale' is a number; '+30s' does not fit it");
    CHECK(vary_error_of(rostered, "queue.hotline.handle_time.distribution", "*2") ==
          "'queue.hotline.handle_time.distribution' is a word; give it whole instead of "
          "'*2'");
    CHECK(vary_error_of(rostered, "day.interval", "*2") == "no error");
    CHECK(vary_error_of(rostered, "day.start", "+1h") ==
          "'day.start' has no value in the scenario for '+1h' to change; give a value "
          "instead");
    // The result goes through the usual checks; a value made by --vary has no file position.
    CHECK(vary_error_of(rostered, "group.regular.agents", "-9") ==
          "group.regular.agents: must be in [0, 100000] (got -4)");
    CHECK(vary_error_of(rostered, "group.regular.absenteeism", "high") ==
          "group.regular.absenteeism: must be a number (got 'high')");
    CHECK(vary_error_of(rostered, "group.regular.agents", "2.5") ==
          "group.regular.agents: must be a whole number (got 2.5)");
}

TEST_CASE("--vary on a scenario file") {
    const loaded_scenario base = load_scenario(CCSIM_SCENARIOS "/default.toml");
    const loaded_scenario more =
        load_scenario_with_changes(CCSIM_SCENARIOS "/default.toml",
                                   {{"queue.hotline.volume_scale", parse_value_change("*1.2")},
                                    {"group.regular.agents", parse_value_change("+1")}});
    CHECK(more.model.queues[0].calls[0] == doctest::Approx(base.model.queues[0].calls[0] * 1.2));
    for (std::size_t i = 0; i < base.model.groups[0].shifts.size(); ++i)
        CHECK(more.model.groups[0].shifts[i].agents == base.model.groups[0].shifts[i].agents + 1);
}

TEST_CASE("the example scenarios load") {
    const loaded_scenario standard = load_scenario(CCSIM_SCENARIOS "/default.toml");
    const sim::scenario& d = standard.model;
    CHECK(d.interval.count() == 1800.0);
    CHECK(d.interval_count == 24);
    CHECK(d.day_start.count() == 8 * 3600.0);
    CHECK(d.service_level_target == 0.9);
    CHECK(d.answer_rate_target == 0.9);
    REQUIRE(d.groups.size() == 2);
    CHECK(d.groups[1].handle_time_factor == 1.3);
    CHECK(standard.sources.size() == 2);

    const sim::scenario multi = load_scenario(CCSIM_SCENARIOS "/multiskill.toml").model;
    CHECK(multi.queues.size() == 3);
    CHECK(multi.groups.size() == 4);
    CHECK(multi.groups[3].skills.size() == 3);

    const sim::scenario stationary = load_scenario(CCSIM_SCENARIOS "/stationary.toml").model;
    CHECK(stationary.warmup.count() == 7200.0);
    CHECK(stationary.queues[0].calls == std::vector<double>(24, 200.0));
    CHECK(stationary.groups[0].shifts[0].start.count() == -7200.0);
    CHECK(stationary.open_periods[0].first.count() == -7200.0);
}

TEST_CASE("agents_by_interval: a head count per interval, the same agents staying on") {
    const loaded_scenario s =
        load_text(replaced(minimal, "agents = 5", "agents_by_interval = [2, 3, 1, 3]"));
    const std::vector<sim::shift_spec>& shifts = s.model.groups[0].shifts;
    // Agents logged in during each interval add up to the profile...
    for (std::size_t i = 0; i < 4; ++i) {
        const seconds mid = s.model.day_start + s.model.interval * (static_cast<double>(i) + 0.5);
        int on = 0;
        for (const sim::shift_spec& sh : shifts)
            if (sh.start <= mid && mid < sh.end) on += sh.agents;
        CHECK(on == std::vector<int>{2, 3, 1, 3}[i]);
    }
    // ... with one agent working all day, not a new crew each interval: runs of at least k.
    int all_day = 0;
    for (const sim::shift_spec& sh : shifts)
        if (sh.start == s.model.day_start && sh.end == s.model.day_end()) all_day += sh.agents;
    CHECK(all_day == 1);
    CHECK(shifts.size() == 4);  // [0,4) x1, [0,2) x1, [1,2) x1, [3,4) x2

    CHECK(error_of(replaced(minimal, "agents = 5", "agents_by_interval = [2, 3, 1]")) ==
          "s.toml:14:22: group.regular.agents_by_interval: needs one agent count per interval: "
          "4 (from 08:00 to 10:00), not 3 (got [ 2, 3, 1 ])");
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = 5\nagents_by_interval = [1, 1, 1, 1]"))
              .find("give one of agents, agents_by_interval or shift tables") != std::string::npos);
    CHECK(error_of(replaced(minimal, "agents = 5", "agents_by_interval = [1, -1, 1, 1]"))
              .find("must be in [0, 100000]") != std::string::npos);
}

TEST_CASE("the example scenarios load, verify_staffing among them") {
    const loaded_scenario s = load_scenario(std::string(CCSIM_SCENARIOS) + "/verify_staffing.toml");
    CHECK(s.model.groups.size() == 1);
    CHECK(s.model.interval_count == 24);
}

namespace {

// `minimal` with a [calendar] table in front (its lines come first in the file).
std::string with_calendar(const std::string& calendar, const std::string& text = minimal) {
    return "[calendar]\n" + calendar + "\n" + text;
}

// `minimal` with its volumes replaced by a forecast file, which gives the interval.
std::string with_forecast(const std::string& file, const std::string& text = minimal) {
    return replaced(
        replaced(text, "volumes = [10, 20, 30, 40]\naht = \"3min\"", "forecast = \"" + file + "\""),
        "interval = \"30min\"\n", "");
}

// `minimal` open 22:00-24:00 with hourly intervals: its volumes run past midnight.
std::string late_volumes() {
    return replaced(replaced(replaced(minimal, "open = \"08:00\"", "open = \"22:00\""),
                             "close = \"10:00\"", "close = \"24:00\""),
                    "interval = \"30min\"", "interval = \"1h\"");
}

}  // namespace

TEST_CASE("calendar: without [calendar], the forecasts decide") {
    SUBCASE("no dates: one undated day, as before") {
        const sim::scenario s = load_text(minimal).model;
        CHECK(s.calendar.days == 1);
        CHECK_FALSE(s.calendar.dated());
        CHECK_FALSE(s.calendar.has_weekdays());
    }
    SUBCASE("volumes past midnight: the undated calendar takes the days the grid spans") {
        const sim::scenario s = load_text(late_volumes()).model;
        CHECK(s.interval_count == 4);
        CHECK(s.calendar.days == 2);
        CHECK_FALSE(s.calendar.dated());
    }
    SUBCASE("ISO dates: dated from the earliest date through the latest") {
        const sim::scenario s = load_text(with_forecast("two_days.csv")).model;
        CHECK(s.calendar.days == 2);
        REQUIRE(s.calendar.dated());
        CHECK(format_date(*s.calendar.first_date) == "2026-03-02");
        CHECK(s.calendar.first_weekday == weekday::mon);
        CHECK(s.calendar.day_label(1) == "2026-03-03 Tue");
    }
    SUBCASE("a weekday profile: a typical week from Monday") {
        const sim::scenario s = load_text(with_forecast("week_profile.csv")).model;
        CHECK(s.calendar.days == 7);
        CHECK_FALSE(s.calendar.dated());
        CHECK(s.calendar.first_weekday == weekday::mon);
        // 08:00 to 09:30 each day (the latest row is Saturday's 09:00), nights between.
        CHECK(s.day_start.count() == 8 * 3600.0);
        CHECK(s.interval.count() == 1800.0);
        CHECK(s.interval_count == 6 * 48 + 3);
        const sim::queue_spec& q = s.queues[0];
        CHECK(q.calls[0] == 10);   // Mon 08:00
        CHECK(q.calls[1] == 20);   // Mon 08:30
        CHECK(q.calls[2] == 0);    // Mon 09:00: no row
        CHECK(q.calls[48] == 5);   // Tue 08:00
        CHECK(q.calls[96] == 0);   // Wed: no rows, no calls
        CHECK(q.calls[242] == 3);  // Sat 09:00
        double total = 0.0;
        for (double c : q.calls) total += c;
        CHECK(total == 38.0);
        CHECK(q.aht[2].count() == 200.0);  // the nights carry the AHT forward
        CHECK(q.aht[47].count() == 200.0);
        CHECK(q.aht[48].count() == 210.0);
        CHECK(q.aht[290].count() == 220.0);
        // Open 08:00-10:00 every day; the group's agents all along.
        CHECK(s.open_periods.size() == 7);
        CHECK(s.open_periods[6].first.count() == 6 * 86400.0 + 8 * 3600.0);
    }
}

TEST_CASE("calendar: a [calendar] table") {
    SUBCASE("a dated week: a one-day profile repeats every day") {
        const sim::scenario s = load_text(with_calendar("start = 2026-03-02\ndays = 7\n")).model;
        CHECK(s.calendar.days == 7);
        CHECK(format_date(*s.calendar.first_date) == "2026-03-02");
        CHECK(s.calendar.first_weekday == weekday::mon);
        CHECK(s.day_start.count() == 8 * 3600.0);
        CHECK(s.interval_count == 6 * 48 + 4);
        const sim::queue_spec& q = s.queues[0];
        for (std::size_t day = 0; day < 7; ++day) {
            CHECK(q.calls[day * 48] == 10);
            CHECK(q.calls[day * 48 + 3] == 40);
        }
        CHECK(q.calls[4] == 0);
        CHECK(q.calls[47] == 0);
        REQUIRE(s.open_periods.size() == 7);
        CHECK(s.open_periods[3].first.count() == 3 * 86400.0 + 8 * 3600.0);
        CHECK(s.open_periods[3].second.count() == 3 * 86400.0 + 10 * 3600.0);
        // The group's `agents` are on duty during each day's opening hours.
        REQUIRE(s.groups[0].shifts.size() == 1);
        CHECK(s.groups[0].shifts[0].start.count() == 8 * 3600.0);
        CHECK(s.groups[0].shifts[0].end.count() == 10 * 3600.0);
        CHECK(s.groups[0].shifts[0].days.size() == 7);
    }
    SUBCASE("start as a string, end inclusive") {
        const sim::scenario s =
            load_text(with_calendar("start = \"2026-03-02\"\nend = \"2026-03-04\"\n")).model;
        CHECK(s.calendar.days == 3);
        CHECK(s.calendar.day_label(2) == "2026-03-04 Wed");
        const sim::scenario t =
            load_text(with_calendar("start = 2026-03-02\nend = 2026-03-02\n")).model;
        CHECK(t.calendar.days == 1);
    }
    SUBCASE("a weekday: a typical week from that day") {
        const sim::scenario s = load_text(with_calendar("start = \"wednesday\"\n")).model;
        CHECK(s.calendar.days == 7);
        CHECK_FALSE(s.calendar.dated());
        CHECK(s.calendar.first_weekday == weekday::wed);
        CHECK(s.calendar.day_label(5) == "week 2 Mon");
        CHECK(load_text(with_calendar("start = \"Sat\"\ndays = 2\n")).model.calendar.days == 2);
    }
    SUBCASE("days alone: undated days without weekdays") {
        const sim::scenario s = load_text(with_calendar("days = 3\n")).model;
        CHECK(s.calendar.days == 3);
        CHECK_FALSE(s.calendar.has_weekdays());
        CHECK(s.queues[0].calls[96 + 2] == 30);
    }
    SUBCASE("a dated start alone: one day, or through the forecast's dates") {
        CHECK(load_text(with_calendar("start = 2026-03-02\n")).model.calendar.days == 1);
        const sim::scenario s =
            load_text(with_calendar("start = 2026-03-01\n", with_forecast("two_days.csv"))).model;
        CHECK(s.calendar.days == 3);
        CHECK(load_text(with_calendar("start = 2026-03-04\n", with_forecast("week_profile.csv")))
                  .model.calendar.days == 7);
    }
    SUBCASE("a dated calendar wider than the forecast's dates") {
        const sim::scenario s = load_text(with_calendar("start = 2026-03-01\ndays = 7\n",
                                                        with_forecast("two_days.csv")))
                                    .model;
        // Hourly from 08:00 to 10:00 on each of 7 days, the rows on days 1 and 2.
        CHECK(s.interval_count == 6 * 24 + 2);
        CHECK(s.queues[0].calls[0] == 0);
        CHECK(s.queues[0].calls[24] == 10);
        CHECK(s.queues[0].calls[25] == 12);
        CHECK(s.queues[0].calls[48] == 14);
        CHECK(s.queues[0].aht[0].count() == 200.0);  // before the first row: the first row's
        CHECK(s.queues[0].aht[144].count() == 230.0);
    }
    SUBCASE("a weekday profile over a dated calendar takes each date's weekday") {
        const sim::scenario s = load_text(with_calendar("start = 2026-03-03\ndays = 2\n",
                                                        with_forecast("week_profile.csv")))
                                    .model;  // Tuesday and Wednesday
        CHECK(s.interval_count == 48 + 3);
        CHECK(s.queues[0].calls[0] == 5);
        double total = 0.0;
        for (double c : s.queues[0].calls) total += c;
        CHECK(total == 5.0);
    }
    SUBCASE("rows in seconds repeat from day.open") {
        const sim::scenario s =
            load_text(with_calendar("days = 2\n", with_forecast("seconds.csv"))).model;
        CHECK(s.interval_count == 48 + 2);
        CHECK(s.queues[0].calls[48] == 5);
        CHECK(s.queues[0].calls[49] == 6);
    }
}

TEST_CASE("calendar: errors") {
    CHECK(error_of(with_calendar("start = \"Mnday\"\n")) ==
          "s.toml:2:9: calendar.start: must be a date YYYY-MM-DD or a weekday such as Mon; did "
          "you mean 'Mon'? (got 'Mnday')");
    CHECK(error_of(with_calendar("start = \"2026-02-30\"\n")) ==
          "s.toml:2:9: calendar.start: must be a date YYYY-MM-DD or a weekday such as Mon (got "
          "'2026-02-30')");
    CHECK(error_of(with_calendar("start = 2026-03-02\nend = \"March 8\"\n")) ==
          "s.toml:3:7: calendar.end: must be a date YYYY-MM-DD (got 'March 8')");
    CHECK(error_of(with_calendar("start = 2026-03-02\nend = 2026-03-01\n")) ==
          "s.toml:3:7: calendar.end: must not be before start (2026-03-02) (got 2026-03-01)");
    CHECK(error_of(with_calendar("start = 2026-03-02\ndays = 7\nend = 2026-03-08\n")) ==
          "s.toml:4:7: calendar.end: give either days or end, not both (got 2026-03-08)");
    CHECK(error_of(with_calendar("end = 2026-03-08\n")) ==
          "s.toml:2:7: calendar.end: needs a start date (got 2026-03-08)");
    CHECK(error_of(with_calendar("start = \"Mon\"\nend = 2026-03-08\n")) ==
          "s.toml:3:7: calendar.end: needs a dated start; start is a weekday (Mon) (got "
          "2026-03-08)");
    CHECK(error_of(with_calendar("days = 0\n")) ==
          "s.toml:2:8: calendar.days: must be in [1, 3660] (got 0)");
    CHECK(error_of(with_calendar("days = 4000\n")) ==
          "s.toml:2:8: calendar.days: must be in [1, 3660] (got 4000)");
    CHECK(error_of(with_calendar("start = 2026-01-01\nend = 2036-01-10\n")) ==
          "s.toml:3:7: calendar.end: makes a horizon of 3662 days; at most 3660 (got 2036-01-10)");
    CHECK(error_of(with_calendar("strat = 2026-03-02\n")) ==
          "s.toml:2:1: calendar.strat: unknown key; did you mean 'start'?");
}

TEST_CASE("calendar: the forecasts must fit it") {
    // Line 10 of these files: forecast = "...".
    CHECK(
        error_of(with_calendar("start = 2026-03-03\ndays = 2\n", with_forecast("two_days.csv"))) ==
        "s.toml:11:12: queue.hotline.forecast: runs from 2026-03-02 to 2026-03-03, outside the "
        "calendar (2026-03-03 to 2026-03-04) (got 'two_days.csv')");
    CHECK(
        error_of(with_calendar("start = 2026-03-01\ndays = 2\n", with_forecast("two_days.csv"))) ==
        "s.toml:11:12: queue.hotline.forecast: runs from 2026-03-02 to 2026-03-03, outside the "
        "calendar (2026-03-01 to 2026-03-02) (got 'two_days.csv')");
    CHECK(
        error_of(with_calendar("start = \"Mon\"\n", with_forecast("two_days.csv"))) ==
        "s.toml:10:12: queue.hotline.forecast: has dated rows (2026-03-02 to 2026-03-03), but the "
        "calendar has no dates; give [calendar] start as a date (got 'two_days.csv')");
    CHECK(error_of(with_calendar("days = 3\n", with_forecast("week_profile.csv"))) ==
          "s.toml:10:12: queue.hotline.forecast: gives a profile per weekday, but the calendar has "
          "no weekdays; give [calendar] start as a date or a weekday (got 'week_profile.csv')");
    CHECK(error_of(with_forecast("long_span.csv")) ==
          "s.toml:7:12: queue.hotline.forecast: dates run from 2016-01-01 to 2026-12-31, 4018 "
          "days; a horizon has at most 3660 days (got 'long_span.csv')");
    CHECK(error_of(with_calendar("start = 2016-01-01\n", with_forecast("long_span.csv"))) ==
          "s.toml:10:12: queue.hotline.forecast: runs to 2026-12-31, 4018 days from the calendar's "
          "start 2016-01-01; a horizon has at most 3660 days (got 'long_span.csv')");
}

TEST_CASE("calendar: a grid over several days") {
    CHECK(error_of(with_calendar(
              "days = 2\n", replaced(minimal, "interval = \"30min\"", "interval = \"25min\""))) ==
          "s.toml:5:12: day.interval: must divide 24 hours on a calendar of several days (got "
          "'25min')");
    CHECK(error_of(with_calendar("days = 2\n", with_forecast("odd_interval.csv"))) ==
          "s.toml:10:12: queue.hotline.forecast: has intervals of 25min, which do not divide 24 "
          "hours; a calendar of several days needs intervals that do (got 'odd_interval.csv')");
    const std::string late = late_volumes();
    CHECK(error_of(with_calendar("days = 2\n", replaced(late, "[10, 20, 30, 40]", "[1, 2, 3]"))) ==
          "s.toml:11:11: queue.hotline.volumes: must start before 24:00 on a calendar of several "
          "days: the last of 3 volumes from 22:00 starts at 24:00 (got [ 1, 2, 3 ])");
    CHECK(error_of(with_calendar("days = 1\n", late)) ==
          "s.toml:11:11: queue.hotline.volumes: runs into day 2, past the calendar's 1 day (got [ "
          "10, 20, 30, 40 ])");
    const std::string at_midnight = replaced(
        with_forecast("seconds.csv", replaced(minimal, "open = \"08:00\"", "open = \"23:30\"")),
        "close = \"10:00\"", "close = \"24:00\"");
    CHECK(error_of(with_calendar("days = 2\n", at_midnight)) ==
          "s.toml:10:12: queue.hotline.forecast: forecast rows must start before 24:00 on a "
          "calendar of several days (the last starts at 24:00) (got 'seconds.csv')");
    // Without a calendar, rows past midnight make a second day, as before.
    CHECK(load_text(at_midnight).model.calendar.days == 2);
}

TEST_CASE("calendar: --vary") {
    const std::string week = with_calendar("start = 2026-03-02\ndays = 7\n");
    CHECK(varied(week, {{"calendar.days", "+7"}}).model.calendar.days == 14);
    const sim::scenario later = varied(week, {{"calendar.start", "2026-03-09"}}).model;
    CHECK(format_date(*later.calendar.first_date) == "2026-03-09");
    CHECK(varied(week, {{"calendar.start", "Tue"}}).model.calendar.first_weekday == weekday::tue);
    CHECK(vary_error_of(week, "calendar.start", "+1") ==
          "'calendar.start' is a date or a weekday; give it whole instead of '+1'");
    CHECK(vary_error_of(week, "calendar.start", "someday") ==
          "calendar.start: must be a date YYYY-MM-DD or a weekday such as Mon (got 'someday')");
}

namespace {

// `minimal` over a dated week (Mon 2026-03-02 to Sun 2026-03-08) with [day] lines replaced.
std::string week_with(const std::string& open, const std::string& close,
                      const std::string& more = "") {
    return with_calendar(
        "start = 2026-03-02\ndays = 7\n",
        replaced(replaced(minimal, "open = \"08:00\"", open + more), "close = \"10:00\"", close));
}

std::vector<std::pair<double, double>> hours_of(const sim::scenario& s) {
    std::vector<std::pair<double, double>> hours;
    for (const auto& [from, to] : s.open_periods)
        hours.emplace_back(from.count() / 3600.0, to.count() / 3600.0);
    return hours;
}

}  // namespace

TEST_CASE("opening hours by weekday, and closed days") {
    SUBCASE("open and close by weekday") {
        const sim::scenario s =
            load_text(
                week_with("open = { Mon = \"08:00\", Tue = \"08:00\", wed = \"08:00\", Thu = "
                          "\"08:00\", Fri = \"08:00\", Sat = \"08:30\", Sunday = \"09:00\" }",
                          "close = { Mon = \"10:00\", Tue = \"10:00\", Wed = \"10:00\", Thu = "
                          "\"10:00\", Fri = \"10:00\", Sat = \"10:00\", Sun = \"09:30\" }"))
                .model;
        CHECK(hours_of(s) == std::vector<std::pair<double, double>>{{8, 10},
                                                                    {24 + 8, 24 + 10},
                                                                    {48 + 8, 48 + 10},
                                                                    {72 + 8, 72 + 10},
                                                                    {96 + 8, 96 + 10},
                                                                    {120 + 8.5, 120 + 10},
                                                                    {144 + 9, 144 + 9.5}});
        CHECK(s.day_start.count() == 8 * 3600.0);
    }
    SUBCASE("closed weekdays need no time; holidays by date") {
        const sim::scenario s =
            load_text(week_with("open = { Mon = \"08:00\", Tue = \"08:00\", Wed = \"08:00\", Thu = "
                                "\"08:00\", Fri = \"08:00\", Sat = \"09:00\" }",
                                "close = \"10:00\"",
                                "\nclosed = [\"Sun\", \"2026-03-04\", 2026-12-25]"))
                .model;
        CHECK(hours_of(s) == std::vector<std::pair<double, double>>{{8, 10},
                                                                    {24 + 8, 24 + 10},
                                                                    {72 + 8, 72 + 10},
                                                                    {96 + 8, 96 + 10},
                                                                    {120 + 9, 120 + 10}});
    }
    SUBCASE("a range of weekdays") {
        const sim::scenario s = load_text(week_with("open = \"08:00\"", "close = \"10:00\"",
                                                    "\nclosed = [\"Sat-Sun\"]"))
                                    .model;
        CHECK(s.open_periods.size() == 5);
        const sim::scenario wrap = load_text(week_with("open = \"08:00\"", "close = \"10:00\"",
                                                       "\nclosed = [\"sat-mon\"]"))
                                       .model;
        CHECK(hours_of(wrap).front() == std::pair<double, double>{24 + 8, 24 + 10});
        CHECK(wrap.open_periods.size() == 4);
    }
    SUBCASE("round the clock: one period, broken by a closed day") {
        const sim::scenario s =
            load_text(week_with("open = \"00:00\"", "close = \"24:00\"", "\nclosed = [\"Wed\"]"))
                .model;
        CHECK(hours_of(s) == std::vector<std::pair<double, double>>{{0, 48}, {72, 168}});
    }
    SUBCASE("a typical week closes by weekday") {
        const sim::scenario s =
            load_text(with_calendar("start = \"Mon\"\n",
                                    replaced(minimal, "open = \"08:00\"",
                                             "open = \"08:00\"\nclosed = [\"Sun\"]")))
                .model;
        CHECK(s.open_periods.size() == 6);
    }
}

TEST_CASE("opening hours: errors") {
    // [calendar] takes lines 1-4, so [day] is on line 5 and open on line 7.
    CHECK(error_of(week_with("open = { Mnday = \"08:00\" }", "close = \"10:00\"")) ==
          "s.toml:7:10: day.open.Mnday: unknown key; did you mean 'Mon'?");
    CHECK(error_of(week_with("open = { Holiday = \"08:00\" }", "close = \"10:00\"")) ==
          "s.toml:7:10: day.open.Holiday: unknown key; the keys are weekdays Mon ... Sun");
    CHECK(error_of(
              week_with("open = { Mon = \"08:00\", monday = \"09:00\" }", "close = \"10:00\"")) ==
          "s.toml:7:25: day.open.monday: gives Mon a second time");
    CHECK(error_of(week_with("open = { Mon = \"8am\" }", "close = \"10:00\"")) ==
          "s.toml:7:16: day.open.Mon: must be a time of day HH:MM (got '8am')");
    CHECK(error_of(week_with("open = \"08:00\"", "close = { Mon = \"07:00\" }")) ==
          "s.toml:8:17: day.close.Mon: must be after Mon's opening (08:00) (got '07:00')");
    CHECK(error_of(week_with("open = { Sun = \"11:00\" }", "close = \"10:00\"")) ==
          "s.toml:8:9: day.close: must be after Sun's opening (11:00) (got '10:00')");
    CHECK(error_of(week_with("open = { Mon = \"08:00\" }", "close = \"10:00\"")) ==
          "s.toml:7:8: day.open: has no time for Tue, which is not closed; give one or list Tue in "
          "day.closed (got a table)");
    CHECK(error_of(week_with("open = \"08:00\"", "close = { Mon = \"10:00\" }",
                             "\nclosed = [\"Tue-Sun\"]")) == "no error");
    CHECK(error_of(
              week_with("open = \"08:00\"", "close = \"10:00\"", "\nclosed = [\"Mnday-Fri\"]")) ==
          "s.toml:8:11: day.closed: must be a weekday (Mon), a range of weekdays (Mon-Fri) or a "
          "date (2026-03-05); did you mean 'Mon-Fri'? (got 'Mnday-Fri')");
    CHECK(
        error_of(week_with("open = \"08:00\"", "close = \"10:00\"", "\nclosed = [\"Mon-Sun\"]")) ==
        "s.toml:8:10: day.closed: closes every day of the calendar; the centre must open on one "
        "(got [ 'Mon-Sun' ])");
    // Weekdays need a calendar with weekdays, dates a dated one.
    CHECK(
        error_of(replaced(minimal, "open = \"08:00\"", "open = { Mon = \"08:00\" }")) ==
        "s.toml:3:8: day.open: a time per weekday needs a calendar with weekdays; give [calendar] "
        "start as a date or a weekday (got a table)");
    CHECK(
        error_of(replaced(minimal, "open = \"08:00\"", "open = \"08:00\"\nclosed = [\"Sun\"]")) ==
        "s.toml:4:11: day.closed: a weekday needs a calendar with weekdays; give [calendar] start "
        "as a date or a weekday (got 'Sun')");
    CHECK(error_of(with_calendar("start = \"Mon\"\n",
                                 replaced(minimal, "open = \"08:00\"",
                                          "open = \"08:00\"\nclosed = [\"2026-03-05\"]"))) ==
          "s.toml:7:11: day.closed: a date needs a dated calendar; give [calendar] start as a date "
          "(got '2026-03-05')");
}

namespace {

// A dated week, 08:00-20:00, a regular group on shifts and tours, team leads as a last resort.
const std::string rota = R"([calendar]
start = 2026-03-02
days = 7

[day]
interval = "30min"
open = "08:00"
close = "20:00"

[[queue]]
name = "hotline"
volumes = [10, 20, 30, 40]
aht = "3min"

[[group]]
name = "regular"
skills = ["hotline"]

[[group.shift]]
name = "early"
start = "07:40"
end = "14:00"
agents = 2
days = ["Mon-Fri"]

[[group.shift]]
name = "late"
start = "13:40"
end = "20:00"

[[group.tour]]
name = "Li Wei"
Mon = "early"
Tue = "early"
Wed = "late"
Thu = "late"
Fri = "off"
Sat = "EARLY"
dates = { 2026-03-04 = "off", "2026-03-08" = "late" }

[[group.tour]]
name = "weekend"
agents = 3
Sun = "late"

[[group]]
name = "leads"
skills = [{ queue = "hotline", preference = 2 }]
agents = 1
)";

}  // namespace

TEST_CASE("shifts on given days, tours, preferences") {
    const sim::scenario s = load_text(rota).model;
    const sim::group_spec& g = s.groups[0];
    REQUIRE(g.shifts.size() == 2);
    CHECK(g.shifts[0].days == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
    CHECK(g.shifts[0].agents == 2);
    // A shift only tours work needs no agents; it is on every day of the calendar.
    CHECK(g.shifts[1].agents == 0);
    CHECK(g.shifts[1].days == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6});
    REQUIRE(g.tours.size() == 2);
    const sim::tour_spec& li = g.tours[0];
    CHECK(li.name == "Li Wei");
    CHECK(li.agents == 1);
    // Mon early, Tue early, Wed off (by date), Thu late, Fri off, Sat early, Sun late (by date).
    REQUIRE(li.work.size() == 5);
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> expected{
        {0, 0}, {1, 0}, {3, 1}, {5, 0}, {6, 1}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(li.work[i].day == expected[i].first);
        CHECK(li.work[i].shift == expected[i].second);
    }
    const sim::tour_spec& weekend = g.tours[1];
    CHECK(weekend.agents == 3);
    REQUIRE(weekend.work.size() == 1);
    CHECK(weekend.work[0].day == 6);
    CHECK(weekend.work[0].shift == 1);
    // The team leads take a call only when no regular agent is free.
    CHECK(s.groups[0].skills[0].preference == 1);
    CHECK(s.groups[1].skills[0].preference == 2);
    CHECK(s.groups[1].skills[0].priority == 1);
}

TEST_CASE("shift days: weekdays, ranges, dates") {
    const sim::scenario s = load_text(replaced(rota, "days = [\"Mon-Fri\"]",
                                               "days = [\"2026-03-05\", \"Sat-Sun\", \"sat\"]"))
                                .model;
    CHECK(s.groups[0].shifts[0].days == std::vector<std::uint32_t>{3, 5, 6});
    CHECK(load_text(replaced(rota, "days = [\"Mon-Fri\"]", "days = []"))
              .model.groups[0]
              .shifts[0]
              .days.empty());
    // On a typical week, by weekday.
    const sim::scenario week =
        load_text(replaced(replaced(rota, "start = 2026-03-02", "start = \"Sat\""),
                           "dates = { 2026-03-04 = \"off\", \"2026-03-08\" = \"late\" }", ""))
            .model;
    CHECK(week.groups[0].shifts[0].days == std::vector<std::uint32_t>{2, 3, 4, 5, 6});
    // Sat early, Sun off, Mon early, Tue early, Wed late, Thu late, Fri off.
    CHECK(week.groups[0].tours[0].work.size() == 5);
    CHECK(week.groups[0].tours[0].work[0].day == 0);
    CHECK(week.groups[0].tours[0].work[1].day == 2);
}

TEST_CASE("shifts and tours: errors") {
    // Tour lines: name on 32, Mon 33, ..., Sat 38, dates 39; the second tour's name on 42.
    CHECK(error_of(replaced(rota, "Mon = \"early\"", "Mon = \"erly\"")) ==
          "s.toml:33:7: group.regular.tour.Li Wei.Mon: names no shift of group regular; did you "
          "mean 'early'? (got 'erly')");
    CHECK(error_of(replaced(rota, "Mon = \"early\"", "Mon = \"of\"")) ==
          "s.toml:33:7: group.regular.tour.Li Wei.Mon: names no shift of group regular; did you "
          "mean 'off'? (got 'of')");
    CHECK(error_of(replaced(rota, "Mon = \"early\"", "Mon = \"night\"")) ==
          "s.toml:33:7: group.regular.tour.Li Wei.Mon: names no shift of group regular (nor "
          "'off'); its shifts are early, late (got 'night')");
    CHECK(error_of(replaced(rota, "\"2026-03-08\" = \"late\"", "\"2026-03-08\" = \"lat\"")) ==
          "s.toml:39:46: group.regular.tour.Li Wei.dates.2026-03-08: names no shift of group "
          "regular; did you mean 'late'? (got 'lat')");
    CHECK(error_of(replaced(rota, "Mon = \"early\"", "Monday = \"early\"")) ==
          "s.toml:33:1: group.regular.tour.Li Wei.Monday: unknown key; did you mean 'Mon'?");
    CHECK(error_of(replaced(rota, "name = \"weekend\"", "name = \"Li Wei\"")) ==
          "s.toml:42:8: group.regular.tour: duplicate name (got 'Li Wei')");
    CHECK(error_of(replaced(rota, "agents = 3", "agents = -1")) ==
          "s.toml:43:10: group.regular.tour.weekend.agents: must be in [0, 100000] (got -1)");
    CHECK(error_of(replaced(rota, "2026-03-04 = \"off\"", "2026-03-32 = \"off\"")) ==
          "s.toml:39:11: group.regular.tour.Li Wei.dates.2026-03-32: unknown key; the keys are "
          "dates YYYY-MM-DD");
    CHECK(error_of(replaced(rota, "2026-03-04 = \"off\"", "2026-03-15 = \"off\"")) ==
          "s.toml:39:11: group.regular.tour.Li Wei.dates.2026-03-15: is outside the calendar "
          "(2026-03-02 to 2026-03-08)");
    CHECK(error_of(replaced(rota, "dates = {", "dates = 3 #")) ==
          "s.toml:39:9: group.regular.tour.Li Wei.dates: must be a table keyed by dates (got 3)");
    CHECK(error_of(replaced(rota, "name = \"late\"", "name = \"off\"")) ==
          "s.toml:27:8: group.regular.shift.off.name: means a day off in tours; choose another "
          "name for the shift (got 'off')");
    // Shift days.
    CHECK(error_of(replaced(rota, "days = [\"Mon-Fri\"]", "days = [\"2026-03-15\"]")) ==
          "s.toml:24:9: group.regular.shift.early.days: is outside the calendar (2026-03-02 to "
          "2026-03-08) (got '2026-03-15')");
    CHECK(error_of(replaced(rota, "days = [\"Mon-Fri\"]", "days = [\"Mon-Fry\"]")) ==
          "s.toml:24:9: group.regular.shift.early.days: must be a weekday (Mon), a range of "
          "weekdays (Mon-Fri) or a date (2026-03-05); did you mean 'Mon-Fri'? (got 'Mon-Fry')");
    const std::string undated = replaced(rota, "start = 2026-03-02\ndays = 7\n", "days = 7\n");
    CHECK(error_of(undated) ==
          "s.toml:23:9: group.regular.shift.early.days: a weekday needs a calendar with weekdays; "
          "give [calendar] start as a date or a weekday (got 'Mon-Fri')");
    CHECK(error_of(replaced(undated, "days = [\"Mon-Fri\"]\n", "")) ==
          "s.toml:29:1: group.regular.tour.Li Wei: a tour needs a calendar with weekdays; give "
          "[calendar] start as a date or a weekday");
    CHECK(
        error_of(replaced(replaced(rota, "start = 2026-03-02", "start = \"Mon\""),
                          "2026-03-04 = \"off\", ", "")) ==
        "s.toml:39:11: group.regular.tour.Li Wei.dates.2026-03-08: a date needs a dated calendar; "
        "give [calendar] start as a date");
    // Shifts without agents are for groups with tours.
    const std::string no_tours =
        rota.substr(0, rota.find("[[group.tour]]")) +
        "[[group]]\nname = \"leads\"\nskills = [\"hotline\"]\nagents = 1\n";
    CHECK(error_of(no_tours) ==
          "s.toml:26:1: group.regular.shift.late: missing required key 'agents'");
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = 5\n[[group.tour]]\nMon = \"x\"")) ==
          "s.toml:15:1: group.regular.tour.tour1: a tour works the shifts of its group; add "
          "[[group.shift]] tables");
    CHECK(error_of(replaced(rota, "preference = 2", "preference = 0")) ==
          "s.toml:48:45: group.leads.skills[1].preference: must be in [1, 1000] (got 0)");
}

TEST_CASE("include: tours merge by name, their dates one by one") {
    const sim::scenario s = load_text(R"(include = "rota_base.toml"
[[group]]
name = "regular"
[[group.tour]]
name = "A"
agents = 2
Wed = "late"
dates = { 2026-03-02 = "off" }
)")
                                .model;
    const sim::tour_spec& a = s.groups[0].tours[0];
    CHECK(a.agents == 2);
    // Mon off (the override's date), Tue late (the base's date), Wed late.
    REQUIRE(a.work.size() == 2);
    CHECK(a.work[0].day == 1);
    CHECK(a.work[0].shift == 1);
    CHECK(a.work[1].day == 2);
    CHECK(error_of("include = \"rota_base.toml\"\n[[group]]\nname = \"regular\"\n[[group.tour]]\n"
                   "name = \"B\"\n") == "s.toml:5:8: group.regular.tour.B: overrides a tour that " +
                                            data + "/rota_base.toml does not define; it defines A");
}

TEST_CASE("calendars, opening hours, shift days and tours") {
    SUBCASE("group agents change every shift that has them and every tour") {
        const sim::scenario s = varied(rota, {{"group.regular.agents", "+1"}}).model;
        CHECK(s.groups[0].shifts[0].agents == 3);
        CHECK(s.groups[0].shifts[1].agents == 0);  // only tours work it
        CHECK(s.groups[0].tours[0].agents == 2);   // from the default of 1
        CHECK(s.groups[0].tours[1].agents == 4);
        CHECK(varied(rota, {{"group.regular.agents", "*2"}}).model.groups[0].tours[1].agents == 6);
    }
    SUBCASE("a tour's agents, shifts and dates") {
        const sim::scenario s =
            varied(rota, {{"group.regular.tour.weekend.agents", "-1"},
                          {"group.regular.tour.weekend.Sat", "early"},
                          {"group.regular.tour.Li Wei.Mon", "off"},
                          {"group.regular.tour.Li Wei.dates.2026-03-07", "late"},
                          {"group.regular.tour.weekend.dates.2026-03-08", "off"}})
                .model;
        const sim::tour_spec& weekend = s.groups[0].tours[1];
        CHECK(weekend.agents == 2);
        REQUIRE(weekend.work.size() == 1);  // Sat early; Sun off by date
        CHECK(weekend.work[0].day == 5);
        CHECK(weekend.work[0].shift == 0);
        const sim::tour_spec& li = s.groups[0].tours[0];
        CHECK(li.work.front().day == 1);  // Monday off
        CHECK(li.work[2].day == 5);
        CHECK(li.work[2].shift == 1);  // Saturday late by date
    }
    SUBCASE("a shift's days and times") {
        const sim::scenario s =
            varied(rota, {{"group.regular.shift.early.days", "Sat-Sun 2026-03-02"},
                          {"group.regular.shift.late.start", "+20min"},
                          {"group.regular.shift.early.agents", "*1.5"}})
                .model;
        CHECK(s.groups[0].shifts[0].days == std::vector<std::uint32_t>{0, 5, 6});
        CHECK(s.groups[0].shifts[1].start.count() == 14 * 3600.0);
        CHECK(s.groups[0].shifts[0].agents == 3);
        CHECK(varied(rota, {{"group.regular.shift.early.days", "none"}})
                  .model.groups[0]
                  .shifts[0]
                  .days.empty());
    }
    SUBCASE("opening hours by weekday and closed days") {
        const sim::scenario s = varied(rota, {{"day.open.Sun", "+1h"},
                                              {"day.close.sat", "18:00"},
                                              {"day.closed", "2026-03-04"}})
                                    .model;
        REQUIRE(s.open_periods.size() == 6);
        CHECK(s.open_periods[4].second.count() == 5 * 86400.0 + 18 * 3600.0);  // Saturday
        CHECK(s.open_periods[5].first.count() == 6 * 86400.0 + 9 * 3600.0);    // Sunday
        const std::string weekly = replaced(rota, "open = \"08:00\"",
                                            "open = { Mon = \"08:00\", Tue = \"08:00\", Wed = "
                                            "\"08:00\", Thu = \"08:00\", Fri = \"08:00\", Sat = "
                                            "\"08:00\", Sun = \"09:00\" }");
        const sim::scenario later = varied(weekly, {{"day.open", "+30min"}}).model;
        CHECK(later.open_periods[0].first.count() == 8.5 * 3600.0);
        CHECK(later.open_periods[6].first.count() == 6 * 86400.0 + 9.5 * 3600.0);
        const sim::scenario one = varied(weekly, {{"day.open", "07:00"}}).model;
        CHECK(one.open_periods[6].first.count() == 6 * 86400.0 + 7 * 3600.0);
        CHECK(varied(weekly, {{"day.open.Sunday", "10:00"}}).model.open_periods[6].first.count() ==
              6 * 86400.0 + 10 * 3600.0);
    }
}

TEST_CASE("errors of the new keys") {
    CHECK(vary_error_of(rota, "day.open.Mnday", "09:00") ==
          "unknown key 'day.open.Mnday'; did you mean 'day.open.Mon'?");
    CHECK(vary_error_of(rota, "day.open.Holiday", "09:00") ==
          "unknown key 'day.open.Holiday'; the keys of day.open are weekdays Mon ... Sun");
    CHECK(vary_error_of(rota, "day.closed", "+1") ==
          "'day.closed' is a list of days; give it whole (days separated by spaces, or "
          "none) instead of '+1'");
    CHECK(vary_error_of(rota, "day.closed", "Mnday") ==
          "day.closed: must be a weekday (Mon), a range of weekdays (Mon-Fri) or a date "
          "(2026-03-05); did you mean 'Mon'? (got 'Mnday')");
    CHECK(vary_error_of(rota, "group.regular.tour.weekend.Sun", "+1") ==
          "'group.regular.tour.weekend.Sun' is a word; give it whole instead of '+1'");
    CHECK(vary_error_of(rota, "group.regular.tour.weekend.Sun", "night") ==
          "group.regular.tour.weekend.Sun: names no shift of group regular (nor 'off'); its shifts "
          "are early, late (got 'night')");
    CHECK(vary_error_of(rota, "group.regular.tour.weekend.dates", "off") ==
          "'group.regular.tour.weekend.dates' is a table; name one of its dates: "
          "group.regular.tour.weekend.dates.2026-03-05");
    CHECK(vary_error_of(rota, "group.regular.tour.weekend.dates.March-8", "off") ==
          "unknown key 'group.regular.tour.weekend.dates.March-8'; the keys of "
          "group.regular.tour.weekend.dates are dates YYYY-MM-DD");
    CHECK(vary_error_of(rota, "group.regular.tour.wekend.agents", "+1") ==
          "unknown key 'group.regular.tour.wekend.agents'; did you mean "
          "'group.regular.tour.weekend.agents'?");
    CHECK(vary_error_of(rota, "day.open.Sun.x", "1") ==
          "unknown key 'day.open.Sun.x'; 'day.open.Sun' is a value, not a table");
    const std::string weekly =
        replaced(rota, "open = \"08:00\"", "open = { Mon = \"08:00\" }\nclosed = [\"Tue-Sun\"]");
    CHECK(vary_error_of(weekly, "day.open.Sat", "+1h") ==
          "'day.open.Sat' has no value in the scenario for '+1h' to change; give a value "
          "instead");
}

TEST_CASE("the week example: calendar, opening hours, grid, shifts and tours") {
    const loaded_scenario week = load_scenario(CCSIM_SCENARIOS "/week/week.toml");
    const sim::scenario& s = week.model;
    CHECK(s.calendar.days == 7);
    REQUIRE(s.calendar.dated());
    CHECK(format_date(*s.calendar.first_date) == "2026-03-02");
    CHECK(s.calendar.day_label(6) == "2026-03-08 Sun");
    CHECK(week.sources.back() == CCSIM_SCENARIOS "/week/week_forecast.csv");
    // Half hours from 08:00 on Monday to 20:00 on Sunday, through the nights.
    CHECK(s.interval.count() == 1800.0);
    CHECK(s.day_start.count() == 8 * 3600.0);
    CHECK(s.interval_count == 6 * 48 + 24);
    const sim::queue_spec& q = s.queues[0];
    CHECK(q.calls[0] == 37);           // Monday 08:00
    CHECK(q.calls[5] == 140);          // Monday 10:30, the week's peak
    CHECK(q.calls[24] == 0);           // Monday night
    CHECK(q.calls[6 * 48] == 0);       // Sunday 08:00: closed
    CHECK(q.calls[6 * 48 + 2] == 30);  // Sunday 09:00
    // Open 08:00-20:00 Monday to Saturday, 09:00-18:00 on Sunday.
    REQUIRE(s.open_periods.size() == 7);
    for (std::size_t d = 0; d < 6; ++d) {
        const double midnight = static_cast<double>(d) * 86400.0;
        CHECK(s.open_periods[d].first.count() == midnight + 8 * 3600.0);
        CHECK(s.open_periods[d].second.count() == midnight + 20 * 3600.0);
    }
    CHECK(s.open_periods[6].first.count() == (144 + 9) * 3600.0);
    CHECK(s.open_periods[6].second.count() == (144 + 18) * 3600.0);
    REQUIRE(s.groups.size() == 3);
    // The regular agents: shifts without a head count of their own, worked by the chart's lines.
    const sim::group_spec& regular = s.groups[0];
    CHECK(regular.shifts.size() == 10);
    for (const sim::shift_spec& sh : regular.shifts) CHECK(sh.agents == 0);
    CHECK(regular.tours.size() == 18);
    int people = 0;
    for (const sim::tour_spec& t : regular.tours) {
        people += t.agents;
        CHECK(t.work.size() == 5);  // five days a week
    }
    CHECK(people == 29);
    const sim::tour_spec& li = regular.tours.back();
    CHECK(li.name == "Li Na");
    std::vector<std::uint32_t> days;
    for (const sim::worked_day& w : li.work) days.push_back(w.day);
    CHECK(days == std::vector<std::uint32_t>{0, 1, 3, 5, 6});  // Wednesday off, Thursday on
    // Trainees on weekdays, team leads as a last resort.
    const sim::group_spec& trainees = s.groups[1];
    CHECK(trainees.handle_time_factor == 1.3);
    CHECK(trainees.shifts[0].days == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
    CHECK(trainees.shifts[0].agents == 2);
    const sim::group_spec& leads = s.groups[2];
    CHECK(leads.skills[0].preference == 2);
    CHECK(leads.shifts[0].days == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5});
    CHECK(leads.shifts[2].days == std::vector<std::uint32_t>{6});
}

TEST_CASE("agents_by_interval over several days, and the longest horizon") {
    // Two undated days of 08:00-10:00 in half hours: 48 + 4 intervals.
    const std::string two_days = with_calendar("days = 2\n");
    std::string counts = "agents_by_interval = [2, 3, 1, 3";
    for (int i = 4; i < 52; ++i) counts += i < 48 ? ", 0" : ", 2";
    counts += "]";
    const sim::scenario s = load_text(replaced(two_days, "agents = 5", counts)).model;
    const std::vector<sim::shift_spec>& shifts = s.groups[0].shifts;
    CHECK(shifts.front().name == "day 1 08:00-day 1 09:00");
    CHECK(shifts.back().name == "day 2 08:00-day 2 10:00");
    CHECK(shifts.back().agents == 2);
    CHECK(shifts.back().start.count() == 86400.0 + 8 * 3600.0);
    CHECK(error_of(replaced(two_days, "agents = 5", "agents_by_interval = [1, 2]")) ==
          "s.toml:17:22: group.regular.agents_by_interval: needs one agent count per interval: 52 "
          "(from 08:00 on day 1 to 10:00 on day 2), not 2 (got [ 1, 2 ])");
    // Rows in seconds that reach past the longest horizon.
    CHECK(
        error_of(with_forecast("far_offset.csv")) ==
        "s.toml:7:12: queue.hotline.forecast: runs into day 3662; a horizon has at most 3660 days "
        "(got 'far_offset.csv')");
}

TEST_CASE("agents = N on several days: on duty during each day's opening hours, not all night") {
    const sim::scenario s = load_text(R"([calendar]
start = "2026-03-02"
days = 3

[day]
interval = "1h"
open = "08:00"
close = { Mon = "20:00", Tue = "20:00", Wed = "18:00" }

[[queue]]
name = "hotline"
volumes = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]
aht = "3min"

[[group]]
name = "agents"
skills = ["hotline"]
agents = 3
)")
                                .model;
    const auto& shifts = s.groups[0].shifts;
    REQUIRE(shifts.size() == 2);
    CHECK(shifts[0].start.count() == 8 * 3600.0);
    CHECK(shifts[0].end.count() == 20 * 3600.0);
    CHECK(shifts[0].days == std::vector<std::uint32_t>{0, 1});
    CHECK(shifts[1].end.count() == 18 * 3600.0);
    CHECK(shifts[1].days == std::vector<std::uint32_t>{2});
    CHECK(shifts[0].agents == 3);
    const sim::simulation_summary r = sim::simulate(sim::contact_centre(s), {2, 1, 1}).summary;
    CHECK(r.group(0, r.horizon(), sim::group_figure::agents_logged_in).mean ==
          doctest::Approx(3.0).epsilon(0.01));
}

TEST_CASE("after_call_work: a group's wrap-up, a distribution with a mean") {
    const sim::scenario s = load_text(replaced(minimal, "agents = 5",
                                               "agents = 5\nafter_call_work = { mean = \"45s\", "
                                               "distribution = \"lognormal\", cv = 0.8 }"))
                                .model;
    REQUIRE(s.groups[0].after_call_work);
    CHECK(s.groups[0].after_call_work->mean.count() == 45.0);
    CHECK(s.groups[0].after_call_work->shape.kind == sim::distribution_kind::lognormal);
    CHECK(s.groups[0].after_call_work->shape.cv == 0.8);
    CHECK_FALSE(load_text(minimal).model.groups[0].after_call_work);
    CHECK(error_of(replaced(minimal, "agents = 5",
                            "agents = 5\nafter_call_work = { distribution = \"exponential\" }")) ==
          "s.toml:15:19: group.regular.after_call_work: missing required key 'mean'");
    CHECK(error_of(replaced(minimal, "agents = 5", "agents = 5\nafter_call_work = { mean = 0 }")) ==
          "s.toml:15:28: group.regular.after_call_work.mean: must be > 0 (got 0)");
}

TEST_CASE("not_ready: a group's not-ready share and spell length, errors by file:line:key") {
    auto with = [](const std::string& table) {
        return replaced(minimal, "agents = 5", "agents = 5\nnot_ready = " + table);
    };
    const sim::scenario s = load_text(with("{ share = 0.3, length = \"5min\" }")).model;
    REQUIRE(s.groups[0].not_ready);
    CHECK(s.groups[0].not_ready->share == 0.3);
    CHECK(s.groups[0].not_ready->length.mean.count() == 300.0);
    CHECK(s.groups[0].not_ready->length.shape.kind == sim::distribution_kind::exponential);
    // Ready time between spells: 5 min x 0.7 / 0.3 = 700 s.
    CHECK(s.groups[0].not_ready->mean_ready_seconds() == doctest::Approx(700.0));
    const sim::scenario shaped =
        load_text(
            with("{ share = 0.1, length = \"2min\", distribution = \"lognormal\", cv = 1.5 }"))
            .model;
    CHECK(shaped.groups[0].not_ready->length.shape.kind == sim::distribution_kind::lognormal);
    CHECK(shaped.groups[0].not_ready->length.shape.cv == 1.5);
    CHECK_FALSE(load_text(minimal).model.groups[0].not_ready);
    CHECK(error_of(with("{ share = 1, length = \"5min\" }")) ==
          "s.toml:15:23: group.regular.not_ready.share: must be in [0, 1) (got 1)");
    CHECK(error_of(with("{ share = -0.1, length = \"5min\" }")) ==
          "s.toml:15:23: group.regular.not_ready.share: must be in [0, 1) (got -0.1)");
    CHECK(error_of(with("{ share = 0.2, length = \"0s\" }")) ==
          "s.toml:15:37: group.regular.not_ready.length: must be > 0 (got '0s')");
    CHECK(error_of(with("{ share = 0.2 }")) ==
          "s.toml:15:13: group.regular.not_ready: missing required key 'length'");
    CHECK(error_of(with("{ length = \"5min\" }")) ==
          "s.toml:15:13: group.regular.not_ready: missing required key 'share'");
    CHECK(error_of(with("{ share = 0.2, length = \"5min\", distribution = \"uniform\" }")) ==
          "s.toml:15:60: group.regular.not_ready.distribution: must be one of exponential, "
          "lognormal, gamma, weibull, erlang, deterministic (got 'uniform')");
    CHECK(error_of(with("0.3")) ==
          "s.toml:15:13: group.regular.not_ready: must be a table (got 0.3)");
}

TEST_CASE("classes: a voice queue split into one queue per customer class") {
    const std::string two_lines = replaced(
        replaced(minimal, "aht = \"3min\"\n",
                 "aht = \"3min\"\nclasses = [\n  { name = \"vip\", share = 0.25, priority = 1, "
                 "patience = { mean = \"5min\" } },\n  { name = \"rest\", share = 0.75, priority "
                 "= 2 },\n]\npatience = { mean = \"1min\" }\n\n[[queue]]\nname = \"sales\"\n"
                 "volumes = [4, 4, 4, 4]\naht = \"2min\"\n"),
        "skills = [\"hotline\"]", "skills = [\"sales\", { queue = \"hotline\", priority = 2 }]");
    const sim::scenario s = load_text(two_lines).model;
    REQUIRE(s.queues.size() == 3);
    CHECK(s.queues[0].name == "hotline/vip");
    CHECK(s.queues[1].name == "hotline/rest");
    CHECK(s.queues[2].name == "sales");
    CHECK(s.queues[0].calls[1] == doctest::Approx(5.0));
    CHECK(s.queues[1].calls[1] == doctest::Approx(15.0));
    CHECK(s.queues[0].patience->mean.count() == 300.0);
    CHECK(s.queues[1].patience->mean.count() == 60.0);
    // Ranked by (skill priority, class priority): sales (1, -) first, then vip, then rest.
    REQUIRE(s.groups[0].skills.size() == 3);
    CHECK(s.groups[0].skills[0].queue == 2);
    CHECK(s.groups[0].skills[0].priority == 1);
    CHECK(s.groups[0].skills[1].queue == 0);
    CHECK(s.groups[0].skills[1].priority == 2);
    CHECK(s.groups[0].skills[2].queue == 1);
    CHECK(s.groups[0].skills[2].priority == 3);

    const std::string shares = error_of(replaced(minimal, "aht = \"3min\"\n",
                                                 "aht = \"3min\"\nclasses = [{ name = \"a\", share "
                                                 "= 0.5 }, { name = \"b\", share = 0.4 }]\n"));
    CHECK(shares.rfind("s.toml:10:11: queue.hotline.classes: the shares must add up to 1 (they "
                       "add up to 0.9)",
                       0) == 0);
}

TEST_CASE("--vary agents_by_interval: *x and +x change every interval's count") {
    const std::string profile =
        replaced(minimal, "agents = 5", "agents_by_interval = [2, 3, 1, 3]");
    auto counts = [](const loaded_scenario& l) {
        std::vector<int> on;
        const sim::scenario& s = l.model;
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            const seconds mid = s.day_start + s.interval * (static_cast<double>(i) + 0.5);
            int n = 0;
            for (const sim::shift_spec& sh : s.groups[0].shifts)
                if (sh.start <= mid && mid < sh.end) n += sh.agents;
            on.push_back(n);
        }
        return on;
    };
    CHECK(counts(varied(profile, {{"group.regular.agents_by_interval", "+2"}})) ==
          std::vector<int>{4, 5, 3, 5});
    // Rounded to whole agents (1.5 x 3 = 4.5 -> 5), never below none.
    CHECK(counts(varied(profile, {{"group.regular.agents_by_interval", "*1.5"}})) ==
          std::vector<int>{3, 5, 2, 5});
    CHECK(counts(varied(profile, {{"group.regular.agents_by_interval", "-2"}})) ==
          std::vector<int>{0, 1, 0, 1});
    CHECK(counts(varied(profile, {{"group.regular.agents_by_interval", "6"}})) ==
          std::vector<int>{6, 6, 6, 6});
    try {
        varied(profile, {{"group.regular.agents_by_interval", "2.5"}});
        FAIL("a fractional head count was accepted");
    } catch (const change_error& e) {
        CHECK(std::string(e.what()) ==
              "'group.regular.agents_by_interval' holds whole numbers of agents; '2.5' does not "
              "fit them");
    }
    try {
        varied(minimal, {{"group.regular.agents_by_interval", "+1"}});
        FAIL("a change to a missing profile was accepted");
    } catch (const change_error& e) {
        CHECK(std::string(e.what()).find("has no value in the scenario") != std::string::npos);
    }
}
