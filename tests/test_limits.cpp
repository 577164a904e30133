// Numbers read exactly and sizes bounded (issue 14, items 1 and 2): every value is read into a
// wide type, range-checked, then converted; overflow, NaN, infinity, negative zero and huge
// values get an error naming the key, the limit and the value; sizes stop at core/limits.hpp.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/saturated_count.hpp"
#include "erlang/back_office_staffing.hpp"
#include "erlang/chat_staffing.hpp"
#include "erlang/staffing.hpp"
#include "scenario_text.hpp"
#include "sim/run_work.hpp"

using namespace ccsim;
using ccsim::test::error_of;
using ccsim::test::load_text;
using ccsim::test::replaced;

namespace {

const std::string& small = test::minimal_scenario;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("durations: overflow after the unit's scaling, NaN, infinity, negative zero") {
    for (const char* bad : {"1e308h", "1e306d", "1e307min", "-1e308h", "nan", "nans", "inf",
                            "-infs", "1e999", "1e400ms"})
        CHECK_MESSAGE(!parse_duration(bad), bad);
    const auto zero = parse_duration("-0s");
    REQUIRE(zero);
    CHECK(zero->count() == 0.0);
    CHECK_FALSE(std::signbit(zero->count()));
    CHECK(parse_duration("1e300")->count() == 1e300);  // finite: the range check judges it
}

TEST_CASE("scenario durations: overflow, NaN, huge and negative zero") {
    const std::string aht = "aht = \"3min\"";
    CHECK(error_of(replaced(small, aht, "aht = \"1e308h\"")) ==
          "s.toml:9:7: queue.hotline.aht: must be a duration such as 15s, 2.5min, 30min or 1h "
          "(a bare number is seconds) (got '1e308h')");
    CHECK(error_of(replaced(small, aht, "aht = nan")) ==
          "s.toml:9:7: queue.hotline.aht: must be a duration such as 15s, 2.5min, 30min or 1h "
          "(a bare number is seconds) (got nan)");
    CHECK(has(error_of(replaced(small, aht, "aht = inf")), "(got inf)"));
    CHECK(error_of(replaced(small, aht, "aht = 1e300")) ==
          "s.toml:9:7: queue.hotline.aht: must be at most 1e+09s (got 1e+300)");
    CHECK(error_of(replaced(small, aht, "aht = \"-0s\"")) ==
          "s.toml:9:7: queue.hotline.aht: must be > 0 (got '-0s')");
    // A negative zero where zero is allowed reads as zero, never "-0".
    const auto loaded = load_text(replaced(small, aht, "aht = \"3min\"\nthreshold = -0.0"));
    CHECK_FALSE(std::signbit(loaded.model.queues[0].threshold.count()));
}

TEST_CASE("scenario integers: beyond int, beyond 64 bits, and the size limits") {
    const std::string agents = "agents = 5";
    CHECK(error_of(replaced(small, agents, "agents = 2147483648")) ==
          "s.toml:14:10: group.regular.agents: must be in [0, 100000] (got 2147483648)");
    CHECK(error_of(replaced(small, agents, "agents = 4294967298")) ==
          "s.toml:14:10: group.regular.agents: must be in [0, 100000] (got 4294967298)");
    CHECK(error_of(replaced(small, agents, "agents = 9223372036854775807")) ==
          "s.toml:14:10: group.regular.agents: must be in [0, 100000] (got "
          "9223372036854775807)");
    CHECK(error_of(replaced(small, agents, "agents = 100001")) ==
          "s.toml:14:10: group.regular.agents: must be in [0, 100000] (got 100001)");
    CHECK(error_of(replaced(small, agents, "agents = 100000")) == "no error");
    // Past 64 bits TOML itself refuses the integer.
    CHECK(has(error_of(replaced(small, agents, "agents = 99999999999999999999")), "s.toml:14"));
    CHECK(has(error_of(replaced(small, agents, "agents = 5.0")), "must be a whole number"));
    CHECK(error_of(small + "[run]\nreplications = 4294967298\n") ==
          "s.toml:16:16: run.replications: must be in [1, 10000000] (got 4294967298)");
    CHECK(error_of(small + "[run]\nthreads = 2147483648\n") ==
          "s.toml:16:11: run.threads: must be in [1, 1024] (got 2147483648)");
    CHECK(has(error_of(replaced(small, agents, "agents_by_interval = [1, 2, 3, 200000]")),
              "group.regular.agents_by_interval: must be in [0, 100000] (got 200000)"));
}

TEST_CASE("scenario numbers: NaN, infinity, huge volumes and scales") {
    const std::string volumes = "volumes = [10, 20, 30, 40]";
    CHECK(error_of(replaced(small, volumes, "volumes = [10, nan, 30, 40]")) ==
          "s.toml:8:16: queue.hotline.volumes: must be a finite number (got nan)");
    CHECK(error_of(replaced(small, volumes, "volumes = [10, inf, 30, 40]")) ==
          "s.toml:8:16: queue.hotline.volumes: must be a finite number (got inf)");
    CHECK(error_of(replaced(small, volumes, "volumes = [10, 2e9, 30, 40]")) ==
          "s.toml:8:16: queue.hotline.volumes: must be in [0, 1000000] (got 2000000000.0)");
    CHECK(error_of(replaced(small, volumes, "volumes = [10, 1e308, 30, 40]")) ==
          "s.toml:8:16: queue.hotline.volumes: must be in [0, 1000000] (got 1e+308)");
    // Within the limit alone, past it once scaled: the scale is named.
    CHECK(error_of(replaced(small, volumes, "volumes = [10, 20, 30, 900000]\nvolume_scale = 2")) ==
          "s.toml:9:16: queue.hotline.volume_scale: gives 1.8e+06 calls in an interval "
          "(volume_scale included); at most 1e+06 are allowed (got 2)");
    CHECK(has(error_of(replaced(small, volumes, volumes + "\nvolume_scale = 1e300")),
              "queue.hotline.volume_scale: must be in [0, 1000]"));
    const auto loaded = load_text(replaced(small, volumes, volumes + "\nvolume_scale = -0.0"));
    CHECK(loaded.model.queues[0].calls[0] == 0.0);
    CHECK_FALSE(std::signbit(loaded.model.queues[0].calls[0]));
}

TEST_CASE("a horizon has at most limits::intervals intervals") {
    const std::string many = replaced(replaced(small, "interval = \"30min\"", "interval = \"1s\""),
                                      "[day]", "[calendar]\ndays = 30\n\n[day]");
    CHECK(error_of(many) ==
          "s.toml:5:12: day.interval: makes 2505604 intervals of 1s over the horizon; at most "
          "1000000 are allowed (got '1s')");
}

TEST_CASE("a scenario has at most limits::queues queues") {
    std::string text = small;
    for (std::size_t i = 0; i < limits::queues; ++i)
        text += "[[queue]]\nname = \"q" + std::to_string(i) + "\"\nvolumes = [1]\naht = \"1min\"\n";
    CHECK(has(error_of(text), "queue: must have at most 1000 [[queue]] tables (got 1001)"));
}

TEST_CASE("the staffing search is safe for any finite load") {
    erlang::staffing_targets targets;
    targets.service_level = service_level_target{0.8, seconds{20.0}};
    const erlang::staffing_options options;
    for (const double calls_per_second : {1e16, 1e30, 1e300}) {
        const erlang::offered_traffic c{calls_per_second, seconds{1.0}, std::nullopt};
        CHECK_THROWS_AS(erlang::solve_staffing(c, targets, options), domain_error);
        const erlang::offered_traffic a{calls_per_second, seconds{1.0}, seconds{60.0}};
        CHECK_THROWS_AS(erlang::solve_staffing(a, targets, options), domain_error);
        CHECK_THROWS_AS(
            erlang::solve_chat_staffing(c, erlang::chat_concurrency{}, targets, options),
            domain_error);
    }
    // At the limit itself the search still answers (a load of 1e6 Erlang needs > 1e5 agents:
    // the answer is that none up to max_agents suffice, quickly).
    const erlang::offered_traffic at_limit{limits::offered_load, seconds{1.0}, std::nullopt};
    CHECK_THROWS_WITH_AS(erlang::solve_staffing(at_limit, targets, options),
                         doctest::Contains("no staffing up to 100000 agents"), domain_error);
}

TEST_CASE("saturated_count never overflows") {
    CHECK(saturated_count(3.0) == 3);
    CHECK(saturated_count(-1.0) == 0);
    CHECK(saturated_count(std::nan("")) == 0);
    CHECK(saturated_count(1e19) == saturated_count_max);
    CHECK(saturated_count(HUGE_VAL) == saturated_count_max);
}

TEST_CASE("the work of a run: items per replication times replications") {
    const auto loaded = load_text(small);
    const sim::run_work work = sim::work_of(loaded.model, 20);
    CHECK(work.items_per_replication == 100.0);
    CHECK(work.items() == 2000.0);
    CHECK_FALSE(work.notable());
    CHECK(sim::work_of(loaded.model, 10'000'000, 2).notable());  // 2e9 items
    CHECK_FALSE(sim::work_of(loaded.model, 10'000'000, 2).huge());
    CHECK(sim::work_of(loaded.model, 10'000'000, 11).huge());  // 1.1e10 items
    CHECK(sim::describe(work) == "about 2e+03 items (100 per replication x 20 replications)");
}

// Found by fuzz_scenario (docs/fuzzing.md): a group with `agents` on a horizon of several days
// whose first opening period starts before midnight of day 0 (open at 00:00 with a warm-up)
// cast day -1 to an unsigned int (undefined behaviour; in Release an error about
// "day 4294967295").
TEST_CASE("fuzz finding: agents over several days with a warm-up before midnight") {
    const std::string text = R"([day]
interval = "1h"
open = "00:00"
close = "24:00"
warmup = "2h"

[[queue]]
name = "calls"
volumes = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
           200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]
aht = "3min"

[[group]]
name = "agents"
skills = ["calls"]
agents = 11
)";
    const auto loaded = load_text(text);
    REQUIRE(loaded.model.calendar.days == 2);
    const auto& shifts = loaded.model.groups[0].shifts;
    REQUIRE_FALSE(shifts.empty());
    CHECK(shifts.front().start.count() == -7200.0);  // the warm-up's two hours, on day 0
}
