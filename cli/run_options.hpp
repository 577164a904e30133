#pragma once
// --replications, --seed, --threads and --confidence, shared by simulate, whatif and batch.
#include <cstdint>
#include <optional>

#include "cli/command_line.hpp"
#include "io/scenario_file.hpp"
#include "sim/replication_runner.hpp"
#include "sim/run_work.hpp"

namespace ccsim::cli {

struct replication_options {
    std::optional<int> replications;
    std::optional<std::uint64_t> seed;
    std::optional<int> threads;
    double confidence = 0.95;
    bool allow_huge = false;  // run beyond limits::work_limit
};

void add_replication_options(po::options_description& options);
replication_options read_replication_options(const po::variables_map& values);

/// Refuses a run whose work is above limits::work_limit unless `allow_huge`, and notes on
/// standard error one above limits::work_notice (docs/cli.md, Limits).
void check_run_work(const sim::run_work& work, bool allow_huge);

/// All cores unless told otherwise: results do not depend on the thread count.
int default_threads();

/// The command line first, then the scenario file's [run] table, then the defaults
/// (io::default_replications, io::default_seed, default_threads()).
sim::run_options resolve_run(const replication_options& command_line, const io::run_settings& file);

}  // namespace ccsim::cli
