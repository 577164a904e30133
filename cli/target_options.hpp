#pragma once
// The staffing targets and solver options shared by `ccsim erlang` and `ccsim staff`.
#include "cli/command_line.hpp"
#include "erlang/staffing.hpp"

namespace ccsim::cli {

/// --threshold, --sl, --sl-basis, --answer-rate, --asa, --max-abandon, --max-occupancy,
/// --shrinkage, --fractional, --max-agents.
void add_target_options(po::options_description& options);

erlang::staffing_targets read_targets(const po::variables_map& values);
erlang::staffing_options read_staffing_options(const po::variables_map& values);
seconds read_threshold(const po::variables_map& values);

/// The sentence shown when a solve is requested without any target.
inline constexpr const char* no_target_hint =
    "at least one target (--sl, --answer-rate, --asa, --max-abandon or --max-occupancy)";

}  // namespace ccsim::cli
