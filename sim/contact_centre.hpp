#pragma once
// The contact-centre model: calls arrive per queue, are routed to agent groups by skill,
// wait, hang up, redial; agents follow their shifts and breaks. One object per scenario,
// shared read-only by every replication and thread.
#include <cstdint>
#include <vector>

#include "sim/replication_statistics.hpp"
#include "sim/scenario.hpp"

namespace ccsim::sim {

class contact_centre {
  public:
    /// Validates the scenario (config_error on failure) and prepares the routing tables.
    explicit contact_centre(scenario s);

    /// Simulates one day (replication) from empty, with streams seeded from (seed, replication).
    replication_statistics simulate_day(std::uint64_t seed, std::uint64_t replication) const;

    const scenario& model() const { return scenario_; }

    /// Groups that can take each queue's calls.
    const std::vector<std::vector<std::uint32_t>>& groups_for_queue() const { return eligible_; }
    /// Per group, its queues by priority level: levels[g][0] are served first.
    const std::vector<std::vector<std::vector<std::uint32_t>>>& priority_levels() const {
        return levels_;
    }

  private:
    scenario scenario_;
    std::vector<std::vector<std::uint32_t>> eligible_;
    std::vector<std::vector<std::vector<std::uint32_t>>> levels_;
};

}  // namespace ccsim::sim
