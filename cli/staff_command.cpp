#include "cli/staff_command.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/report_options.hpp"
#include "cli/run_options.hpp"
#include "cli/target_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "erlang/interval_staffing.hpp"
#include "io/forecast_csv.hpp"
#include "io/scenario_file.hpp"
#include "plan/staffing_study.hpp"
#include "report/html_page.hpp"
#include "report/localized_labels.hpp"
#include "report/messages.hpp"
#include "report/record.hpp"
#include "report/staffing_records.hpp"
#include "report/staffing_report.hpp"

namespace ccsim::cli {

namespace {

struct staff_options {
    std::string forecast_file;  // a forecast CSV, or a scenario file (.toml)
    bool scenario = false;
    io::requirement_method method = io::requirement_method::sipp;
    int max_iterations = 10;
    replication_options run;
    std::vector<std::string> written_targets;  // target options the user wrote
    std::optional<seconds> interval;
    std::optional<seconds> patience;
    erlang::staffing_targets targets;
    erlang::staffing_options staffing;
    report::output_format format = report::output_format::table;
    std::optional<std::filesystem::path> out;
    std::optional<report::language> lang;
    report::csv_encoding csv = report::csv_encoding::plain;  // --excel
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("forecast", po::value<std::string>(),
         "forecast CSV: interval_start,calls,aht_s[,patience_s]; or a scenario file (.toml): "
         "every queue staffed per interval and the staffing checked by simulation")
        ("method", po::value<std::string>()->default_value("sipp"),
         "sipp (Erlang per interval) or isa (the iterative staffing algorithm: simulation; "
         "needs a scenario file)")
        ("max-iterations", po::value<std::string>()->default_value("10"),
         "isa: iterations at most")
        ("interval", po::value<std::string>(),
         "interval length (default: the smallest step between interval starts)")
        ("patience", po::value<std::string>(),
         "mean patience for every interval (Erlang A); or a patience_s column in the file")
        ("format", po::value<std::string>()->default_value("table"), "table, csv, json or html")
        ("out", po::value<std::string>(), "write to this file instead of stdout");
    // clang-format on
    add_language_option(options);
    add_excel_option(options);
    add_target_options(options);
    add_replication_options(options);
    positional.add("forecast", 1);
}

// With a scenario, the queues bring their thresholds, patience and interval, and the targets
// default to its [targets]; only --sl and --answer-rate may override them.
void check_scenario_options(const staff_options& o) {
    for (const std::string& name : o.written_targets)
        if (name != "sl" && name != "answer-rate" && name != "replications" && name != "seed" &&
            name != "threads" && name != "max-iterations")
            throw config_error(fmt::format(
                "--{}: not with a scenario file ({}): its queues set their own thresholds, "
                "patience and interval; of the targets only --sl and --answer-rate apply",
                name, o.forecast_file));
    if (o.format == report::output_format::html)
        throw config_error(
            "--format html: a staffing checked by simulation is written as table, csv or json");
}

staff_options read(const po::variables_map& values) {
    staff_options o;
    const std::string* file = given(values, "forecast");
    if (!file) throw config_error("ccsim staff: give a forecast file (see ccsim staff --help)");
    o.forecast_file = *file;
    o.scenario = std::filesystem::path(*file).extension() == ".toml";
    const std::string& method = values["method"].as<std::string>();
    if (method == "isa")
        o.method = io::requirement_method::isa;
    else if (method != "sipp")
        throw config_error(fmt::format("--method: must be sipp or isa (got '{}')", method));
    o.max_iterations =
        count_option("max-iterations", values["max-iterations"].as<std::string>(), 1, 1000);
    o.run = read_replication_options(values);
    for (const char* name : {"threshold", "sl", "sl-basis", "answer-rate", "asa", "max-abandon",
                             "max-occupancy", "shrinkage", "fractional", "max-agents", "interval",
                             "patience", "replications", "seed", "threads", "max-iterations"})
        if (written(values, name)) o.written_targets.emplace_back(name);
    if (const std::string* v = given(values, "interval")) {
        o.interval = positive_duration_option("interval", *v);
        warn_bare_seconds("interval", *v, 60.0);
    }
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
    o.csv = read_excel_option(values);
    if (o.scenario) {
        check_scenario_options(o);
        return o;
    }
    if (o.method == io::requirement_method::isa)
        throw config_error(fmt::format(
            "--method isa: the iterative staffing algorithm simulates the queues; give a scenario "
            "file (.toml), not a forecast (got '{}')",
            o.forecast_file));
    for (const char* name : {"replications", "seed", "threads", "max-iterations"})
        if (written(values, name))
            throw config_error(fmt::format(
                "--{}: only with a scenario file, where the staffing is simulated", name));
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

plan::interval_targets scenario_targets(const staff_options& o, const sim::scenario& s) {
    plan::interval_targets targets{s.service_level_target, s.answer_rate_target};
    const auto written_here = [&](const char* name) {
        return std::find(o.written_targets.begin(), o.written_targets.end(), name) !=
               o.written_targets.end();
    };
    if (written_here("sl")) targets.service_level = o.targets.service_level->fraction;
    if (written_here("answer-rate")) targets.answer_rate = o.targets.answer_rate;
    if (!targets.service_level && !targets.answer_rate)
        throw config_error(fmt::format(
            "ccsim staff: {} has no [targets]; give --sl and/or --answer-rate", o.forecast_file));
    return targets;
}

int run_on_scenario(const staff_options& o) {
    const io::loaded_scenario loaded = io::load_scenario(o.forecast_file);
    const sim::scenario& s = loaded.model;
    plan::isa_options options{resolve_run(o.run, loaded.run), o.max_iterations};
    const plan::staffing_study study =
        plan::study_staffing(s, scenario_targets(o, s), o.method, options);
    const std::vector<report::record> rows = plan::study_interval_records(s, study);
    const std::vector<report::record> stability = plan::study_stability_records(s, study);
    std::string text;
    switch (o.format) {
        case report::output_format::table: {
            text = fmt::format("Staffing for {} ({}, {} replications per simulation", s.name,
                               study.isa ? "isa" : "sipp", study.run.replications);
            if (study.isa)
                text += fmt::format(", {} after {} iterations",
                                    study.isa_converged ? "converged" : "NOT converged",
                                    study.isa_iterations);
            text += ")\n\n" + report::format_table(rows) +
                    "\nTime stability: the simulated service level across the open intervals\n" +
                    report::format_table(stability);
            break;
        }
        case report::output_format::csv:
            text = report::format_csv(rows, o.csv);
            break;
        case report::output_format::json: {
            nlohmann::ordered_json out;
            out["method"] = study.isa ? "isa" : "sipp";
            out["replications"] = study.run.replications;
            if (study.isa) {
                out["iterations"] = study.isa_iterations;
                out["converged"] = study.isa_converged;
            }
            out["intervals"] = report::to_json(rows);
            out["stability"] = report::to_json(stability);
            text = out.dump(2) + "\n";
            break;
        }
        case report::output_format::html:
            break;  // refused by check_scenario_options
    }
    write_output(o.out, text);
    if (study.isa && !study.isa_converged)
        std::cerr << fmt::format(
            "warning: isa did not converge in {} iterations (an interval still moved by more "
            "than one agent); raise --max-iterations or --replications\n",
            study.isa_iterations);
    return exit_ok;
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
                         bool with_patience, report::csv_encoding encoding) {
    constexpr std::size_t block = 4096;
    std::string text;
    const std::size_t count = plan.intervals.size();
    for (std::size_t first = 0; first < count; first += block) {
        std::string part = report::format_csv(
            interval_records(forecast, plan, with_patience, first, std::min(count, first + block)),
            first == 0 ? encoding : report::csv_encoding::plain);
        if (first > 0) part.erase(0, part.find('\n') + 1);  // the header once
        text += part;
    }
    return text;
}

int run(const staff_options& o) {
    if (o.scenario) return run_on_scenario(o);
    const io::forecast forecast = io::read_forecast_csv(o.forecast_file, o.interval,
                                                        "--interval (or interval in the scenario)");
    const bool with_patience = o.patience || forecast.rows.front().patience;
    const erlang::staffing_plan plan =
        erlang::plan_intervals(to_demand(forecast, o.patience), o.targets, o.staffing);

    if (o.format == report::output_format::csv) {
        write_output(o.out, interval_csv(forecast, plan, with_patience, o.csv));
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
    "[--patience D] [--shrinkage F] [--format table|csv|json|html] [--lang en|zh] [--out FILE]\n"
    "       ccsim staff SCENARIO.toml [--method sipp|isa] [--sl F] [--answer-rate F]\n"
    "       [--replications N] [--seed N] [--max-iterations N] [--format table|csv|json]",
    "Agents required in every interval of a forecast, each interval solved as a "
    "stationary\nqueue (Erlang C, or Erlang A with patience), with totals in "
    "agent-hours. With a scenario\nfile: every queue staffed per interval (sipp), or by the "
    "iterative staffing algorithm\n(isa, Feldman et al. 2008), the staffing simulated and "
    "its time stability reported."};

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
