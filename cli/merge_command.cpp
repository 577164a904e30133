#include "cli/merge_command.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <system_error>

#include "batch/shard_set.hpp"
#include "cli/batch_command.hpp"
#include "cli/command_line.hpp"
#include "cli/option_values.hpp"
#include "cli/simulate_command.hpp"
#include "cli/whatif_command.hpp"
#include "core/errors.hpp"

namespace ccsim::cli {

namespace fs = std::filesystem;

namespace {

struct merge_options {
    std::vector<fs::path> shards;
    fs::path out;
};

void setup(po::options_description& options, po::positional_options_description& positional) {
    // clang-format off
    options.add_options()
        ("shards", po::value<std::vector<std::string>>(), "the shard folders, all N of one run")
        ("out", po::value<std::string>(), "output folder (required)");
    // clang-format on
    positional.add("shards", -1);
}

merge_options read(const po::variables_map& values) {
    merge_options o;
    if (values.count("shards"))
        for (const std::string& s : values["shards"].as<std::vector<std::string>>())
            o.shards.push_back(fs::absolute(s));
    if (o.shards.empty()) throw config_error("ccsim merge: give the shard folders");
    const std::string* out = given(values, "out");
    if (!out) throw config_error("ccsim merge: --out is required (the output folder)");
    o.out = fs::absolute(*out);
    return o;
}

int run(const merge_options& o) {
    const batch::shard_set shards = [&] {
        try {
            return batch::shard_set(o.shards);
        } catch (const config_error& e) {
            throw config_error(fmt::format("ccsim merge: {}", e.what()));
        }
    }();
    // The shards' command line names its files relative to where the shards ran.
    std::error_code failure;
    fs::current_path(shards.run().cwd, failure);
    if (failure)
        throw config_error(fmt::format(
            "ccsim merge: cannot enter {}, the folder the shards ran in (their command line's "
            "paths start there)",
            shards.run().cwd));
    const std::string& command = shards.run().command;
    if (command == "batch") return merge_batch_shards(shards, o.out);
    if (command == "simulate") return merge_simulate_shards(shards, o.out);
    if (command == "whatif") return merge_whatif_shards(shards, o.out);
    throw config_error(
        fmt::format("ccsim merge: the shards are of an unknown command '{}'", command));
}

}  // namespace

constexpr command_help merge_help{
    "merge", "ccsim merge SHARD_DIR... --out DIR",
    "Combines the N shard folders of one `ccsim batch|simulate|whatif ... --shard I/N` run\n"
    "into exactly what that command writes on one machine (batch: DIR as batch writes it;\n"
    "simulate: the result folder, and its stdout; whatif: DIR/whatif.txt|csv|json|html). The\n"
    "figures do not depend on N or on the order the shards ran in. Refuses (exit 2) shards of\n"
    "other inputs, missing or duplicated shards, and incomplete ones, naming them\n"
    "(docs/cluster.md)."};

int run_merge_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    po::positional_options_description positional;
    setup(options, positional);
    const std::optional<po::variables_map> parsed =
        parse_or_help(merge_help, args, options, positional);
    if (!parsed) return exit_ok;
    return run(read(*parsed));
}

}  // namespace ccsim::cli
