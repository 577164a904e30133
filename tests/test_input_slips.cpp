// What the input says is what runs (issue 14, item 4): inputs that used to be read as
// something other than what their author meant are refused with advice, read as meant, or
// warned about.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/bare_seconds.hpp"
#include "core/errors.hpp"
#include "io/csv_line.hpp"
#include "io/duration_slips.hpp"
#include "io/forecast_csv.hpp"
#include "io/scenario_file.hpp"
#include "io/scenario_include.hpp"
#include "io/scenario_paths.hpp"
#include "scenario_text.hpp"

using namespace ccsim;
using namespace ccsim::io;
using ccsim::test::error_of;
using ccsim::test::load_text;
using ccsim::test::replaced;

namespace {

const std::string shift_day = R"([day]
interval = "30min"
open = "08:00"
close = "16:00"

[[queue]]
name = "hotline"
volumes = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]
aht = "3min"

[[group]]
name = "regular"
skills = ["hotline"]

[[group.shift]]
name = "day"
start = "08:00"
end = "16:00"
agents = 4
breaks = [{ start = "10:00", length = "30min" }, { start = "12:00", length = "30min" }]
)";

std::string forecast_error(const std::string& text) {
    try {
        parse_forecast_csv(text, "f.csv", std::nullopt);
    } catch (const scenario_error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("overlapping breaks of one shift are refused, naming both") {
    CHECK(load_text(shift_day).model.groups[0].shifts[0].breaks.size() == 2);
    const std::string overlapping = R"(breaks = [
  { start = "10:00", length = "30min" },
  { start = "10:15", length = "30min" },
])";
    CHECK(
        error_of(replaced(
            shift_day,
            R"(breaks = [{ start = "10:00", length = "30min" }, { start = "12:00", length = "30min" }])",
            overlapping)) ==
        "s.toml:22:13: group.regular.shift.day.breaks[2].start: overlaps the break "
        "10:00-10:30 (s.toml:21:3); breaks of one shift must not overlap (got '10:15')");
    // Touching is not overlapping: one break ends as the next begins.
    CHECK(error_of(replaced(shift_day, R"({ start = "12:00", length = "30min" })",
                            R"({ start = "10:30", length = "15min" })")) == "no error");
}

TEST_CASE("a night shift crossing midnight is refused with the advice to split it") {
    const std::string night = replaced(shift_day, R"(end = "16:00")", R"(end = "06:00")");
    const std::string e = error_of(night);
    CHECK(e.find("group.regular.shift.day.end: must be after the shift's start (08:00); a night "
                 "shift that crosses midnight is two shifts: 08:00-24:00 and 00:00-06:00") !=
          std::string::npos);
}

TEST_CASE("a share written as a percentage gets the fraction it meant") {
    CHECK(error_of(shift_day + "\n[targets]\nservice_level = 90\n") ==
          "s.toml:23:17: targets.service_level: must be in (0, 1); a share is a fraction: write "
          "0.9 for 90% (got 90)");
    CHECK(error_of(
              replaced(shift_day, "name = \"regular\"\n", "name = \"regular\"\nabsenteeism = 5\n"))
              .find("write 0.05 for 5%") != std::string::npos);
    // Beyond 100 it cannot be a percentage: the plain rule.
    CHECK(error_of(shift_day + "\n[targets]\nservice_level = 900\n").find("write") ==
          std::string::npos);
}

TEST_CASE("a time of day written bare gets the advice to quote it") {
    CHECK(error_of(replaced(shift_day, R"(open = "08:00")", "open = 08:00")) ==
          "s.toml:3:13: Error while parsing time: expected ':', saw '\\n'; times of day are "
          "quoted strings: write open = \"08:00\"");
}

TEST_CASE("a folder where a file is expected says so") {
    const std::string folder = ccsim::test::scenario_data + "/sub";
    REQUIRE(std::filesystem::is_directory(folder));
    try {
        load_scenario(folder);
        FAIL("a folder loaded as a scenario");
    } catch (const scenario_error& e) {
        CHECK(std::string(e.what()) == folder + ": is a folder, not a scenario file");
    }
    try {
        read_forecast_csv(folder);
        FAIL("a folder read as a forecast");
    } catch (const scenario_error& e) {
        CHECK(std::string(e.what()) == folder + ": is a folder, not a forecast file");
    }
    const std::string with_forecast = replaced(shift_day,
                                               "volumes = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, "
                                               "10, 10, 10, 10, 10, 10]\naht = \"3min\"",
                                               "forecast = \"sub\"");
    CHECK(
        error_of(with_forecast).find("queue.hotline.forecast: is a folder, not a forecast file") !=
        std::string::npos);
}

TEST_CASE("forecast CSV: RFC 4180 quoted fields are read as meant") {
    const forecast f = parse_forecast_csv(
        "\"interval_start\",\"calls\",\"aht_s\"\r\n\"08:00\",10,180\r\n08:30,\"12.5\", \"190\"\r\n",
        "f.csv");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].label == "08:00");
    CHECK(f.rows[1].calls == 12.5);
    CHECK(f.rows[1].aht.count() == 190.0);
    // Commas and doubled quotes inside quotes.
    const std::vector<csv_field> fields = split_csv_line(R"(a,"b,c","d ""e""",)", "f.csv", 1);
    REQUIRE(fields.size() == 4);
    CHECK(fields[0].text == "a");
    CHECK(fields[1].text == "b,c");
    CHECK(fields[2].text == "d \"e\"");
    CHECK(fields[3].text.empty());
    CHECK(fields[2].column == 9);
    // Errors point at the column of the field.
    CHECK(forecast_error("interval_start,calls,aht_s\n08:00,\"abc\",180\n") ==
          "f.csv:2:7: calls: must be a number >= 0 (got 'abc')");
    CHECK(forecast_error("interval_start,calls,aht_s\n08:00,\"10,180\n") ==
          "f.csv:2:7: a quoted field must end with a closing \" on its line (got '\"10,180')");
    CHECK(forecast_error("interval_start,calls,aht_s\n08:00,\"10\"x,180\n") ==
          "f.csv:2:11: a quoted field must end at a comma or the line's end (got '\"10\"x,180')");
}

TEST_CASE("forecast CSV separated by semicolons or tabs: the separator must be a comma") {
    CHECK(forecast_error("interval_start;calls;aht_s\n08:00;10;180\n") ==
          "f.csv:1:1: fields must be separated by commas, but this header is separated by "
          "semicolons (a spreadsheet export with another list separator?); save it as CSV with "
          "commas: interval_start,calls,aht_s[,patience_s] (got 'interval_start;calls;aht_s')");
    CHECK(forecast_error("interval_start\tcalls\taht_s\n08:00\t10\t180\n")
              .find("separated by tabs") != std::string::npos);
}

TEST_CASE("bare numbers of seconds that are implausibly short are warned about, not refused") {
    CHECK(bare_seconds_advice("30", 60) ==
          "'30' is read as 30 seconds; write \"30min\" if minutes were meant, or \"30s\" to keep "
          "seconds");
    CHECK(bare_seconds_advice("30s", 60).empty());     // a unit: meant
    CHECK(bare_seconds_advice("1800", 60).empty());    // plausible
    CHECK(bare_seconds_advice("0.5min", 60).empty());  // a unit, however short
    // In a scenario: the interval, a break's length; the file still loads as written.
    const std::string slips = replaced(
        replaced(shift_day, R"(interval = "30min")", "interval = 30"),
        R"({ start = "12:00", length = "30min" })", R"({ start = "12:00", length = "15" })");
    const std::vector<std::string> w =
        duration_slips(parse_scenario_document(slips, "s.toml", ccsim::test::scenario_data).table);
    REQUIRE(w.size() == 2);
    CHECK(w[0] ==
          "s.toml:2:12: day.interval: '30' is read as 30 seconds; write \"30min\" if minutes "
          "were meant, or \"30s\" to keep seconds");
    CHECK(w[1].find("s.toml:20:78: group.regular.shift.day.breaks[2].length: '15' is read as 15 "
                    "seconds") == 0);
    CHECK(load_text(shift_day).warnings.empty());
}

TEST_CASE("a long array in an error fits one line, with how many values it has") {
    std::string counts = "agents_by_interval = [";
    for (int i = 0; i < 170; ++i) counts += i ? ", 2" : "2";
    counts += "]";
    const std::string e =
        error_of(replaced(shift_day, "agents = 4\n", "agents = 4\n")
                     .replace(shift_day.find("[[group.shift]]"), std::string::npos, counts + "\n"));
    CHECK(e ==
          "s.toml:15:22: group.regular.agents_by_interval: needs one agent count per interval: 16 "
          "(from 08:00 to 16:00), not 170 (got [ 2, 2, 2, ... ] (170 values))");
    CHECK(e.find('\n') == std::string::npos);
}
