#pragma once
// Routing: which agent an arriving item goes to, and which waiting item a freed agent takes.
//   - An arriving item goes to the longest-idle agent among the groups that serve its queue
//     with the best (lowest) preference and have an agent idle: a team-lead group with
//     preference 2 only gets calls when every preference-1 group is busy.
//   - A freed agent looks at its queues by priority level (1 first) and, within the best
//     level with items waiting, takes the one that has waited longest (first come, first
//     served across the level's queues).
// Routing tables are built once per scenario and shared by every replication.
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/agents/agent_pool.hpp"
#include "sim/channels/item_queue.hpp"
#include "sim/channels/work_item.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::sim {

class router {
  public:
    explicit router(const scenario& s);

    /// The agent an arriving item of `queue` goes to, or no_agent when none is idle.
    std::uint32_t agent_for(std::uint32_t queue, const agent_pool& pool) const {
        if (const std::uint32_t only = only_group_[queue]; only != no_group)
            return pool.idle_head(only);
        const offer_order& order = offers_[queue];
        const std::uint32_t* group = order.groups.data();
        for (const std::uint32_t end : order.level_end) {
            std::uint32_t best = no_agent;
            for (; group != order.groups.data() + end; ++group) {
                const std::uint32_t head = pool.idle_head(*group);
                if (head != no_agent &&
                    (best == no_agent || pool[head].idle_since < pool[best].idle_since))
                    best = head;
            }
            if (best != no_agent) return best;
        }
        return no_agent;
    }

    /// The waiting item an agent of `group` takes next, removed from its queue; no_item when
    /// nothing it can serve is waiting. Stale entries met on the way are dropped.
    std::uint32_t item_for(std::uint32_t group, std::vector<waiting_line>& lines,
                           item_slab& items) const;

    /// Groups that serve each queue, at any preference.
    const std::vector<std::uint32_t>& groups_for(std::uint32_t queue) const {
        return offers_[queue].groups;
    }
    /// A group's queues by priority level: [0] are served first.
    const std::vector<std::vector<std::uint32_t>>& priority_levels(std::uint32_t group) const {
        return levels_[group];
    }

  private:
    struct offer_order {
        std::vector<std::uint32_t> groups;     // by preference, then group order
        std::vector<std::uint32_t> level_end;  // end of each preference level in groups
    };
    static constexpr std::uint32_t no_group = 0xffffffffu;
    std::vector<offer_order> offers_;                             // per queue
    std::vector<std::uint32_t> only_group_;  // per queue: its one group, or no_group
    std::vector<std::vector<std::vector<std::uint32_t>>> levels_;  // per group
};

// Inline: it runs once for every service completion.
inline std::uint32_t router::item_for(std::uint32_t group, std::vector<waiting_line>& lines,
                               item_slab& items) const {
    constexpr double never = std::numeric_limits<double>::infinity();
    for (const std::vector<std::uint32_t>& level : levels_[group]) {
        std::uint32_t best_queue = no_item;
        double best_arrival = never;
        for (const std::uint32_t q : level) {
            item_queue& fifo = lines[q].fifo;
            while (!fifo.empty()) {  // drop entries of items that left the queue another way
                const queued_item& head = fifo.front();
                const work_item& item = items[head.id];
                if (item.generation == head.generation && item.waiting) break;
                fifo.pop();
            }
            if (!fifo.empty() && items[fifo.front().id].arrival < best_arrival) {
                best_arrival = items[fifo.front().id].arrival;
                best_queue = q;
            }
        }
        if (best_queue != no_item) {
            waiting_line& line = lines[best_queue];
            const std::uint32_t id = line.fifo.front().id;
            line.fifo.pop();
            --line.waiting;
            items[id].waiting = false;
            return id;
        }
    }
    return no_item;
}

}  // namespace ccsim::sim
