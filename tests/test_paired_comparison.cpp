#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "sim/paired_comparison.hpp"
#include "sim_test_support.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {
estimate day_sl(const simulation_summary& s) {
    return s.queue(0, s.intervals(), queue_figure::service_level);
}
}  // namespace

TEST_CASE("common random numbers: one more agent, a much narrower CI for the difference") {
    const scenario base = test::one_queue(1000, 180, 54, 8);
    scenario more = base;
    more.groups[0].shifts[0].agents += 1;  // only one group's headcount changes
    const contact_centre a(base), b(more);
    const run_options run{30, 11, 2};
    const comparison paired = compare_variants({&a, &b}, run);
    const comparison independent = compare_variants({&a, &b}, run, 0.95, true);

    const estimate d_paired = day_sl(paired.differences[1]);
    const estimate d_independent = day_sl(independent.differences[1]);
    INFO("paired ", d_paired.mean, " ±", d_paired.half_width(), "; independent ",
         d_independent.mean, " ±", d_independent.half_width());
    CHECK(d_paired.mean > 0.0);    // an extra agent helps
    CHECK(d_paired.ci_low > 0.0);  // and the paired comparison can tell
    CHECK(d_paired.half_width() < 0.5 * d_independent.half_width());
}

TEST_CASE("the mean difference is the difference of the means, the base differs by nothing") {
    const scenario base = test::one_queue(600, 200, 40, 6);
    scenario busier = base;
    for (double& calls : busier.queues[0].calls) calls *= 1.1;
    const contact_centre a(base), b(busier);
    const comparison c = compare_variants({&a, &b}, {12, 3, 2});
    const double expected = day_sl(c.variants[1]).mean - day_sl(c.variants[0]).mean;
    CHECK(day_sl(c.differences[1]).mean == doctest::Approx(expected).epsilon(1e-12));
    CHECK(day_sl(c.differences[0]).mean == 0.0);
    CHECK(day_sl(c.differences[0]).half_width() == 0.0);
    CHECK(day_sl(c.differences[1]).mean < 0.0);  // differences may be negative: not clamped
}

TEST_CASE("variants must share the base's queues, groups and grid") {
    const scenario base = test::one_queue(600, 200, 40, 6);
    const scenario longer = test::one_queue(600, 200, 40, 7);
    const contact_centre a(base), b(longer);
    CHECK_THROWS_AS(compare_variants({&a, &b}, {4, 1, 1}), config_error);
}
