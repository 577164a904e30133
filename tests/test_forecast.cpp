// Volume tables, busyness and forecasts on small constructed logs, against values computed by
// hand.
#include <doctest/doctest.h>

#include <cmath>

#include "calib/arrival_profile.hpp"
#include "calib/forecast.hpp"

using namespace ccsim;
using namespace ccsim::calib;

namespace {

// 2026-03-02 is a Monday: days since 1970-01-01.
constexpr std::int64_t monday = 20514;

// `weeks` weeks of 4 slots a day (6-hour slots); day d of week w has calls base[slot] * (w+1)
// on weekdays and half on weekends.
day_slot_counts weeks_of(int weeks) {
    day_slot_counts c;
    c.first_day = monday;
    c.slots_per_day = 4;
    for (int w = 0; w < weeks; ++w)
        for (int d = 0; d < 7; ++d) {
            const double scale = (w + 1) * (d >= 5 ? 0.5 : 1.0);
            c.days.push_back({0.0, 10.0 * scale, 30.0 * scale, 20.0 * scale});
        }
    return c;
}

}  // namespace

TEST_CASE("forecast: WAPE by hand") {
    CHECK(wape({10, 20, 30}, {12, 18, 30}) == doctest::Approx(4.0 / 60.0));
    CHECK(wape({0, 0}, {0, 0}) == 0.0);
}

TEST_CASE("volumes: mean and spread between weeks per weekday and slot") {
    const day_slot_counts c = weeks_of(3);
    CHECK(c.weekday_of(0) == weekday::mon);
    const weekday_slot_table t = weekly_volumes(c);
    CHECK(t.weeks[0] == 3);
    // Monday slot 2: 30, 60, 90 -> mean 60, sd 30.
    CHECK(t.mean[0][2] == doctest::Approx(60.0));
    CHECK(t.spread[0][2] == doctest::Approx(30.0));
    CHECK(t.mean[6][1] == doctest::Approx(10.0));
    CHECK(weekly_volumes(c, 7).spread[0][2] == 0.0);  // one week: no spread
}

TEST_CASE("forecast: baselines, and the method without shrinkage is the pooled average") {
    const day_slot_counts c = weeks_of(3);
    const auto last = last_week_baseline(c, 21);
    CHECK(last[0][2] == 90.0);  // Monday of week 3
    const auto pooled = pooled_average_baseline(c, 21);
    CHECK(pooled[0][2] == doctest::Approx(60.0));
    CHECK(pooled[6][3] == doctest::Approx(20.0));
    const auto plain = forecast_week(c, 21, forecast_method{0.0, false, false});
    for (std::size_t d = 0; d < 7; ++d)
        for (std::size_t s = 0; s < 4; ++s) CHECK(plain[d][s] == doctest::Approx(pooled[d][s]));
    // The recent level with the same profile: week 3's totals.
    const auto recent = forecast_week(c, 21, forecast_method{0.0, false, true});
    CHECK(recent[0][2] == doctest::Approx(90.0));
    // Shrinking towards the pooled profile keeps each day's total (the level).
    const auto shrunk = forecast_week(c, 21, forecast_method{1000.0, true, false});
    double total = 0.0;
    for (double v : shrunk[5]) total += v;
    CHECK(total == doctest::Approx(60.0));
}

TEST_CASE("forecast: hourly error leaves out hours the log never had calls") {
    day_slot_counts c = weeks_of(2);
    c.slots_per_day = 4;                                // 6-hour slots: each slot is taken as it is
    const auto pooled = pooled_average_baseline(c, 7);  // = week 1
    const forecast_error e = hourly_error(c, 7, pooled);
    CHECK(e.hours == 7 * 3);  // slot 0 never had a call
    // Week 2 is twice week 1: |f - a| = a / 2 everywhere.
    CHECK(e.wape == doctest::Approx(0.5));
}

TEST_CASE("busyness_cv: pooled ratio variance less Poisson noise") {
    day_slot_counts c;
    c.first_day = monday;
    c.slots_per_day = 1;
    // Each weekday twice: 1100 and 900 (mean 1000, ratios 1.1 and 0.9).
    for (int w = 0; w < 2; ++w)
        for (int d = 0; d < 7; ++d) c.days.push_back({w == 0 ? 1100.0 : 900.0});
    // Per weekday: sum (r-1)^2 = 0.02 over 1 degree of freedom, Poisson part 1/1000.
    CHECK(busyness_cv(c) == doctest::Approx(std::sqrt(0.02 - 0.001)));
    day_slot_counts flat = c;
    for (auto& d : flat.days) d[0] = 1000.0;
    CHECK(busyness_cv(flat) == 0.0);
}
