#include "report/summary_json.hpp"

#include <cmath>
#include <string>
#include <variant>

#include "report/record.hpp"
#include "report/simulation_records.hpp"
#include "report/standards.hpp"
#include "report/target_checks.hpp"

namespace ccsim::report {

namespace {

// A scope's figures keyed by its name (the record's first field).
nlohmann::ordered_json by_name(const std::vector<record>& rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const record& row : rows)
        object[std::get<std::string>(row[0].value)] = to_json(record(row.begin() + 1, row.end()));
    return object;
}

nlohmann::ordered_json number_or_null(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
}

nlohmann::ordered_json estimate_json(const estimate& e) {
    return {{"mean", number_or_null(e.mean)},
            {"ci_low", number_or_null(e.ci_low)},
            {"ci_high", number_or_null(e.ci_high)}};
}

nlohmann::ordered_json targets_json(const target_checks& t) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const target_check& c : t.checks) {
        nlohmann::ordered_json days = nlohmann::ordered_json::array();
        for (const day_check& d : c.days)
            days.push_back({{"day", d.day},
                            {"value", estimate_json(d.figure)},
                            {"verdict", verdict_key(d.result)},
                            {"share_met", number_or_null(d.share_met)}});
        nlohmann::ordered_json riskiest = nlohmann::ordered_json::array();
        for (const interval_risk& i : c.riskiest)
            riskiest.push_back({{"interval", i.interval}, {"share_met", i.share_met}});
        out.push_back({{"figure", c.figure},
                       {"target", c.target},
                       {"value", estimate_json(c.day)},
                       {"verdict", verdict_key(c.result)},
                       {"share_met", number_or_null(c.share_met)},
                       {"intervals_below", c.intervals_below},
                       {"open_intervals", c.open_intervals},
                       {"days", days},
                       {"met_least_often", riskiest}});
    }
    return out;
}

nlohmann::ordered_json standards_json(const std::vector<standard_check>& rows) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const standard_check& c : rows)
        out.push_back(
            {{"queue", c.scope},
             {"standard", c.standard},
             {"figure", c.figure},
             {"target", c.target ? nlohmann::ordered_json(*c.target) : nlohmann::ordered_json()},
             {"value", estimate_json(c.value)},
             {"verdict", verdict_key(c.result)}});
    return out;
}

// Per day: each queue's (and all queues') figures, then each group's.
nlohmann::ordered_json days_json(const sim::scenario& s, const sim::simulation_summary& r) {
    const std::vector<record> queues = day_records(s, r), groups = group_day_records(s, r);
    const std::size_t queue_rows = queues.size() / r.days(), group_rows = groups.size() / r.days();
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t d = 0; d < r.days(); ++d) {
        nlohmann::ordered_json day{{"day", day_label(s, d)}};
        nlohmann::ordered_json q = nlohmann::ordered_json::object(), g = q;
        for (std::size_t i = 0; i < queue_rows; ++i) {
            const record& row = queues[d * queue_rows + i];
            q[std::get<std::string>(row[1].value)] = to_json(record(row.begin() + 2, row.end()));
        }
        for (std::size_t i = 0; i < group_rows; ++i) {
            const record& row = groups[d * group_rows + i];
            g[std::get<std::string>(row[1].value)] = to_json(record(row.begin() + 2, row.end()));
        }
        day["queues"] = q;
        day["groups"] = g;
        out.push_back(day);
    }
    return out;
}

}  // namespace

nlohmann::ordered_json summary_json(const sim::scenario& s, const sim::simulation_run& run,
                                    const run_description& d) {
    const sim::simulation_summary& r = run.summary;
    nlohmann::ordered_json out;
    out["scenario"] = d.scenario_name;
    if (!d.scenario_file.empty()) out["file"] = d.scenario_file;
    out["replications"] = r.replications();
    out["seed"] = d.seed;
    out["confidence"] = r.confidence();
    out["batch_means"] = r.batch_means();
    const nlohmann::ordered_json totals = to_json(day_totals_record(s, r));
    for (auto it = totals.begin(); it != totals.end(); ++it) out[it.key()] = it.value();
    out["queues"] = by_name(queue_summary_records(s, r));
    out["groups"] = by_name(group_summary_records(s, r));
    if (has_department_standards(s)) out["standards"] = standards_json(check_standards(s, r));
    if (const target_checks t = check_targets(s, r); !t.empty()) out["targets"] = targets_json(t);
    out["days"] = days_json(s, r);
    out["calls"] = r.arrivals();
    out["events"] = r.events();
    out["wall_s"] = run.wall_seconds;
    out["calls_per_s"] =
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds : 0.0;
    out["threads"] = d.threads;
    return out;
}

}  // namespace ccsim::report
