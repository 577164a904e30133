#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "sim/stats/wait_histogram.hpp"

using namespace ccsim::sim;

TEST_CASE("histogram quantiles are within a bin of the exact order statistic") {
    std::mt19937_64 rng(1);
    std::exponential_distribution<double> wait(1.0 / 30.0);
    std::vector<double> values;
    wait_histogram h;
    for (int i = 0; i < 20000; ++i) {
        const double w = i % 3 == 0 ? 0.0 : wait(rng);  // a third answered at once
        values.push_back(w);
        h.add(w);
    }
    std::sort(values.begin(), values.end());
    for (double p : {0.2, 0.5, 0.8, 0.9, 0.99}) {
        const double exact =
            values[static_cast<std::size_t>(p * static_cast<double>(values.size())) - 1];
        const double bin = std::max(exact / wait_histogram::per_octave, 1.0 / 16.0);
        CHECK(std::abs(h.quantile(p) - exact) <= bin);
    }
    CHECK(h.quantile(0.2) == 0.0);
    CHECK(h.count() == 20000);
}

TEST_CASE("an empty histogram has no quantile, merging adds counts") {
    wait_histogram a, b;
    CHECK(std::isnan(a.quantile(0.9)));
    a.add(10.0);
    b.add(5000.0);
    b.add(2000000.0);  // beyond the last bin (12 days): reported up to the largest seen
    a.merge(b);
    CHECK(a.count() == 3);
    CHECK(a.quantile(0.99) <= 2000000.0);
    CHECK(a.quantile(0.99) > 1048576.0);
}

TEST_CASE("bins are contiguous and each value falls between its bin's edges") {
    for (double w = 0.01; w < 1000000.0; w *= 1.013) {  // up to 11.6 days
        const int b = wait_histogram::bin_of(w);
        CHECK(w >= wait_histogram::lower_edge(b));
        CHECK(w < wait_histogram::lower_edge(b + 1));
    }
    CHECK(wait_histogram::bin_of(0.0) == 0);
}

TEST_CASE("multi-day waits keep their resolution: a complaint waiting 60 hours") {
    wait_histogram h;
    for (int i = 0; i < 100; ++i) h.add(60 * 3600.0 + i);  // 216,000 s to 216,099 s
    const double p90 = h.quantile(0.9);
    CHECK(p90 <= 216099.0);
    CHECK(p90 >= 216000.0 * (1.0 - 1.0 / 32.0));
}
