#pragma once
// ccsim simulate --replay: the log's own figures (observed) beside the replay of its calls on
// the scenario's agents (replayed) and the scenario simulated from its forecast over the same
// dates (modelled, optional), per day and per interval, per queue and for all queues.
#include <optional>
#include <string>
#include <vector>

#include "io/replay_log.hpp"
#include "report/record.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

struct replay_figures {
    const sim::scenario& scenario;                                  // laid on the log's dates
    const std::vector<std::vector<io::observed_counts>>& observed;  // per queue, per interval
    const sim::simulation_summary& replayed;
    const sim::simulation_summary* modelled = nullptr;  // none: not simulated
};

/// One record per day and queue (and all queues, with several), then one per interval and
/// queue for the intervals where any of the three has calls: offered, abandon rate, service
/// level and mean wait of answered calls (asa_s), each observed, replayed and modelled.
std::vector<record> replay_comparison_records(const replay_figures& f);

/// The terminal's table: the days for all queues together.
std::string replay_comparison_table(const replay_figures& f);

}  // namespace ccsim::report
