// The Weibull variate: shape from cv, mean 1 and the cv it was given, and the shape-cv table
// docs/scenarios.md prints.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "sim/engine/variate.hpp"
#include "sim/model/weibull.hpp"

using namespace ccsim;
using namespace ccsim::sim;

TEST_CASE("weibull: shape and cv invert each other, and the documented values") {
    for (double k : {0.02, 0.13, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 10.0, 1000.0})
        CHECK(weibull_shape(weibull_cv(k)) == doctest::Approx(k).epsilon(1e-10));
    CHECK(weibull_cv(1.0) == doctest::Approx(1.0).epsilon(1e-14));
    CHECK(weibull_cv(0.5) ==
          doctest::Approx(std::sqrt(5.0)).epsilon(1e-14));  // Gamma(5)/Gamma(3)^2 - 1
    CHECK(weibull_cv(2.0) == doctest::Approx(0.5227232).epsilon(1e-6));
    CHECK(weibull_shape(100.0) > 0.1);  // the schema's largest cv still has a shape
    CHECK(weibull_unit_scale(1.0) == doctest::Approx(1.0));
    CHECK(weibull_unit_scale(2.0) == doctest::Approx(2.0 / std::sqrt(std::numbers::pi)));
}

TEST_CASE("weibull: draws have mean 1 and the cv given") {
    for (double cv : {0.5227, 1.0, 2.2361}) {
        unit_variate draw({distribution_kind::weibull, cv, 1, {}});
        random_engine engine = make_stream(5, stream_purpose::patience, 0, 0);
        const int n = 400000;
        double sum = 0.0, sum_sq = 0.0;
        for (int i = 0; i < n; ++i) {
            const double x = draw(engine);
            sum += x;
            sum_sq += x * x;
        }
        const double mean = sum / n, sd = std::sqrt(sum_sq / n - mean * mean);
        INFO("cv ", cv);
        // Standard error of the mean: cv / sqrt(n) <= 0.0036; of the sd a few times that.
        CHECK(std::abs(mean - 1.0) < 5.0 * cv / std::sqrt(n));
        CHECK(sd == doctest::Approx(cv).epsilon(0.03));
    }
}
