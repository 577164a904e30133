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

TEST_CASE("kaplan-meier: the 6-MP arm of Freireich et al. (1963), as published") {
    // Weeks in remission; the product-limit table of Kaplan-Meier textbooks (e.g. Klein and
    // Moeschberger, Survival Analysis, table 4.1A): S = 0.857, 0.807, 0.753, 0.690, 0.627,
    // 0.538, 0.448 at 6, 7, 10, 13, 16, 22, 23 weeks.
    const censored_sample s{unweighted({6, 6, 6, 7, 10, 13, 16, 22, 23}),
                            unweighted({6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35})};
    const auto steps = kaplan_meier(s);
    const double published[][2] = {{6, 0.857},  {7, 0.807},  {10, 0.753}, {13, 0.690},
                                   {16, 0.627}, {22, 0.538}, {23, 0.448}};
    REQUIRE(steps.size() == 7);
    for (std::size_t i = 0; i < 7; ++i) {
        CHECK(steps[i].time == published[i][0]);
        CHECK(steps[i].survival == doctest::Approx(published[i][1]).epsilon(0.001));
    }
}
