#include "cli/simulate_command.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "batch/input_hash.hpp"
#include "batch/replication_sources.hpp"
#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/replay_options.hpp"
#include "cli/report_options.hpp"
#include "cli/run_options.hpp"
#include "cli/shard_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "io/scenario_file.hpp"
#include "io/scenario_paths.hpp"
#include "report/html_page.hpp"
#include "report/record.hpp"
#include "report/replay_comparison.hpp"
#include "report/result_folder.hpp"
#include "report/run_description.hpp"
#include "report/simulation_records.hpp"
#include "report/simulation_report.hpp"
#include "report/summary_json.hpp"
#include "report/summary_table.hpp"
#include "sim/simulation.hpp"

namespace ccsim::cli {

namespace {

constexpr const char* quick_form_options[] = {"calls", "aht",    "patience", "agents",
                                              "hours", "warmup", "interval", "threshold"};

struct simulate_options {
    std::optional<std::string> scenario_file;
    std::optional<sim::stationary_queue> quick;  // the quick form, without a scenario file
    replication_options run;
    report::output_format format = report::output_format::table;
    std::optional<std::filesystem::path> out;  // the result folder; with html, the report
    std::optional<report::language> lang;
    report::csv_encoding csv = report::csv_encoding::plain;  // --excel
    std::optional<batch::shard_spec> shard;  // run only this shard into the folder --out
    std::vector<std::string> args;           // the command line, for a shard to record
    std::vector<std::pair<std::string, io::value_change>> changes;  // --set, in order
    std::optional<replay_options> replay;
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("scenario", po::value<std::string>(), "scenario file (TOML, see docs/scenarios.md)")
        ("format", po::value<std::string>()->default_value("table"), "table, csv, json or html")
        ("out", po::value<std::string>(),
         "folder for per-interval CSV files (intervals.csv, group_intervals.csv) and summary.json; "
         "with --format html, the report file")
        ("set", po::value<std::vector<std::string>>()->composing(),
         "KEY=CHANGE: changes the scenario before it runs, as ccsim whatif --vary with one "
         "value (group.agents.agents_by_interval=+2); repeatable");
    // clang-format on
    add_language_option(options);
    add_excel_option(options);
    add_replication_options(options);
    add_shard_option(options);
    add_replay_options(options);
    po::options_description quick("Quick form (one stationary queue, no scenario file)");
    // clang-format off
    quick.add_options()
        ("calls", po::value<std::string>(), "calls offered per --interval")
        ("interval", po::value<std::string>(), "interval of --calls and of the statistics (default 1h)")
        ("aht", po::value<std::string>(), "mean handle time (exponential)")
        ("patience", po::value<std::string>(), "mean patience (exponential); none: nobody hangs up")
        ("agents", po::value<std::string>(), "agents on duty all day")
        ("threshold", po::value<std::string>(), "service level threshold (default 15s)")
        ("hours", po::value<std::string>(), "simulated hours per replication (default 24)")
        ("warmup", po::value<std::string>(), "warm-up before the statistics start (default 1h)");
    // clang-format on
    options.add(quick);
    positional.add("scenario", 1);
}

sim::stationary_queue read_quick_form(const po::variables_map& values) {
    for (const char* required : {"calls", "aht", "agents"})
        if (!values.count(required))
            throw config_error(fmt::format(
                "ccsim simulate: give a scenario file, or --calls, --aht and --agents for the "
                "quick form (missing --{})",
                required));
    sim::stationary_queue q;
    const seconds interval = values.count("interval")
                                 ? positive_duration_option("interval", *given(values, "interval"))
                                 : seconds{3600.0};
    if (values.count("interval")) warn_bare_seconds("interval", *given(values, "interval"), 60.0);
    q.calls_per_hour =
        non_negative_option("calls", *given(values, "calls"), limits::calls_per_interval) * 3600.0 /
        interval.count();
    q.interval = interval;
    q.aht = positive_duration_option("aht", *given(values, "aht"));
    if (const std::string* v = given(values, "patience"))
        q.patience = positive_duration_option("patience", *v);
    q.agents =
        count_option("agents", *given(values, "agents"), 0, static_cast<int>(limits::agents));
    if (const std::string* v = given(values, "threshold")) {
        q.threshold = duration_option("threshold", *v);
        if (q.threshold.count() < 0.0)
            throw config_error("--threshold: must be >= 0 (got '" + *v + "')");
    }
    if (const std::string* v = given(values, "hours")) {
        const double hours = positive_option("hours", *v, limits::duration_seconds / 3600.0);
        q.horizon = seconds{hours * 3600.0};
    }
    if (const std::string* v = given(values, "warmup")) {
        q.warmup = duration_option("warmup", *v);
        if (q.warmup.count() < 0.0) throw config_error("--warmup: must be >= 0 (got '" + *v + "')");
    }
    if (q.horizon < q.interval) throw config_error("--hours: must cover at least one --interval");
    return q;
}

simulate_options read(const po::variables_map& values) {
    simulate_options o;
    if (const std::string* file = given(values, "scenario")) o.scenario_file = *file;
    o.run = read_replication_options(values);
    o.format = report_format_option(values["format"].as<std::string>());
    o.lang = read_language_option(values);
    o.csv = read_excel_option(values);
    o.shard = read_shard_option(values);
    if (const std::string* out = given(values, "out")) {
        // With html, --out is the report file; otherwise the folder of result files. A
        // shard's is its shard folder.
        if (o.format == report::output_format::html && !o.shard) check_output_file(*out);
        o.out = *out;
    }
    if (o.shard && !o.out)
        throw config_error("ccsim simulate: --shard needs --out, the shard folder");
    if (values.count("set")) {
        if (!o.scenario_file) throw config_error("--set: changes a scenario file; give one");
        for (const std::string& entry : values["set"].as<std::vector<std::string>>()) {
            const std::size_t eq = entry.find('=');
            if (eq == std::string::npos || eq == 0)
                throw config_error(fmt::format(
                    "--set: expected KEY=CHANGE such as group.agents.agents=+2 (got '{}')", entry));
            try {
                o.changes.emplace_back(entry.substr(0, eq),
                                       io::parse_value_change(entry.substr(eq + 1)));
            } catch (const io::change_error& e) {
                throw config_error(fmt::format("--set {}: {}", entry, e.what()));
            }
        }
    }
    o.replay = read_replay_options(values);
    if (o.replay) {
        if (!o.scenario_file)
            throw config_error("--replay: needs a scenario file, whose agents take the calls");
        if (o.shard) throw config_error("--replay: runs in one process; leave out --shard");
        if (o.format == report::output_format::html)
            throw config_error("--replay: --format table, csv or json (the comparison is a table)");
    }
    if (o.scenario_file) {
        for (const char* quick : quick_form_options)
            if (values.count(quick))
                throw config_error(
                    fmt::format("ccsim simulate: --{} belongs to the quick form; a scenario file "
                                "says it itself",
                                quick));
    } else {
        o.quick = read_quick_form(values);
    }
    return o;
}

sim::scenario quick_scenario(const sim::stationary_queue& q) {
    sim::scenario s = sim::make_stationary_scenario(q);
    s.name = fmt::format(
        "{:g} calls/h, AHT {}, {}, {} agents", q.calls_per_hour, format_duration(q.aht),
        q.patience ? "patience " + format_duration(*q.patience) : "no abandonment", q.agents);
    return s;
}

// The replay's comparison: the log's figures, the replay's and the forecast's over the same
// dates (with the same seed): a table on stdout with --format table, replay_comparison.csv in
// --out.
void report_replay(const replay_plan& plan, const replay_options& replay,
                   const sim::run_options& run, const simulate_options& o,
                   const sim::simulation_run& replayed) {
    std::optional<sim::simulation_run> modelled;
    if (replay.modelled)
        modelled = sim::simulate(sim::contact_centre(plan.modelled), run, o.run.confidence);
    const report::replay_figures figures{plan.replayed, plan.observed, replayed.summary,
                                         modelled ? &modelled->summary : nullptr};
    if (o.out)
        write_output(*o.out / "replay_comparison.csv",
                     report::format_csv(report::replay_comparison_records(figures), o.csv));
    if (o.format == report::output_format::table)
        std::cout << fmt::format(
                         "\nReplay of {} ({}): observed (the log), replayed (its calls on the "
                         "scenario's agents){}; all queues per day, every queue and interval in "
                         "--out/replay_comparison.csv\n",
                         replay.log_file, plan.dates,
                         modelled ? ", modelled (the scenario's forecast, same dates and seed)"
                                  : "")
                  << report::replay_comparison_table(figures);
}

// Without `merge`, simulates (or runs shard --shard of the replications); with it, reports
// the replications in the shards.
int run(const simulate_options& o, const batch::shard_set* merge = nullptr) {
    io::loaded_scenario loaded;
    report::run_description d;
    if (o.scenario_file) {
        try {
            loaded = o.changes.empty()
                         ? io::load_scenario(*o.scenario_file)
                         : io::load_scenario_with_changes(*o.scenario_file, o.changes);
        } catch (const io::change_error& e) {
            throw config_error(fmt::format("--set: {}", e.what()));
        }
        warn_all(loaded.warnings);
        d.scenario_file = *o.scenario_file;
    } else {
        loaded.model = quick_scenario(*o.quick);  // its inputs are on the command line
    }
    std::optional<replay_plan> replay;
    if (o.replay) {
        replay = plan_replay(loaded.model, *o.replay);
        std::cerr << replay->log_report;
        loaded.model = replay->replayed;
        loaded.model.name += fmt::format(", replay of {} ({})", o.replay->log_file, replay->dates);
    }
    d.scenario_name = loaded.model.name;
    const sim::run_options run = resolve_run(o.run, loaded.run);
    d.replications = run.replications;
    d.seed = run.seed;
    d.threads = run.threads;
    if (!merge)
        check_run_work(
            sim::work_of(loaded.model, run.replications, replay && o.replay->modelled ? 2 : 1),
            o.run.allow_huge);
    const std::string hash = batch::input_hash(loaded, run, o.run.confidence);

    auto centre = std::make_shared<const sim::contact_centre>(std::move(loaded.model));
    if (o.shard)
        return run_one_unit_shard("simulate", o.args, *o.shard, *o.out,
                                  {"simulate", hash, static_cast<std::size_t>(run.replications)},
                                  run.threads, [&](std::size_t) {
                                      return batch::simulation_replications(centre, run.seed,
                                                                            o.run.confidence);
                                  });
    if (merge) check_one_unit(*merge, hash);
    // One long run of the stationary quick form gets batch means: simulate() decides.
    const sim::simulation_run result =
        merge ? batch::merged_simulation(*merge, 0, *centre, run, o.run.confidence)
              : sim::simulate(*centre, run, o.run.confidence);
    const sim::scenario& s = centre->model();
    if (o.format == report::output_format::html) {
        write_output(o.out, report::render_html(report::simulation_report(
                                s, result, d, report_context_for(o.lang))));
        return exit_ok;
    }
    if (o.out) {
        std::error_code failure;
        std::filesystem::create_directories(*o.out, failure);
        if (failure)
            throw output_error(o.out->string(), "--out: cannot create the folder", failure.value());
        report::write_result_folder(*o.out, s, result.summary, report::summary_json(s, result, d),
                                    o.csv);
    }
    switch (o.format) {
        case report::output_format::table:
            std::cout << report::summary_table(s, result, d, o.lang.value_or(report::language::en));
            break;
        case report::output_format::csv:
            std::cout << report::format_csv(report::queue_summary_records(s, result.summary),
                                            o.csv);
            break;
        case report::output_format::json:
            std::cout << report::summary_json(s, result, d).dump(2) << "\n";
            break;
        case report::output_format::html:
            break;
    }
    if (replay) report_replay(*replay, *o.replay, run, o, result);
    return exit_ok;
}

}  // namespace

constexpr command_help simulate_help{
    "simulate",
    "ccsim simulate SCENARIO.toml [--replications N] [--seed S] [--threads T] "
    "[--format table|csv|json|html] [--lang en|zh] [--out DIR|FILE]\n       ccsim simulate --calls "
    "N --aht D "
    "--agents N [--patience D] [--interval D] [--hours H] [--warmup D] [--threshold D]\n"
    "       ccsim simulate ... --shard I/N --out SHARD_DIR   (then ccsim merge; docs/cluster.md)\n"
    "       ccsim simulate SCENARIO.toml --replay LOG [--from DATE] [--to DATE] [--queue-map "
    "LOG=QUEUE,...] [--no-modelled] [--set KEY=CHANGE]",
    "Simulates independent replications of a contact centre's horizon (a day, a week, any\n"
    "dated range) and reports every figure per interval, per day and for the horizon with\n"
    "its confidence interval. The quick form simulates one stationary queue, to check any\n"
    "Erlang answer by simulation. --format html writes a self-contained report with charts\n"
    "(docs/reports.md) to --out FILE, or to stdout. --replay offers a call log's own calls to\n"
    "the scenario's agents over the log's dates and compares observed, replayed and modelled\n"
    "figures per day and interval (docs/cli.md)."};

int run_simulate_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(simulate_help, args, options, positional);
    if (!parsed) return exit_ok;
    simulate_options o = read(*parsed);
    o.args = args;
    return run(o);
}

int merge_simulate_shards(const batch::shard_set& shards, const std::filesystem::path& out) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    simulate_options o = read(parse_recorded(simulate_help, shards, {}, options, positional));
    // What simulate --out would write: the result folder, or the html report in it.
    create_merge_folder(out);
    o.out = o.format == report::output_format::html ? out / "report.html" : out;
    return run(o, &shards);
}

}  // namespace ccsim::cli
