#pragma once
// How to run a scenario: replications, seed and threads, from the command line, from the
// scenario file's [run] table, or from the defaults, in that order.
#include <cstdint>
#include <optional>

#include "sim/replication_runner.hpp"

namespace ccsim::io {

/// Run settings as one source gives them (a file's [run] table, a command line); empty
/// where it says nothing.
struct run_settings {
    std::optional<int> replications;
    std::optional<std::uint64_t> seed;
    std::optional<int> threads;
};

inline constexpr int default_replications = 20;
inline constexpr std::uint64_t default_seed = 1;

/// Each setting from `first` if it gives one, else from `then`, else the default
/// (default_replications, default_seed, `default_threads`).
sim::run_options resolve_run(const run_settings& first, const run_settings& then,
                             int default_threads);

}  // namespace ccsim::io
