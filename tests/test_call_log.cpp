// The call-log reader: the generic CSV (columns, mapping, timestamps), bad rows reported by
// line and reason, the threshold, and the Anonymous Bank preset on a week's sample (the
// expected counts come from awk over the same file, not from ccsim).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "io/call_log.hpp"

using namespace ccsim;
using namespace ccsim::io;

namespace {

struct kept {
    std::string queue, agent, customer;
    call_outcome outcome;
    double arrival, wait, handle;
    int line;
};

std::vector<kept> read_all(const std::string& text, const call_log_options& o,
                           call_log_summary* summary = nullptr) {
    std::vector<kept> out;
    const call_log_summary s = parse_call_log(text, "log.csv", o, [&](const call_record& r) {
        out.push_back({std::string(r.queue), std::string(r.agent), std::string(r.customer),
                       r.outcome, r.arrival, r.wait, r.handle, r.line});
    });
    if (summary) *summary = s;
    return out;
}

}  // namespace

TEST_CASE("call log: generic CSV with wait_s and handle_s") {
    const std::string text =
        "arrival,queue,wait_s,handle_s,outcome,agent\n"
        "2026-03-02T08:00:10,sales,12,180,answered,ann\n"
        "\n"
        "2026-03-02 08:01:00,sales,40,,abandoned,\n";
    call_log_summary s;
    const auto calls = read_all(text, {}, &s);
    REQUIRE(calls.size() == 2);
    CHECK(s.rows == 2);
    CHECK(s.bad == 0);
    CHECK(calls[0].arrival == doctest::Approx(20514.0 * 86400.0 + 8 * 3600 + 10));
    CHECK(calls[0].wait == 12.0);
    CHECK(calls[0].handle == 180.0);
    CHECK(calls[0].agent == "ann");
    CHECK(calls[1].outcome == call_outcome::abandoned);
    CHECK(calls[1].wait == 40.0);
    CHECK(calls[1].line == 4);
}

TEST_CASE("call log: timestamps and a column mapping") {
    const std::string text =
        "start_time,skill,answer_time,end_time,result\n"
        "2026-03-02T08:00:00,sales,2026-03-02T08:00:30,2026-03-02T08:03:30,ANSWERED\n"
        "2026-03-02T08:05:00,sales,,2026-03-02T08:06:15,abandoned\n";
    call_log_options o;
    o.columns = parse_column_mapping(
        "arrival=start_time, queue=skill,answered_at=answer_time,end=end_time,outcome=result");
    const auto calls = read_all(text, o);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].wait == 30.0);
    CHECK(calls[0].handle == 180.0);
    CHECK(calls[1].wait == 75.0);
}

TEST_CASE("call log: bad rows are counted with line and reason, the threshold fails") {
    const std::string text =
        "arrival,queue,wait_s,handle_s,outcome\n"
        "2026-03-02T08:00:00,sales,5,100,answered\n"
        "2026-03-02T25:00:00,sales,5,100,answered\n"
        "2026-03-02T08:00:00,sales,-1,100,answered\n"
        "2026-03-02T08:00:00,sales,5,100,transferred\n";
    call_log_options o;
    o.max_bad_rows = 3;
    call_log_summary s;
    CHECK(read_all(text, o, &s).size() == 1);
    CHECK(s.bad == 3);
    REQUIRE(s.first_bad.size() == 3);
    CHECK(s.first_bad[0].line == 3);
    CHECK(s.first_bad[0].reason.find("arrival: must be a date-time") == 0);
    CHECK(s.first_bad[1].reason == "wait_s: must be a number >= 0 (got '-1')");
    CHECK(s.first_bad[2].reason == "outcome: must be answered or abandoned (got 'transferred')");
    o.max_bad_rows = 2;
    try {
        read_all(text, o);
        FAIL("no error above --max-bad-rows");
    } catch (const scenario_error& e) {
        CHECK(e.where().line == 3);
        CHECK(std::string(e.what()).find("3 of 4 rows are malformed, more than the 2 allowed") !=
              std::string::npos);
    }
}

TEST_CASE("call log: header and mapping errors") {
    CHECK_THROWS_AS(read_all("arrival,queue,outcome\n", {}), scenario_error);
    CHECK_THROWS_AS(parse_column_mapping("arival=start"), config_error);
    CHECK_THROWS_AS(parse_column_mapping("arrival"), config_error);
    CHECK_THROWS_AS(parse_column_mapping("arrival=a,arrival=b"), config_error);
    call_log_options o;
    o.columns = parse_column_mapping("queue=skill");
    CHECK_THROWS_AS(read_all("arrival,queue,wait_s,handle_s,outcome\n", o), scenario_error);
}

TEST_CASE("call log: the Anonymous Bank preset on a week's sample") {
    call_log_options o;
    o.preset = call_log_preset::anonymous_bank;
    long answered = 0, abandoned = 0;
    double abandoned_wait = 0.0;
    const call_log_summary s = read_call_log(CCSIM_TEST_DATA "/anonymous_bank_sample_week.tsv", o,
                                             [&](const call_record& r) {
                                                 if (r.outcome == call_outcome::answered)
                                                     ++answered;
                                                 else {
                                                     ++abandoned;
                                                     abandoned_wait += r.wait;
                                                 }
                                             });
    // awk over the file: 1778 rows, 8 PHANTOM, 120 HANG with q_time 0 and q_start 0:00:00.
    CHECK(s.rows == 1778);
    CHECK(s.bad == 0);
    CHECK(s.ignored.size() == 2);
    CHECK(s.used == 1778 - 8 - 120);
    CHECK(answered == 1480);
    CHECK(abandoned == 170);
    CHECK(abandoned_wait / 170.0 == doctest::Approx(51.2882).epsilon(1e-5));
}

TEST_CASE("call log: quoted fields, short rows, an unclosed quote") {
    const std::string text =
        "arrival,queue,wait_s,handle_s,outcome,agent\n"
        "2026-03-02T08:00:10,\"sales, \"\"north\"\"\",12,180,answered,\"Lee, Ann\"\n"
        "2026-03-02T08:01:00,sales,40\n"
        "2026-03-02T08:02:00,\"sales,40,,abandoned,\n";
    call_log_summary s;
    const auto calls = read_all(text, {}, &s);
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].queue == "sales, \"north\"");
    CHECK(calls[0].agent == "Lee, Ann");
    REQUIRE(s.first_bad.size() == 2);
    CHECK(s.first_bad[0].line == 3);
    CHECK(s.first_bad[0].reason == "has 3 fields, the header 6");
    CHECK(s.first_bad[1].reason == "a quoted field is not closed");
}
