#pragma once
// Scenario files: a contact centre described in TOML (docs/scenarios.md), loaded into the
// engine's sim::scenario. Every problem in a file throws scenario_error with the file, line,
// column, key path, rule and value ("queue.hotline.aht_scale: must be > 0 (got 0)").
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/plan_settings.hpp"
#include "io/run_settings.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

struct loaded_scenario {
    sim::scenario model;
    run_settings run;  // the file's [run] table; the command line overrides it (resolve_run)
    std::string file;  // the scenario file, as named
    std::vector<std::string> sources;   // every file read: the scenario, its includes, forecasts
    std::optional<plan_settings> plan;  // the [plan] table, when the file has one
    /// Legal but probably not meant (duration_slips): the CLI prints them on stderr.
    std::vector<std::string> warnings;
};

/// Reads a scenario file with its includes and forecasts.
loaded_scenario load_scenario(const std::filesystem::path& file);

/// The same for text in memory (tests): `name` appears in errors and gives the default
/// scenario name; includes and relative paths are looked up in `base_dir`.
loaded_scenario load_scenario_text(const std::string& text, const std::string& name,
                                   const std::filesystem::path& base_dir);

}  // namespace ccsim::io
