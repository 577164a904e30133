#pragma once
// A simulation's results as files in one folder, as `simulate --out` and each batch
// scenario write them.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/record.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

/// Writes intervals.csv (interval_records), group_intervals.csv (group_interval_records),
/// days.csv (day_records), group_days.csv (group_day_records) and
/// then summary.json (`summary`, as summary_json makes it plus anything the caller adds) into
/// `folder`, which must exist. Each file is written atomically and summary.json last, so a
/// summary.json present means the folder is complete. Throws ccsim::error naming a file that
/// cannot be written. CSV files start with a byte order mark for Excel when asked.
void write_result_folder(const std::filesystem::path& folder, const sim::scenario& s,
                         const sim::simulation_summary& r, const nlohmann::ordered_json& summary,
                         csv_encoding encoding = csv_encoding::plain);

}  // namespace ccsim::report
