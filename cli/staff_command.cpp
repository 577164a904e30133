#include "cli/staff_command.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/report_options.hpp"
#include "cli/target_options.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "erlang/interval_staffing.hpp"
#include "io/forecast_csv.hpp"
#include "report/html_page.hpp"
#include "report/localized_labels.hpp"
#include "report/messages.hpp"
#include "report/record.hpp"
#include "report/staffing_records.hpp"
#include "report/staffing_report.hpp"

namespace ccsim::cli {

namespace {

struct staff_options {
    std::string forecast_file;
    std::optional<seconds> interval;
    std::optional<seconds> patience;
    erlang::staffing_targets targets;
    erlang::staffing_options staffing;
    report::output_format format = report::output_format::table;
    std::optional<std::filesystem::path> out;
    std::optional<report::language> lang;
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("forecast", po::value<std::string>(), "forecast CSV: interval_start,calls,aht_s[,patience_s]")
        ("interval", po::value<std::string>(),
         "interval length (default: the smallest step between interval starts)")
        ("patience", po::value<std::string>(),
         "mean patience for every interval (Erlang A); or a patience_s column in the file")
        ("format", po::value<std::string>()->default_value("table"), "table, csv, json or html")
        ("out", po::value<std::string>(), "write to this file instead of stdout");
    // clang-format on
    add_language_option(options);
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
    o.format = report_format_option(values["format"].as<std::string>());
    if (const std::string* out = given(values, "out")) {
        check_output_file(*out);
        o.out = *out;
    }
    o.lang = read_language_option(values);
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
        if (const double load = row.calls * row.aht.count() / f.interval.count();
            load > limits::offered_load)
            throw scenario_error({f.file, row.line, 0}, "calls",
                                 fmt::format("with aht_s and the interval, an offered load of {:g} "
                                             "Erlang; at most {:g} Erlang",
                                             load, limits::offered_load),
                                 fmt::format("{:g}", row.calls));
        demand.push_back({row.start - first, f.interval, row.calls, row.aht,
                          row.patience ? row.patience : patience});
    }
    return demand;
}

std::vector<report::record> interval_records(const io::forecast& forecast,
                                             const erlang::staffing_plan& plan, bool with_patience,
                                             std::size_t first, std::size_t last) {
    std::vector<report::record> rows;
    for (std::size_t i = first; i < last; ++i)
        rows.push_back(report::staffing_interval_record(forecast.rows[i].label, plan.intervals[i],
                                                        with_patience));
    return rows;
}

// A record takes about 4 KB, the rest of a row a few hundred bytes: CSV is formatted a block
// of rows at a time, so that a long forecast does not hold every row's record at once.
std::string interval_csv(const io::forecast& forecast, const erlang::staffing_plan& plan,
                         bool with_patience) {
    constexpr std::size_t block = 4096;
    std::string text;
    const std::size_t count = plan.intervals.size();
    for (std::size_t first = 0; first < count; first += block) {
        std::string part = report::format_csv(
            interval_records(forecast, plan, with_patience, first, std::min(count, first + block)));
        if (first > 0) part.erase(0, part.find('\n') + 1);  // the header once
        text += part;
    }
    return text;
}

int run(const staff_options& o) {
    const io::forecast forecast = io::read_forecast_csv(o.forecast_file, o.interval,
                                                        "--interval (or interval in the scenario)");
    const bool with_patience = o.patience || forecast.rows.front().patience;
    const erlang::staffing_plan plan =
        erlang::plan_intervals(to_demand(forecast, o.patience), o.targets, o.staffing);

    if (o.format == report::output_format::csv) {
        write_output(o.out, interval_csv(forecast, plan, with_patience));
        return exit_ok;
    }
    std::vector<report::record> rows =
        interval_records(forecast, plan, with_patience, 0, plan.intervals.size());
    report::record totals = report::staffing_totals_record(plan.totals);
    std::string text;
    switch (o.format) {
        case report::output_format::table: {
            const report::language l = o.lang.value_or(report::language::en);
            report::localize_labels(rows, l);
            report::localize_labels(totals, l);
            text = report::format_table(rows) +
                   std::string(report::text(l, report::msg::table_totals)) +
                   report::format_key_values(totals);
            break;
        }
        case report::output_format::csv:  // written above
            break;
        case report::output_format::json: {
            nlohmann::ordered_json out;
            out["intervals"] = report::to_json(rows);
            out["totals"] = report::to_json(totals);
            text = out.dump(2) + "\n";
            break;
        }
        case report::output_format::html: {
            report::staffing_report_input in{o.forecast_file, {},         &plan,
                                             o.targets,       o.staffing, with_patience};
            for (const io::forecast_row& row : forecast.rows) in.labels.push_back(row.label);
            text = report::render_html(report::staffing_report(in, report_context_for(o.lang)));
            break;
        }
    }
    write_output(o.out, text);
    return exit_ok;
}

}  // namespace

constexpr command_help staff_help{
    "staff",
    "ccsim staff FORECAST.csv (--sl F | --answer-rate F | ...) [--threshold D] "
    "[--patience D] [--shrinkage F] [--format table|csv|json|html] [--lang en|zh] [--out FILE]",
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
