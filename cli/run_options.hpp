#pragma once
// --replications, --seed, --threads and --confidence, shared by simulate, whatif and batch.
#include <cstdint>
#include <optional>

#include "cli/command_line.hpp"

namespace ccsim::cli {

struct replication_options {
    std::optional<int> replications;
    std::optional<std::uint64_t> seed;
    std::optional<int> threads;
    double confidence = 0.95;
};

void add_replication_options(po::options_description& options);
replication_options read_replication_options(const po::variables_map& values);

/// All cores unless told otherwise: results do not depend on the thread count.
int default_threads();

}  // namespace ccsim::cli
