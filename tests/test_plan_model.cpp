// The shift-scheduling program against brute force on tiny instances, and the rules of the
// rosters it makes: coverage in every interval, days off, handover, infeasible rules named.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "io/scenario_file.hpp"
#include "plan/planned_roster.hpp"
#include "plan/requirements.hpp"
#include "plan/roster_lines.hpp"
#include "plan/roster_model.hpp"

using namespace ccsim;
using namespace ccsim::plan;

namespace {

io::loaded_scenario load(const std::string& text) {
    return io::load_scenario_text(text, "plan.toml", ".");
}

// A day of six half hours, 08:00-11:00, and three templates on the interval grid.
const std::string tiny_day = R"([day]
interval = "30min"
open = "08:00"
close = "11:00"

[targets]
service_level = 0.8
answer_rate = 0.9

[[queue]]
name = "hotline"
volumes = [4, 10, 16, 9, 12, 3]
aht = "3min"

[[group]]
name = "agents"
skills = ["hotline"]

[plan]
gap = 0
rounds = 0

[[plan.group]]
name = "agents"

[[plan.group.template]]
name = "short"
starts = ["08:00", "08:30", "09:30"]
length = "90min"
cost_per_hour = 1.0

[[plan.group.template]]
name = "mid"
first_start = "08:00"
last_start = "09:00"
start_step = "1h"
length = "2h"
cost_per_hour = 0.8
cost_per_shift = 0.5

[[plan.group.template]]
name = "long"
starts = ["08:00"]
length = "3h"
cost_per_hour = 0.9
breaks = [{ length = "30min", earliest = "1h", latest = "90min", pay = "unpaid" }]
)";

struct tiny_solution {
    requirements need;
    roster_solution solution;
    io::loaded_scenario loaded;
};

roster_solution solve(const io::loaded_scenario& loaded, const requirements& need,
                      bool allow_short = false) {
    model_request request;
    request.scenario = &loaded.model;
    request.settings = &*loaded.plan;
    request.need = &need;
    request.allow_short = allow_short;
    request.solver = {30.0, 0.0};
    return solve_roster(request);
}

// Whole intervals only: the tiny day's shifts and breaks all fall on the grid.
double covers(const sim::scenario& s, seconds from, seconds to, std::size_t i) {
    return interval_share(s, i, from, to);
}

}  // namespace

TEST_CASE("plan: the program's roster is the cheapest, against brute force over every roster") {
    const io::loaded_scenario loaded = load(tiny_day);
    REQUIRE(loaded.plan);
    const sim::scenario& s = loaded.model;
    const requirements need = sipp_requirements(s, {0.8, 0.9});
    const roster_solution sol = solve(loaded, need);
    CHECK(sol.status == plan_status::optimal);

    // Brute force: every shift at every start with every break placement is a column; try
    // every count 0..4 of each (the requirement never exceeds 4 here).
    struct column {
        seconds start, end;
        std::optional<seconds> pause;  // break start
        double cost;
    };
    std::vector<column> columns;
    for (const io::plan_template& tpl : loaded.plan->groups[0].templates)
        for (seconds start : tpl.starts) {
            if (tpl.breaks.empty()) {
                columns.push_back({start, start + tpl.length, std::nullopt, tpl.cost()});
                continue;
            }
            for (seconds o = tpl.breaks[0].earliest; o <= tpl.breaks[0].latest;
                 o += tpl.breaks[0].step)
                columns.push_back({start, start + tpl.length, start + o, tpl.cost()});
        }
    REQUIRE(columns.size() == 7);
    double peak = 0.0;
    for (double r : need.agents[0]) peak = std::max(peak, r);
    REQUIRE(peak <= 4.0);
    std::vector<int> count(columns.size(), 0);
    double best = std::numeric_limits<double>::infinity();
    std::function<void(std::size_t, double)> search = [&](std::size_t k, double cost) {
        if (cost >= best - 1e-9) return;
        if (k == columns.size()) {
            for (std::size_t i = 0; i < s.interval_count; ++i) {
                double on = 0.0;
                for (std::size_t c = 0; c < columns.size(); ++c) {
                    on += count[c] * covers(s, columns[c].start, columns[c].end, i);
                    if (columns[c].pause)
                        on -= count[c] *
                              covers(s, *columns[c].pause, *columns[c].pause + seconds{1800.0}, i);
                }
                const double required = std::max(need.agents[0][i], 1.0);
                if (need.open[i] && on < required - 1e-9) return;
            }
            best = cost;
            return;
        }
        for (int n = 0; n <= 4; ++n) {
            count[k] = n;
            search(k + 1, cost + n * columns[k].cost);
        }
        count[k] = 0;
    };
    search(0, 0.0);
    REQUIRE(std::isfinite(best));
    CHECK(sol.cost == doctest::Approx(best).epsilon(1e-9));
    CHECK(sol.lower_bound <= sol.cost + 1e-9);
    CHECK(sol.gap == doctest::Approx(0.0).epsilon(1e-6));
    for (std::size_t i = 0; i < s.interval_count; ++i)
        if (need.open[i]) CHECK(sol.scheduled[0][i] >= sol.required[0][i] - 1e-9);
}

TEST_CASE("plan: the same input gives the same roster") {
    const io::loaded_scenario loaded = load(tiny_day);
    const requirements need = sipp_requirements(loaded.model, {0.8, 0.9});
    const roster_solution a = solve(loaded, need);
    const roster_solution b = solve(loaded, need);
    CHECK(a.agents == b.agents);
    CHECK(a.breaks == b.breaks);
}

TEST_CASE("plan: rules that cannot cover an interval name it, with shortfall allowed a roster") {
    std::string text = tiny_day;
    // Nobody may start before 09:00: 08:00-09:00 cannot be covered.
    const std::string from = R"(starts = ["08:00", "08:30", "09:30"])";
    text.replace(text.find(from), from.size(), R"(starts = ["09:30"])");
    const std::string mid = R"(first_start = "08:00")";
    text.replace(text.find(mid), mid.size(), R"(first_start = "09:00")");
    const std::string lng = R"(starts = ["08:00"])";
    text.replace(text.find(lng), lng.size(), R"(starts = ["09:00"])");
    const std::string len = R"(length = "3h")";
    text.replace(text.find(len), len.size(), R"(length = "2h")");
    const io::loaded_scenario loaded = load(text);
    const requirements need = sipp_requirements(loaded.model, {0.8, 0.9});
    std::string message;
    try {
        solve(loaded, need);
    } catch (const plan_infeasible& e) {
        message = e.what();
    }
    CHECK(message.find("2 intervals cannot be covered") != std::string::npos);
    CHECK(message.find("08:00 (short by") != std::string::npos);
    CHECK(message.find("08:30 (short by") != std::string::npos);
    CHECK(message.find("no shift template") != std::string::npos);
    CHECK(message.find("09:00 (short") == std::string::npos);

    const roster_solution least = solve(loaded, need, true);
    CHECK(least.short_anywhere());
    CHECK(least.shortfall[0][0] == doctest::Approx(std::max(need.agents[0][0], 1.0)));
    for (std::size_t i = 2; i < loaded.model.interval_count; ++i)
        CHECK(least.shortfall[0][i] == doctest::Approx(0.0));
}

TEST_CASE("plan: a headcount too small for the peak is reported as infeasible") {
    std::string text = tiny_day;
    text.replace(text.find("[[plan.group.template]]"), 0, "max_agents = 1\n\n");
    const io::loaded_scenario loaded = load(text);
    const requirements need = sipp_requirements(loaded.model, {0.8, 0.9});
    CHECK_THROWS_AS(solve(loaded, need), plan_infeasible);
}

namespace {

const std::string small_week = R"([calendar]
start = "Mon"

[day]
interval = "30min"
open = "08:00"
close = "12:00"

[targets]
service_level = 0.8

[[queue]]
name = "hotline"
volumes = [6, 10, 14, 12, 10, 14, 8, 6]
aht = "3min"

[[group]]
name = "agents"
skills = ["hotline"]

[plan]
handover = "30min"
rounds = 0
replications = 2

[[plan.group]]
name = "agents"
working_days = 5
days_off = "consecutive"

[[plan.group.template]]
name = "a"
starts = ["08:00"]
length = "2h"

[[plan.group.template]]
name = "b"
starts = ["09:30", "10:00"]
length = "2h"

[[plan.group.template]]
name = "c"
starts = ["08:00"]
length = "4h"
cost_per_hour = 1.2
breaks = [{ length = "30min", earliest = "1h", latest = "150min", pay = "unpaid" }]
)";

}  // namespace

TEST_CASE("plan: weekly tours keep the days-off and handover rules, and cover every interval") {
    const io::loaded_scenario loaded = load(small_week);
    REQUIRE(loaded.plan);
    REQUIRE(loaded.plan->weekly);
    const sim::scenario& s = loaded.model;
    const requirements need = sipp_requirements(s, {0.8, std::nullopt});
    const roster_solution sol = solve(loaded, need);
    const planned_roster roster = make_planned_roster(s, *loaded.plan, sol);
    REQUIRE(!roster.lines.empty());
    int people = 0;
    for (std::size_t l = 0; l < roster.lines.size(); ++l) {
        people += roster.lines[l].agents;
        // Five days worked, the two days off next to each other (Sunday-Monday counts).
        std::vector<bool> works(7);
        int worked = 0;
        for (std::size_t d = 0; d < 7; ++d) {
            works[d] = roster.at[l][d].has_value();
            worked += works[d];
        }
        CHECK(worked == 5);
        bool consecutive = false;
        for (std::size_t d = 0; d < 7; ++d) consecutive |= !works[d] && !works[(d + 1) % 7];
        CHECK(consecutive);
    }
    int pattern_people = 0;
    for (const tour_pattern& p : sol.patterns[0]) pattern_people += p.agents;
    CHECK(people == pattern_people);
    // Handover: shift a ends at 10:00, b at 10:00 would start when it ends: never both.
    for (std::size_t d = 0; d < 7; ++d) {
        bool a = false, b_at_ten = false;
        for (std::size_t c = 0; c < sol.candidates.size(); ++c) {
            if (sol.candidates[c].day != d || sol.agents[c] == 0) continue;
            a |= sol.candidates[c].tpl == 0;
            b_at_ten |= sol.candidates[c].tpl == 1 && sol.candidates[c].start == seconds{36000.0};
        }
        CHECK(!(a && b_at_ten));
    }
    // The roster as the simulation sees it covers every open interval.
    const sim::scenario planned = roster_scenario(s, *loaded.plan, roster);
    const std::vector<double> cover = roster_coverage(planned, planned.groups[0]);
    for (std::size_t i = 0; i < s.interval_count; ++i)
        if (need.open[i]) CHECK(cover[i] >= sol.required[0][i] - 1e-9);
}
