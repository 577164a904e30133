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

    /// Per group: the chats an agent holds at most, and its availability levels above idle.
    const std::vector<std::uint16_t>& slots_per_group() const { return slots_; }
    const std::vector<int>& levels_per_group() const { return levels_; }
    /// Whether some items' stories go on past a plain call (so each item keeps a story).
    bool items_live_on() const { return items_live_on_; }
    /// Whether this queue's answered calls live on past their service (repeats, follow-ups).
    bool queue_lives_on(std::uint32_t queue) const { return queue_lives_on_[queue]; }
    bool has_chat() const { return has_chat_; }
    bool has_back_office() const { return has_back_office_; }

  private:
    scenario scenario_;
    router router_;
    roster_plan roster_;
    std::vector<std::uint16_t> slots_;
    std::vector<int> levels_;
    std::vector<bool> queue_lives_on_;
    bool items_live_on_ = false, has_chat_ = false, has_back_office_ = false;
};

}  // namespace ccsim::sim
