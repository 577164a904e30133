#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "erlang/interval_staffing.hpp"
#include "erlang/staffing.hpp"
#include "erlang/staffing_sequence.hpp"
#include "reference_table.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

namespace {
enum col {
    name,
    calls,
    interval_s,
    aht_s,
    threshold_s,
    sl_target,
    max_occupancy,
    shrinkage,
    expected_agents,
    expected_with_shrinkage,
    source
};

offered_traffic voice(double calls_per_half_hour, double aht, std::optional<double> patience = {}) {
    std::optional<seconds> p;
    if (patience) p = seconds{*patience};
    return offered_traffic::from_volume(calls_per_half_hour, seconds{1800}, seconds{aht}, p);
}

// The answer is minimal: its metrics meet the targets and one agent fewer does not.
void check_minimal(const offered_traffic& t, const staffing_targets& targets,
                   const staffing_answer& a) {
    const seconds threshold =
        targets.service_level ? targets.service_level->threshold : seconds{15};
    CHECK(targets.met_by(evaluate(t, static_cast<double>(a.agents), threshold)));
    if (a.agents > 0)
        CHECK_FALSE(targets.met_by(evaluate(t, static_cast<double>(a.agents - 1), threshold)));
}
}  // namespace

TEST_CASE("staffing reproduces every published answer") {
    const auto rows = test::read_reference("staffing_reference.csv");
    REQUIRE(rows.size() >= 2);
    for (const auto& row : rows) {
        INFO(row[name].text, " from ", row[source].text);
        staffing_targets targets;
        targets.service_level =
            service_level_target{*row[sl_target].number(), seconds{*row[threshold_s].number()}};
        if (row[max_occupancy].number()) targets.max_occupancy = *row[max_occupancy].number();
        staffing_options options;
        options.shrinkage = *row[shrinkage].number();
        const auto t =
            offered_traffic::from_volume(*row[calls].number(), seconds{*row[interval_s].number()},
                                         seconds{*row[aht_s].number()});
        const staffing_answer a = solve_staffing(t, targets, options);
        CHECK(a.agents == static_cast<long>(*row[expected_agents].number()));
        CHECK(a.scheduled == static_cast<long>(*row[expected_with_shrinkage].number()));
    }
}

TEST_CASE("shrinkage rounds up, except quotients that are whole up to rounding") {
    CHECK(scheduled_agents(14, 0.3) == 20);  // 14 / 0.7 = 20.000000000000004 in doubles
    CHECK(scheduled_agents(15, 0.3) == 22);
    CHECK(scheduled_agents(10, 0.0) == 10);
    CHECK(scheduled_agents(1, 0.5) == 2);
    CHECK(scheduled_agents(0, 0.3) == 0);
}

TEST_CASE("every target alone and in combination gives the least sufficient staffing") {
    std::vector<staffing_targets> cases;
    staffing_targets t;
    t.service_level = service_level_target{0.9, seconds{15}};
    cases.push_back(t);
    t.answer_rate = 0.95;
    cases.push_back(t);
    staffing_targets only_answer;
    only_answer.answer_rate = 0.9;
    cases.push_back(only_answer);
    staffing_targets only_asa;
    only_asa.asa = seconds{20};
    cases.push_back(only_asa);
    staffing_targets only_abandon;
    only_abandon.max_abandon = 0.02;
    cases.push_back(only_abandon);
    staffing_targets only_occupancy;
    only_occupancy.max_occupancy = 0.8;
    cases.push_back(only_occupancy);
    staffing_targets answered_basis;
    answered_basis.service_level =
        service_level_target{0.8, seconds{20}, service_level_basis::answered};
    cases.push_back(answered_basis);

    for (double calls : {3.0, 100.0, 1000.0, 20000.0}) {
        for (std::optional<double> patience :
             {std::optional<double>{}, std::optional<double>{120.0}}) {
            for (const staffing_targets& targets : cases) {
                if (!patience && (targets.max_abandon || targets.answer_rate) &&
                    !targets.service_level && !targets.asa && !targets.max_occupancy)
                    continue;  // trivially met by Erlang C once stable; still checked below
                const offered_traffic traffic = voice(calls, 180, patience);
                INFO("calls ", calls, " patience ", patience.value_or(0));
                const staffing_answer a = solve_staffing(traffic, targets, {});
                check_minimal(traffic, targets, a);
            }
        }
    }
}

TEST_CASE("the fractional requirement lies between the whole answer and one fewer") {
    staffing_targets targets;
    targets.service_level = service_level_target{0.8, seconds{20}};
    staffing_options options;
    options.fractional = true;
    options.shrinkage = 0.3;
    for (std::optional<double> patience : {std::optional<double>{}, std::optional<double>{300.0}}) {
        const offered_traffic t = voice(100, 180, patience);
        const staffing_answer a = solve_staffing(t, targets, options);
        REQUIRE(a.fractional_agents);
        CHECK(*a.fractional_agents <= static_cast<double>(a.agents));
        CHECK(*a.fractional_agents > static_cast<double>(a.agents - 1));
        CHECK(evaluate(t, *a.fractional_agents, seconds{20}).service_level ==
              doctest::Approx(0.8).epsilon(1e-6));
        CHECK(*a.fractional_scheduled == doctest::Approx(*a.fractional_agents / 0.7));
    }
}

TEST_CASE("an unreachable target is a domain error, not a wrong answer") {
    staffing_targets targets;
    targets.service_level = service_level_target{0.99, seconds{15}};
    staffing_options options;
    options.max_agents = 12;  // the load is 10 Erlang: 99% in 15 s needs more
    CHECK_THROWS_AS(solve_staffing(voice(100, 180), targets, options), domain_error);
}

TEST_CASE("an interval with no calls needs nobody") {
    staffing_targets targets;
    targets.service_level = service_level_target{0.9, seconds{15}};
    for (std::optional<double> patience : {std::optional<double>{}, std::optional<double>{120.0}}) {
        const staffing_answer a = solve_staffing(voice(0, 180, patience), targets, {});
        CHECK(a.agents == 0);
        CHECK(a.scheduled == 0);
        // Evaluated, not left blank: nothing offered, so the shares are undefined.
        CHECK(std::isnan(a.metrics.service_level));
        CHECK(a.metrics.threshold == seconds{15});
    }
}

TEST_CASE("interval staffing sums agent-hours and weights figures by calls") {
    staffing_targets targets;
    targets.service_level = service_level_target{0.9, seconds{15}};
    staffing_options options;
    options.shrinkage = 0.25;
    std::vector<interval_demand> demand;
    for (int i = 0; i < 4; ++i)
        demand.push_back(
            {seconds{1800.0 * i}, seconds{1800}, 50.0 + 50 * i, seconds{200}, std::nullopt});
    const staffing_plan plan = plan_intervals(demand, targets, options);
    REQUIRE(plan.intervals.size() == 4);
    double hours = 0, weighted = 0;
    for (const auto& r : plan.intervals) {
        hours += static_cast<double>(r.answer.agents) * 0.5;
        weighted += r.demand.calls * r.answer.metrics.service_level;
        CHECK(r.answer.metrics.service_level >= 0.9);
    }
    CHECK(plan.totals.agent_hours == doctest::Approx(hours));
    CHECK(plan.totals.calls == doctest::Approx(500.0));
    CHECK(plan.totals.service_level == doctest::Approx(weighted / 500.0));
    CHECK(plan.totals.peak_agents == plan.intervals.back().answer.agents);
}

namespace {

// The staffing by definition: every count from 0 up, each evaluated afresh by the closed forms
// (with their own Erlang B), until one meets every target. Nothing from the search.
std::optional<long> staffing_by_scan(const offered_traffic& t, const staffing_targets& targets,
                                     long max_agents) {
    if (t.load() == 0.0) return 0;
    const seconds threshold =
        targets.service_level ? targets.service_level->threshold : seconds{15};
    for (long n = 0; n <= max_agents; ++n)
        if (targets.met_by(evaluate(t, static_cast<double>(n), threshold))) return n;
    return std::nullopt;
}

struct staffing_case {
    offered_traffic traffic;
    staffing_targets targets;
    staffing_options options;
};

std::string describe_case(const staffing_case& c) {
    const staffing_targets& t = c.targets;
    std::string s = "load " + std::to_string(c.traffic.load()) + " aht " +
                    std::to_string(c.traffic.aht.count()) + " patience " +
                    (c.traffic.patience ? std::to_string(c.traffic.patience->count()) : "none");
    if (t.service_level)
        s += " sl " + std::to_string(t.service_level->fraction) + "/" +
             std::to_string(t.service_level->threshold.count()) +
             (t.service_level->basis == service_level_basis::answered ? " answered" : "");
    if (t.answer_rate) s += " answer rate " + std::to_string(*t.answer_rate);
    if (t.asa) s += " asa " + std::to_string(t.asa->count());
    if (t.max_abandon) s += " abandon " + std::to_string(*t.max_abandon);
    if (t.max_occupancy) s += " occupancy " + std::to_string(*t.max_occupancy);
    return s + " max agents " + std::to_string(c.options.max_agents);
}

// A few hundred intervals: loads from 0.001 to 8,000 Erlang, both models, every target alone
// and in combinations, ceilings low enough to make some targets unreachable, and targets set
// a hair (1e-9) either side of the figure some count achieves, so that the answer is barely
// met there or barely missed. (Closer than that, the figures' own rounding, ~1e-12 where
// Erlang B takes its incomplete gamma route, decides, and no search can be held to it.)
std::vector<staffing_case> varied_cases() {
    std::mt19937_64 random(424242);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto pick = [&](std::initializer_list<double> values) {
        return *(values.begin() +
                 static_cast<long>(unit(random) * static_cast<double>(values.size())));
    };
    std::vector<staffing_case> cases;
    std::vector<double> loads = {0.001, 0.01, 0.3, 1.0, 2000.0, 2000.5, 8000.0};
    while (loads.size() < 260)
        loads.push_back(std::exp(std::log(0.005) + unit(random) * std::log(5e5)));
    for (double load : loads) {
        staffing_case c;
        const double aht = pick({30.0, 180.0, 240.0, 600.0});
        c.traffic = offered_traffic{load / aht, seconds{aht}, std::nullopt};
        const double patience = pick({0.0, 10.0, 60.0, 120.0, 120.0, 300.0, 3600.0});
        if (patience > 0.0) c.traffic.patience = seconds{patience};
        staffing_targets& t = c.targets;
        while (t.empty()) {
            if (unit(random) < 0.8)
                t.service_level = service_level_target{
                    0.5 + 0.49 * unit(random), seconds{pick({5.0, 15.0, 20.0, 60.0})},
                    unit(random) < 0.8 ? service_level_basis::offered
                                       : service_level_basis::answered};
            if (unit(random) < 0.3) t.answer_rate = 0.5 + 0.49 * unit(random);
            if (unit(random) < 0.2) t.asa = seconds{5.0 + 100.0 * unit(random)};
            if (unit(random) < 0.2) t.max_abandon = 0.005 + 0.2 * unit(random);
            if (unit(random) < 0.15) t.max_occupancy = 0.6 + 0.35 * unit(random);
        }
        // Some ceilings below the answer: both must then find nothing.
        c.options.max_agents = unit(random) < 0.1 ? static_cast<long>(load / 2.0) + 1
                                                  : static_cast<long>(3.0 * load) + 60;
        cases.push_back(c);
    }
    // Barely met and barely missed: the target is the figure at n0, a hair lower or higher.
    for (int i = 0; i < 40; ++i) {
        staffing_case c;
        const double load = std::exp(std::log(0.5) + unit(random) * std::log(4000.0));
        c.traffic = offered_traffic{load / 240.0, seconds{240.0}, std::nullopt};
        if (i % 4 != 3) c.traffic.patience = seconds{pick({60.0, 120.0, 300.0})};
        // Near where such targets are met, not so high that the figures round to 1.
        const double n0 = c.traffic.patience ? std::ceil(0.95 * load + 2.0 * std::sqrt(load))
                                             : std::floor(load) + std::ceil(std::sqrt(load));
        const seconds threshold{pick({10.0, 15.0, 30.0})};
        const queue_metrics m = evaluate(c.traffic, n0, threshold);
        const double hair = (i % 2 == 0 ? -1e-9 : 1e-9);
        if (i % 8 < 6 || !c.traffic.patience)
            c.targets.service_level =
                service_level_target{m.service_level + hair * (1.0 - m.service_level), threshold};
        else
            c.targets.answer_rate = m.answer_rate + hair * (1.0 - m.answer_rate);
        c.options.max_agents = static_cast<long>(3.0 * load) + 60;
        cases.push_back(c);
    }
    return cases;
}

void check_against_scan(const staffing_case& c, const std::optional<long>& expected,
                        const std::optional<staffing_answer>& got) {
    INFO(describe_case(c));
    REQUIRE(expected.has_value() == got.has_value());
    if (expected) CHECK(got->agents == *expected);
}

}  // namespace

TEST_CASE("the staffing search agrees with a scan of every count on varied intervals") {
    const std::vector<staffing_case> cases = varied_cases();
    std::vector<std::optional<long>> expected;
    for (const staffing_case& c : cases)
        expected.push_back(staffing_by_scan(c.traffic, c.targets, c.options.max_agents));
    auto solved = [](auto&& solve) -> std::optional<staffing_answer> {
        try {
            return solve();
        } catch (const domain_error&) {
            return std::nullopt;
        }
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const staffing_case& c = cases[i];
        check_against_scan(c, expected[i],
                           solved([&] { return solve_staffing(c.traffic, c.targets, c.options); }));
    }
    // From guesses near and far: the answer does not depend on where the search starts.
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const staffing_case& c = cases[i];
        for (double guess : {0.0, c.traffic.load(), 1e9}) {
            check_against_scan(c, expected[i], solved([&] {
                                   return solve_staffing(c.traffic, c.targets, c.options, guess);
                               }));
        }
    }
}

TEST_CASE("a staffing sequence gives each interval's own answer, in any order") {
    // Loads like a day (neighbours alike) and jumps between, with both models mixed.
    staffing_targets targets;
    targets.service_level = service_level_target{0.85, seconds{20}};
    targets.answer_rate = 0.92;
    std::vector<offered_traffic> day;
    for (int i = 0; i < 120; ++i) {
        const double load = 0.5 + 900.0 * std::pow(std::sin(i * 0.05), 2) + (i % 17 == 0 ? 700 : 0);
        offered_traffic t{load / 200.0, seconds{200.0}, seconds{90.0}};
        if (i % 29 == 5) t.patience.reset();
        if (i % 31 == 7) t.calls_per_second = 0.0;
        day.push_back(t);
    }
    std::vector<long> expected;
    for (const offered_traffic& t : day) expected.push_back(*staffing_by_scan(t, targets, 100000));
    for (bool reversed : {false, true}) {
        staffing_sequence sequence(targets, {});
        for (std::size_t k = 0; k < day.size(); ++k) {
            const std::size_t i = reversed ? day.size() - 1 - k : k;
            INFO("interval ", i, " load ", day[i].load());
            CHECK(sequence.solve(day[i]).agents == expected[i]);
        }
    }
}
