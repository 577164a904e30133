#include <doctest/doctest.h>

#include <cmath>

#include "erlang/erlang_a.hpp"
#include "erlang/erlang_c.hpp"
#include "erlang/queue_tail.hpp"
#include "reference_models.hpp"
#include "reference_table.hpp"

using namespace ccsim;
using namespace ccsim::erlang;
using namespace ccsim::test::erlang_reference;

namespace {

offered_traffic traffic(double calls_per_hour, double aht, double patience) {
    return offered_traffic::from_volume(calls_per_hour, seconds{3600}, seconds{aht},
                                        seconds{patience});
}
}  // namespace

TEST_CASE("Erlang A reproduces the published row to its printed precision") {
    int checked = 0;
    for (const auto& row : test::read_reference("erlang_reference.csv")) {
        if (row[model].text != "erlang_a") continue;
        const auto t = offered_traffic::from_volume(
            *row[calls].number(), seconds{*row[interval_s].number()}, seconds{*row[aht_s].number()},
            seconds{*row[patience_s].number()});
        const queue_metrics m =
            erlang_a(t, *row[agents].number(), seconds{*row[threshold_s].number()});
        CHECK(std::abs(m.p_wait - *row[p_wait].number()) <= row[p_wait].printed_tolerance());
        CHECK(std::abs(m.service_level - *row[service_level].number()) <=
              row[service_level].printed_tolerance());
        CHECK(std::abs(m.occupancy - *row[occupancy].number()) <=
              row[occupancy].printed_tolerance());
        CHECK(std::abs(m.p_abandon - *row[p_abandon].number()) <=
              row[p_abandon].printed_tolerance());
        // The source printed this mean wait in minutes (0.069919 min); 4.19514 s is that
        // rounded figure times 60, so the precision that holds is the minutes'.
        CHECK(std::abs(m.mean_wait.count() / 60.0 - 0.069919) <= 0.5e-6);
        CHECK(std::abs(m.mean_wait.count() - *row[mean_wait_s].number()) <= 60 * 0.5e-6);
        ++checked;
    }
    CHECK(checked == 1);
}

TEST_CASE("Erlang A matches a brute-force birth-death chain") {
    struct case_ {
        long n;
        double calls_per_hour, aht, patience, threshold;
    };
    for (const case_& c :
         {case_{14, 200, 180, 300, 20}, case_{5, 120, 240, 60, 15}, case_{3, 90, 120, 600, 30},
          case_{20, 500, 150, 90, 10}, case_{8, 300, 100, 30, 20}, case_{1, 10, 300, 200, 60}}) {
        const queue_metrics m = erlang_a(traffic(c.calls_per_hour, c.aht, c.patience),
                                         static_cast<double>(c.n), seconds{c.threshold});
        const test::reference_erlang_a r = test::brute_force_erlang_a(
            c.n, c.calls_per_hour / 3600.0L, c.aht, c.patience, c.threshold);
        INFO("n ", c.n, " calls/h ", c.calls_per_hour, " patience ", c.patience);
        CHECK(m.p_wait == doctest::Approx(static_cast<double>(r.p_wait)).epsilon(1e-10));
        CHECK(m.p_abandon == doctest::Approx(static_cast<double>(r.p_abandon)).epsilon(1e-10));
        CHECK(m.mean_wait.count() ==
              doctest::Approx(static_cast<double>(r.mean_wait)).epsilon(1e-10));
        CHECK(m.service_level ==
              doctest::Approx(static_cast<double>(r.service_level)).epsilon(1e-9));
        CHECK(m.asa.count() == doctest::Approx(static_cast<double>(r.asa)).epsilon(1e-8));
        CHECK(m.answer_rate + m.p_abandon == doctest::Approx(1.0).epsilon(1e-14));
        CHECK(m.service_level <= m.answer_rate);
    }
}

TEST_CASE("Erlang A matches the birth-death chain deep in overload, where most hang up") {
    // 20 agents offered 400 Erlang, patience 60 s: the queue while all are busy centres on 126
    // callers, far enough up that the ASA series starts above an empty queue.
    const long n = 20;
    const double calls_per_hour = 400.0 / 180.0 * 3600.0;
    const queue_metrics m =
        erlang_a(traffic(calls_per_hour, 180, 60), static_cast<double>(n), seconds{15});
    const test::reference_erlang_a r =
        test::brute_force_erlang_a(n, calls_per_hour / 3600.0L, 180, 60, 15, 600);
    CHECK(m.p_wait == doctest::Approx(static_cast<double>(r.p_wait)).epsilon(1e-10));
    CHECK(m.p_abandon == doctest::Approx(static_cast<double>(r.p_abandon)).epsilon(1e-10));
    CHECK(m.mean_wait.count() == doctest::Approx(static_cast<double>(r.mean_wait)).epsilon(1e-10));
    CHECK(m.service_level == doctest::Approx(static_cast<double>(r.service_level)).epsilon(1e-8));
    CHECK(m.asa.count() == doctest::Approx(static_cast<double>(r.asa)).epsilon(1e-10));
}

TEST_CASE("Erlang A tends to Erlang C as patience grows") {
    const queue_metrics c = erlang_c(10.0, 14.0, seconds{180}, seconds{20});
    double previous_gap = 1.0;
    for (double patience : {1e3, 1e4, 1e5, 1e6, 1e8}) {
        const queue_metrics a = erlang_a(traffic(200, 180, patience), 14.0, seconds{20});
        const double gap = std::abs(a.service_level - c.service_level);
        CHECK(gap < previous_gap);
        previous_gap = gap;
    }
    const queue_metrics a = erlang_a(traffic(200, 180, 1e8), 14.0, seconds{20});
    CHECK(a.p_wait == doctest::Approx(c.p_wait).epsilon(1e-6));
    CHECK(a.service_level == doctest::Approx(c.service_level).epsilon(1e-6));
    CHECK(a.asa.count() == doctest::Approx(c.asa.count()).epsilon(1e-5));
    CHECK(a.p_abandon < 1e-7);
}

TEST_CASE("Erlang A figures are monotone in agents and in load") {
    double sl = -1, answered = -1, abandon = 2, asa = 1e300;
    for (long n = 1; n <= 40; ++n) {
        const queue_metrics m =
            erlang_a(traffic(600, 180, 120), static_cast<double>(n), seconds{15});
        CHECK(m.service_level >= sl);
        CHECK(m.answer_rate >= answered);
        CHECK(m.p_abandon <= abandon);
        CHECK(m.asa.count() <= asa * (1 + 1e-12));
        sl = m.service_level, answered = m.answer_rate, abandon = m.p_abandon, asa = m.asa.count();
    }
    double previous = 2.0;
    for (double calls = 50; calls < 2000; calls += 50) {
        const double s = erlang_a(traffic(calls, 180, 120), 20.0, seconds{15}).service_level;
        CHECK(s <= previous);
        previous = s;
    }
}

TEST_CASE("Erlang A stays finite across 0.01 to 50,000 Erlang and up to 100,000 agents") {
    for (double load : {0.01, 1.0, 50.0, 2000.0, 50000.0}) {
        for (double ratio : {0.0, 0.5, 0.95, 1.0, 1.05, 2.0}) {
            const double n = std::min(100000.0, std::round(load * ratio));
            for (double patience : {1.0, 60.0, 600.0, 1e5}) {
                const auto t = offered_traffic{load / 180.0, seconds{180}, seconds{patience}};
                const queue_metrics m = erlang_a(t, n, seconds{15});
                INFO("load ", load, " agents ", n, " patience ", patience);
                for (double v : {m.p_wait, m.service_level, m.answer_rate, m.p_abandon,
                                 m.mean_wait.count(), m.occupancy}) {
                    CHECK(std::isfinite(v));
                    CHECK(v >= 0.0);
                }
                // With nobody on the phones nobody is answered: their figures are undefined.
                for (double v : {m.service_level_answered, m.asa.count()})
                    CHECK((n == 0.0 ? std::isnan(v) : std::isfinite(v) && v >= 0.0));
                CHECK(m.p_wait <= 1.0);
                CHECK(m.service_level <= m.answer_rate + 1e-12);
                CHECK(m.answer_rate + m.p_abandon == doctest::Approx(1.0));
            }
        }
    }
}

TEST_CASE("figures with nothing to measure are undefined, not made up") {
    const queue_metrics nobody = erlang_a(traffic(100, 180, 120), 0.0, seconds{15});
    CHECK(nobody.answer_rate == 0.0);
    CHECK(nobody.p_abandon == 1.0);
    CHECK(std::isnan(nobody.asa.count()));
    CHECK(std::isnan(nobody.service_level_answered));
    const queue_metrics no_calls = erlang_a(traffic(0, 180, 120), 5.0, seconds{15});
    CHECK(no_calls.p_wait == 0.0);
    CHECK(std::isnan(no_calls.service_level));
    CHECK(std::isnan(no_calls.answer_rate));
    const queue_metrics no_calls_c = erlang_c(0.0, 5.0, seconds{180}, seconds{15});
    CHECK(std::isnan(no_calls_c.service_level));
    CHECK(std::isnan(no_calls_c.asa.count()));
}

TEST_CASE("the queue tail series and incomplete-gamma routes agree where both apply") {
    // Just inside and outside the series' budget, the two routes must give the same answer.
    for (auto [x, y] :
         {std::pair{1000.0, 990.0}, std::pair{50.0, 49.0}, std::pair{20000.0, 19990.0}}) {
        const queue_tail tail = abandonment_queue_tail(x, y);
        long double mass = 1.0L, term = 1.0L, moment = 0.0L;
        for (int k = 1; k < 2000000; ++k) {
            term *= static_cast<long double>(y) / (static_cast<long double>(x) + k);
            mass += term;
            moment += k * term;
            if (term < 1e-22L * mass) break;
        }
        CHECK(tail.log_mass == doctest::Approx(static_cast<double>(std::log(mass))).epsilon(1e-12));
        CHECK(tail.mean_length ==
              doctest::Approx(static_cast<double>(moment / mass)).epsilon(1e-9));
    }
}
