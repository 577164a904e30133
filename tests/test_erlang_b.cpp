#include <doctest/doctest.h>

#include <cmath>

#include "erlang/erlang_b.hpp"
#include "reference_models.hpp"
#include "reference_table.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

TEST_CASE("Erlang B reproduces every published value to its printed precision") {
    const auto rows = test::read_reference("erlang_b_reference.csv");
    REQUIRE(rows.size() >= 3);
    for (const auto& row : rows) {
        const double load = *row[0].number();
        const long lines = static_cast<long>(*row[1].number());
        const double blocking = *row[2].number();
        INFO("load ", load, " lines ", lines, " source ", row[3].text);
        CHECK(std::abs(erlang_b(static_cast<double>(lines), load) - blocking) <=
              row[2].printed_tolerance());
        // The load is printed too: the published blocking must be crossed within
        // half a unit of its last digit.
        const double dl = row[0].printed_tolerance();
        CHECK(erlang_b(static_cast<double>(lines), load - dl) <=
              blocking + row[2].printed_tolerance());
        CHECK(erlang_b(static_cast<double>(lines), load + dl) >=
              blocking - row[2].printed_tolerance());
    }
}

TEST_CASE("Erlang B matches a long double recursion to 1e-9 from 0.01 to 50,000 Erlang") {
    for (double load : {0.01, 0.5, 3.0, 17.3, 100.0, 999.5, 5000.0, 20000.0, 50000.0}) {
        for (double ratio : {0.0, 0.1, 0.5, 0.9, 0.99, 1.0, 1.01, 1.05, 1.2, 2.0}) {
            const long n = std::min(100000L, static_cast<long>(std::round(load * ratio)));
            for (long agents : {n, n + 1, n + 7}) {
                const long double expected = test::reference_erlang_b(agents, load);
                const double got = erlang_b(static_cast<double>(agents), load);
                INFO("load ", load, " agents ", agents);
                REQUIRE(std::isfinite(got));
                if (expected > 1e-290L)
                    CHECK(std::abs(got - static_cast<double>(expected)) <=
                          1e-9 * static_cast<double>(expected));
                else
                    CHECK(got <= 1e-280);
            }
        }
    }
}

TEST_CASE("Erlang B at the edges of the range: no overflow, no NaN") {
    CHECK(erlang_b(100000.0, 0.01) == 0.0);
    CHECK(erlang_b(100000.0, 50000.0) == 0.0);
    CHECK(erlang_b(0.0, 50000.0) == 1.0);
    CHECK(erlang_b(5.0, 0.0) == 0.0);
    const double b = erlang_b(100000.0, 99000.0);
    CHECK(std::isfinite(b));
    CHECK(b > 0.0);
    CHECK(std::abs(b - static_cast<double>(test::reference_erlang_b(100000, 99000.0L))) <=
          1e-9 * b);
}

TEST_CASE("real-valued Erlang B: agrees at whole numbers, rises smoothly between them") {
    for (double load : {0.3, 4.0, 25.0, 180.0, 2500.0}) {
        double previous = 1.0;
        for (double agents = 0.0; agents <= load * 1.5 + 5; agents += 0.25) {
            const double b = erlang_b(agents, load);
            INFO("load ", load, " agents ", agents);
            CHECK(b <= previous);  // decreasing in agents
            CHECK(b >= 0.0);
            previous = b;
            if (agents == std::floor(agents) && agents <= 4000)
                CHECK(b == doctest::Approx(static_cast<double>(test::reference_erlang_b(
                                               static_cast<long>(agents), load)))
                               .epsilon(1e-12));
        }
    }
}

TEST_CASE("real-valued Erlang B matches its integral definition") {
    // 1/B(x, a) = a * integral_0^inf exp(-a t) (1 + t)^x dt, by a plain long double
    // Simpson rule on [0, 100] (independent of the library's gamma functions).
    for (auto [x, a] : {std::pair{2.5, 3.0}, std::pair{0.4, 0.7}, std::pair{7.75, 5.5}}) {
        const long steps = 200000;
        const long double h = 100.0L / steps;
        long double sum = 0.0L;
        for (long i = 0; i <= steps; ++i) {
            const long double t = static_cast<long double>(i) * h;
            const long double f = std::exp(-a * t) * std::pow(1.0L + t, x);
            sum += (i == 0 || i == steps ? 1.0L : (i % 2 ? 4.0L : 2.0L)) * f;
        }
        sum /= 3.0L;
        const double expected = static_cast<double>(1.0L / (a * sum * h));
        CHECK(erlang_b(x, a) == doctest::Approx(expected).epsilon(1e-10));
    }
}

TEST_CASE("the Erlang B walk agrees with direct evaluation both ways") {
    erlang_b_walk walk(90, 100.0);
    for (int i = 0; i < 40; ++i) walk.step_up();
    CHECK(walk.agents() == 130);
    CHECK(walk.blocking() == doctest::Approx(erlang_b(130.0, 100.0)).epsilon(1e-13));
    for (int i = 0; i < 25; ++i) walk.step_down();
    CHECK(walk.blocking() == doctest::Approx(erlang_b(105.0, 100.0)).epsilon(1e-12));
}
