// Statistical validation: the simulation against closed forms it does not use. Every check
// asks whether the theoretical value lies inside the simulation's 99% confidence interval,
// from fixed seeds (so a run either always passes or always fails).
//
// Many checks at 99% each will miss now and then even for a perfect model (52 checks: 0.5
// misses expected). So each test case counts its misses and allows as many as a correct
// model exceeds with probability below 0.5% (binomial), and every value must in any case lie
// inside the 99.99% interval. A wrong model fails both ways: many misses, or far ones.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "erlang/erlang_a.hpp"
#include "erlang/erlang_a_general.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"
#include "io/scenario_file.hpp"
#include "not_ready_chain.hpp"
#include "sim/model/weibull.hpp"
#include "sim/replication_runner.hpp"
#include "sim/simulation.hpp"
#include "sim_test_support.hpp"
#include "validation_tally.hpp"

using namespace ccsim;
using namespace ccsim::sim;
using ccsim::test::aht;
using ccsim::test::replications;
using ccsim::test::tally;

namespace {

// One stationary queue after a two-hour warm-up.
stationary_queue queue_of(double load, int agents, std::optional<double> patience) {
    stationary_queue q;
    q.calls_per_hour = load / aht * 3600.0;
    q.aht = seconds{aht};
    if (patience) q.patience = seconds{*patience};
    q.agents = agents;
    q.warmup = seconds{7200.0};
    return q;
}

// Replications of the queue, each long enough for about `calls_per_replication` calls, in
// one interval.
simulation_summary run_stationary(double load, int agents, std::optional<double> patience,
                                  double calls_per_replication, std::uint64_t seed,
                                  distribution_shape handle = {}) {
    stationary_queue q = queue_of(load, agents, patience);
    q.horizon = seconds{std::ceil(calls_per_replication / q.calls_per_hour) * 3600.0};
    q.interval = q.horizon;
    scenario s = make_stationary_scenario(q);
    s.queues[0].handle_time = std::move(handle);
    const contact_centre centre(std::move(s));
    return simulate(centre, {replications, seed, 2}, 0.99).summary;
}

estimate day(const simulation_summary& r, queue_figure f) {
    return r.queue(0, r.intervals(), f);
}

}  // namespace

TEST_CASE("M/M/n matches Erlang C: P(wait), service level and ASA over 13 cases") {
    struct grid_case {
        double load;
        int agents;
    };
    // Loads 2 to 500 Erlang, service levels (15 s) from 0.52 to 0.99.
    const grid_case grid[] = {{2, 3},     {2, 5},     {5, 7},    {10, 12},   {10, 15},
                              {20, 23},   {50, 55},   {50, 60},  {100, 104}, {100, 106},
                              {200, 210}, {300, 315}, {500, 530}};
    std::uint64_t seed = 100;
    tally checks;
    for (const grid_case& c : grid) {
        const erlang::queue_metrics theory =
            erlang::erlang_c(c.load, c.agents, seconds{aht}, seconds{15});
        REQUIRE(theory.service_level >= 0.5);
        REQUIRE(theory.service_level <= 0.99);
        const simulation_summary r = run_stationary(c.load, c.agents, std::nullopt, 40000, ++seed);
        const std::string at = fmt::format("load {} agents {}: ", c.load, c.agents);
        checks.check(at + "P(wait)", day(r, queue_figure::p_wait), theory.p_wait);
        checks.check(at + "service level", day(r, queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "ASA", day(r, queue_figure::asa_s), theory.asa.count());
        checks.check(at + "occupancy", r.group(0, r.intervals(), group_figure::occupancy),
                     theory.occupancy);
        CHECK(day(r, queue_figure::abandoned).mean == 0.0);
    }
}

TEST_CASE("M/M/n+M matches Erlang A: abandonment, service level, occupancy, ASA") {
    struct grid_case {
        double load;
        int agents;
        double patience;
    };
    const grid_case grid[] = {{2, 3, 600},   {10, 10, 120},  {10, 14, 300},   {50, 48, 60},
                              {50, 55, 180}, {100, 95, 120}, {200, 210, 300}, {500, 480, 100}};
    std::uint64_t seed = 200;
    tally checks;
    for (const grid_case& c : grid) {
        const erlang::offered_traffic traffic{c.load / aht, seconds{aht}, seconds{c.patience}};
        const erlang::queue_metrics theory = erlang::erlang_a(traffic, c.agents, seconds{15});
        const simulation_summary r = run_stationary(c.load, c.agents, c.patience, 40000, ++seed);
        const std::string at =
            fmt::format("load {} agents {} patience {}: ", c.load, c.agents, c.patience);
        checks.check(at + "abandonment", day(r, queue_figure::abandon_rate), theory.p_abandon);
        checks.check(at + "service level", day(r, queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "service level of answered", day(r, queue_figure::service_level_answered),
                     theory.service_level_answered);
        checks.check(at + "P(wait)", day(r, queue_figure::p_wait), theory.p_wait);
        checks.check(at + "ASA", day(r, queue_figure::asa_s), theory.asa.count());
        checks.check(at + "occupancy", r.group(0, r.intervals(), group_figure::occupancy),
                     theory.occupancy);
    }
}

TEST_CASE("one long run with batch means matches Erlang A") {
    // A single replication of 600 hours: the intervals (one hour each) are the batches.
    struct grid_case {
        double load;
        int agents;
        double patience;
    };
    const grid_case grid[] = {{10, 11, 120}, {50, 52, 180}, {200, 195, 90}};
    std::uint64_t seed = 400;
    tally checks;
    for (const grid_case& c : grid) {
        stationary_queue q = queue_of(c.load, c.agents, c.patience);
        q.horizon = seconds{600 * 3600.0};
        q.interval = seconds{3600.0};
        const contact_centre centre(make_stationary_scenario(q));
        simulation_summary r = simulate(centre, {1, ++seed, 1}, 0.99).summary;
        r.use_batch_means();
        REQUIRE(r.batch_means());
        const erlang::queue_metrics theory = erlang::erlang_a(
            {c.load / aht, seconds{aht}, seconds{c.patience}}, c.agents, seconds{15});
        const std::string at = fmt::format("long run, load {} agents {}: ", c.load, c.agents);
        checks.check(at + "service level", day(r, queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "abandonment", day(r, queue_figure::abandon_rate), theory.p_abandon);
        checks.check(at + "ASA", day(r, queue_figure::asa_s), theory.asa.count());
        checks.check(at + "occupancy", r.group(0, r.intervals(), group_figure::occupancy),
                     theory.occupancy);
        // Offered calls: Poisson, so the interval is about +-2.58 sqrt(mean) wide at 99%.
        const estimate offered = day(r, queue_figure::offered);
        CHECK(offered.half_width() ==
              doctest::Approx(2.58 * std::sqrt(offered.mean)).epsilon(0.25));
    }
}

TEST_CASE("M/G/1 matches Pollaczek-Khinchine for every handle-time distribution") {
    // One agent at 70% load: mean wait = lambda E[S^2] / (2 (1 - rho)), E[S^2] = (1 + cv^2) AHT^2.
    struct shape_case {
        const char* name;
        distribution_shape shape;
        double cv2;
    };
    distribution_shape empirical{
        distribution_kind::empirical, 1.0, 1, {60.0, 120.0, 180.0, 240.0, 300.0}};
    const shape_case shapes[] = {
        {"exponential", {distribution_kind::exponential, 1.0, 1, {}}, 1.0},
        {"lognormal cv 0.6", {distribution_kind::lognormal, 0.6, 1, {}}, 0.36},
        {"gamma cv 1.5", {distribution_kind::gamma, 1.5, 1, {}}, 2.25},
        {"erlang-3", {distribution_kind::erlang, 1.0, 3, {}}, 1.0 / 3.0},
        {"deterministic", {distribution_kind::deterministic, 1.0, 1, {}}, 0.0},
        // Samples 60..300 s: mean 180, variance 7200, so cv^2 = 7200 / 180^2.
        {"empirical", empirical, 7200.0 / (180.0 * 180.0)},
    };
    const double rho = 0.7;
    std::uint64_t seed = 300;
    tally checks;
    for (const shape_case& c : shapes) {
        const double lambda = rho / aht;
        const double theory = lambda * (1.0 + c.cv2) * aht * aht / (2.0 * (1.0 - rho));
        const simulation_summary r = run_stationary(rho, 1, std::nullopt, 60000, ++seed, c.shape);
        const std::string at = std::string(c.name) + ": ";
        // The simulation's ASA is over answered calls: all of them here.
        checks.check(at + "mean wait", day(r, queue_figure::asa_s), theory);
        checks.check(at + "P(wait) = rho", day(r, queue_figure::p_wait), rho);
    }
}

TEST_CASE("M/M/n+G matches the exact formula for Weibull patience (shapes 0.5 and 2)") {
    // Patience with a falling hazard (shape 0.5: many leave at once, the rest wait long) and a
    // rising one (shape 2), against M/M/n+G (erlang/erlang_a_general). The exponential of the
    // same mean, Erlang A, must fall outside the intervals: the test sees the shape.
    struct grid_case {
        double load;
        int agents;
        double patience, shape;
    };
    const grid_case grid[] = {
        {50, 48, 120, 0.5}, {50, 48, 120, 2.0}, {10, 10, 90, 0.5}, {10, 10, 90, 2.0}};
    std::uint64_t seed = 1000;
    tally checks;
    for (const grid_case& c : grid) {
        const double lambda = c.load / aht;
        const erlang::queue_metrics theory = erlang::erlang_a_general(
            lambda, seconds{aht}, c.agents, erlang::weibull_patience(seconds{c.patience}, c.shape),
            seconds{15});
        stationary_queue q = queue_of(c.load, c.agents, c.patience);
        q.horizon = seconds{std::ceil(20000.0 / q.calls_per_hour) * 3600.0};
        q.interval = q.horizon;
        scenario s = make_stationary_scenario(q);
        s.queues[0].patience->shape = {distribution_kind::weibull, weibull_cv(c.shape), 1, {}};
        const simulation_summary r =
            simulate(contact_centre(std::move(s)), {replications, ++seed, 2}, 0.99).summary;
        const std::string at = fmt::format("load {} agents {} patience {} shape {}: ", c.load,
                                           c.agents, c.patience, c.shape);
        checks.check(at + "abandonment", day(r, queue_figure::abandon_rate), theory.p_abandon);
        checks.check(at + "service level", day(r, queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "P(wait)", day(r, queue_figure::p_wait), theory.p_wait);
        checks.check(at + "ASA", day(r, queue_figure::asa_s), theory.asa.count());
        checks.check(at + "occupancy", r.group(0, r.intervals(), group_figure::occupancy),
                     theory.occupancy);
        const erlang::queue_metrics exponential =
            erlang::erlang_a({lambda, seconds{aht}, seconds{c.patience}}, c.agents, seconds{15});
        test::excludes(at + "abandonment of exponential patience (Erlang A)",
                       day(r, queue_figure::abandon_rate), exponential.p_abandon);
    }
}

TEST_CASE("a time-varying day offers what the forecast says, interval by interval") {
    scenario s;
    s.day_start = seconds{8 * 3600.0};
    s.interval = seconds{1800.0};
    s.interval_count = 24;
    s.open_periods = {{s.day_start, s.day_end()}};
    queue_spec q;
    q.name = "voice";
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        q.calls.push_back(i % 5 == 2 ? 0.0 : 20.0 + 15.0 * static_cast<double>(i % 7));
        q.aht.push_back(seconds{200.0});
    }
    s.queues.push_back(q);
    s.groups.push_back({"agents", {{0, 1}}, 1.0, 0.0, {{"day", s.day_start, s.day_end(), 30, {}}}});
    const contact_centre centre(s);
    const simulation_summary r = simulate(centre, {400, 77, 2}, 0.99).summary;
    int outside = 0;
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        const estimate offered = r.queue(0, i, queue_figure::offered);
        if (q.calls[i] == 0.0) {
            CHECK(offered.mean == 0.0);
        } else if (!offered.contains(q.calls[i])) {
            ++outside;
        }
    }
    // 24 intervals at 99%: more than two misses would be a wrong arrival process.
    CHECK(outside <= 2);
}

TEST_CASE("group preference: the preferred group carries a (1 - B(n1, a)) of a loss system") {
    // Callers who find every agent busy hang up at once (patience ~0): an Erlang loss system
    // with n1 preferred and n2 reserve agents. The preferred group, offered every call while
    // it has an agent free, is itself an Erlang loss system; the reserve carries its overflow
    // a B(n1, a) less what is lost: a (B(n1, a) - B(n1 + n2, a)) (Kosten's overflow).
    struct grid_case {
        double load;
        int preferred, reserve;
    };
    const grid_case grid[] = {{5, 4, 3}, {10, 8, 6}, {30, 28, 8}};
    std::uint64_t seed = 500;
    tally checks;
    for (const grid_case& c : grid) {
        stationary_queue q = queue_of(c.load, c.preferred, 1e-6);
        q.horizon = seconds{200 * 3600.0};
        q.interval = q.horizon;
        scenario s = make_stationary_scenario(q);
        s.queues[0].patience->shape.kind = distribution_kind::deterministic;
        group_spec reserve{"team leads", {{0, 1, 2}}, 1.0, 0.0, {}};
        add_shift(reserve, s.groups[0].shifts[0]);
        reserve.shifts[0].agents = c.reserve;
        s.groups.push_back(reserve);
        const simulation_summary r =
            simulate(contact_centre(s), {replications, ++seed, 2}, 0.99).summary;
        const double b1 = erlang::erlang_b(c.preferred, c.load);
        const double b = erlang::erlang_b(c.preferred + c.reserve, c.load);
        const std::string at =
            fmt::format("load {} agents {} + {}: ", c.load, c.preferred, c.reserve);
        checks.check(at + "preferred busy", r.group(0, r.horizon(), group_figure::agents_busy),
                     c.load * (1.0 - b1));
        checks.check(at + "reserve busy", r.group(1, r.horizon(), group_figure::agents_busy),
                     c.load * (b1 - b));
        checks.check(at + "answer rate", day(r, queue_figure::answer_rate), 1.0 - b);
    }
}

TEST_CASE("a week of different days: each day matches Erlang A at that day's load") {
    // Three 24-hour days at different loads, the same 52 agents every day on a tour of
    // day-long shifts, handing over to themselves at midnight. Each day is long enough for
    // its queue to be near its own steady state almost all the time.
    const double loads[] = {45.0, 55.0, 50.0};
    const int agents = 52;
    const double patience = 120.0;
    scenario s;
    s.calendar.days = 3;
    s.interval = seconds{3600.0};
    s.interval_count = 72;
    s.warmup = seconds{7200.0};
    s.open_periods = {{seconds{-7200.0}, seconds{3 * 86400.0}}};
    queue_spec q;
    q.name = "voice";
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        q.calls.push_back(loads[i / 24] / aht * 3600.0);
        q.aht.push_back(seconds{aht});
    }
    q.patience = timed_distribution{{}, seconds{patience}};
    s.queues.push_back(q);
    shift_spec first{"first day", seconds{-7200.0}, seconds{86400.0}, 0, {}};
    shift_spec day{"day", seconds{0.0}, seconds{86400.0}, 0, {}};
    group_spec group{"agents", {{0, 1}}, 1.0, 0.0, {first, day}};
    group.tours.push_back({"everyone", agents, {{0, 0}, {1, 1}, {2, 1}}});
    s.groups.push_back(group);
    const simulation_summary r = simulate(contact_centre(s), {replications, 600, 2}, 0.99).summary;
    tally checks;
    for (std::size_t d = 0; d < 3; ++d) {
        const erlang::queue_metrics theory = erlang::erlang_a(
            {loads[d] / aht, seconds{aht}, seconds{patience}}, agents, seconds{15});
        const std::string at = fmt::format("day {} load {}: ", d + 1, loads[d]);
        checks.check(at + "service level", r.queue(0, r.day_bucket(d), queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "abandonment", r.queue(0, r.day_bucket(d), queue_figure::abandon_rate),
                     theory.p_abandon);
        checks.check(at + "occupancy", r.group(0, r.day_bucket(d), group_figure::occupancy),
                     theory.occupancy);
        CHECK(r.group(0, r.day_bucket(d), group_figure::agents_logged_in).mean ==
              doctest::Approx(agents));
    }
}

TEST_CASE("busyness is drawn per day: daily volumes vary as gamma-mixed Poisson, independently") {
    // Seven days of 2,000 expected calls, busyness cv 0.2: each day's offered count has
    // variance m + (cv m)^2 and is independent of the other days'. (A factor drawn once per
    // replication would make the days' volumes almost perfectly correlated.)
    scenario s = make_stationary_scenario(queue_of(10.0, 30, std::nullopt));
    const std::size_t days = 7;
    s.calendar.days = days;
    s.interval = seconds{86400.0};
    s.interval_count = days;
    s.warmup = seconds{0.0};
    s.open_periods = {{seconds{0.0}, seconds{days * 86400.0}}};
    s.queues[0].calls.assign(days, 2000.0);
    s.queues[0].aht.assign(days, seconds{aht});
    s.groups[0].shifts[0] = {"all week", seconds{0.0}, seconds{days * 86400.0}, 30, {}};
    s.busyness_cv = 0.2;
    s.stationary = false;
    const contact_centre centre(s);
    const int n = 400;
    std::vector<std::vector<double>> volume(days, std::vector<double>(n));
    for (int rep = 0; rep < n; ++rep) {
        const replication_statistics stats =
            centre.simulate_replication(9, static_cast<std::uint64_t>(rep));
        for (std::size_t d = 0; d < days; ++d)
            volume[d][static_cast<std::size_t>(rep)] = static_cast<double>(stats.at(0, d).offered);
    }
    auto mean_of = [&](const std::vector<double>& v) {
        double sum = 0.0;
        for (double x : v) sum += x;
        return sum / static_cast<double>(v.size());
    };
    auto covariance = [&](const std::vector<double>& a, const std::vector<double>& b) {
        const double ma = mean_of(a), mb = mean_of(b);
        double sum = 0.0;
        for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - ma) * (b[i] - mb);
        return sum / static_cast<double>(a.size() - 1);
    };
    const double m = 2000.0, variance = m + 0.04 * m * m;  // 162,000: sd 402
    for (std::size_t d = 0; d < days; ++d) {
        // The mean of 400 days: standard error 20; the sample variance: about 7% (gamma tails).
        CHECK(std::abs(mean_of(volume[d]) - m) < 4.0 * std::sqrt(variance / n));
        CHECK(covariance(volume[d], volume[d]) == doctest::Approx(variance).epsilon(0.3));
    }
    for (std::size_t d = 1; d < days; ++d) {
        const double correlation =
            covariance(volume[0], volume[d]) /
            std::sqrt(covariance(volume[0], volume[0]) * covariance(volume[d], volume[d]));
        CHECK(std::abs(correlation) < 4.0 / std::sqrt(static_cast<double>(n)));
    }
}

TEST_CASE("after-call work: a loss system blocks as Erlang B of talk plus wrap-up, any shape") {
    // Callers who find every agent busy hang up at once: an Erlang loss system, whose blocking
    // depends on the service time only through its mean (insensitivity). With wrap-up the
    // agent is held for talk + wrap-up while the caller has gone, so blocking is
    // B(n, lambda (talk + wrap)) and the agents busy lambda (talk + wrap) (1 - B), whatever the
    // wrap-up's distribution; the model without wrap-up (B(n, lambda talk)) is far outside.
    struct grid_case {
        double talk_load;
        int agents;
        double wrap_s;
        distribution_kind kind;
    };
    const grid_case grid[] = {{6, 10, 60, distribution_kind::deterministic},
                              {6, 10, 60, distribution_kind::exponential},
                              {15, 20, 90, distribution_kind::lognormal}};
    std::uint64_t seed = 900;
    tally checks;
    for (const grid_case& c : grid) {
        stationary_queue q = queue_of(c.talk_load, c.agents, 1e-6);
        q.horizon = seconds{200 * 3600.0};
        q.interval = q.horizon;
        scenario s = make_stationary_scenario(q);
        s.queues[0].patience->shape.kind = distribution_kind::deterministic;
        distribution_shape wrap_shape;
        wrap_shape.kind = c.kind;
        wrap_shape.cv = 0.5;
        s.groups[0].after_call_work = timed_distribution{wrap_shape, seconds{c.wrap_s}};
        const simulation_summary r =
            simulate(contact_centre(s), {replications, ++seed, 2}, 0.99).summary;
        const double load = c.talk_load * (aht + c.wrap_s) / aht;
        const double b = erlang::erlang_b(c.agents, load);
        const std::string at = fmt::format("talk load {} wrap {}s: ", c.talk_load, c.wrap_s);
        checks.check(at + "answer rate", day(r, queue_figure::answer_rate), 1.0 - b);
        checks.check(at + "agents busy", r.group(0, r.horizon(), group_figure::agents_busy),
                     load * (1.0 - b));
        // The wrong model, wrap-up ignored, is far outside the interval.
        const estimate answered = day(r, queue_figure::answer_rate);
        CHECK(1.0 - erlang::erlang_b(c.agents, c.talk_load) > answered.ci_high);
    }
}

TEST_CASE("not-ready time: the exact chain of agents with owed spells, not fewer heads") {
    // Agents alternate ready time and not-ready spells (exponential both) so that `share` of
    // their logged-in time is not ready; a spell due during a call is taken when it ends. The
    // chain of tests/not_ready_chain.hpp (every agent's state and the calls waiting) gives the
    // figures exactly; its not-ready share is the stated one. The usual shortcut, the share as
    // fewer heads (Erlang A with n (1 - share) agents), is outside the intervals: agents
    // resting together leave the queue unserved for a while, which steady fewer heads do not.
    struct grid_case {
        int agents;
        double load, patience, share, spell;
    };
    const grid_case grid[] = {{3, 1.5, 300.0, 1.0 / 3.0, 600.0},
                              {3, 1.2, 180.0, 0.25, 300.0},
                              {2, 1.0, 600.0, 0.2, 900.0}};
    std::uint64_t seed = 960;
    tally checks;
    for (const grid_case& c : grid) {
        stationary_queue q = queue_of(c.load, c.agents, c.patience);
        q.horizon = seconds{std::ceil(40000.0 / q.calls_per_hour) * 3600.0};
        q.interval = q.horizon;
        scenario s = make_stationary_scenario(q);
        s.groups[0].not_ready = not_ready_model{c.share, {{}, seconds{c.spell}}};
        const contact_centre centre(s);
        simulation_summary r(centre.model(), 0.99);
        std::vector<double> mean_wait;  // of every caller: (answered + abandoned waits) / offered
        run_replications(centre, {replications, ++seed, 2},
                         [&](std::size_t, replication_statistics&& day) {
                             const queue_counters t = test::day_totals(day, 0);
                             mean_wait.push_back((t.answered_wait + t.abandoned_wait) /
                                                 static_cast<double>(t.offered));
                             r.add(day);
                         });
        test::not_ready_chain_model m;
        m.agents = c.agents;
        m.lambda = q.calls_per_hour / 3600.0;
        m.mu = 1.0 / aht;
        m.theta = 1.0 / c.patience;
        m.spell_rate = 1.0 / c.spell;
        m.ready_rate = c.share / ((1.0 - c.share) * c.spell);
        m.max_owed = 4;
        const test::not_ready_chain_figures exact = test::solve_not_ready_chain(m);
        const std::string at = fmt::format("{} agents load {} not ready {:.3f} of {}s: ", c.agents,
                                           c.load, c.share, c.spell);
        INFO(at, "chain truncated with probability ", exact.truncated);
        CHECK(exact.truncated < 3e-3);
        CHECK(exact.not_ready_share == doctest::Approx(c.share).epsilon(1e-3));
        checks.check(at + "abandonment", day(r, queue_figure::abandon_rate), exact.p_abandon);
        checks.check(at + "P(wait)", day(r, queue_figure::p_wait), exact.p_wait);
        checks.check(at + "mean wait", test::interval_of(mean_wait), exact.mean_wait);
        checks.check(at + "occupancy", r.group(0, r.horizon(), group_figure::occupancy),
                     exact.occupancy);
        checks.check(at + "not-ready share", r.group(0, r.horizon(), group_figure::not_ready_share),
                     exact.not_ready_share);
        // The share as fewer heads: Erlang A with n (1 - share) agents, always ready.
        const erlang::offered_traffic traffic{m.lambda, seconds{aht}, seconds{c.patience}};
        const erlang::queue_metrics heads =
            erlang::erlang_a(traffic, c.agents * (1.0 - c.share), seconds{15.0});
        test::excludes(at + "abandonment with fewer heads", day(r, queue_figure::abandon_rate),
                       heads.p_abandon);
        test::excludes(at + "mean wait with fewer heads", test::interval_of(mean_wait),
                       heads.mean_wait.count());
    }
}

TEST_CASE("not-ready chain: without not-ready time it is Erlang A") {
    // The chain's own check: with the ready clock stopped nobody rests, and M/M/n+M remains.
    for (const int agents : {1, 2, 3}) {
        test::not_ready_chain_model m;
        m.agents = agents;
        m.lambda = 1.0 / 100.0;
        m.mu = 1.0 / aht;
        m.theta = 1.0 / 240.0;
        m.spell_rate = 1.0 / 300.0;
        const test::not_ready_chain_figures f = test::solve_not_ready_chain(m);
        const erlang::queue_metrics a = erlang::erlang_a(
            {m.lambda, seconds{aht}, seconds{240.0}}, static_cast<double>(agents), seconds{15.0});
        CHECK(f.p_wait == doctest::Approx(a.p_wait).epsilon(1e-9));
        CHECK(f.p_abandon == doctest::Approx(a.p_abandon).epsilon(1e-9));
        CHECK(f.mean_wait == doctest::Approx(a.mean_wait.count()).epsilon(1e-9));
        CHECK(f.occupancy == doctest::Approx(a.occupancy).epsilon(1e-9));
        CHECK(std::abs(f.not_ready_share) < 1e-12);
    }
}

TEST_CASE("customer classes: mean waits match Cobham's non-preemptive priority M/M/n") {
    // A queue with two classes (priority 1 served first, never interrupting a call), callers
    // who never hang up, exponential handle times shared by both classes: Cobham (1954) gives
    // class k's mean wait C(n, a) / (n mu (1 - s_{k-1}) (1 - s_k)), s_k the load of classes
    // 1..k per agent; their call-weighted mean is Erlang C's. The classes are written as the
    // scenario file writes them (io/queue_classes), so the split into queues is checked too.
    struct grid_case {
        int agents;
        double load, gold_share;
    };
    const grid_case grid[] = {{9, 8.0, 0.3}, {20, 18.0, 0.5}, {5, 4.0, 0.2}};
    std::uint64_t seed = 950;
    tally checks;
    for (const grid_case& c : grid) {
        const double per_day = c.load / aht * 86400.0;
        const std::string text =
            fmt::format(R"([day]
interval = "24h"
open = "00:00"
close = "24:00"
warmup = "3h"

[[queue]]
name = "line"
volumes = [{}]
aht = "{}s"
handle_time = {{ distribution = "exponential" }}
patience = "none"
classes = [
  {{ name = "gold", share = {}, priority = 1 }},
  {{ name = "standard", share = {}, priority = 2 }},
]

[[group]]
name = "agents"
skills = ["line"]
agents = {}
)",
                        per_day, aht, c.gold_share, 1.0 - c.gold_share, c.agents);
        const io::loaded_scenario loaded = io::load_scenario_text(text, "classes.toml", ".");
        REQUIRE(loaded.model.queues.size() == 2);
        const simulation_summary r =
            simulate(contact_centre(loaded.model), {replications, ++seed, 2}, 0.99).summary;
        const double mu_n = c.agents / aht;
        const double wait_all =
            erlang::erlang_c(c.load, c.agents, seconds{aht}, seconds{15}).p_wait /
            (mu_n - c.load / aht);
        const double s1 = c.gold_share * c.load / c.agents, s2 = c.load / c.agents;
        const double gold = wait_all * (1.0 - s2) / (1.0 - s1);
        const double standard = wait_all * (1.0 - s2) / ((1.0 - s1) * (1.0 - s2));
        const std::string at =
            fmt::format("{} agents load {} gold {}: ", c.agents, c.load, c.gold_share);
        checks.check(at + "gold ASA", r.queue(0, r.intervals(), queue_figure::asa_s), gold);
        checks.check(at + "standard ASA", r.queue(1, r.intervals(), queue_figure::asa_s), standard);
        checks.check(at + "all ASA", r.queue(2, r.intervals(), queue_figure::asa_s), wait_all);
        // The wrong model, one queue first come first served, is outside for the gold class.
        const estimate g = r.queue(0, r.intervals(), queue_figure::asa_s);
        CHECK(wait_all > g.ci_high);
    }
}

TEST_CASE("routing delay: M/M/n callers offered after a delay wait the delay plus Erlang C") {
    // Calls are offered to agents only after a routing delay D (independent of everything
    // else), and never hang up. Delaying every point of a Poisson process by i.i.d. times
    // gives a Poisson process again, so from the agents' side the queue is still M/M/n: the
    // wait in line W is Erlang C's (P(W > t) = C exp(-theta t), theta = n mu - lambda) and
    // the caller's wait is D + W. Service level P(D + W <= T) and ASA E[D] + C / theta follow
    // for a constant D and an exponential one. The model without the delay is far outside.
    struct grid_case {
        int agents;
        double load, delay_s;
        const char* kind;
    };
    const grid_case grid[] = {{10, 8.0, 10.0, "deterministic"},
                              {10, 8.0, 10.0, "exponential"},
                              {20, 17.0, 5.0, "exponential"}};
    constexpr double threshold = 20.0;
    std::uint64_t seed = 970;
    tally checks;
    for (const grid_case& c : grid) {
        const double per_day = c.load / aht * 86400.0;
        const std::string text = fmt::format(R"([day]
interval = "24h"
open = "00:00"
close = "24:00"
warmup = "3h"

[[queue]]
name = "line"
volumes = [{}]
aht = "{}s"
threshold = "{}s"
handle_time = {{ distribution = "exponential" }}
patience = "none"
routing_delay = {{ distribution = "{}", mean = "{}s" }}

[[group]]
name = "agents"
skills = ["line"]
agents = {}
)",
                                             per_day, aht, threshold, c.kind, c.delay_s, c.agents);
        const io::loaded_scenario loaded = io::load_scenario_text(text, "delay.toml", ".");
        REQUIRE(loaded.model.queues[0].routing_delay);
        const simulation_summary r =
            simulate(contact_centre(loaded.model), {replications, ++seed, 2}, 0.99).summary;
        const double p_wait =
            erlang::erlang_c(c.load, c.agents, seconds{aht}, seconds{threshold}).p_wait;
        const double theta = c.agents / aht - c.load / aht;
        double within = 0.0;
        if (std::string(c.kind) == "deterministic") {
            within = 1.0 - p_wait * std::exp(-theta * (threshold - c.delay_s));
        } else {
            const double delta = 1.0 / c.delay_s;
            const double delay_within = 1.0 - std::exp(-delta * threshold);
            const double sum_within = 1.0 - (theta * std::exp(-delta * threshold) -
                                             delta * std::exp(-theta * threshold)) /
                                                (theta - delta);
            within = (1.0 - p_wait) * delay_within + p_wait * sum_within;
        }
        const std::string at =
            fmt::format("{} agents load {} {} delay {}s: ", c.agents, c.load, c.kind, c.delay_s);
        checks.check(at + "service level", day(r, queue_figure::service_level), within);
        checks.check(at + "ASA", day(r, queue_figure::asa_s), c.delay_s + p_wait / theta);
        // The wrong model, offered at once, is far outside.
        const double at_once =
            erlang::erlang_c(c.load, c.agents, seconds{aht}, seconds{threshold}).service_level;
        CHECK(at_once > day(r, queue_figure::service_level).ci_high);
    }
}

TEST_CASE("routing delay: callers less patient than the delay all hang up in it") {
    // Patience 5 s, delay 10 s, both constant: no call reaches an agent, every one is
    // abandoned after exactly 5 s.
    const std::string text = R"([day]
interval = "1h"
open = "08:00"
close = "10:00"

[[queue]]
name = "line"
volumes = [50, 50]
aht = "3min"
patience = { distribution = "deterministic", mean = "5s" }
routing_delay = { distribution = "deterministic", mean = "10s" }

[[group]]
name = "agents"
skills = ["line"]
agents = 10
)";
    const io::loaded_scenario loaded = io::load_scenario_text(text, "delay.toml", ".");
    const simulation_summary r = simulate(contact_centre(loaded.model), {5, 1, 1}, 0.99).summary;
    CHECK(day(r, queue_figure::answer_rate).mean == 0.0);
    CHECK(day(r, queue_figure::offered).mean > 50.0);
    CHECK(day(r, queue_figure::abandon_rate).mean == 1.0);
}
