#include "cli/whatif_command.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <memory>

#include "batch/input_hash.hpp"
#include "batch/replication_sources.hpp"
#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/report_options.hpp"
#include "cli/run_options.hpp"
#include "cli/shard_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "io/scenario_paths.hpp"
#include "report/comparison_records.hpp"
#include "report/comparison_report.hpp"
#include "report/html_page.hpp"
#include "report/localized_labels.hpp"
#include "report/messages.hpp"
#include "report/record.hpp"
#include "sim/paired_comparison.hpp"

namespace ccsim::cli {

namespace {

using change_list = std::vector<std::pair<std::string, io::value_change>>;

struct vary_option {
    std::string key;
    std::vector<io::value_change> values;
};

struct whatif_options {
    std::string base_file;
    std::vector<vary_option> vary;
    replication_options run;
    report::output_format format = report::output_format::table;
    bool independent = false;
    bool one_at_a_time = false;  // each --vary value against the base alone
    std::optional<std::filesystem::path> out;
    std::optional<report::language> lang;
    report::csv_encoding csv = report::csv_encoding::plain;  // --excel
    std::optional<batch::shard_spec> shard;  // run only this shard into the folder --out
    std::vector<std::string> args;           // the command line, for a shard to record
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("base", po::value<std::string>(), "the base scenario file")
        ("vary", po::value<std::vector<std::string>>()->composing(),
         "KEY=V1,V2,...: values for a scenario key (see docs/whatif.md): absolute (170s, 12), "
         "relative (*1.2) or additive (+2, -30s); several --vary form every combination")
        ("one-at-a-time",
         "each --vary value changes the base alone (volume +20%, 3 agents sick, AHT +10%: "
         "three variants), instead of every combination")
        ("format", po::value<std::string>()->default_value("table"), "table, csv, json or html")
        ("out", po::value<std::string>(), "write to this file instead of stdout")
        ("independent-seeds",
         "give each variant its own seed (naive comparison; differences get much wider CIs)");
    // clang-format on
    add_language_option(options);
    add_excel_option(options);
    add_replication_options(options);
    add_shard_option(options);
    positional.add("base", 1);
}

vary_option parse_vary(const std::string& text) {
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw config_error(
            fmt::format("--vary: expected KEY=V1,V2,... such as group.regular.agents=+2,+4 "
                        "(got '{}')",
                        text));
    vary_option vary{text.substr(0, equals), {}};
    std::size_t start = equals + 1;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string value =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        try {
            vary.values.push_back(io::parse_value_change(value));
        } catch (const io::change_error& e) {
            throw config_error(fmt::format("--vary {}: {}", vary.key, e.what()));
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return vary;
}

// Every combination of the --vary values, in the order given (the last key varies fastest).
std::vector<change_list> combinations(const std::vector<vary_option>& vary) {
    std::vector<change_list> all = {{}};
    for (const vary_option& v : vary) {
        std::vector<change_list> next;
        for (const change_list& prefix : all)
            for (const io::value_change& value : v.values) {
                change_list changes = prefix;
                changes.emplace_back(v.key, value);
                next.push_back(std::move(changes));
            }
        all = std::move(next);
    }
    return all;
}

// Each --vary value alone, the others at the base: "base" is what a key's label shows then.
std::vector<change_list> one_at_a_time(const std::vector<vary_option>& vary) {
    std::vector<change_list> all;
    for (const vary_option& v : vary)
        for (const io::value_change& value : v.values) all.push_back({{v.key, value}});
    return all;
}

// A variant of the base scenario; io's errors about a change name no option, so the
// command line says where the change came from.
sim::scenario load_variant(const std::string& base_file, const change_list& changes) {
    try {
        return io::load_scenario_with_changes(base_file, changes).model;
    } catch (const io::change_error& e) {
        throw config_error(fmt::format("--vary: {}", e.what()));
    }
}

whatif_options read(const po::variables_map& values) {
    whatif_options o;
    const std::string* base = given(values, "base");
    if (!base)
        throw config_error("ccsim whatif: give the base scenario file (see ccsim whatif --help)");
    o.base_file = *base;
    if (values.count("vary"))
        for (const std::string& v : values["vary"].as<std::vector<std::string>>())
            o.vary.push_back(parse_vary(v));
    if (o.vary.empty()) throw config_error("ccsim whatif: give at least one --vary KEY=V1,V2,...");
    o.run = read_replication_options(values);
    o.format = report_format_option(values["format"].as<std::string>());
    o.independent = values.count("independent-seeds") > 0;
    o.one_at_a_time = values.count("one-at-a-time") > 0;
    o.shard = read_shard_option(values);
    if (const std::string* out = given(values, "out")) {
        if (!o.shard) check_output_file(*out);  // a shard's --out is its shard folder
        o.out = *out;
    }
    if (o.shard && !o.out)
        throw config_error("ccsim whatif: --shard needs --out, the shard folder");
    o.lang = read_language_option(values);
    o.csv = read_excel_option(values);
    return o;
}

// The varied keys, and each variant's values for them as written.
report::variant_labels labels_of(const std::vector<vary_option>& vary,
                                 const std::vector<change_list>& variants) {
    report::variant_labels labels;
    for (const vary_option& v : vary) labels.keys.push_back(v.key);
    for (const change_list& changes : variants) {
        std::vector<std::string> values;
        for (const vary_option& v : vary) {
            std::string value = "base";  // a key this variant leaves as the base has it
            for (const auto& change : changes)
                if (change.first == v.key) value = change.second.text;
            values.push_back(std::move(value));
        }
        labels.values.push_back(std::move(values));
    }
    return labels;
}

// Without `merge`, simulates (or runs shard --shard of the replications); with it, reports
// the replications in the shards.
int run(const whatif_options& o, const batch::shard_set* merge = nullptr) {
    const std::vector<change_list> variants =
        o.one_at_a_time ? one_at_a_time(o.vary) : combinations(o.vary);
    io::loaded_scenario base_scenario = io::load_scenario(o.base_file);
    warn_all(base_scenario.warnings);
    std::vector<std::shared_ptr<const sim::contact_centre>> centres;
    centres.push_back(std::make_shared<const sim::contact_centre>(base_scenario.model));
    for (const change_list& changes : variants)
        centres.push_back(
            std::make_shared<const sim::contact_centre>(load_variant(o.base_file, changes)));
    const sim::run_options run = resolve_run(o.run, base_scenario.run);
    if (!merge)
        check_run_work(
            sim::work_of(base_scenario.model, run.replications, static_cast<int>(centres.size())),
            o.run.allow_huge);
    std::vector<const sim::contact_centre*> pointers;
    for (const auto& c : centres) pointers.push_back(c.get());
    // The variants are the base file with the --vary changes: the command line (which the
    // shards compare) and the base's files (hashed) say everything.
    const std::string hash = batch::input_hash(base_scenario, run, o.run.confidence);
    if (o.shard) {
        sim::start_comparison(pointers, o.run.confidence);  // refuses incomparable variants
        return run_one_unit_shard("whatif", o.args, *o.shard, *o.out,
                                  {"whatif", hash, static_cast<std::size_t>(run.replications)},
                                  run.threads, [&](std::size_t) {
                                      return batch::comparison_replications(
                                          centres, run, o.run.confidence, o.independent);
                                  });
    }
    if (merge) check_one_unit(*merge, hash);
    const sim::comparison result =
        merge ? batch::merged_comparison(*merge, 0, pointers, run, o.run.confidence)
              : sim::compare_variants(pointers, run, o.run.confidence, o.independent);

    std::vector<report::record> rows =
        report::comparison_records(result, labels_of(o.vary, variants),
                                   o.format == report::output_format::table, &base_scenario.model);
    const report::language l = o.lang.value_or(report::language::en);
    std::string text;
    switch (o.format) {
        case report::output_format::table:
            report::localize_labels(rows, l);
            text = report::format_message(
                l, report::msg::table_whatif_header, base_scenario.model.name, centres.size(),
                run.replications, run.seed,
                report::text(l, o.independent ? report::msg::table_whatif_independent
                                              : report::msg::table_whatif_common),
                o.run.confidence * 100);
            text += report::format_table(rows);
            text += report::text(l, report::msg::table_whatif_formats);
            text += report::format_message(
                l, report::msg::table_whatif_run,
                centres.size() * static_cast<std::size_t>(run.replications), result.wall_seconds);
            break;
        case report::output_format::csv:
            text = report::format_csv(rows, o.csv);
            break;
        case report::output_format::json: {
            nlohmann::ordered_json out;
            out["base"] = o.base_file;
            out["scenario"] = base_scenario.model.name;
            out["replications"] = run.replications;
            out["seed"] = run.seed;
            out["confidence"] = o.run.confidence;
            out["common_random_numbers"] = !o.independent;
            out["one_at_a_time"] = o.one_at_a_time;
            out["variants"] = report::to_json(rows);
            out["wall_s"] = result.wall_seconds;
            text = out.dump(2) + "\n";
            break;
        }
        case report::output_format::html: {
            report::comparison_report_input in;
            in.base_file = o.base_file;
            in.result = &result;
            for (const auto& c : centres) in.scenarios.push_back(&c->model());
            in.labels = labels_of(o.vary, variants);
            in.replications = run.replications;
            in.seed = run.seed;
            in.independent_seeds = o.independent;
            text = report::render_html(report::comparison_report(in, report_context_for(o.lang)));
            break;
        }
    }
    write_output(o.out, text);
    return exit_ok;
}

}  // namespace

constexpr command_help whatif_help{
    "whatif",
    "ccsim whatif BASE.toml --vary KEY=V1,V2,... [--vary ...] [--replications N] "
    "[--seed S] [--threads T] [--format table|csv|json|html] [--lang en|zh] [--out FILE] "
    "[--one-at-a-time] [--excel]\n"
    "       ccsim whatif ... --shard I/N --out SHARD_DIR   (then ccsim merge; docs/cluster.md)",
    "Simulates the base scenario and every combination of the --vary values (with\n"
    "--one-at-a-time: each value against the base alone) with the same\nrandom numbers (common "
    "random numbers), and reports each variant's figures "
    "with the\ndifference from the base and its paired confidence interval. Day "
    "figures, all queues\nand all groups together."};

int run_whatif_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(whatif_help, args, options, positional);
    if (!parsed) return exit_ok;
    whatif_options o = read(*parsed);
    o.args = args;
    return run(o);
}

int merge_whatif_shards(const batch::shard_set& shards, const std::filesystem::path& out) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    whatif_options o = read(parse_recorded(whatif_help, shards, {}, options, positional));
    create_merge_folder(out);
    const char* extension = "txt";
    if (o.format == report::output_format::csv) extension = "csv";
    if (o.format == report::output_format::json) extension = "json";
    if (o.format == report::output_format::html) extension = "html";
    o.out = out / fmt::format("whatif.{}", extension);
    return run(o, &shards);
}

}  // namespace ccsim::cli
