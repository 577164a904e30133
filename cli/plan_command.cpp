#include "cli/plan_command.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/report_options.hpp"
#include "cli/run_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_file.hpp"
#include "plan/plan_records.hpp"
#include "plan/plan_report.hpp"
#include "plan/planner.hpp"
#include "plan/roster_toml.hpp"
#include "report/html_page.hpp"
#include "report/record.hpp"

namespace ccsim::cli {

namespace {

struct plan_command_options {
    std::string scenario_file;
    std::optional<std::filesystem::path> out;
    report::output_format format = report::output_format::table;
    std::optional<io::requirement_method> method;
    bool allow_short = false;
    std::optional<double> time_limit;
    replication_options run;
    std::optional<report::language> lang;
    report::csv_encoding csv = report::csv_encoding::plain;  // --excel
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("scenario", po::value<std::string>(), "scenario file with a [plan] table (docs/planning.md)")
        ("out", po::value<std::string>(),
         "folder for roster.csv, shifts.csv, coverage.csv, rounds.csv, totals.csv, plan.json and "
         "roster.toml")
        ("format", po::value<std::string>()->default_value("table"),
         "table (totals, rounds, roster), csv (the roster), json (the whole plan) or html (a "
         "report with charts: OUT/report.html with --out, else stdout)")
        ("method", po::value<std::string>(),
         "requirements: sipp (Erlang per interval) or isa (iterative staffing by simulation); "
         "default: [plan] method")
        ("allow-short", po::bool_switch(),
         "when the rules cannot cover every interval, the least-cost roster minimising the "
         "penalised shortfall instead of no roster")
        ("time-limit", po::value<std::string>(), "solver time limit (default: [plan] time_limit)");
    // clang-format on
    add_language_option(options);
    add_excel_option(options);
    add_replication_options(options);
    positional.add("scenario", 1);
}

plan_command_options read(const po::variables_map& values) {
    plan_command_options o;
    const std::string* file = given(values, "scenario");
    if (!file) throw config_error("ccsim plan: give a scenario file (see ccsim plan --help)");
    o.scenario_file = *file;
    if (const std::string* out = given(values, "out")) o.out = *out;
    o.format = report_format_option(values["format"].as<std::string>());
    o.lang = read_language_option(values);
    o.csv = read_excel_option(values);
    if (const std::string* m = given(values, "method")) {
        if (*m == "sipp")
            o.method = io::requirement_method::sipp;
        else if (*m == "isa")
            o.method = io::requirement_method::isa;
        else
            throw config_error(fmt::format("--method: must be sipp or isa (got '{}')", *m));
    }
    o.allow_short = values["allow-short"].as<bool>();
    if (const std::string* t = given(values, "time-limit"))
        o.time_limit = positive_duration_option("time-limit", *t).count();
    o.run = read_replication_options(values);
    return o;
}

// Progress on stderr: one line per round (no timings, so that output is reproducible).
class stderr_observer : public plan::plan_observer {
  public:
    explicit stderr_observer(const sim::scenario& s) : s_(s) {}
    void round_finished(const plan::plan_round& r) override {
        std::string line = fmt::format("round {}: cost {:.2f} (bound {:.2f}, gap {:.2f}%)", r.round,
                                       r.cost, r.lower_bound, 100.0 * r.gap);
        if (r.intervals_short == 0) {
            line += fmt::format(", all {} open intervals meet the targets", r.intervals_open);
        } else {
            line +=
                fmt::format(", {} of {} open intervals short", r.intervals_short, r.intervals_open);
            if (r.worst_interval) {
                line += fmt::format("; worst {}", plan::interval_label(s_, *r.worst_interval));
                if (r.worst_service_level)
                    line += fmt::format(" (service level {:.3f}", *r.worst_service_level);
                if (r.worst_answer_rate)
                    line += fmt::format(", answer rate {:.3f})", *r.worst_answer_rate);
            }
        }
        std::cerr << line << "\n";
    }

  private:
    const sim::scenario& s_;
};

std::string include_path(const std::string& scenario, const std::filesystem::path& out) {
    std::error_code error;
    const auto from = std::filesystem::weakly_canonical(std::filesystem::absolute(out), error);
    const auto to = std::filesystem::weakly_canonical(std::filesystem::absolute(scenario), error);
    const std::filesystem::path relative = std::filesystem::relative(to, from, error);
    return (error || relative.empty() ? to : relative).generic_string();
}

void write_outputs(const std::filesystem::path& out, const std::string& scenario_file,
                   const sim::scenario& s, const plan::plan_result& result,
                   report::csv_encoding csv) {
    std::error_code error;
    std::filesystem::create_directories(out, error);
    if (error) throw output_error(out.string(), "--out: cannot create the folder", error.value());
    io::write_file_atomically(out / "roster.csv",
                              report::format_csv(plan::roster_records(s, result), csv));
    io::write_file_atomically(out / "shifts.csv",
                              report::format_csv(plan::shift_records(s, result), csv));
    io::write_file_atomically(out / "coverage.csv",
                              report::format_csv(plan::coverage_records(s, result), csv));
    io::write_file_atomically(out / "rounds.csv",
                              report::format_csv(plan::round_records(s, result), csv));
    io::write_file_atomically(out / "totals.csv",
                              report::format_csv({plan::totals_record(result)}, csv));
    io::write_file_atomically(out / "plan.json", plan::plan_json(s, result).dump(2) + "\n");
    io::write_file_atomically(out / "roster.toml",
                              plan::roster_toml(s, result, include_path(scenario_file, out)));
}

int run(const plan_command_options& o) {
    const io::loaded_scenario loaded = io::load_scenario(o.scenario_file);
    warn_all(loaded.warnings);
    if (!loaded.plan)
        throw config_error(fmt::format(
            "ccsim plan: {} has no [plan] table; docs/planning.md shows one", o.scenario_file));
    // --replications, then [plan] replications, then [run], then the defaults.
    io::run_settings file_run = loaded.run;
    if (loaded.plan->replications) file_run.replications = loaded.plan->replications;
    plan::plan_options options;
    options.method = o.method;
    options.time_limit_seconds = o.time_limit;
    options.allow_short = o.allow_short;
    options.run = resolve_run(o.run, file_run);
    options.confidence = o.run.confidence;
    // The verification run and each correction round simulate the whole scenario.
    check_run_work(sim::work_of(loaded.model, options.run.replications, loaded.plan->rounds + 1),
                   o.run.allow_huge);
    stderr_observer observer(loaded.model);
    const plan::plan_result result =
        plan::make_plan(loaded.model, *loaded.plan, options, &observer);
    const sim::scenario& s = loaded.model;

    if (result.solution.short_anywhere())
        std::cerr << "warning: the rules cannot cover every interval; this roster leaves some "
                     "short (shortfall in coverage.csv)\n";
    if (!result.met_everywhere())
        std::cerr << fmt::format(
            "warning: after {} rounds some intervals still miss the targets in the simulated "
            "mean (met = false in coverage.csv); allow more rounds in [plan]\n",
            result.rounds.size());
    if (o.out) write_outputs(*o.out, o.scenario_file, s, result, o.csv);

    switch (o.format) {
        case report::output_format::table:
            std::cout << fmt::format("Plan for {}\n\n", s.name)
                      << report::format_key_values(plan::totals_record(result)) << "\nRounds\n"
                      << report::format_table(plan::round_records(s, result)) << "\nRoster\n"
                      << report::format_table(plan::roster_records(s, result));
            break;
        case report::output_format::csv:
            std::cout << report::format_csv(plan::roster_records(s, result), o.csv);
            break;
        case report::output_format::json:
            std::cout << plan::plan_json(s, result).dump(2) << "\n";
            break;
        case report::output_format::html: {
            const plan::plan_report_input in{&s, &result, o.scenario_file,
                                             o.method.value_or(loaded.plan->method),
                                             o.run.confidence};
            // With --out the report joins the plan's other files, as a batch's does.
            write_output(o.out ? std::optional(*o.out / "report.html") : std::nullopt,
                         report::render_html(plan::plan_report(in, report_context_for(o.lang))));
            break;
        }
    }
    return exit_ok;
}

}  // namespace

constexpr command_help plan_help{
    "plan",
    "ccsim plan SCENARIO.toml [--out DIR] [--format table|csv|json|html] [--lang en|zh]\n"
    "       [--method sipp|isa] [--allow-short] [--time-limit D] [--replications N] [--seed N]\n"
    "       [--threads N]",
    "The least-cost roster of shifts (and weekly tours) meeting the staffing requirement in\n"
    "every open interval, from the scenario's [plan] table; verified by simulation and\n"
    "corrected where an interval misses its targets. Exit 3 when the rules cannot cover an\n"
    "interval (named), unless --allow-short."};

int run_plan_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(plan_help, args, options, positional);
    if (!parsed) return exit_ok;
    return run(read(*parsed));
}

}  // namespace ccsim::cli
