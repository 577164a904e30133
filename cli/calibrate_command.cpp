#include "cli/calibrate_command.hpp"

#include <fmt/format.h>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "calib/calibration.hpp"
#include "calib/calibration_files.hpp"
#include "calib/call_log_tally.hpp"
#include "calib/fit_report.hpp"
#include "cli/call_log_options.hpp"
#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "io/call_log.hpp"

namespace ccsim::cli {

namespace {

struct calibrate_options {
    std::string log_file;
    std::filesystem::path out;
    io::call_log_options log;
    calib::calibration_settings settings;
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("log", po::value<std::string>(), "the call log (CSV, or the preset's format)")
        ("out", po::value<std::string>(), "folder for the scenarios, forecasts, tables and fit.json (required)")
        ("slot", po::value<std::string>()->default_value("30min"),
         "time slot of the volume table and of the scenario's grid; divides 24h")
        ("threshold", po::value<std::string>()->default_value("15s"),
         "answer threshold of the service level")
        ("staffing", po::value<std::string>()->default_value("available"),
         "agents_by_interval from the agents' busy time plus their idle time while nobody "
         "waited (available), from the agents who served a call in the interval (served), or "
         "from their busy time alone (busy)")
        ("handle-time", po::value<std::string>()->default_value("fitted"),
         "the scenarios' handle_time: the best fit's shape (fitted) or the observed times "
         "(empirical, written to handle_times_QUEUE.txt)")
        ("redial-window", po::value<std::string>()->default_value("1h"),
         "a call by the same customer within this after an abandoned one counts as a redial");
    // clang-format on
    add_call_log_options(options);
    positional.add("log", 1);
}

calibrate_options read(const po::variables_map& values) {
    calibrate_options o;
    const std::string* log = given(values, "log");
    if (!log) throw config_error("ccsim calibrate: give a call log (see ccsim calibrate --help)");
    o.log_file = *log;
    const std::string* out = given(values, "out");
    if (!out) throw config_error("ccsim calibrate: give --out DIR for the files it writes");
    o.out = *out;
    o.log = read_call_log_options(values);
    const seconds slot = positive_duration_option("slot", values["slot"].as<std::string>());
    const double per_day = seconds_per_day / slot.count();
    if (std::abs(per_day - std::round(per_day)) > 1e-9 || slot.count() < 60.0)
        throw config_error(
            fmt::format("--slot: must divide 24h into whole slots of at least 1min (got '{}')",
                        values["slot"].as<std::string>()));
    o.settings.slot = slot.count();
    o.settings.threshold =
        duration_option("threshold", values["threshold"].as<std::string>()).count();
    const std::string& staffing = values["staffing"].as<std::string>();
    if (staffing == "available")
        o.settings.staffing = calib::staffing_basis::available;
    else if (staffing == "served")
        o.settings.staffing = calib::staffing_basis::served;
    else if (staffing == "busy")
        o.settings.staffing = calib::staffing_basis::busy;
    else
        throw config_error(
            fmt::format("--staffing: must be available, served or busy (got '{}')", staffing));
    const std::string& handle = values["handle-time"].as<std::string>();
    if (handle != "fitted" && handle != "empirical")
        throw config_error(
            fmt::format("--handle-time: must be fitted or empirical (got '{}')", handle));
    o.settings.empirical_handle_times = handle == "empirical";
    o.settings.redial_window =
        positive_duration_option("redial-window", values["redial-window"].as<std::string>())
            .count();
    return o;
}

int run(const calibrate_options& o) {
    const auto started = std::chrono::steady_clock::now();
    calib::call_log_tally tally(o.settings.slot, o.settings.threshold);
    const io::call_log_summary log =
        io::read_call_log(o.log_file, o.log, [&](const io::call_record& r) { tally.add(r); });
    const calib::calibration c = calib::calibrate(tally, o.settings);
    calib::write_calibration(c, log, o.out);
    std::cout << calib::fit_report(c, log);
    std::cout << fmt::format(
        "\nWrote {}: scenario.toml (the log as a typical week), period.toml (the log as it was), "
        "forecast_scenario.toml (the "
        "coming week), forecast.csv, volumes.csv, staffing.csv, days.csv, handle_quantiles.csv, "
        "patience_km.csv, forecast_error.csv, fit.json\n",
        o.out.string());
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format("calibrated {} calls in {:.2f} s\n", log.used, elapsed);
    return exit_ok;
}

}  // namespace

constexpr command_help calibrate_help{
    "calibrate",
    "ccsim calibrate LOG --out DIR [--preset generic|anonymous-bank] [--columns C=NAME,...]\n"
    "       [--slot 30min] [--threshold 15s] [--max-bad-rows N] [--staffing "
    "available|served|busy]\n"
    "       [--handle-time fitted|empirical] [--redial-window 1h]",
    "Estimates a model from a call log, streamed row by row: calls per weekday x slot with the\n"
    "spread between weeks, a forecast for the coming week with its error on the log's last\n"
    "week beside two naive baselines, busyness_cv, handle-time fits, patience from censored\n"
    "waits (Kaplan-Meier and censored MLE), redials, effective staffing; writes scenario.toml\n"
    "(the log as a typical week) and forecast_scenario.toml that ccsim simulate runs as they\n"
    "are. Malformed rows are counted and reported by line; more than --max-bad-rows: exit 2."};

int run_calibrate_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(calibrate_help, args, options, positional);
    if (!parsed) return exit_ok;
    return run(read(*parsed));
}

}  // namespace ccsim::cli
