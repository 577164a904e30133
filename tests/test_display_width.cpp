#include <doctest/doctest.h>

#include <string>

#include "core/display_width.hpp"
#include "report/record.hpp"

using namespace ccsim;

TEST_CASE("display width: CJK and full-width forms take two columns, other characters one") {
    CHECK(display_width("") == 0);
    CHECK(display_width("hotline") == 7);
    CHECK(display_width("热线电话") == 8);           // three bytes each, two columns each
    CHECK(display_width("±0.01 Δ") == 7);            // two-byte characters, one column each
    CHECK(display_width("ＡＢ") == 4);               // full-width Latin
    CHECK(display_width("한국") == 4);               // Hangul
    CHECK(display_width("a\xe7") == 2);              // a cut character counts as one
    CHECK(display_prefix("热线电话", 5) == "热线");  // never half a character
    CHECK(display_prefix("ab热", 3) == "ab");
    CHECK(display_prefix("abc", 10) == "abc");
}

TEST_CASE("table columns line up with CJK names: every line ends at the same column") {
    using report::record;
    const std::vector<record> rows = {
        {{"queue", "queue", std::string("热线电话")}, {"offered", "offered", 1200L}},
        {{"queue", "queue", std::string("hotline")}, {"offered", "offered", 5L}},
        {{"queue", "queue", std::string("±x")}, {"offered", "offered", 17L}},
    };
    const std::string table = report::format_table(rows);
    std::size_t lines = 0, width = 0;
    for (std::size_t at = 0; at < table.size();) {
        const std::size_t end = table.find('\n', at);
        const std::string line = table.substr(at, end - at);
        if (lines++ == 0) width = display_width(line);
        CHECK_MESSAGE(display_width(line) == width, line);
        at = end + 1;
    }
    CHECK(lines == 4);
}
