#include "cli/staff_command.hpp"

#include <fmt/format.h>
#include <iostream>

#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/target_options.hpp"
#include "core/errors.hpp"
#include "erlang/interval_staffing.hpp"
#include "io/forecast_csv.hpp"
#include "report/record.hpp"
#include "report/staffing_records.hpp"

namespace ccsim::cli {

namespace {

struct staff_options {
    std::string forecast_file;
    std::optional<seconds> interval;
    std::optional<seconds> patience;
    erlang::staffing_targets targets;
    erlang::staffing_options staffing;
    report::output_format format = report::output_format::table;
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("forecast", po::value<std::string>(), "forecast CSV: interval_start,calls,aht_s[,patience_s]")
        ("interval", po::value<std::string>(),
         "interval length (default: the smallest step between interval starts)")
        ("patience", po::value<std::string>(),
         "mean patience for every interval (Erlang A); or a patience_s column in the file")
        ("format", po::value<std::string>()->default_value("table"), "table, csv or json");
    // clang-format on
    add_target_options(options);
    positional.add("forecast", 1);
}

staff_options read(const po::variables_map& values) {
    staff_options o;
    const std::string* file = given(values, "forecast");
    if (!file) throw config_error("ccsim staff: give a forecast file (see ccsim staff --help)");
    o.forecast_file = *file;
    if (const std::string* v = given(values, "interval"))
        o.interval = positive_duration_option("interval", *v);
    if (const std::string* v = given(values, "patience"))
        o.patience = positive_duration_option("patience", *v);
    o.targets = read_targets(values);
    o.staffing = read_staffing_options(values);
    o.format = format_option(values["format"].as<std::string>());
    if (o.targets.empty()) throw config_error(std::string("ccsim staff: give ") + no_target_hint);
    return o;
}

std::vector<erlang::interval_demand> to_demand(const io::forecast& f,
                                               std::optional<seconds> patience) {
    std::vector<erlang::interval_demand> demand;
    const seconds first = f.rows.front().start;
    for (const io::forecast_row& row : f.rows) {
        if (row.patience && patience)
            throw config_error(fmt::format(
                "--patience: {} already has a patience_s column; use one or the other", f.file));
        demand.push_back({row.start - first, f.interval, row.calls, row.aht,
                          row.patience ? row.patience : patience});
    }
    return demand;
}

int run(const staff_options& o) {
    const io::forecast forecast = io::read_forecast_csv(o.forecast_file, o.interval,
                                                        "--interval (or interval in the scenario)");
    const bool with_patience = o.patience || forecast.rows.front().patience;
    const erlang::staffing_plan plan =
        erlang::plan_intervals(to_demand(forecast, o.patience), o.targets, o.staffing);

    std::vector<report::record> rows;
    for (std::size_t i = 0; i < plan.intervals.size(); ++i)
        rows.push_back(report::staffing_interval_record(forecast.rows[i].label, plan.intervals[i],
                                                        with_patience));
    const report::record totals = report::staffing_totals_record(plan.totals);
    switch (o.format) {
        case report::output_format::table:
            std::cout << report::format_table(rows) << "\nTotals\n"
                      << report::format_key_values(totals);
            break;
        case report::output_format::csv:
            std::cout << report::format_csv(rows);
            break;
        case report::output_format::json: {
            nlohmann::ordered_json out;
            out["intervals"] = report::to_json(rows);
            out["totals"] = report::to_json(totals);
            std::cout << out.dump(2) << "\n";
            break;
        }
    }
    return exit_ok;
}

}  // namespace

constexpr command_help staff_help{
    "staff",
    "ccsim staff FORECAST.csv (--sl F | --answer-rate F | ...) [--threshold D] "
    "[--patience D] [--shrinkage F] [--format table|csv|json]",
    "Agents required in every interval of a forecast, each interval solved as a "
    "stationary\nqueue (Erlang C, or Erlang A with patience), with totals in "
    "agent-hours."};

int run_staff_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(staff_help, args, options, positional);
    if (!parsed) return exit_ok;
    return run(read(*parsed));
}

}  // namespace ccsim::cli
