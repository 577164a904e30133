#include <doctest/doctest.h>

#include <limits>

#include "report/record.hpp"

using namespace ccsim;
using namespace ccsim::report;

TEST_CASE("table, CSV and JSON render the same record") {
    const record row = {{"name", "name", std::string("a,b")},
                        {"agents", "agents", 14L},
                        {"service_level", "SL", 0.88835, 3},
                        {"asa_s", "ASA", std::numeric_limits<double>::infinity()},
                        {"patience_s", "patience", std::monostate{}},
                        {"offered", "offered", estimate{100.5, 99.0, 102.0}, 1}};
    CHECK(format_csv({row}) ==
          "name,agents,service_level,asa_s,patience_s,offered,offered_ci_low,offered_ci_high\n"
          "\"a,b\",14,0.88835,inf,,100.5,99,102\n");
    const auto json = to_json(row);
    CHECK(json["agents"] == 14);
    CHECK(json["service_level"] == 0.88835);
    CHECK(json["asa_s"].is_null());
    CHECK(json["patience_s"].is_null());
    CHECK(json["offered"]["ci_high"] == 102.0);
    const std::string table = format_table({row});
    CHECK(table.find("0.888") != std::string::npos);
    CHECK(table.find("100.5 [99.0, 102.0]") != std::string::npos);
}
