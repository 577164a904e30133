#pragma once
// What a batch is asked to do: which scenarios, where the results go, and how to run them.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "batch/scenario_list.hpp"
#include "report/record.hpp"

namespace ccsim::batch {

struct batch_request {
    std::vector<scenario_item> scenarios;  // collect_scenarios
    std::filesystem::path out;             // the output folder (created if missing)
    /// Override every scenario's [run] table; where empty, its table, else the defaults
    /// (io::resolve_run).
    std::optional<int> replications;
    std::optional<std::uint64_t> seed;
    /// Threads for the whole batch, shared out: scenarios run in parallel, each on
    /// threads / (scenarios at once). Results do not depend on it.
    int threads = 1;
    double confidence = 0.95;
    /// Reuse a scenario's results in `out` when they are complete and from the same inputs
    /// (input_hash), instead of simulating it again.
    bool resume = false;
    /// CSV files (each scenario's, and OUT/summary.csv) for programs or for Excel.
    report::csv_encoding csv = report::csv_encoding::plain;
    /// Simulate a scenario whose work is above limits::work_limit instead of failing it.
    bool allow_huge = false;
};

}  // namespace ccsim::batch
