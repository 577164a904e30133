#pragma once
// One scenario of a batch, run into its own folder OUT/NAME: intervals.csv,
// group_intervals.csv, then summary.json (with the input hash), each written atomically, so a
// summary.json present means the scenario finished.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "batch/batch_request.hpp"
#include "batch/scenario_list.hpp"
#include "io/scenario_file.hpp"
#include "sim/replication_runner.hpp"
#include "sim/simulation.hpp"

namespace ccsim::batch {

enum class scenario_status {
    ok,       // simulated now
    resumed,  // results reused from an earlier run (batch_request::resume)
    failed,   // the file could not be loaded or run; see message
};

struct scenario_outcome {
    scenario_status status = scenario_status::failed;
    std::string message;                // why it failed (the error's text); empty otherwise
    nlohmann::ordered_json summary;     // its summary.json, unless it failed
    std::vector<std::string> warnings;  // the scenario file's (loaded_scenario::warnings)

    bool ok() const { return status != scenario_status::failed; }
};

/// A scenario of a batch, loaded, with its run options (the request's over its [run] table,
/// on `threads` threads) and its input hash. Throws what loading throws.
struct prepared_scenario {
    io::loaded_scenario loaded;
    sim::run_options run;
    std::string hash;
};
prepared_scenario prepare_scenario(const scenario_item& item, const batch_request& request,
                                   int threads);

/// Writes the results of `simulated` (of the scenario `s` that `prepared` loaded) into
/// OUT/NAME and returns the ok outcome: the end of run_scenario, shared with merge_batch.
scenario_outcome write_scenario(const scenario_item& item, const batch_request& request,
                                const prepared_scenario& prepared, const sim::scenario& s,
                                const sim::simulation_run& simulated);

/// Loads, simulates (on `threads` threads) and writes one scenario, or reuses its finished
/// results under request.resume. Never throws: any error becomes a failed outcome.
scenario_outcome run_scenario(const scenario_item& item, const batch_request& request, int threads);

}  // namespace ccsim::batch
