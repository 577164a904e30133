#pragma once
// The files `ccsim calibrate` writes into its output folder (docs/calibration.md lists them):
// CSV tables, fit.json, the forecasts, and the three scenarios (the log's period as a typical
// week and as it was, and the coming week) that `ccsim simulate` runs as they are.
#include <filesystem>
#include <string>

#include "calib/calibration.hpp"
#include "io/call_log.hpp"

namespace ccsim::calib {

/// Writes every file into `folder` (created if needed). `log_name` goes into comments.
void write_calibration(const calibration& c, const io::call_log_summary& log,
                       const std::filesystem::path& folder);

/// A queue name as a file-name part: letters, digits, '-' and '_' kept, others '_'.
std::string file_part(const std::string& name);

/// How a scenario takes the log's redials.
enum class redials_as {
    feedback,  // forecast files of fresh calls and a redial model per queue: the log as a model
    calls,     // every call a first attempt, as the forecast counts them: staffing by interval
               // (sipp) sizes the agents for the volumes it reads, redials included
};

/// The scenario TOML of a typical week (forecast files named by `prefix` + queue + ".csv").
/// With feedback, queues whose identified callers redialled get a redial table and their
/// forecast files must count fresh calls only, so that first attempts plus redials make the
/// log's calls.
std::string scenario_toml(const calibration& c, const std::string& title, const std::string& prefix,
                          redials_as redials);

/// The scenario TOML of the log's own dates: each interval's observed calls as its expected
/// calls (forecast files period_QUEUE.csv), agents per interval of the chosen basis.
std::string period_toml(const calibration& c, const std::string& title);

/// A forecast CSV in the weekday form (Mon first) from per-weekday rows.
std::string weekday_forecast_csv(const std::array<std::vector<double>, weekday_count>& calls,
                                 double aht, double slot, const std::string& comment);

}  // namespace ccsim::calib
