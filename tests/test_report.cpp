#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

#include "report/comparison_records.hpp"
#include "report/simulation_records.hpp"
#include "report/summary_json.hpp"
#include "report/summary_table.hpp"
#include "report/target_checks.hpp"
#include "sim/paired_comparison.hpp"
#include "sim/simulation.hpp"
#include "sim_test_support.hpp"

using namespace ccsim;
using namespace ccsim::report;

namespace {

sim::run_options few_days() {
    sim::run_options run;
    run.replications = 8;
    run.seed = 3;
    run.threads = 1;
    return run;
}

std::vector<std::string> keys_of(const record& row) {
    std::vector<std::string> keys;
    for (const field& f : row) keys.push_back(f.key);
    return keys;
}

}  // namespace

TEST_CASE("target checks: a verdict for each target set, intervals below the SL target") {
    sim::scenario s = test::one_queue(100.0, 180.0, 6, 4.0);
    s.service_level_target = 0.8;
    s.answer_rate_target = 0.9;
    const sim::contact_centre centre(s);
    const sim::simulation_run run = sim::simulate(centre, few_days());
    const target_checks t = check_targets(centre.model(), run.summary);
    REQUIRE(t.checks.size() == 2);
    CHECK(t.checks[0].figure == "service level");
    CHECK(t.checks[1].figure == "answer rate");
    std::size_t below = 0;
    for (std::size_t b = 0; b < run.summary.intervals(); ++b)
        if (run.summary.queue(0, b, sim::queue_figure::service_level).mean < 0.8) ++below;
    CHECK(t.intervals_below_service_level == below);
    CHECK(t.intervals == run.summary.intervals());
    for (const target_check& c : t.checks) CHECK(c.result == judge(c.day, c.target));
    CHECK(summary_table(centre.model(), run, {"q", "", 8, 3, 1}).find("Targets (day") !=
          std::string::npos);

    sim::scenario without = test::one_queue(100.0, 180.0, 6, 4.0);
    const sim::contact_centre plain(without);
    const target_checks none =
        check_targets(plain.model(), sim::simulate(plain, few_days()).summary);
    CHECK(none.empty());
    CHECK_FALSE(none.intervals_below_service_level);
}

TEST_CASE("summary JSON: the day's totals at the top level, then queues and groups by name") {
    const sim::contact_centre centre(test::one_queue(100.0, 180.0, 6, 4.0));
    const sim::simulation_run run = sim::simulate(centre, few_days());
    const nlohmann::ordered_json json = summary_json(centre.model(), run, {"q", "q.toml", 8, 3, 1});
    CHECK(json["scenario"] == "q");
    CHECK(json["file"] == "q.toml");
    const record totals = day_totals_record(centre.model(), run.summary);
    for (const field& f : totals) CHECK(json.contains(f.key));
    const std::vector<record> queues = queue_summary_records(centre.model(), run.summary);
    REQUIRE(queues.size() == 1);
    const std::string name = std::get<std::string>(queues[0][0].value);
    CHECK(json["queues"].contains(name));
    CHECK(json["queues"][name]["offered"] == json["offered"]);
}

TEST_CASE("comparison records: labels per variant, differences empty on the base row") {
    const sim::contact_centre base(test::one_queue(100.0, 180.0, 6, 4.0));
    const sim::contact_centre more(test::one_queue(100.0, 180.0, 7, 4.0));
    const sim::comparison c = sim::compare_variants({&base, &more}, few_days());
    const variant_labels labels{{"group.agents.agents"}, {{"+1"}}};
    const std::vector<record> full = comparison_records(c, labels, false);
    REQUIRE(full.size() == 2);
    CHECK(keys_of(full[0]) ==
          std::vector<std::string>{"variant", "group.agents.agents", "offered", "offered_diff",
                                   "service_level", "service_level_diff", "answer_rate",
                                   "answer_rate_diff", "abandon_rate", "abandon_rate_diff", "asa_s",
                                   "asa_s_diff", "p90_wait_s", "p90_wait_s_diff", "occupancy",
                                   "occupancy_diff"});
    CHECK(std::get<std::string>(full[0][1].value) == "base");
    CHECK(std::get<std::string>(full[1][1].value) == "+1");
    CHECK(std::holds_alternative<std::monostate>(full[0][3].value));
    CHECK(std::holds_alternative<estimate>(full[1][3].value));
    const std::vector<record> compact = comparison_records(c, labels, true);
    CHECK(keys_of(compact[1]) ==
          std::vector<std::string>{"variant", "group.agents.agents", "service_level",
                                   "service_level_diff", "answer_rate", "answer_rate_diff", "asa_s",
                                   "asa_s_diff", "occupancy", "occupancy_diff"});
}
