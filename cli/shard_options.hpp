#pragma once
// --shard I/N, shared by batch, simulate and whatif: what a shard records of its command
// line, so that `ccsim merge` can check the shards belong together and finish the command.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/shard_run.hpp"
#include "batch/shard_set.hpp"
#include "cli/command_line.hpp"

namespace ccsim::cli {

void add_shard_option(po::options_description& options);
/// "I/N" with 1 <= I <= N.
batch::shard_spec parse_shard(const std::string& text);
/// --shard I/N with 1 <= I <= N, or nullopt without it. Throws config_error naming --shard,
/// the rule and the text.
std::optional<batch::shard_spec> read_shard_option(const po::variables_map& values);

/// A shard's manifest before its units: the command, its command line without the options
/// that may differ between the shards of one run (--shard, --out, --threads, --resume), and
/// the current folder, where relative paths in it start.
batch::shard_manifest shard_manifest_for(const std::string& command,
                                         const std::vector<std::string>& args,
                                         batch::shard_spec spec);

/// Runs shard `spec` of a command with one unit (simulate, whatif) into `folder` and says how
/// it went on stdout. Exit code 0, or 1 when the unit failed.
int run_one_unit_shard(const std::string& command, const std::vector<std::string>& args,
                       batch::shard_spec spec, const std::filesystem::path& folder,
                       batch::shard_unit unit, int threads, const batch::producer_factory& prepare);

/// Before merging a one-unit run: throws config_error when its inputs changed since the
/// shards ran (`hash` is the inputs' hash now), and the unit's error when it failed in a shard.
void check_one_unit(const batch::shard_set& shards, const std::string& hash);

/// Creates the merge's output folder; config_error naming --out when it cannot.
void create_merge_folder(const std::filesystem::path& out);

/// The shards' command line (with `extra` appended) parsed as the command of `help` parses it.
po::variables_map parse_recorded(const command_help& help, const batch::shard_set& shards,
                                 const std::vector<std::string>& extra,
                                 po::options_description& options,
                                 const po::positional_options_description& positional);

}  // namespace ccsim::cli
