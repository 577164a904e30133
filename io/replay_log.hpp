#pragma once
// A call log read for replay (ccsim simulate --replay): its calls kept in arrival order,
// turned into traces of a scenario's queues (sim::traced_call) and into the observed figures
// per queue and interval that the replay is compared with.
//
// What a logged call brings: its arrival; an answered call its handle time, and its wait as
// a lower bound of its patience (censored: the engine draws the patience from the queue's
// model conditioned on exceeding it, so that at the observed staffing the caller would still
// be answered); an abandoned call its patience (its wait), its handle time being drawn from
// the queue's model.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "io/call_log.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

struct logged_call {
    double arrival = 0.0;  // seconds since 1970-01-01 00:00, wall clock
    double wait = 0.0;
    double handle = 0.0;  // answered calls
    std::uint32_t queue = 0;
    int line = 0;
    call_outcome outcome = call_outcome::answered;
};

struct replay_log {
    call_log_summary summary;
    // The log's queues, one entry per queue and priority (in order of first appearance).
    std::vector<std::string> queues, priorities;
    std::vector<logged_call> calls;  // in the file's order

    /// The dates of the first and last arrival. Throws scenario_error when there is no call.
    civil_date first_date() const;
    civil_date last_date() const;
};

replay_log read_replay_log(const std::filesystem::path& path, const call_log_options& options);
/// The same on text in memory (tests); `name` is used in messages.
replay_log parse_replay_log(const std::string& text, const std::string& name,
                            const call_log_options& options);

/// Log queue -> scenario queue; an empty name leaves the log queue's calls out.
using queue_mapping = std::map<std::string, std::string>;

/// Parses "PS=hotline,TT=-" ('-' leaves the queue out). Throws config_error naming the entry
/// for a missing '=', an empty name or a queue given twice.
queue_mapping parse_queue_mapping(std::string_view text);

/// Calls of one queue in one interval as the log saw them.
struct observed_counts {
    double offered = 0.0;
    double answered = 0.0;
    double abandoned = 0.0;
    double answered_within = 0.0;  // wait <= the scenario queue's threshold
    double answered_wait = 0.0;    // sum of the answered calls' waits

    void merge(const observed_counts& other);
};

struct replay_input {
    std::vector<std::vector<sim::traced_call>> traces;  // per scenario queue, by arrival
    // Per scenario queue: replayed from the log (with its calls, or none): every voice queue,
    // and any other a log queue maps to.
    std::vector<bool> traced;
    std::vector<std::vector<observed_counts>> observed;  // per scenario queue, per interval
    std::map<std::string, long> left_out;                // calls not replayed, by reason
};

/// The log's calls within the interval grid of `s` (a scenario laid on the log's dates,
/// sim::on_dates), mapped to its queues by name unless `mapping` says otherwise. Throws
/// scenario_error at the first call of a log queue no scenario queue has, naming both sides.
replay_input replay_input_for(const replay_log& log, const sim::scenario& s,
                              const queue_mapping& mapping);

/// `s` (laid on the log's dates) with the traces of `in` moved in: a traced queue offers the
/// log's calls and nothing else, so its forecast volumes are set to zero and its model
/// redials and repeat calls are switched off (the log's redials and repeats are calls of the
/// log already: no double counting).
sim::scenario replayed_scenario(sim::scenario s, replay_input& in);

}  // namespace ccsim::io
