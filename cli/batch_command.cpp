#include "cli/batch_command.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "batch/batch_shard.hpp"
#include "batch/run_batch.hpp"
#include "batch/scenario_list.hpp"
#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/progress_meter.hpp"
#include "cli/report_options.hpp"
#include "cli/run_options.hpp"
#include "cli/shard_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "report/batch_report.hpp"
#include "report/html_page.hpp"

namespace ccsim::cli {

namespace fs = std::filesystem;

namespace {

struct batch_options {
    std::vector<std::string> inputs;
    fs::path out;
    replication_options run;
    bool resume = false;
    bool html = false;  // also write OUT/report.html
    std::optional<report::language> lang;
    report::csv_encoding csv = report::csv_encoding::plain;  // --excel
    std::optional<batch::shard_spec> shard;  // run only this shard into OUT, a shard folder
    std::vector<std::string> args;           // the command line, for a shard to record
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("inputs", po::value<std::vector<std::string>>(), "scenario files, or folders of *.toml files")
        ("out", po::value<std::string>(), "output folder (required)")
        ("resume", "skip scenarios whose results in OUT are complete and from the same inputs")
        ("format", po::value<std::string>()->default_value("table"),
         "table, or html: also write the report OUT/report.html");
    // clang-format on
    add_language_option(options);
    add_excel_option(options);
    add_replication_options(options);
    add_shard_option(options);
    positional.add("inputs", -1);
}

batch_options read(const po::variables_map& values) {
    batch_options o;
    if (values.count("inputs")) o.inputs = values["inputs"].as<std::vector<std::string>>();
    if (o.inputs.empty()) throw config_error("ccsim batch: give scenario files or folders");
    const std::string* out = given(values, "out");
    if (!out) throw config_error("ccsim batch: --out is required (the output folder)");
    o.out = *out;
    o.run = read_replication_options(values);
    o.resume = values.count("resume") > 0;
    const std::string& format = values["format"].as<std::string>();
    const report::output_format f = report_format_option(format);
    if (f != report::output_format::table && f != report::output_format::html)
        throw config_error(fmt::format(
            "--format: must be table or html: a batch writes summary.csv and summary.json "
            "itself (got '{}')",
            format));
    o.html = f == report::output_format::html;
    o.lang = read_language_option(values);
    o.csv = read_excel_option(values);
    o.shard = read_shard_option(values);
    return o;
}

// One progress line per scenario: how it went, and for a failure the error, which names
// the file itself when it comes from the file.
std::string progress_note(const batch::scenario_item& item, const batch::scenario_outcome& r) {
    switch (r.status) {
        case batch::scenario_status::ok:
            return "ok " + item.shown;
        case batch::scenario_status::resumed:
            return "resumed " + item.shown;
        case batch::scenario_status::failed:
            break;
    }
    const bool names_file = r.message.rfind(item.shown, 0) == 0;
    return "error " + (names_file ? r.message : item.shown + ": " + r.message);
}

// Shard I/N: its share of the replications into the shard folder OUT; the merge writes the
// summaries and the report.
int run_shard(const batch_options& o, const batch::batch_request& request) {
    batch::shard_observer observer;
    observer.block_finished = [&](const batch::shard_unit& unit, const batch::replication_block& b,
                                  const std::string& failure) {
        std::cerr << fmt::format("shard {}/{}: {} replications {}-{} {}\n", o.shard->index,
                                 o.shard->count, unit.name, b.first, b.first + b.count - 1,
                                 failure.empty() ? "ok" : "error: " + failure);
    };
    const batch::shard_outcome outcome =
        batch::run_batch_shard(request, shard_manifest_for("batch", o.args, *o.shard), observer);
    std::cout << fmt::format(
        "shard {}/{}: {} blocks, {} replications run, {} kept from before, {} failed; in {}\n",
        o.shard->index, o.shard->count, outcome.blocks, outcome.ran, outcome.reused, outcome.failed,
        o.out.string());
    return outcome.failed == 0 ? exit_ok : exit_partial_failure;
}

// Without `merge`, simulates the batch (or its shard); with it, finishes the batch from the
// replications in the shards.
int run(const batch_options& o, const batch::shard_set* merge = nullptr) {
    batch::batch_request request;
    try {
        request.scenarios = batch::collect_scenarios(o.inputs);
    } catch (const config_error& e) {
        throw config_error(fmt::format("ccsim batch: {}", e.what()));
    }
    std::error_code failure;
    fs::create_directories(o.out, failure);
    if (failure)
        throw output_error(o.out.string(), "--out: cannot create the folder", failure.value());
    request.out = o.out;
    request.replications = o.run.replications;
    request.seed = o.run.seed;
    request.threads = o.run.threads.value_or(default_threads());
    request.confidence = o.run.confidence;
    request.resume = o.resume;
    request.csv = o.csv;
    request.allow_huge = o.run.allow_huge;
    if (o.shard) return run_shard(o, request);

    progress_meter progress("batch", request.scenarios.size());
    std::vector<report::batch_entry> entries;  // for the report, in file order
    batch::batch_observer observer;
    observer.scenario_finished = [&](std::size_t, const batch::scenario_item& item,
                                     const batch::scenario_outcome& outcome) {
        warn_all(outcome.warnings);
        progress.step(progress_note(item, outcome));
        if (o.html)
            entries.push_back({item.shown, item.name, outcome.ok(),
                               outcome.status == batch::scenario_status::resumed, outcome.message,
                               outcome.summary});
    };
    const batch::batch_result result =
        merge ? batch::merge_batch(request, *merge, observer) : batch::run_batch(request, observer);
    progress.finish();
    if (o.html) {
        const fs::path page = o.out / "report.html";
        io::write_file_atomically(page, report::render_html(report::batch_report(
                                            entries, o.out.string(), report_context_for(o.lang))));
        std::cout << fmt::format("{} scenarios: {} ok, {} failed; summary in {}, report in {}\n",
                                 result.scenarios, result.ok, result.failed,
                                 result.summary_csv.string(), page.string());
    } else {
        std::cout << fmt::format("{} scenarios: {} ok, {} failed; summary in {}\n",
                                 result.scenarios, result.ok, result.failed,
                                 result.summary_csv.string());
    }
    return result.all_ok() ? exit_ok : exit_partial_failure;
}

}  // namespace

constexpr command_help batch_help{
    "batch",
    "ccsim batch DIR|FILES... --out OUT [--threads T] [--replications N] [--seed S] "
    "[--resume] [--format table|html] [--lang en|zh] [--shard I/N]",
    "Simulates every scenario and writes OUT/summary.csv and OUT/summary.json (one row "
    "per\nscenario) and OUT/NAME/ per scenario (intervals.csv, group_intervals.csv, "
    "summary.json),\neach written atomically as soon as the scenario finishes. A file "
    "that fails becomes an\nerror row; the others complete. Exit code 0 when all "
    "succeed, 1 when some failed.\n--format html also writes OUT/report.html, one page "
    "with every scenario (docs/reports.md).\n--shard I/N runs shard I of N of the "
    "replications into the shard folder OUT; ccsim merge\ncombines the N folders into "
    "what one run writes (docs/cluster.md)."};

int run_batch_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(batch_help, args, options, positional);
    if (!parsed) return exit_ok;
    batch_options o = read(*parsed);
    o.args = args;
    return run(o);
}

int merge_batch_shards(const batch::shard_set& shards, const fs::path& out) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    return run(
        read(parse_recorded(batch_help, shards, {"--out", out.string()}, options, positional)),
        &shards);
}

}  // namespace ccsim::cli
