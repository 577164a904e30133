#include <doctest/doctest.h>

#include <cmath>

#include "erlang/erlang_c.hpp"
#include "reference_models.hpp"
#include "reference_table.hpp"

using namespace ccsim;
using namespace ccsim::erlang;
using namespace ccsim::test::erlang_reference;

TEST_CASE("Erlang C reproduces every published row to its printed precision") {
    int checked = 0;
    for (const auto& row : test::read_reference("erlang_reference.csv")) {
        if (row[model].text != "erlang_c") continue;
        const double load = *row[calls].number() * *row[aht_s].number() / *row[interval_s].number();
        const queue_metrics m = erlang_c(load, *row[agents].number(), seconds{*row[aht_s].number()},
                                         seconds{*row[threshold_s].number()});
        INFO("agents ", row[agents].text, " source ", row[source].text);
        CHECK(std::abs(m.p_wait - *row[p_wait].number()) <= row[p_wait].printed_tolerance());
        CHECK(std::abs(m.service_level - *row[service_level].number()) <=
              row[service_level].printed_tolerance());
        CHECK(std::abs(m.mean_wait.count() - *row[mean_wait_s].number()) <=
              row[mean_wait_s].printed_tolerance());
        CHECK(std::abs(m.occupancy - *row[occupancy].number()) <=
              row[occupancy].printed_tolerance());
        CHECK(m.asa == m.mean_wait);  // everybody is answered
        ++checked;
    }
    CHECK(checked == 4);
}

TEST_CASE("Erlang C matches long double to 1e-9 up to 50,000 Erlang and 100,000 agents") {
    for (double load : {0.01, 1.0, 9.5, 120.0, 2000.0, 19000.0, 50000.0}) {
        for (double extra : {0.02, 0.5, 1.0, 2.0, 4.0}) {
            const long n = std::min(
                100000L, static_cast<long>(std::floor(load + extra * std::sqrt(load))) + 1);
            const double expected = static_cast<double>(test::reference_erlang_c(n, load));
            const queue_metrics m =
                erlang_c(load, static_cast<double>(n), seconds{180}, seconds{15});
            INFO("load ", load, " agents ", n);
            CHECK(std::abs(m.p_wait - expected) <= 1e-9 * expected);
            CHECK(std::isfinite(m.service_level));
            CHECK(std::isfinite(m.asa.count()));
        }
    }
    const queue_metrics big = erlang_c(19900.0, 20000.0, seconds{180}, seconds{15});
    CHECK(big.p_wait ==
          doctest::Approx(static_cast<double>(test::reference_erlang_c(20000, 19900.0L)))
              .epsilon(1e-9));
    const queue_metrics huge = erlang_c(50000.0, 100000.0, seconds{180}, seconds{15});
    CHECK(huge.p_wait == 0.0);
    CHECK(huge.service_level == 1.0);
}

TEST_CASE("Erlang C overload is reported as unstable, never NaN or a negative wait") {
    for (double agents : {0.0, 5.0, 10.0}) {
        const queue_metrics m = erlang_c(10.0, agents, seconds{180}, seconds{20});
        CHECK_FALSE(m.stable);
        CHECK(m.p_wait == 1.0);
        CHECK(m.service_level == 0.0);
        CHECK(std::isinf(m.asa.count()));
        CHECK(m.asa.count() > 0.0);
        CHECK(m.occupancy == 1.0);
        CHECK_FALSE(std::isnan(m.answer_rate));
    }
}

TEST_CASE("Erlang C service level rises with agents and falls with load") {
    for (double load : {2.0, 30.0, 400.0}) {
        double previous = -1.0;
        for (long n = static_cast<long>(load) + 1; static_cast<double>(n) < load * 1.5 + 10; ++n) {
            const double sl =
                erlang_c(load, static_cast<double>(n), seconds{180}, seconds{15}).service_level;
            CHECK(sl >= previous);
            previous = sl;
        }
    }
    double previous = 2.0;
    for (double load = 1.0; load < 50.0; load += 0.5) {
        const double sl = erlang_c(load, 50.0, seconds{180}, seconds{15}).service_level;
        CHECK(sl <= previous);
        previous = sl;
    }
}

TEST_CASE("Erlang C with fractional agents lies between its whole neighbours") {
    const double lo = erlang_c(10.0, 13.0, seconds{180}, seconds{20}).service_level;
    const double mid = erlang_c(10.0, 13.5, seconds{180}, seconds{20}).service_level;
    const double hi = erlang_c(10.0, 14.0, seconds{180}, seconds{20}).service_level;
    CHECK(lo < mid);
    CHECK(mid < hi);
}
