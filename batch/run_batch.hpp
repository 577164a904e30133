#pragma once
// The batch engine's entry point: every scenario of a request simulated into its folder, in
// parallel, with one summary in file order. A scenario that fails costs only its own row.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "batch/batch_request.hpp"
#include "batch/scenario_list.hpp"
#include "batch/scenario_run.hpp"
#include "report/record.hpp"

namespace ccsim::batch {

/// What the batch tells its caller as it goes. The library prints nothing itself.
struct batch_observer {
    /// After each scenario, once its summary row is written: called on the thread that called
    /// run_batch, in file order (`index` into request.scenarios), never concurrently.
    std::function<void(std::size_t index, const scenario_item& item,
                       const scenario_outcome& outcome)>
        scenario_finished;
};

struct batch_result {
    std::size_t scenarios = 0;
    std::size_t ok = 0;       // simulated or resumed
    std::size_t resumed = 0;  // of those ok, reused from an earlier run
    std::size_t failed = 0;
    std::vector<report::record> rows;   // the summary, one row per scenario in file order
    std::filesystem::path summary_csv;  // OUT/summary.csv (OUT/summary.json beside it)

    bool all_ok() const { return failed == 0; }
};

/// Runs request.scenarios (several at once when request.threads allows, each scenario on its
/// share of the threads) and reduces their results in file order: after each scenario
/// OUT/summary.csv and OUT/summary.json are rewritten (atomically) with the rows so far, so
/// the summary does not depend on which scenario finished first and a killed batch leaves a
/// consistent one. Creates OUT when missing. Throws ccsim::error when OUT cannot be created
/// or a summary cannot be written, and whatever an observer throws; a scenario's own errors
/// never escape (see run_scenario).
batch_result run_batch(const batch_request& request, const batch_observer& observer = {});

/// Scenario i's outcome, computed on `threads` threads.
using outcome_source = std::function<scenario_outcome(std::size_t i, int threads)>;

/// run_batch with the outcomes from `outcome_of` (run_scenario for run_batch; merge_batch
/// reads them from shards) on `workers` scenarios at once: the same reduction, rows and files.
batch_result run_batch_with(const batch_request& request, const batch_observer& observer,
                            int workers, const outcome_source& outcome_of);

}  // namespace ccsim::batch
