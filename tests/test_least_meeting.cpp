#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <vector>

#include "erlang/least_meeting.hpp"

using namespace ccsim::erlang;

namespace {

// The answer by definition: the first n from lowest up whose slack is >= 0.
template <class Slack>
std::optional<long> scan(long lowest, long highest, Slack slack) {
    for (long n = lowest; n <= highest; ++n)
        if (slack(n) >= 0.0) return n;
    return std::nullopt;
}

// Wraps a slack to count evaluations and check that none repeats or leaves [lowest, highest].
template <class Slack>
struct watched {
    Slack slack;
    long lowest, highest;
    std::set<long> seen;
    double operator()(long n) {
        CHECK(n >= lowest);
        CHECK(n <= highest);
        CHECK(seen.insert(n).second);
        return slack(n);
    }
};
template <class Slack>
watched<Slack> watch(Slack slack, long lowest, long highest) {
    return watched<Slack>{slack, lowest, highest, {}};
}

}  // namespace

TEST_CASE("least_meeting finds the first count that meets, from any guess") {
    // Nearly linear, like the staffing margins, with zeros on and between whole numbers.
    for (double zero : {3.0, 3.2, 47.5, 47.9999, 48.0, 1000.3}) {
        auto slack = [zero](long n) { return 0.1 * (static_cast<double>(n) - zero); };
        for (double guess : {-5.0, 0.0, zero - 30, zero - 1, zero, zero + 0.7, zero + 2, 5e6}) {
            INFO("zero ", zero, " guess ", guess);
            auto w = watch(slack, 0, 100000);
            CHECK(least_meeting(0, 100000, guess, w) == scan(0, 100000, slack));
        }
    }
}

TEST_CASE("least_meeting settles a guess on the answer in two evaluations") {
    auto slack = [](long n) { return std::log(static_cast<double>(n)) - std::log(1234.4); };
    for (double guess : {1234.6, 1235.0, 1234.1}) {
        auto w = watch(slack, 1, 100000);
        CHECK(least_meeting(1, 100000, guess, w) == 1235);
        CHECK(w.seen.size() == 2);  // 1235 meets, 1234 does not
    }
}

TEST_CASE("least_meeting at the ends of the range") {
    auto meets_all = [](long) { return 1.0; };
    auto meets_none = [](long) { return -1.0; };
    auto w1 = watch(meets_all, 7, 90);
    CHECK(least_meeting(7, 90, 50.0, w1) == 7);
    auto w2 = watch(meets_none, 7, 90);
    CHECK_FALSE(least_meeting(7, 90, 50.0, w2).has_value());
    CHECK(w2.seen.count(90) == 1);  // unreachable is decided by the top of the range itself
    auto w3 = watch(meets_all, 5, 5);
    CHECK(least_meeting(5, 5, 0.0, w3) == 5);
    CHECK_FALSE(least_meeting(5, 4, 0.0, meets_all).has_value());
    for (double odd : {std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity(), -1e300}) {
        auto w = watch([](long n) { return static_cast<double>(n) - 60.5; }, 1, 100);
        CHECK(least_meeting(1, 100, odd, w) == 61);
    }
}

TEST_CASE("least_meeting stays logarithmic on flat and stepped slacks") {
    // A step (no slope to aim with) and a margin clamped flat on both sides.
    const long answer = 77777;
    auto step = [&](long n) { return n >= answer ? 1.0 : -1.0; };
    auto clamped = [&](long n) {
        return std::clamp(0.3 * static_cast<double>(n - answer) + 0.1, -50.0, 50.0);
    };
    for (double guess : {1.0, 50000.0, 77777.0, 99999.0}) {
        auto w1 = watch(step, 1, 100000);
        CHECK(least_meeting(1, 100000, guess, w1) == answer);
        CHECK(w1.seen.size() <= 2 * 17 + 14);
        auto w2 = watch(clamped, 1, 100000);
        CHECK(least_meeting(1, 100000, guess, w2) == answer);
        CHECK(w2.seen.size() <= 2 * 17 + 14);
    }
}

TEST_CASE("least_meeting agrees with a scan on random non-decreasing slacks") {
    std::mt19937_64 random(20261124);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int trial = 0; trial < 500; ++trial) {
        const long lowest = static_cast<long>(unit(random) * 50);
        const long highest = lowest + static_cast<long>(unit(random) * 400);
        // Random increments, some zero (flat stretches), some large (jumps).
        std::vector<double> values;
        double v = -20.0 * unit(random) - 0.01;
        for (long n = lowest; n <= highest; ++n) {
            const double u = unit(random);
            v += u < 0.3 ? 0.0 : u < 0.9 ? 0.2 * unit(random) : 5.0 * unit(random);
            values.push_back(v);
        }
        auto slack = [&](long n) { return values[static_cast<std::size_t>(n - lowest)]; };
        const double guess = static_cast<double>(lowest - 10) +
                             unit(random) * static_cast<double>(highest - lowest + 20);
        INFO("trial ", trial);
        auto w = watch(slack, lowest, highest);
        CHECK(least_meeting(lowest, highest, guess, w) == scan(lowest, highest, slack));
    }
}
