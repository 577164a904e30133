#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/target_verdict.hpp"

using namespace ccsim;

namespace {
constexpr double no_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("a target is met when the whole confidence interval reaches it") {
    CHECK(judge({0.95, 0.93, 0.97}, 0.9) == verdict::met);
    CHECK(judge({0.92, 0.90, 0.94}, 0.9) == verdict::met);  // the low end on the target
    CHECK(judge({0.9, 0.9, 0.9}, 0.9) == verdict::met);     // no spread, exactly on target
    CHECK(judge({1.0, 1.0, inf}, 0.9) == verdict::met);
}

TEST_CASE("a target is not met when the whole confidence interval is below it") {
    CHECK(judge({0.80, 0.78, 0.82}, 0.9) == verdict::not_met);
    CHECK(judge({0.8, 0.7, std::nextafter(0.9, 0.0)}, 0.9) == verdict::not_met);
    CHECK(judge({0.0, -inf, 0.1}, 0.9) == verdict::not_met);
}

TEST_CASE("a confidence interval that spans the target is uncertain") {
    CHECK(judge({0.9, 0.88, 0.92}, 0.9) == verdict::uncertain);
    CHECK(judge({0.95, std::nextafter(0.9, 0.0), 0.99}, 0.9) == verdict::uncertain);
    CHECK(judge({0.85, 0.80, 0.9}, 0.9) == verdict::uncertain);  // the high end on the target
    CHECK(judge({0.7, 0.5, 0.99}, 0.9) == verdict::uncertain);   // a mean below the target
}

TEST_CASE("an estimate with a NaN mean or CI end is undefined") {
    CHECK(judge({no_value, no_value, no_value}, 0.9) == verdict::undefined);  // no calls: no figure
    CHECK(judge({0.95, no_value, no_value}, 0.9) == verdict::undefined);  // one replication: no CI
    CHECK(judge({0.5, no_value, no_value}, 0.9) == verdict::undefined);
    CHECK(judge({0.95, 0.93, no_value}, 0.9) == verdict::undefined);
    CHECK(judge({0.95, no_value, 0.97}, 0.9) == verdict::undefined);
    CHECK(judge({no_value, 0.93, 0.97}, 0.9) == verdict::undefined);
}

TEST_CASE("targets together: any not met decides, then uncertain, then undefined") {
    using v = verdict;
    CHECK(all_targets({v::met, v::met}) == v::met);
    CHECK(all_targets({v::met, v::not_met, v::uncertain}) == v::not_met);
    CHECK(all_targets({v::uncertain, v::met}) == v::uncertain);
    CHECK(all_targets({v::undefined, v::met}) == v::undefined);
    CHECK(all_targets({v::undefined, v::uncertain}) == v::uncertain);
    CHECK(all_targets({}) == v::undefined);
}
