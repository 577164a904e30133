#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "sim/engine/poisson_arrivals.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {
std::vector<double> ones(const std::vector<double>& calls) {
    return std::vector<double>(calls.size(), 1.0);
}
}  // namespace

TEST_CASE("arrivals never fall in an interval with no calls and stop after the last interval") {
    const std::vector<double> calls = {50.0, 0.0, 0.0, 80.0};
    random_engine engine = make_stream(3, stream_purpose::arrivals, 0, 0);
    for (int day = 0; day < 50; ++day) {
        poisson_arrivals process(calls, seconds{0.0}, seconds{100.0}, seconds{0.0}, ones(calls));
        double previous = -1.0;
        for (double t = process.next(engine); std::isfinite(t); t = process.next(engine)) {
            CHECK(t > previous);
            CHECK_FALSE((t >= 100.0 && t < 300.0));
            CHECK(t < 400.0);
            previous = t;
        }
    }
}

TEST_CASE("arrivals per interval average the forecast, the warm-up included") {
    const std::vector<double> calls = {20.0, 5.0, 60.0};
    std::vector<double> counts(4, 0.0);  // warm-up, then the three intervals
    random_engine engine = make_stream(11, stream_purpose::arrivals, 0, 0);
    const int days = 4000;
    for (int day = 0; day < days; ++day) {
        poisson_arrivals process(calls, seconds{1000.0}, seconds{600.0}, seconds{300.0},
                                 ones(calls));
        for (double t = process.next(engine); std::isfinite(t); t = process.next(engine))
            counts[t < 1000.0 ? 0 : 1 + static_cast<std::size_t>((t - 1000.0) / 600.0)] += 1.0;
    }
    const double expected[] = {10.0, 20.0, 5.0, 60.0};  // the warm-up runs at interval 0's rate
    for (std::size_t i = 0; i < 4; ++i) {
        // Poisson: the mean of `days` counts has standard error sqrt(m / days); allow 5 of them.
        const double mean = counts[i] / days;
        CHECK(std::abs(mean - expected[i]) < 5.0 * std::sqrt(expected[i] / days));
    }
}

TEST_CASE("each interval's factor (its day's busyness) scales that interval only") {
    const std::vector<double> calls = {100.0, 100.0};
    const std::vector<double> factors = {1.5, 0.5};
    random_engine engine = make_stream(5, stream_purpose::arrivals, 0, 0);
    double first = 0.0, second = 0.0;
    for (int day = 0; day < 2000; ++day) {
        poisson_arrivals process(calls, seconds{0.0}, seconds{3600.0}, seconds{0.0}, factors);
        for (double t = process.next(engine); std::isfinite(t); t = process.next(engine))
            (t < 3600.0 ? first : second) += 1.0;
    }
    CHECK(std::abs(first / 2000 - 150.0) < 5.0 * std::sqrt(150.0 / 2000));
    CHECK(std::abs(second / 2000 - 50.0) < 5.0 * std::sqrt(50.0 / 2000));
}
