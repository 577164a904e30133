#pragma once
// How many agents were really available, from the log alone. An agent between two of his
// calls was either ready (idle, and would have taken a call) or not ready (after-call work,
// personal time, other tasks). The log does not say which, but it shows the queue: while a
// caller waited, an idle agent was evidently not ready; while nobody waited, his idle time is
// counted as ready. Available agent-time in a slot = busy time + idle time while nobody waited,
// over gaps between an agent's consecutive calls of at most `longest_gap` (a longer gap is a
// break or the end of a shift: not available). Bounds: busy time alone (nobody ever idle) and
// the agents who served in the slot (ready all the time).
//
// It needs every service and every wait: memory grows with the log (about 32 bytes per
// call; 1 MB for the bank's month), unlike the rest of the tally.
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ccsim::calib {

class agent_availability {
  public:
    explicit agent_availability(double slot, double longest_gap);

    void add_service(int agent, double start, double end);
    /// A caller waited in the queue over [from, to).
    void add_wait(double from, double to);

    /// Available agent-seconds per slot (slot numbered since 1970-01-01 00:00): busy plus
    /// idle-while-nobody-waited time of every agent.
    std::unordered_map<std::int64_t, double> available_seconds() const;

  private:
    double slot_, longest_gap_;
    std::vector<std::vector<std::pair<double, double>>> services_;  // per agent
    std::vector<std::pair<double, double>> waits_;
};

}  // namespace ccsim::calib
