#include "cli/batch_command.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/progress_meter.hpp"
#include "cli/run_options.hpp"
#include "core/errors.hpp"
#include "core/version.hpp"
#include "io/atomic_file.hpp"
#include "io/scenario_file.hpp"
#include "report/record.hpp"
#include "report/run_description.hpp"
#include "report/simulation_records.hpp"
#include "report/summary_json.hpp"
#include "sim/ordered_parallel.hpp"
#include "sim/simulation.hpp"

namespace ccsim::cli {

namespace fs = std::filesystem;

namespace {

struct batch_options {
    std::vector<std::string> inputs;
    fs::path out;
    replication_options run;
    bool resume = false;
};

struct batch_item {
    fs::path file;
    std::string shown;  // the file as the user named it (or relative to the folder given)
    std::string name;   // its folder under OUT
};

struct outcome {
    bool ok = false;
    bool resumed = false;
    std::string message;
    nlohmann::ordered_json summary;  // the scenario's summary.json (when ok)
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("inputs", po::value<std::vector<std::string>>(), "scenario files, or folders of *.toml files")
        ("out", po::value<std::string>(), "output folder (required)")
        ("resume", "skip scenarios whose results in OUT are complete and from the same inputs");
    // clang-format on
    add_replication_options(options);
    positional.add("inputs", -1);
}

// Scenario files in a stable order: folders searched recursively for *.toml, sorted.
std::vector<batch_item> collect(const std::vector<std::string>& inputs) {
    std::vector<batch_item> items;
    std::map<std::string, int> used;
    auto add = [&](const fs::path& file, const std::string& shown, std::string name) {
        for (char& c : name)
            if (c == '/' || c == '\\') c = '_';
        if (const int n = used[name]++; n > 0) name += fmt::format("_{}", n + 1);
        items.push_back({file, shown, name});
    };
    for (const std::string& input : inputs) {
        std::error_code failure;
        if (fs::is_directory(input, failure)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::recursive_directory_iterator(input, failure))
                if (entry.is_regular_file() && entry.path().extension() == ".toml")
                    found.push_back(entry.path());
            std::sort(found.begin(), found.end());
            for (const fs::path& file : found) {
                const fs::path relative = fs::relative(file, input);
                add(file, file.string(),
                    relative.parent_path().empty()
                        ? relative.stem().string()
                        : (relative.parent_path() / relative.stem()).string());
            }
        } else if (fs::exists(input, failure)) {
            add(input, input, fs::path(input).stem().string());
        } else {
            throw config_error(fmt::format("ccsim batch: {}: no such file or folder", input));
        }
    }
    if (items.empty()) throw config_error("ccsim batch: no scenario files (*.toml) in the inputs");
    return items;
}

// What a result depends on: every file the scenario read and the run settings. A result in
// OUT is reused by --resume only when this matches.
std::string input_hash(const io::loaded_scenario& loaded, const sim::run_options& run,
                       double confidence) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    auto mix = [&](std::string_view bytes) {
        for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
    };
    mix(version);
    for (const std::string& source : loaded.sources) {
        std::ifstream in(source, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        mix(source);
        mix(text.str());
    }
    mix(fmt::format("{} {} {}", run.replications, run.seed, confidence));
    return fmt::format("{:016x}", hash);
}

std::optional<nlohmann::ordered_json> finished_result(const fs::path& folder,
                                                      const std::string& hash) {
    std::ifstream in(folder / "summary.json");
    if (!in) return std::nullopt;
    try {
        nlohmann::ordered_json summary = nlohmann::ordered_json::parse(in);
        if (summary.value("input_hash", "") == hash) return summary;
    } catch (const nlohmann::json::exception&) {
    }
    return std::nullopt;
}

outcome run_one(const batch_item& item, const batch_options& o, int threads) {
    outcome result;
    try {
        io::loaded_scenario loaded = io::load_scenario(item.file);
        sim::run_options run = resolve_run(o.run, loaded.run);
        run.threads = threads;  // the batch shares its threads out between scenarios
        const std::string hash = input_hash(loaded, run, o.run.confidence);
        const fs::path folder = o.out / item.name;
        if (o.resume) {
            if (auto summary = finished_result(folder, hash)) {
                result.ok = result.resumed = true;
                result.summary = std::move(*summary);
                return result;
            }
        }
        report::run_description d{loaded.model.name, item.shown, run.replications, run.seed,
                                  run.threads};
        const sim::contact_centre centre(std::move(loaded.model));
        const sim::simulation_run simulated = sim::simulate(centre, run, o.run.confidence);
        const sim::scenario& s = centre.model();
        fs::create_directories(folder);
        io::write_file_atomically(
            folder / "intervals.csv",
            report::format_csv(report::interval_records(s, simulated.summary)));
        io::write_file_atomically(
            folder / "group_intervals.csv",
            report::format_csv(report::group_interval_records(s, simulated.summary)));
        result.summary = report::summary_json(s, simulated, d);
        result.summary["input_hash"] = hash;
        // summary.json last: its presence marks the scenario finished.
        io::write_file_atomically(folder / "summary.json", result.summary.dump(2) + "\n");
        result.ok = true;
    } catch (const std::exception& e) {
        result.message = e.what();
    }
    return result;
}

estimate estimate_of(const nlohmann::ordered_json& summary, const char* key) {
    const nlohmann::ordered_json& e = summary.at(key);
    auto number = [](const nlohmann::ordered_json& v) {
        return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
    };
    return {number(e.at("mean")), number(e.at("ci_low")), number(e.at("ci_high"))};
}

report::record summary_row(const batch_item& item, const outcome& r) {
    report::record row{{"file", "file", item.shown},
                       {"status", "status", std::string(r.ok ? "ok" : "error")},
                       {"message", "message", r.message}};
    constexpr std::pair<const char*, int> figures[] = {{"offered", 1},     {"service_level", 4},
                                                       {"answer_rate", 4}, {"abandon_rate", 4},
                                                       {"asa_s", 2},       {"occupancy", 4}};
    if (!r.ok) {
        for (const char* key : {"replications", "seed"})
            row.push_back({key, key, report::field_value{}});
        for (const auto& [key, decimals] : figures)
            row.push_back({key, key, report::field_value{}, decimals});
        row.push_back({"wall_s", "wall s", report::field_value{}, 2});
        return row;
    }
    const nlohmann::ordered_json& s = r.summary;
    row.push_back({"replications", "replications", s.at("replications").get<long>()});
    row.push_back({"seed", "seed", s.at("seed").get<long>()});
    for (const auto& [key, decimals] : figures)
        row.push_back({key, key, estimate_of(s, key), decimals});
    row.push_back({"wall_s", "wall s", s.at("wall_s").get<double>(), 2});
    return row;
}

void write_summaries(const fs::path& out, const std::vector<report::record>& rows) {
    io::write_file_atomically(out / "summary.csv", report::format_csv(rows));
    io::write_file_atomically(out / "summary.json", report::to_json(rows).dump(2) + "\n");
}

}  // namespace

constexpr command_help batch_help{
    "batch",
    "ccsim batch DIR|FILES... --out OUT [--threads T] [--replications N] [--seed S] "
    "[--resume]",
    "Simulates every scenario and writes OUT/summary.csv and OUT/summary.json (one row "
    "per\nscenario) and OUT/NAME/ per scenario (intervals.csv, group_intervals.csv, "
    "summary.json),\neach written atomically as soon as the scenario finishes. A file "
    "that fails becomes an\nerror row; the others complete. Exit code 0 when all "
    "succeed, 1 when some failed."};

int run_batch_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(batch_help, args, options, positional);
    if (!parsed) return exit_ok;
    const po::variables_map& values = *parsed;
    batch_options o;
    if (values.count("inputs")) o.inputs = values["inputs"].as<std::vector<std::string>>();
    if (o.inputs.empty()) throw config_error("ccsim batch: give scenario files or folders");
    const std::string* out = given(values, "out");
    if (!out) throw config_error("ccsim batch: --out is required (the output folder)");
    o.out = *out;
    o.run = read_replication_options(values);
    o.resume = values.count("resume") > 0;
    const std::vector<batch_item> items = collect(o.inputs);
    std::error_code failure;
    fs::create_directories(o.out, failure);
    if (failure)
        throw config_error(fmt::format("--out: cannot create the folder {}", o.out.string()));

    // Scenarios in parallel, each on its share of the threads; results are summarised in
    // file order, so the summary does not depend on which finished first.
    const int threads = o.run.threads.value_or(default_threads());
    const int workers = std::max(1, std::min(threads, static_cast<int>(items.size())));
    const int threads_each = std::max(1, threads / workers);
    progress_meter progress("batch", items.size());
    std::vector<report::record> rows;
    std::size_t failed = 0;
    sim::ordered_parallel(
        items.size(), workers, [&](std::size_t i) { return run_one(items[i], o, threads_each); },
        [&](std::size_t i, outcome&& r) {
            if (!r.ok) ++failed;
            rows.push_back(summary_row(items[i], r));
            write_summaries(o.out, rows);
            const bool names_file = r.message.rfind(items[i].shown, 0) == 0;
            progress.step(r.ok ? fmt::format("{} {}", r.resumed ? "resumed" : "ok", items[i].shown)
                               : fmt::format("error {}", names_file
                                                             ? r.message
                                                             : items[i].shown + ": " + r.message));
        });
    progress.finish();
    std::cout << fmt::format("{} scenarios: {} ok, {} failed; summary in {}\n", items.size(),
                             items.size() - failed, failed, (o.out / "summary.csv").string());
    return failed == 0 ? exit_ok : exit_partial_failure;
}

}  // namespace ccsim::cli
