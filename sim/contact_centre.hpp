#pragma once
// The contact-centre model: items arrive per queue, are routed to agent groups by skill,
// wait, hang up, redial; agents follow their rosters, shifts and breaks over the horizon.
// One object per scenario, shared read-only by every replication and thread.
#include <cstdint>
#include <vector>

#include "sim/agents/roster.hpp"
#include "sim/model/scenario.hpp"
#include "sim/router.hpp"
#include "sim/stats/replication_statistics.hpp"

namespace ccsim::sim {

class contact_centre {
  public:
    /// Validates the scenario (config_error on failure) and prepares the routing tables and
    /// the roster plan.
    explicit contact_centre(scenario s);

    /// Simulates one replication of the horizon from empty, with streams seeded from
    /// (seed, replication).
    replication_statistics simulate_replication(std::uint64_t seed,
                                                std::uint64_t replication) const;

    const scenario& model() const { return scenario_; }
    const router& routing() const { return router_; }
    const roster_plan& roster() const { return roster_; }

  private:
    scenario scenario_;
    router router_;
    roster_plan roster_;
};

}  // namespace ccsim::sim
