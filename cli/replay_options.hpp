#pragma once
// ccsim simulate --replay LOG: the options, and the two scenarios a replay simulates (the
// log's calls on the scenario's agents, and the scenario's forecast over the same dates) with
// the log's own figures to compare them with.
#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "core/calendar.hpp"
#include "io/call_log.hpp"
#include "io/replay_log.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::cli {

struct replay_options {
    std::string log_file;
    io::call_log_options log;
    std::optional<civil_date> from, to;  // default: the log's first and last dates
    io::queue_mapping queues;
    bool modelled = true;  // also simulate the forecast over the same dates
};

void add_replay_options(po::options_description& options);
/// The options with --replay; nullopt without it. Throws config_error naming the option for a
/// malformed value, or a replay option given without --replay.
std::optional<replay_options> read_replay_options(const po::variables_map& values);

struct replay_plan {
    sim::scenario replayed;  // the log's calls on the scenario's agents
    sim::scenario modelled;  // the scenario's forecast over the same dates
    std::vector<std::vector<io::observed_counts>> observed;  // per queue, per interval
    std::string log_report;  // what was read and left out, for stderr
    std::string dates;       // "1999-02-01 to 1999-02-07"
};

/// Reads the log and lays `s` on its dates (sim::on_dates). Throws scenario_error (the log's
/// file and line) or config_error (dates, queues) for what does not fit.
replay_plan plan_replay(const sim::scenario& s, const replay_options& o);

}  // namespace ccsim::cli
