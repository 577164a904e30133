#pragma once
// Routing: which agent an arriving item goes to, and which waiting item a freed agent takes.
//   - An arriving call (or other whole-agent item) goes to the longest-idle agent among the
//     groups that serve its queue with the best (lowest) preference and have an agent idle: a
//     team-lead group with preference 2 only gets calls when every preference-1 group is busy.
//     A blending group's agents holding chats come after its idle ones, least loaded first.
//   - An arriving chat goes to the least-loaded agent with a free slot (fewest chats held),
//     the one longest at that load first, among the best-preference groups that have one.
//   - A freed agent looks at its inbound queues by priority level (1 first) and, within the
//     best level with items waiting that it can take, takes the one that has waited longest
//     (a back-office queue offers its earliest-deadline item). Outbound work comes only when
//     nothing inbound waits (see outbound_for).
// Routing tables are built once per scenario and shared by every replication.
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/agents/agent_pool.hpp"
#include "sim/channels/item_queue.hpp"
#include "sim/channels/work_item.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::sim {

/// What a freed agent may take: a whole-agent item (it holds nothing, or it blends) and/or a
/// chat (it has a slot free and no whole-agent item).
struct can_take {
    bool whole = true;
    bool chat = true;
};

class router {
  public:
    explicit router(const scenario& s);

    /// The agent an arriving whole-agent item of `queue` goes to, or no_agent.
    [[gnu::always_inline]] std::uint32_t agent_for(std::uint32_t queue,
                                                   const agent_pool& pool) const {
        if (const std::uint32_t only = only_group_[queue]; only != no_group)
            return pool.idle_head(only);
        const offer_order& order = offers_[queue];
        const std::uint32_t* group = order.groups.data();
        for (const std::uint32_t end : order.level_end) {
            const std::uint32_t* first = group;
            std::uint32_t best = no_agent;
            for (; group != order.groups.data() + end; ++group) {
                const std::uint32_t head = pool.idle_head(*group);
                if (head != no_agent &&
                    (best == no_agent || pool[head].idle_since < pool[best].idle_since))
                    best = head;
            }
            if (best == no_agent && order.blends)
                best = least_loaded(first, group, pool, blend_levels_, true);
            if (best != no_agent) return best;
        }
        return no_agent;
    }

    /// The agent an arriving chat of `queue` goes to, or no_agent.
    std::uint32_t chat_agent_for(std::uint32_t queue, const agent_pool& pool) const {
        const offer_order& order = offers_[queue];
        const std::uint32_t* group = order.groups.data();
        for (const std::uint32_t end : order.level_end) {
            const std::uint32_t* first = group;
            group = order.groups.data() + end;
            // Idle agents first (load 0), then by load.
            std::uint32_t best = no_agent;
            for (const std::uint32_t* g = first; g != group; ++g) {
                const std::uint32_t head = pool.idle_head(*g);
                if (head != no_agent &&
                    (best == no_agent || pool[head].idle_since < pool[best].idle_since))
                    best = head;
            }
            if (best == no_agent) best = least_loaded(first, group, pool, chat_levels_, false);
            if (best != no_agent) return best;
        }
        return no_agent;
    }

    /// The waiting inbound item an agent of `group` takes next, removed from its queue;
    /// no_item when nothing it can take waits. Stale entries met on the way are dropped.
    std::uint32_t item_for(std::uint32_t group, std::vector<waiting_line>& lines, item_slab& items,
                           can_take what = {}) const;

    /// item_for of a voice_only() group: its queues are all first come, first served.
    std::uint32_t call_for(std::uint32_t group, std::vector<waiting_line>& lines,
                           item_slab& items) const;

    /// The group's outbound queues (none for most groups).
    const std::vector<std::uint32_t>& outbound_queues(std::uint32_t group) const {
        return outbound_[group];
    }
    /// Groups that serve each queue, at any preference.
    const std::vector<std::uint32_t>& groups_for(std::uint32_t queue) const {
        return offers_[queue].groups;
    }
    /// A group's inbound queues by priority level: [0] are served first.
    const std::vector<std::vector<std::uint32_t>>& priority_levels(std::uint32_t group) const {
        return levels_[group];
    }
    channel_kind channel(std::uint32_t queue) const { return channels_[queue]; }
    /// The group answers calls only: no chat slots, no back-office or outbound queue.
    bool voice_only(std::uint32_t group) const { return voice_only_[group]; }

  private:
    static constexpr std::uint32_t no_group = 0xffffffffu;
    struct offer_order {
        std::vector<std::uint32_t> groups;     // by preference, then group order
        std::vector<std::uint32_t> level_end;  // end of each preference level in groups
        bool blends = false;                   // some group here blends (agents holding chats)
    };

    // The agent with the fewest chats among the groups [first, last) at loads 1..levels[g],
    // longest at its load first.
    std::uint32_t least_loaded(const std::uint32_t* first, const std::uint32_t* last,
                               const agent_pool& pool, const std::vector<int>& levels,
                               bool blending_only) const {
        int most = 0;
        for (const std::uint32_t* g = first; g != last; ++g)
            if (!blending_only || blend_[*g]) most = std::max(most, levels[*g]);
        for (int level = 1; level <= most; ++level) {
            std::uint32_t best = no_agent;
            for (const std::uint32_t* g = first; g != last; ++g) {
                if ((blending_only && !blend_[*g]) || level > levels[*g]) continue;
                const std::uint32_t head = pool.loaded_head(*g, static_cast<std::size_t>(level));
                if (head != no_agent &&
                    (best == no_agent || pool[head].idle_since < pool[best].idle_since))
                    best = head;
            }
            if (best != no_agent) return best;
        }
        return no_agent;
    }

    std::vector<offer_order> offers_;        // per queue
    std::vector<std::uint32_t> only_group_;  // per queue: its one group (no blending), or none
    std::vector<std::vector<std::vector<std::uint32_t>>> levels_;  // per group, inbound queues
    std::vector<std::vector<std::uint32_t>> outbound_;             // per group
    std::vector<std::uint8_t> voice_only_;  // per group; bytes: read on every completion
    std::vector<channel_kind> channels_;    // per queue
    std::vector<bool> blend_;               // per group
    std::vector<int> chat_levels_;          // per group: loads with a slot free, 1..max_chats-1
    std::vector<int> blend_levels_;         // per group: loads a blending agent may take a call at
};

// Inline: it runs once for every service completion.
inline std::uint32_t router::call_for(std::uint32_t group, std::vector<waiting_line>& lines,
                                      item_slab& items) const {
    constexpr double never = std::numeric_limits<double>::infinity();
    for (const std::vector<std::uint32_t>& level : levels_[group]) {
        std::uint32_t best_queue = no_item;
        double best_arrival = never;
        for (const std::uint32_t q : level) {
            item_queue& fifo = lines[q].fifo;
            while (!fifo.empty()) {  // drop entries of callers who hung up
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

inline std::uint32_t router::item_for(std::uint32_t group, std::vector<waiting_line>& lines,
                                      item_slab& items, can_take what) const {
    constexpr double never = std::numeric_limits<double>::infinity();
    for (const std::vector<std::uint32_t>& level : levels_[group]) {
        std::uint32_t best_queue = no_item;
        double best_arrival = never;
        for (const std::uint32_t q : level) {
            const bool chat = channels_[q] == channel_kind::chat;
            if (chat ? !what.chat : !what.whole) continue;
            waiting_line& line = lines[q];
            while (!line.empty()) {  // drop entries of items that left the queue another way
                const queued_item& head = line.front();
                const work_item& item = items[head.id];
                if (item.generation == head.generation && item.waiting) break;
                line.pop();
            }
            if (!line.empty() && items[line.front().id].arrival < best_arrival) {
                best_arrival = items[line.front().id].arrival;
                best_queue = q;
            }
        }
        if (best_queue != no_item) {
            waiting_line& line = lines[best_queue];
            const std::uint32_t id = line.front().id;
            line.pop();
            --line.waiting;
            items[id].waiting = false;
            return id;
        }
    }
    return no_item;
}

}  // namespace ccsim::sim
