#pragma once
// A simulation's summary as JSON (the summary.json of `simulate --out` and of each batch
// scenario).
#include <nlohmann/json.hpp>

#include "report/run_description.hpp"
#include "sim/model/scenario.hpp"
#include "sim/simulation.hpp"

namespace ccsim::report {

/// The run (scenario, file, replications, seed, confidence, batch_means), the all-queue and
/// all-group day figures at the top level (offered, answered, abandoned, service_level,
/// answer_rate, asa_s, occupancy, ...), then per queue and group, then the run's figures
/// (calls, events, wall_s, calls_per_s, threads).
nlohmann::ordered_json summary_json(const sim::scenario& s, const sim::simulation_run& run,
                                    const run_description& d);

}  // namespace ccsim::report
