#pragma once
// `ccsim erlang --channel backoffice`: agents on a daily shift for work with deadlines in
// hours (erlang/back_office_*), the fluid estimate under EDF and FIFO.
#include "cli/command_line.hpp"

namespace ccsim::cli {

/// --items, --arrivals, --shift, --reply-work, --resolve-work, --reply-within,
/// --resolve-within, --order.
void add_back_office_options(po::options_description& options);

/// The options only the back-office channel takes.
inline constexpr const char* back_office_only_options[] = {
    "items",        "arrivals",     "shift",          "reply-work",
    "resolve-work", "reply-within", "resolve-within", "order"};

/// The `ccsim erlang` options the back office does not use (its targets are its deadlines).
inline constexpr const char* not_back_office_options[] = {
    "calls",    "aht",         "interval", "patience",    "threshold",     "sl",
    "sl-basis", "answer-rate", "asa",      "max-abandon", "max-occupancy", "fractional"};

/// Runs the back-office figures for parsed `ccsim erlang` options; returns the exit code.
int run_back_office_erlang(const po::variables_map& values);

}  // namespace ccsim::cli
