#include <doctest/doctest.h>

#include "core/duration.hpp"
#include "core/text.hpp"

using namespace ccsim;

TEST_CASE("durations accept seconds, minutes, hours and bare numbers") {
    CHECK(parse_duration("15s")->count() == 15.0);
    CHECK(parse_duration("2.5min")->count() == 150.0);
    CHECK(parse_duration("30min")->count() == 1800.0);
    CHECK(parse_duration("1h")->count() == 3600.0);
    CHECK(parse_duration("1.5h")->count() == 5400.0);
    CHECK(parse_duration("250ms")->count() == doctest::Approx(0.25));
    CHECK(parse_duration("180")->count() == 180.0);
    CHECK(parse_duration(" 20s ")->count() == 20.0);
}

TEST_CASE("durations reject what they cannot read") {
    for (const char* bad :
         {"", "15x", "s", "min", "1.2.3s", "nan", "inf", "15 s x", "--3s", "1e999s"})
        CHECK_MESSAGE(!parse_duration(bad), bad);
}

TEST_CASE("times of day") {
    CHECK(parse_time_of_day("08:30")->count() == 8.5 * 3600);
    CHECK(parse_time_of_day("00:00")->count() == 0.0);
    CHECK(parse_time_of_day("24:00")->count() == 86400.0);
    CHECK(parse_time_of_day("7:05:30")->count() == 7 * 3600 + 5 * 60 + 30);
    for (const char* bad :
         {"8", "08:60", "25:00", "24:01", "ab:cd", "08:30:00:00", "-1:00", "08:5x"})
        CHECK_MESSAGE(!parse_time_of_day(bad), bad);
    CHECK(format_time_of_day(seconds{8.5 * 3600}) == "08:30");
    CHECK(format_time_of_day(seconds{8.5 * 3600 + 7}) == "08:30:07");
}

TEST_CASE("durations format compactly") {
    CHECK(format_duration(seconds{15}) == "15s");
    CHECK(format_duration(seconds{1800}) == "30min");
    CHECK(format_duration(seconds{3600}) == "1h");
    CHECK(format_duration(seconds{150}) == "2.5min");
    CHECK(format_duration(seconds{12.5}) == "12.5s");
}

TEST_CASE("did-you-mean suggestions") {
    CHECK(closest_match("agnets", {"agents", "queue", "shift"}) == "agents");
    CHECK(closest_match("zzzzzz", {"agents", "queue"}).empty());
    CHECK(edit_distance("kitten", "sitting") == 3);
}
