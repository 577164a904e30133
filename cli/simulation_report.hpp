#pragma once
// Turns a simulation's estimates into output records: the day summary per queue and group,
// and per-interval tables. Table, CSV and JSON are all rendered from these records.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/record.hpp"
#include "sim/scenario.hpp"
#include "sim/simulation.hpp"

namespace ccsim::cli {

struct run_description {
    std::string scenario_name;
    std::string scenario_file;  // empty for the quick form
    int replications = 0;
    std::uint64_t seed = 0;
    int threads = 1;
};

/// The day's figures for each queue and, with several queues, for all queues together.
std::vector<report::record> queue_summary_records(const sim::scenario& s,
                                                  const sim::simulation_summary& r);
/// The day's figures for each group and, with several groups, all together.
std::vector<report::record> group_summary_records(const sim::scenario& s,
                                                  const sim::simulation_summary& r);
/// One record per interval and queue (and all queues, with several).
std::vector<report::record> interval_records(const sim::scenario& s,
                                             const sim::simulation_summary& r);
/// One record per interval and group.
std::vector<report::record> group_interval_records(const sim::scenario& s,
                                                   const sim::simulation_summary& r);

/// The summary as text: figures down, queues across, then groups, targets and run figures.
std::string summary_table(const sim::scenario& s, const sim::simulation_run& run,
                          const run_description& d);
/// The summary as JSON: the all-queue day figures at the top level (offered, answered,
/// abandoned, service_level, answer_rate, asa_s, occupancy, ...), then per queue and group.
nlohmann::ordered_json summary_json(const sim::scenario& s, const sim::simulation_run& run,
                                    const run_description& d);

/// Interval start as clock time, "08:30", with a day number from the second day on.
std::string interval_label(const sim::scenario& s, std::size_t interval);

}  // namespace ccsim::cli
