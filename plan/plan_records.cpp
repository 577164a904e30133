#include "plan/plan_records.hpp"

#include <fmt/format.h>
#include <cmath>

#include "core/calendar.hpp"
#include "core/duration.hpp"

namespace ccsim::plan {

namespace {

// HH:MM, past 24:00 for a shift running past midnight.
std::string clock(seconds t) {
    const auto minutes = static_cast<long>(std::lround(t.count() / 60.0));
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string shift_text(const shift_kind& k) {
    std::string text = k.name + " " + shift_times(k);
    if (!k.breaks.empty()) text += " breaks " + break_times(k);
    return text;
}

// The column of a day: its weekday in a weekly plan ("Mon"), else its label ("day" alone).
std::string day_key(const sim::scenario& s, std::size_t d) {
    if (const auto w = s.calendar.weekday_of(d); w && s.calendar.days <= 7)
        return std::string(weekday_name(*w));
    const std::string label = s.calendar.day_label(d);
    return label.empty() ? "day" : label;
}

const std::string& group_name(const sim::scenario& s, const plan_result& plan, std::size_t g) {
    return s.groups[plan.settings.groups[g].group].name;
}

report::field_value optional_estimate(const std::optional<estimate>& e) {
    if (!e) return std::monostate{};
    return *e;
}

report::field_value optional_number(const std::optional<double>& v) {
    if (!v) return std::monostate{};
    return *v;
}

std::string status_text(plan_status status) {
    return status == plan_status::optimal ? "optimal" : "time limit (best roster found)";
}

}  // namespace

std::string shift_times(const shift_kind& k) {
    return fmt::format("{}-{}", clock(k.start), clock(k.start + k.length));
}

std::string break_times(const shift_kind& k) {
    std::vector<std::string> parts;
    for (std::size_t b = 0; b < k.breaks.size(); ++b) {
        const seconds from = k.start + k.breaks[b];
        parts.push_back(fmt::format("{}-{}", clock(from), clock(from + k.break_lengths[b])));
    }
    return fmt::format("{}", fmt::join(parts, " "));
}

std::vector<report::record> roster_records(const sim::scenario& s, const plan_result& plan) {
    std::vector<report::record> rows;
    const planned_roster& r = plan.roster;
    for (std::size_t l = 0; l < r.lines.size(); ++l) {
        const std::size_t g = r.lines[l].plan_group;
        report::record row{{"group", "group", group_name(s, plan, g)},
                           {"line", "line", line_name(r, l)},
                           {"agents", "agents", static_cast<long>(r.lines[l].agents)}};
        for (std::size_t d = 0; d < s.calendar.days; ++d) {
            const std::string key = day_key(s, d);
            row.push_back(
                {key, key, r.at[l][d] ? shift_text(r.kinds[g][*r.at[l][d]]) : std::string("off")});
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<report::record> shift_records(const sim::scenario& s, const plan_result& plan) {
    std::vector<report::record> rows;
    const planned_roster& r = plan.roster;
    for (std::size_t d = 0; d < s.calendar.days; ++d)
        for (std::size_t g = 0; g < r.kinds.size(); ++g)
            for (std::size_t k = 0; k < r.kinds[g].size(); ++k) {
                long agents = 0;
                for (std::size_t l = 0; l < r.lines.size(); ++l)
                    if (r.lines[l].plan_group == g && r.at[l][d] == k) agents += r.lines[l].agents;
                if (agents == 0) continue;
                const shift_kind& kind = r.kinds[g][k];
                const io::plan_template& tpl = plan.settings.groups[g].templates[kind.tpl];
                rows.push_back({{"group", "group", group_name(s, plan, g)},
                                {"template", "template", tpl.name},
                                {"shift", "shift", kind.name},
                                {"day", "day",
                                 s.calendar.day_label(d).empty() ? std::string("day")
                                                                 : s.calendar.day_label(d)},
                                {"start", "start", clock(kind.start)},
                                {"end", "end", clock(kind.start + kind.length)},
                                {"breaks", "breaks", break_times(kind)},
                                {"agents", "agents", agents},
                                {"paid_hours", "paid hours",
                                 static_cast<double>(agents) * tpl.paid_hours(), 2},
                                {"cost", "cost", static_cast<double>(agents) * tpl.cost(), 2}});
            }
    return rows;
}

std::vector<report::record> coverage_records(const sim::scenario& s, const plan_result& plan) {
    std::vector<report::record> rows;
    const bool pools = plan.need.pools.size() > 1;
    for (const interval_check& c : plan.intervals) {
        report::record row{{"interval", "interval", interval_label(s, c.interval)}};
        if (pools) row.push_back({"pool", "pool", static_cast<long>(c.pool + 1)});
        row.push_back({"required", "required", c.required, 2});
        row.push_back({"scheduled", "scheduled", c.scheduled, 2});
        row.push_back({"shortfall", "shortfall", c.shortfall, 2});
        row.push_back({"raised", "raised", c.raised, 0});
        row.push_back({"service_level", "service level", optional_estimate(c.service_level), 3});
        row.push_back({"answer_rate", "answer rate", optional_estimate(c.answer_rate), 3});
        row.push_back({"met", "met", c.met});
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<report::record> round_records(const sim::scenario& s, const plan_result& plan) {
    std::vector<report::record> rows;
    for (const plan_round& r : plan.rounds)
        rows.push_back(
            {{"round", "round", static_cast<long>(r.round)},
             {"cost", "cost", r.cost, 2},
             {"lower_bound", "lower bound", r.lower_bound, 2},
             {"gap", "gap", r.gap, 4},
             {"raised", "raised", r.raised, 0},
             {"intervals_short", "intervals short", static_cast<long>(r.intervals_short)},
             {"worst_interval", "worst interval",
              r.worst_interval ? report::field_value(interval_label(s, *r.worst_interval))
                               : report::field_value(std::monostate{})},
             {"worst_service_level", "worst SL", optional_number(r.worst_service_level), 3},
             {"worst_answer_rate", "worst AR", optional_number(r.worst_answer_rate), 3},
             {"solve_s", "solve s", r.solve_seconds, 2},
             {"simulate_s", "simulate s", r.simulate_seconds, 2}});
    return rows;
}

report::record totals_record(const plan_result& plan) {
    const roster_solution& sol = plan.solution;
    std::size_t met = 0;
    for (const interval_check& c : plan.intervals) met += c.met;
    const double share = plan.intervals.empty() ? 1.0
                                                : static_cast<double>(met) /
                                                      static_cast<double>(plan.intervals.size());
    long people = 0;
    for (const roster_line& l : plan.roster.lines) people += l.agents;
    return {{"cost", "cost", sol.cost, 2},
            {"paid_hours", "paid hours", sol.paid_hours, 2},
            {"naive_cost", "naive cost (peak all day)", optional_number(plan.naive_cost), 2},
            {"first_round_cost", "first round cost",
             plan.rounds.empty() ? sol.cost : plan.rounds.front().cost, 2},
            {"lp_bound", "LP bound", sol.lp_bound, 2},
            {"lower_bound", "lower bound", sol.lower_bound, 2},
            {"gap", "gap", sol.gap, 4},
            {"status", "solver", status_text(sol.status)},
            {"agents", plan.settings.weekly ? "people" : "agent-shifts", people},
            {"rounds", "rounds", static_cast<long>(plan.rounds.size())},
            {"intervals_open", "open intervals", static_cast<long>(plan.intervals.size())},
            {"intervals_met", "intervals met", static_cast<long>(met)},
            {"share_met", "share met", share, 4},
            {"replications", "replications", static_cast<long>(plan.run.replications)},
            {"variables", "variables", static_cast<long>(sol.variables)},
            {"constraints", "constraints", static_cast<long>(sol.constraints)},
            {"solve_s", "solve s (last round)", sol.solve_seconds, 2}};
}

nlohmann::ordered_json plan_json(const sim::scenario& s, const plan_result& plan) {
    nlohmann::ordered_json out = report::to_json(totals_record(plan));
    nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
    for (const report::record& r : round_records(s, plan)) rounds.push_back(report::to_json(r));
    out["rounds"] = rounds;
    nlohmann::ordered_json intervals = nlohmann::ordered_json::array();
    for (const interval_check& c : plan.intervals) {
        nlohmann::ordered_json j;
        j["start"] = interval_label(s, c.interval);
        if (plan.need.pools.size() > 1) j["pool"] = c.pool + 1;
        j["required"] = c.required;
        j["scheduled"] = c.scheduled;
        j["shortfall"] = c.shortfall;
        j["raised"] = c.raised;
        auto est = [](const std::optional<estimate>& e) {
            if (!e) return nlohmann::ordered_json(nullptr);
            return nlohmann::ordered_json{
                {"mean", e->mean}, {"ci_low", e->ci_low}, {"ci_high", e->ci_high}};
        };
        j["service_level"] = est(c.service_level);
        j["answer_rate"] = est(c.answer_rate);
        j["met"] = c.met;
        intervals.push_back(j);
    }
    out["intervals"] = intervals;
    nlohmann::ordered_json shifts = nlohmann::ordered_json::array();
    for (const report::record& r : shift_records(s, plan)) shifts.push_back(report::to_json(r));
    out["shifts"] = shifts;
    nlohmann::ordered_json agents = nlohmann::ordered_json::array();
    const planned_roster& r = plan.roster;
    for (std::size_t l = 0; l < r.lines.size(); ++l)
        for (int n = 0; n < r.lines[l].agents; ++n) {
            nlohmann::ordered_json a;
            a["group"] = group_name(s, plan, r.lines[l].plan_group);
            a["line"] = line_name(r, l);
            nlohmann::ordered_json days = nlohmann::ordered_json::array();
            for (std::size_t d = 0; d < s.calendar.days; ++d)
                days.push_back(r.at[l][d] ? nlohmann::ordered_json(
                                                r.kinds[r.lines[l].plan_group][*r.at[l][d]].name)
                                          : nlohmann::ordered_json(nullptr));
            a["days"] = days;
            agents.push_back(a);
        }
    out["agents"] = agents;
    return out;
}

}  // namespace ccsim::plan
