#include "cli/shard_options.hpp"

#include <fmt/format.h>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "core/errors.hpp"

namespace ccsim::cli {

void add_shard_option(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("shard", po::value<std::string>(),
         "I/N: run only shard I of N of the replications into the shard folder --out; "
         "ccsim merge combines the N folders (docs/cluster.md)");
    // clang-format on
}

namespace {

bool parse_count(std::string_view text, std::size_t& value) {
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    return failure == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

batch::shard_spec parse_shard(const std::string& text) {
    const std::size_t slash = text.find('/');
    batch::shard_spec spec;
    if (slash == std::string::npos ||
        !parse_count(std::string_view(text).substr(0, slash), spec.index) ||
        !parse_count(std::string_view(text).substr(slash + 1), spec.count))
        throw config_error(
            fmt::format("--shard: expected I/N, shard I of N such as 2/8 (got '{}')", text));
    if (spec.count < 1 || spec.index < 1 || spec.index > spec.count)
        throw config_error(fmt::format("--shard: I/N must have 1 <= I <= N (got '{}')", text));
    return spec;
}

std::optional<batch::shard_spec> read_shard_option(const po::variables_map& values) {
    if (!values.count("shard")) return std::nullopt;
    return parse_shard(values["shard"].as<std::string>());
}

batch::shard_manifest shard_manifest_for(const std::string& command,
                                         const std::vector<std::string>& args,
                                         batch::shard_spec spec) {
    batch::shard_manifest m;
    m.command = command;
    m.spec = spec;
    m.cwd = std::filesystem::current_path().string();
    const std::vector<std::string> with_value = {"--shard", "--out", "--threads"};
    const std::vector<std::string> flags = {"--resume"};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool dropped = false;
        for (const std::string& name : with_value) {
            if (a == name) {
                ++i;  // and its value
                dropped = true;
            } else if (a.rfind(name + "=", 0) == 0) {
                dropped = true;
            }
        }
        for (const std::string& name : flags) dropped = dropped || a == name;
        if (!dropped) m.args.push_back(a);
    }
    return m;
}

int run_one_unit_shard(const std::string& command, const std::vector<std::string>& args,
                       batch::shard_spec spec, const std::filesystem::path& folder,
                       batch::shard_unit unit, int threads,
                       const batch::producer_factory& prepare) {
    batch::shard_manifest m = shard_manifest_for(command, args, spec);
    m.units = {std::move(unit)};
    const batch::shard_outcome outcome = batch::run_shard(folder, std::move(m), threads, prepare);
    std::cout << fmt::format("shard {}/{}: {} replications run, {} kept from before{}; in {}\n",
                             spec.index, spec.count, outcome.ran, outcome.reused,
                             outcome.failed ? ", failed (see shard.json)" : "", folder.string());
    return outcome.failed == 0 ? exit_ok : exit_partial_failure;
}

void check_one_unit(const batch::shard_set& shards, const std::string& hash) {
    shards.check_inputs(0, hash);
    if (const auto failure = shards.failure(0)) throw error(*failure);
}

void create_merge_folder(const std::filesystem::path& out) {
    std::error_code failure;
    std::filesystem::create_directories(out, failure);
    if (failure)
        throw config_error(fmt::format("--out: cannot create the folder {}", out.string()));
}

po::variables_map parse_recorded(const command_help& help, const batch::shard_set& shards,
                                 const std::vector<std::string>& extra,
                                 po::options_description& options,
                                 const po::positional_options_description& positional) {
    std::vector<std::string> args = shards.run().args;
    args.insert(args.end(), extra.begin(), extra.end());
    std::optional<po::variables_map> parsed = parse_or_help(help, args, options, positional);
    if (!parsed) throw config_error("ccsim merge: the shards' command line asks for --help");
    return std::move(*parsed);
}

}  // namespace ccsim::cli
