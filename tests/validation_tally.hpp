#pragma once
// The rule every statistical validation test case follows (tests/test_validation.cpp,
// tests/test_channel_validation.cpp): each check asks whether the theoretical value lies inside
// the simulation's 99% confidence interval, from fixed seeds (so a run either always passes or
// always fails).
//
// Many checks at 99% each will miss now and then even for a perfect model (52 checks: 0.5
// misses expected). So each test case counts its misses and allows as many as a correct model
// exceeds with probability below 0.5% (binomial), and every value must in any case lie inside
// the 99.99% interval. A wrong model fails both ways: many misses, or far ones.
// CCSIM_VALIDATION_REPORT=1 prints every check with its numbers.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/estimate.hpp"
#include "sim/stats/estimate_table.hpp"

namespace ccsim::test {

/// Every validation queue's mean handle time (seconds) and replications per scenario.
inline constexpr double aht = 180.0;
inline constexpr int replications = 30;

inline bool reporting() {
    return std::getenv("CCSIM_VALIDATION_REPORT") != nullptr;
}

/// The interval must exclude what a wrong model gives: the tolerance is narrow enough.
inline void excludes(const std::string& what, const estimate& e, double wrong) {
    if (reporting())
        std::printf("wrong model %s: %.6f, simulation [%.6f, %.6f] %s\n", what.c_str(), wrong,
                    e.ci_low, e.ci_high, e.contains(wrong) ? "NOT CAUGHT" : "caught");
    INFO(what, ": wrong model ", wrong, " inside [", e.ci_low, ", ", e.ci_high, "]");
    CHECK_FALSE(e.contains(wrong));
}

/// Mean and two-sided t interval (99% by default) of per-replication values.
inline estimate interval_of(const std::vector<double>& v, double confidence = 0.99) {
    const auto n = static_cast<double>(v.size());
    double mean = 0.0, m2 = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const double delta = v[i] - mean;
        mean += delta / static_cast<double>(i + 1);
        m2 += delta * (v[i] - mean);
    }
    const double half = sim::student_t_quantile(confidence, n) * std::sqrt(m2 / (n - 1.0) / n);
    return {mean, mean - half, mean + half};
}

/// Checks of one test case: theory against 99% intervals (from `replications` values), misses
/// counted.
class tally {
  public:
    explicit tally(int replications = 30) : replications_(replications) {}

    void check(const std::string& what, const estimate& e, double theory) {
        ++checks_;
        const std::string line =
            fmt::format("{}: theory {:.6f}, simulation {:.6f} [{:.6f}, {:.6f}]", what, theory,
                        e.mean, e.ci_low, e.ci_high);
        if (std::getenv("CCSIM_VALIDATION_REPORT"))
            std::printf("%s %s\n", e.contains(theory) ? "inside " : "OUTSIDE", line.c_str());
        if (e.contains(theory)) return;
        misses_.push_back(line);
        // Stretch the 99% interval to 99.99%: t quantiles for `replications` values.
        const double stretch = sim::student_t_quantile(0.9999, replications_) /
                               sim::student_t_quantile(0.99, replications_);
        const estimate wide{e.mean, e.mean - stretch * (e.mean - e.ci_low),
                            e.mean + stretch * (e.ci_high - e.mean)};
        INFO(line);
        CHECK_MESSAGE(wide.contains(theory), "outside even the 99.99% interval");
    }

    ~tally() {
        // The largest miss count a correct model exceeds with probability < 0.5%.
        int allowed = 0;
        double p_more = 1.0;
        while (true) {
            double p_at_most = 0.0, term = std::pow(0.99, checks_);
            for (int k = 0; k <= allowed; ++k) {
                p_at_most += term;
                term *= (checks_ - k) / (k + 1.0) * (0.01 / 0.99);
            }
            p_more = 1.0 - p_at_most;
            if (p_more < 0.005) break;
            ++allowed;
        }
        std::string all;
        for (const std::string& m : misses_) all += "\n  " + m;
        INFO(fmt::format("{} of {} checks outside their 99% interval (allowed {}):{}",
                         misses_.size(), checks_, allowed, all));
        CHECK(static_cast<int>(misses_.size()) <= allowed);
    }

  private:
    int replications_;
    int checks_ = 0;
    std::vector<std::string> misses_;
};

}  // namespace ccsim::test
