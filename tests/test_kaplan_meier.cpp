// Kaplan-Meier against a small example computed by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "calib/kaplan_meier.hpp"

using namespace ccsim::calib;

TEST_CASE("kaplan-meier: a hand-computed example with ties and censoring") {
    // Events at 1, 3, 3, 6; censored at 2, 4, 6 (the censored 6 stays at risk at 6).
    censored_sample s{unweighted({1, 3, 3, 6}), unweighted({2, 4, 6})};
    const auto steps = kaplan_meier(s);
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].at_risk == 7);
    CHECK(steps[0].survival == doctest::Approx(6.0 / 7.0));
    CHECK(steps[1].at_risk == 5);
    CHECK(steps[1].events == 2);
    CHECK(steps[1].survival == doctest::Approx(18.0 / 35.0));
    CHECK(steps[2].at_risk == 2);
    CHECK(steps[2].survival == doctest::Approx(9.0 / 35.0));
    CHECK(survival_at(steps, 0.5) == 1.0);
    CHECK(survival_at(steps, 4.0) == doctest::Approx(18.0 / 35.0));
    // Area: 1 * 1 + 2 * 6/7 + 3 * 18/35.
    CHECK(restricted_mean(steps, 6.0) == doctest::Approx(149.0 / 35.0));
    CHECK(hazard_rate_until(steps, 1.0) == doctest::Approx(-std::log(6.0 / 7.0)));
}

TEST_CASE("kaplan-meier: weights are repeated observations") {
    censored_sample weighted{{{1.0, 2.0}, {5.0, 1.0}}, {{3.0, 3.0}}};
    censored_sample repeated{unweighted({1, 1, 5}), unweighted({3, 3, 3})};
    const auto a = kaplan_meier(weighted), b = kaplan_meier(repeated);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        CHECK(a[i].survival == doctest::Approx(b[i].survival));
    // Without censoring it is the empirical survival function.
    const auto plain = kaplan_meier({unweighted({2, 4, 4, 8}), {}});
    CHECK(plain.back().survival == doctest::Approx(0.0));
    CHECK(survival_at(plain, 4.0) == doctest::Approx(0.25));
}
