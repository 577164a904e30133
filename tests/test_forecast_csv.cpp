#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "io/forecast_csv.hpp"

using namespace ccsim;
using namespace ccsim::io;

namespace {
std::string forecast_error_of(const std::string& text, std::optional<seconds> interval = {}) {
    try {
        parse_forecast_csv(text, "f.csv", interval);
    } catch (const scenario_error& e) {
        return e.what();
    } catch (const config_error& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("forecast rows with clock times, inferred interval") {
    const forecast f =
        parse_forecast_csv("interval_start,calls,aht_s\n08:00,10,180\n08:30,12.5,190\n", "f.csv");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.interval.count() == 1800.0);
    CHECK(f.rows[1].calls == 12.5);
    CHECK(f.rows[1].aht.count() == 190.0);
    CHECK_FALSE(f.rows[0].patience);
    CHECK(f.rows[1].line == 3);
}

TEST_CASE("forecast with ISO date-times, patience, CRLF, gaps and column order") {
    const forecast f = parse_forecast_csv(
        "calls,interval_start,patience_s,aht_s\r\n5,2026-03-02T19:30,120,200\r\n"
        "7,2026-03-03T08:00,100,210\r\n8,2026-03-03T08:30,90,220\r\n",
        "f.csv");
    CHECK(f.interval.count() == 1800.0);  // the overnight gap is a closed period
    CHECK(f.rows[2].start - f.rows[0].start == seconds{13 * 3600.0});
    CHECK(f.rows[2].patience->count() == 90.0);
}

TEST_CASE("forecast with seconds from the start and an explicit interval") {
    const forecast f = parse_forecast_csv("interval_start,calls,aht_s\n0,1,100\n900,2,100\n",
                                          "f.csv", seconds{900});
    CHECK(f.interval.count() == 900.0);
    CHECK(forecast_error_of("interval_start,calls,aht_s\n0,1,100\n600,2,100\n", seconds{900})
              .find("whole number") != std::string::npos);
}

TEST_CASE("forecast errors name file, line, column, key, rule and value") {
    CHECK(forecast_error_of("") ==
          "f.csv: file is empty; expected the header interval_start,calls,aht_s");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n") ==
          "f.csv:1: no interval rows after the header");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:00,abc,180\n08:30,1,1\n") ==
          "f.csv:2:7: calls: must be a number >= 0 (got 'abc')");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:00,-3,180\n08:30,1,1\n") ==
          "f.csv:2:7: calls: must be a number >= 0 (got '-3')");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:00,3\n08:30,1,1\n") ==
          "f.csv:2:8: aht_s: missing field");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:00,3,0\n08:30,1,1\n") ==
          "f.csv:2:9: aht_s: must be a number > 0 (got '0')");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:00,3,\n08:30,1,1\n") ==
          "f.csv:2:9: aht_s: must be a number > 0, not empty (got '')");
    CHECK(forecast_error_of("interval_start,calls,aht\n") ==
          "f.csv:1:22: aht: unknown column; did you mean 'aht_s'?");
    CHECK(forecast_error_of("interval_start,calls\n") ==
          "f.csv:1:1: aht_s: required column is missing; the header is "
          "interval_start,calls,aht_s[,patience_s]");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n8h,3,100\n") ==
          "f.csv:2:1: interval_start: must be HH:MM, an ISO date-time such as 2026-03-02T08:30, or "
          "seconds from the start (got '8h')");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:30,3,100\n08:00,3,100\n") ==
          "f.csv:3:1: interval_start: must be later than the previous row's (08:30) (got '08:00')");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:30,3,100\n") ==
          "f.csv:1: interval_start: cannot infer the interval length from a single row; give "
          "the interval length");
    CHECK(forecast_error_of("interval_start,calls,aht_s\n08:00,3,100\n900,3,100\n")
              .find("same form") != std::string::npos);
}

TEST_CASE("a single-row forecast asks for the interval in the caller's words") {
    CHECK_THROWS_WITH_AS(parse_forecast_csv("interval_start,calls,aht_s\n08:30,3,100\n", "f.csv",
                                            std::nullopt, "day.interval in the scenario"),
                         "f.csv:1: interval_start: cannot infer the interval length from a single "
                         "row; give day.interval in the scenario",
                         scenario_error);
    CHECK(parse_forecast_csv("interval_start,calls,aht_s\n08:30,3,100\n", "f.csv", seconds{900.0})
              .interval.count() == 900.0);
}

TEST_CASE("a weekday profile: a weekday column beside HH:MM starts") {
    const forecast f = parse_forecast_csv(
        "weekday,interval_start,calls,aht_s\nMon,08:00,10,180\nmon,08:30,12,190\n"
        "Tuesday,08:00,5,200\nTUE,09:00,6,200\nSun,23:30,1,100\n",
        "f.csv");
    CHECK(f.form == forecast_form::weekday);
    REQUIRE(f.rows.size() == 5);
    CHECK(f.interval.count() == 1800.0);  // the smallest step within one weekday
    CHECK(f.rows[0].day == weekday::mon);
    CHECK(f.rows[2].day == weekday::tue);
    CHECK(f.rows[4].day == weekday::sun);
    CHECK(f.rows[1].label == "Mon 08:30");
    CHECK(f.rows[2].label == "Tue 08:00");
    // Starts count from Monday 00:00 of the typical week.
    CHECK(f.rows[2].start.count() == 86400.0 + 8 * 3600.0);
    CHECK(f.rows[4].start.count() == 6 * 86400.0 + 23.5 * 3600.0);
    // The other forms say what they are.
    CHECK(parse_forecast_csv("interval_start,calls,aht_s\n08:00,1,1\n08:30,1,1\n", "f.csv").form ==
          forecast_form::clock);
    CHECK(parse_forecast_csv("interval_start,calls,aht_s\n2026-03-02T08:00,1,1\n"
                             "2026-03-02T08:30,1,1\n",
                             "f.csv")
              .form == forecast_form::iso);
    CHECK(parse_forecast_csv("interval_start,calls,aht_s\n0,1,1\n900,1,1\n", "f.csv").form ==
          forecast_form::offset);
}

TEST_CASE("a weekday profile: steps are checked within each weekday only") {
    // Monday's last row and Tuesday's first are 12h40 apart: not a whole number of half hours,
    // and still fine, since each weekday is its own profile.
    const forecast f = parse_forecast_csv(
        "interval_start,calls,aht_s,weekday\n08:00,1,100,Mon\n08:30,1,100,Mon\n"
        "21:10,1,100,Tue\n21:40,1,100,Tue\n",
        "f.csv");
    CHECK(f.interval.count() == 1800.0);
    CHECK(forecast_error_of(
              "weekday,interval_start,calls,aht_s\nMon,08:00,1,100\nTue,08:00,1,100\n") ==
          "f.csv:1: interval_start: cannot infer the interval length from a single row; give "
          "the interval length");
    CHECK(
        forecast_error_of("weekday,interval_start,calls,aht_s\nMon,08:00,1,100\nMon,08:40,1,100\n",
                          seconds{1800}) ==
        "f.csv:3:1: interval_start: must follow the previous start (Mon 08:00) by a whole number "
        "of 30min intervals (got 'Mon 08:40')");
}

TEST_CASE("a weekday profile: errors") {
    CHECK(forecast_error_of("weekday,interval_start,calls,aht_s\nMnday,08:00,1,100\n") ==
          "f.csv:2:1: weekday: must be a weekday such as Mon or Monday; did you mean 'Mon'? (got "
          "'Mnday')");
    CHECK(forecast_error_of("weekday,interval_start,calls,aht_s\nholiday,08:00,1,100\n") ==
          "f.csv:2:1: weekday: must be a weekday such as Mon or Monday (got 'holiday')");
    CHECK(forecast_error_of("weekday,interval_start,calls,aht_s\nMon,2026-03-02T08:00,1,100\n") ==
          "f.csv:2:5: interval_start: must be a time of day HH:MM before 24:00 beside a weekday "
          "column (got '2026-03-02T08:00')");
    CHECK(forecast_error_of("weekday,interval_start,calls,aht_s\nMon,24:00,1,100\n") ==
          "f.csv:2:5: interval_start: must be a time of day HH:MM before 24:00 beside a weekday "
          "column (got '24:00')");
    CHECK(forecast_error_of(
              "weekday,interval_start,calls,aht_s\nTue,08:00,1,100\nMon,08:30,1,100\n") ==
          "f.csv:3:1: weekday: must not come before the previous row's (Tue): a week's rows go "
          "from Monday to Sunday (got 'Mon')");
    CHECK(forecast_error_of(
              "weekday,interval_start,calls,aht_s\nMon,09:00,1,100\nMon,08:30,1,100\n") ==
          "f.csv:3:5: interval_start: must be later than the previous row's (Mon 09:00) (got "
          "'08:30')");
    CHECK(forecast_error_of("weekday,interval_start,calls,aht_s\n,08:00,1,100\n") ==
          "f.csv:2:1: weekday: must be a weekday such as Mon or Monday (got '')");
    CHECK(forecast_error_of("interval_start,calls,aht_s,weekdya\n") ==
          "f.csv:1:28: weekdya: unknown column; did you mean 'weekday'?");
}
