// M/M/n+G (erlang/erlang_a_general) against what it must reduce to: Erlang A for exponential
// patience, Erlang C for patience far beyond any wait, Erlang B for callers who never wait,
// and the M/M/1+D closed form worked by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "erlang/erlang_a.hpp"
#include "erlang/erlang_a_general.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

namespace {

struct grid_case {
    long agents;
    double calls_per_hour, aht, patience, threshold;
};

// Loads from light to overloaded; the last has lambda H(x) - n mu x near 9,000 at its peak,
// far beyond what exp() holds unshifted.
constexpr grid_case grid[] = {
    {14, 200, 180, 300, 20},   {5, 120, 240, 60, 15},      {3, 90, 120, 600, 30},
    {20, 500, 150, 90, 10},    {8, 300, 100, 30, 20},      {1, 10, 300, 200, 60},
    {100, 2000, 180, 120, 15}, {480, 10000, 180, 100, 15}, {10, 36000, 180, 1000, 20}};

void check_same(const queue_metrics& general, const queue_metrics& exact, double tolerance) {
    CHECK(std::abs(general.p_wait - exact.p_wait) <= tolerance);
    CHECK(std::abs(general.p_abandon - exact.p_abandon) <= tolerance);
    CHECK(std::abs(general.service_level - exact.service_level) <= tolerance);
    CHECK(std::abs(general.answer_rate - exact.answer_rate) <= tolerance);
    CHECK(std::abs(general.occupancy - exact.occupancy) <= tolerance);
    CHECK(std::abs(general.mean_wait.count() - exact.mean_wait.count()) <=
          tolerance * std::max(1.0, exact.mean_wait.count()));
    if (std::isfinite(exact.asa.count()))
        CHECK(std::abs(general.asa.count() - exact.asa.count()) <=
              tolerance * std::max(1.0, exact.asa.count()));
}

}  // namespace

TEST_CASE("M/M/n+G with exponential patience is Erlang A to 1e-9") {
    for (const grid_case& c : grid) {
        INFO("agents ", c.agents, " calls/h ", c.calls_per_hour, " patience ", c.patience);
        const double lambda = c.calls_per_hour / 3600.0;
        const queue_metrics exact = erlang_a({lambda, seconds{c.aht}, seconds{c.patience}},
                                             static_cast<double>(c.agents), seconds{c.threshold});
        check_same(
            erlang_a_general(lambda, seconds{c.aht}, c.agents,
                             exponential_patience(seconds{c.patience}), seconds{c.threshold}),
            exact, 1e-9);
        // A Weibull of shape 1 is the exponential.
        check_same(
            erlang_a_general(lambda, seconds{c.aht}, c.agents,
                             weibull_patience(seconds{c.patience}, 1.0), seconds{c.threshold}),
            exact, 1e-9);
    }
}

TEST_CASE("M/M/n+G: patience beyond any wait is Erlang C, patience near 0 is Erlang B") {
    // Deterministic patience of a day: below load 1 per agent, no one waits that long.
    for (const grid_case& c : grid) {
        const double lambda = c.calls_per_hour / 3600.0, load = lambda * c.aht;
        if (load >= static_cast<double>(c.agents) * 0.95) continue;
        INFO("agents ", c.agents, " load ", load);
        const queue_metrics patient =
            erlang_a_general(lambda, seconds{c.aht}, c.agents,
                             deterministic_patience(seconds{86400.0}), seconds{c.threshold});
        const queue_metrics c_model =
            erlang_c(load, static_cast<double>(c.agents), seconds{c.aht}, seconds{c.threshold});
        CHECK(patient.p_abandon == doctest::Approx(0.0).epsilon(1e-12));
        CHECK(std::abs(patient.p_wait - c_model.p_wait) <= 1e-9);
        CHECK(std::abs(patient.service_level - c_model.service_level) <= 1e-9);
        CHECK(patient.asa.count() == doctest::Approx(c_model.asa.count()).epsilon(1e-9));
    }
    for (const grid_case& c : grid) {
        const double lambda = c.calls_per_hour / 3600.0, load = lambda * c.aht;
        const queue_metrics loss = erlang_a_general(
            lambda, seconds{c.aht}, c.agents, deterministic_patience(seconds{1e-9}), seconds{0.0});
        CHECK(std::abs(loss.p_abandon - erlang_b(static_cast<double>(c.agents), load)) <= 1e-9);
    }
}

TEST_CASE("M/M/1+D matches its closed form") {
    // One agent, patience exactly D: the offered wait's density is lambda pi0 e^{(lambda - mu) x}
    // below D and lambda pi0 e^{lambda D - mu x} above, so with r = lambda - mu
    //   J = (e^{rD} - 1) / r + e^{rD} / mu,  pi0 = 1 / (1 + lambda J),
    //   P(abandon) = P(V > D) = lambda pi0 e^{rD} / mu,
    //   P(answered within T <= D) = pi0 (1 + lambda (e^{rT} - 1) / r).
    for (const double calls_per_hour : {10.0, 25.0, 40.0}) {  // not 20: r = 0
        const double lambda = calls_per_hour / 3600.0, mu = 1.0 / 180.0, d = 120.0, t = 30.0;
        const double r = lambda - mu;
        const double j = std::expm1(r * d) / r + std::exp(r * d) / mu;
        const double pi0 = 1.0 / (1.0 + lambda * j);
        const queue_metrics m = erlang_a_general(lambda, seconds{180.0}, 1,
                                                 deterministic_patience(seconds{d}), seconds{t});
        INFO("calls/h ", calls_per_hour);
        CHECK(std::abs(m.p_abandon - lambda * pi0 * std::exp(r * d) / mu) <= 1e-11);
        CHECK(std::abs(m.service_level - pi0 * (1.0 + lambda * std::expm1(r * t) / r)) <= 1e-11);
        CHECK(std::abs(m.p_wait - (1.0 - pi0)) <= 1e-11);
    }
}

TEST_CASE("M/M/n+G: the patience's shape matters at the same mean") {
    // Shape 0.5 (most leave early) abandons more than the exponential, shape 2 (few leave in
    // the first seconds) less: the test that the simulation's Weibull is not an exponential.
    const double lambda = 50.0 / 180.0;
    const auto at = [&](const patience_survival& p) {
        return erlang_a_general(lambda, seconds{180.0}, 48, p, seconds{15.0}).p_abandon;
    };
    const double exponential = at(exponential_patience(seconds{120.0}));
    CHECK(at(weibull_patience(seconds{120.0}, 0.5)) > exponential + 0.01);
    CHECK(at(weibull_patience(seconds{120.0}, 2.0)) < exponential - 0.01);
}
