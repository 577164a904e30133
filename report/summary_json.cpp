#include "report/summary_json.hpp"

#include <string>
#include <variant>

#include "report/record.hpp"
#include "report/simulation_records.hpp"

namespace ccsim::report {

namespace {

// A scope's figures keyed by its name (the record's first field).
nlohmann::ordered_json by_name(const std::vector<record>& rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const record& row : rows)
        object[std::get<std::string>(row[0].value)] = to_json(record(row.begin() + 1, row.end()));
    return object;
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
    out["calls"] = r.arrivals();
    out["events"] = r.events();
    out["wall_s"] = run.wall_seconds;
    out["calls_per_s"] =
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds : 0.0;
    out["threads"] = d.threads;
    return out;
}

}  // namespace ccsim::report
