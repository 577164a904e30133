#include <doctest/doctest.h>

#include "core/calendar.hpp"

using namespace ccsim;

TEST_CASE("dates: parsed, formatted and placed on their weekday") {
    const auto date = parse_date("2026-03-02");
    REQUIRE(date);
    CHECK(format_date(*date) == "2026-03-02");
    CHECK(weekday_of(*date) == weekday::mon);
    CHECK(weekday_of(*parse_date("1970-01-01")) == weekday::thu);
    CHECK(weekday_of(*parse_date("2024-02-29")) == weekday::thu);  // a leap day
    CHECK(weekday_of(*parse_date("1969-12-31")) == weekday::wed);  // before the epoch
    CHECK(format_date(civil_date{date->days + 7}) == "2026-03-09");
    CHECK_FALSE(parse_date("2026-02-29"));  // not a leap year
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-3-2"));
    CHECK_FALSE(parse_date("2026-03-02T08:00"));
    CHECK_FALSE(parse_date(""));
}

TEST_CASE("weekdays: short and long names, any case, advancing wraps round the week") {
    CHECK(parse_weekday("Mon") == weekday::mon);
    CHECK(parse_weekday("sunday") == weekday::sun);
    CHECK(parse_weekday(" WED ") == weekday::wed);
    CHECK_FALSE(parse_weekday("Mo"));
    CHECK_FALSE(parse_weekday("weekday"));
    CHECK(weekday_name(weekday::sat) == "Sat");
    CHECK(advance(weekday::sat, 2) == weekday::mon);
    CHECK(advance(weekday::mon, -1) == weekday::sun);
    CHECK(advance(weekday::tue, 14) == weekday::tue);
}

TEST_CASE("day labels: dated, a typical week, numbered days, or none for a single day") {
    const horizon_calendar dated = dated_calendar(*parse_date("2026-03-02"), 7);
    CHECK(dated.day_label(0) == "2026-03-02 Mon");
    CHECK(dated.day_label(6) == "2026-03-08 Sun");
    horizon_calendar week;
    week.first_weekday = weekday::mon;
    week.days = 14;
    CHECK(week.day_label(0) == "Mon");
    CHECK(week.day_label(6) == "Sun");
    CHECK(week.day_label(7) == "week 2 Mon");
    horizon_calendar numbered;
    numbered.days = 3;
    CHECK(numbered.day_label(1) == "day 2");
    CHECK(horizon_calendar{}.day_label(0).empty());
}
