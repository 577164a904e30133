#include <doctest/doctest.h>

#include <cmath>

#include "core/errors.hpp"
#include "erlang/interval_staffing.hpp"
#include "erlang/staffing.hpp"
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
