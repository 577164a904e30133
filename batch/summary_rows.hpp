#pragma once
// The batch summary: one row per scenario, in file order, written as OUT/summary.csv and
// OUT/summary.json.
#include <filesystem>
#include <vector>

#include "batch/scenario_list.hpp"
#include "batch/scenario_run.hpp"
#include "report/record.hpp"

namespace ccsim::batch {

/// file, scenario (its name), status ("ok" or "error"), message, replications, seed, targets
/// (whether the horizon meets all the scenario's targets: met, not_met, uncertain, undefined;
/// empty without targets), then the day figures for all queues (offered, service_level,
/// answer_rate, abandon_rate, asa_s, occupancy) with their CIs, and wall_s. A failed scenario
/// has empty figures. Made from the scenario's
/// summary.json, so a resumed scenario gives the same row as a fresh one.
report::record summary_row(const scenario_item& item, const scenario_outcome& outcome);

/// Writes OUT/summary.csv and OUT/summary.json, each atomically.
void write_summaries(const std::filesystem::path& out, const std::vector<report::record>& rows,
                     report::csv_encoding csv = report::csv_encoding::plain);

}  // namespace ccsim::batch
