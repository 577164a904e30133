#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "report/document_json.hpp"
#include "report/html_page.hpp"
#include "report/localized_labels.hpp"
#include "report/messages.hpp"
#include "report/record.hpp"
#include "report/simulation_report.hpp"
#include "report/summary_table.hpp"
#include "sim/simulation.hpp"
#include "sim_test_support.hpp"

using namespace ccsim;
using namespace ccsim::report;

namespace {

// The {...} placeholders of a format string, in order.
std::vector<std::string> placeholders(std::string_view text) {
    static const std::regex placeholder(R"(\{[^}]*\})");
    std::vector<std::string> out;
    const std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder);
         it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

document tiny_document(language l) {
    document d;
    d.kind = "test";
    d.lang = l;
    d.title = "A <b>bold</b> & \"quoted\" title";
    section s{"one", "Section </script> one", 2, {}};
    s.blocks.push_back(table_block{
        "", {"figure", "value"}, {{std::string("a & b"), number_cell{0.9126, {1, true, false}}}}});
    chart_block c;
    c.title = "chart";
    c.x_labels = {"08:00", "08:30"};
    chart_series s1;
    s1.label = "</script><script>alert(1)</script>";
    s1.values = {1.0, NAN};
    c.series.push_back(s1);
    s.blocks.push_back(c);
    d.sections.push_back(std::move(s));
    return d;
}

}  // namespace

TEST_CASE("message catalogue: every message in both languages, with the same placeholders") {
    for (int i = 0; i < msg_count; ++i) {
        const msg m = static_cast<msg>(i);
        CAPTURE(i);
        CHECK_FALSE(text(language::en, m).empty());
        CHECK_FALSE(text(language::zh, m).empty());
        CHECK(placeholders(text(language::en, m)) == placeholders(text(language::zh, m)));
    }
    // The department's own terms (GLOSSARY.md).
    CHECK(*figure_name(language::zh, "service_level") == "应答及时率");
    CHECK(*figure_name(language::zh, "answer_rate") == "接通率");
    CHECK(figure_name(language::zh, "asa_s")->starts_with("平均应答速度"));
    CHECK(*figure_name(language::zh, "abandon_rate") == "放弃率");
    CHECK(*figure_name(language::zh, "occupancy") == "占用率");
    CHECK(*figure_name(language::zh, "interval_start") == "时段");
    CHECK(*figure_name(language::zh, "occupancy_diff") == "Δ 占用率");
    CHECK_FALSE(figure_name(language::zh, "group.regular.agents").has_value());
    CHECK(language_of_locale("zh_CN.UTF-8") == language::zh);
    CHECK(language_of_locale("en_GB.UTF-8") == language::en);
    CHECK(language_of_locale("") == language::en);
}

TEST_CASE("terminal tables: English as built, Chinese relabelled and aligned") {
    std::vector<record> rows{
        {{"queue", "queue", std::string("hotline")}, {"service_level", "SL /offered", 0.91, 2}}};
    const std::string english = format_table(rows);
    localize_labels(rows, language::en);
    CHECK(format_table(rows) == english);
    localize_labels(rows, language::zh);
    // Wide characters take two columns: the value sits under the end of its heading.
    CHECK(format_table(rows) == "队列     应答及时率\nhotline        0.91\n");
}

TEST_CASE("HTML page: text escaped, data embedded as JSON without markup, a chart per canvas") {
    const document d = tiny_document(language::zh);
    const std::string page = render_html(d);
    CHECK(page.find("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">") !=
          std::string::npos);
    CHECK(page.find("Content-Security-Policy") != std::string::npos);
    CHECK(page.find("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title") !=
          std::string::npos);
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("91.3%") != std::string::npos);  // shares as percentages
    CHECK(page.find("<canvas id=\"chart-0-1\"") != std::string::npos);
    const std::size_t data = page.find("<script type=\"application/json\" id=\"ccsim-data\">");
    REQUIRE(data != std::string::npos);
    const std::size_t end = page.find("</script>", data);
    const std::string json_text = page.substr(data + 48, end - data - 48);
    CHECK(json_text.find('<') == std::string::npos);
    CHECK(json_text.find('&') == std::string::npos);
    const auto parsed = nlohmann::ordered_json::parse(json_text);
    CHECK(parsed == document_json(d));
    CHECK(parsed["sections"][0]["blocks"][1]["id"] == "chart-0-1");
    CHECK(parsed["sections"][0]["blocks"][1]["series"][0]["values"][1].is_null());
}

TEST_CASE("simulation report: standards first, a chart per figure, the run last") {
    sim::scenario s = test::one_queue(100.0, 180.0, 6, 4.0);
    s.service_level_target = 0.8;
    s.answer_rate_target = 0.9;
    const sim::contact_centre centre(s);
    sim::run_options run;
    run.replications = 4;
    run.seed = 3;
    run.threads = 1;
    const sim::simulation_run result = sim::simulate(centre, run);
    const run_description d{"one queue", "", 4, 3, 1};
    const document doc = simulation_report(centre.model(), result, d, {language::en, "then"});
    REQUIRE(doc.sections.size() >= 5);
    CHECK(doc.sections.front().id == "standards");
    CHECK(doc.sections.back().id == "run");
    const auto& standards = std::get<table_block>(doc.sections.front().blocks.front());
    REQUIRE(standards.rows.size() == 2);  // service level, answer rate
    CHECK(std::holds_alternative<verdict_cell>(standards.rows[0][3]));
    const auto& sl = std::get<chart_block>(doc.sections[1].blocks.front());
    CHECK(sl.series.size() == 3);  // band, mean, target
    CHECK(sl.series[0].role == series_role::band);
    CHECK(sl.series[2].values.front() == 0.8);
    // The table in Chinese: every label from the catalogue.
    const std::string zh = summary_table(centre.model(), result, d, language::zh);
    CHECK(zh.find("应答及时率") != std::string::npos);
    CHECK(zh.find("SL /offered") == std::string::npos);
}
