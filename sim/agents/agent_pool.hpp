#pragma once
// The agents of one replication: each agent's capacity in slots and the work it holds, its
// shift state, and per group intrusive lists of available agents by load, each ordered by how
// long its agents have been there (the longest at the head). A whole-agent item (a call, a
// back-office step, an outbound call) takes the agent; a chat takes one of its slots.
//   level 0: idle agents (no work at all): where calls go;
//   level k: agents holding k chats and no whole-agent item, with a slot free (or, in a
//            blending group, any k): where further chats go, least loaded first.
// Voice-only groups only ever use level 0.
#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

namespace ccsim::sim {

inline constexpr std::uint32_t no_agent = std::numeric_limits<std::uint32_t>::max();

struct agent {
    double idle_since = 0.0;  // when it joined its current availability list
    double shift_end = 0.0;   // of the shift being worked (or last worked)
    // > 0: go on a break this long once the work in hand is done (with owes_not_ready: be not
    // ready this long, logged in)
    double pending_break = 0.0;
    std::uint32_t group = 0;
    std::uint32_t previous_idle = no_agent, next_idle = no_agent;
    std::uint16_t slots = 1;     // chats it can hold at once
    std::uint16_t sessions = 0;  // chats it holds
    std::int8_t level = -1;      // the availability list it is in (its load), -1: none
    bool whole = false;          // holds a whole-agent item (call, back-office step, outbound call)
    bool on_shift = false;       // from shift start until it goes home (overtime included)
    bool logged_in = false;      // on shift and not on a break
    bool leaving = false;        // the shift ended while it held work: it goes home when done
    bool not_ready = false;      // logged in, in a not-ready spell: takes no work
    bool owes_not_ready = false;  // pending_break is not-ready time, not a break

    bool busy() const { return whole || sessions > 0; }
};
static_assert(sizeof(agent) == 48);

struct availability_list {
    std::uint32_t head = no_agent, tail = no_agent;
    std::uint32_t size = 0;
};

struct group_counts {
    std::uint32_t idle_head = no_agent, idle_tail = no_agent;  // level 0
    std::uint32_t idle = 0;                                    // agents at level 0
    int on_shift = 0;                       // agents on shift (on a break or not)
    int logged_in = 0;                      // agents logged in and not on a break
    int busy = 0;                           // agents holding any work
    int sessions = 0;                       // chats held by its agents
    int chatting = 0;                       // agents holding at least one chat
    std::vector<availability_list> loaded;  // levels 1, 2, ...: agents holding chats
};

class agent_pool {
  public:
    /// `slots[g]`: the chats an agent of group g can hold; `levels[g]`: its availability levels
    /// above 0 (slots - 1, or slots when it blends).
    agent_pool(const std::vector<std::uint32_t>& group_of_agent,
               const std::vector<std::uint16_t>& slots, const std::vector<int>& levels) {
        agents_.resize(group_of_agent.size());
        for (std::size_t a = 0; a < agents_.size(); ++a) {
            agents_[a].group = group_of_agent[a];
            agents_[a].slots = slots[group_of_agent[a]];
        }
        groups_.resize(slots.size());
        for (std::size_t g = 0; g < groups_.size(); ++g)
            groups_[g].loaded.resize(static_cast<std::size_t>(levels[g]));
    }

    agent& operator[](std::uint32_t id) { return agents_[id]; }
    const agent& operator[](std::uint32_t id) const { return agents_[id]; }
    group_counts& group(std::uint32_t g) { return groups_[g]; }
    const group_counts& group(std::uint32_t g) const { return groups_[g]; }
    std::size_t size() const { return agents_.size(); }
    std::size_t groups() const { return groups_.size(); }

    /// The group's longest-idle agent, or no_agent.
    std::uint32_t idle_head(std::uint32_t g) const { return groups_[g].idle_head; }
    /// The agent longest at load `level` (>= 1) in the group, or no_agent.
    std::uint32_t loaded_head(std::uint32_t g, std::size_t level) const {
        const auto& loaded = groups_[g].loaded;
        return level - 1 < loaded.size() ? loaded[level - 1].head : no_agent;
    }

    /// Appends the agent to its group's idle list (it has been idle the shortest time).
    void make_idle(std::uint32_t id, double now) {
        agent& a = agents_[id];
        group_counts& g = groups_[a.group];
        a.idle_since = now;
        a.level = 0;
        a.previous_idle = g.idle_tail;
        a.next_idle = no_agent;
        if (g.idle_tail != no_agent)
            agents_[g.idle_tail].next_idle = id;
        else
            g.idle_head = id;
        g.idle_tail = id;
        ++g.idle;
    }

    /// Appends the agent to the list of its load (its chats held), level >= 1.
    void make_available(std::uint32_t id, double now) {
        agent& a = agents_[id];
        if (a.sessions == 0) return make_idle(id, now);
        availability_list& list = groups_[a.group].loaded[a.sessions - 1u];
        a.idle_since = now;
        a.level = static_cast<std::int8_t>(a.sessions);
        a.previous_idle = list.tail;
        a.next_idle = no_agent;
        if (list.tail != no_agent)
            agents_[list.tail].next_idle = id;
        else
            list.head = id;
        list.tail = id;
        ++list.size;
    }

    /// Takes the agent out of whichever availability list holds it (none: nothing to do).
    void remove_idle(std::uint32_t id) {
        agent& a = agents_[id];
        if (a.level < 0) return;
        group_counts& g = groups_[a.group];
        std::uint32_t& head = a.level == 0 ? g.idle_head : g.loaded[a.level - 1u].head;
        std::uint32_t& tail = a.level == 0 ? g.idle_tail : g.loaded[a.level - 1u].tail;
        if (a.previous_idle != no_agent)
            agents_[a.previous_idle].next_idle = a.next_idle;
        else
            head = a.next_idle;
        if (a.next_idle != no_agent)
            agents_[a.next_idle].previous_idle = a.previous_idle;
        else
            tail = a.previous_idle;
        if (a.level == 0)
            --g.idle;
        else
            --g.loaded[a.level - 1u].size;
        a.previous_idle = a.next_idle = no_agent;
        a.level = -1;
    }

    /// The agent takes a whole-agent item.
    void take_whole(std::uint32_t id) {
        agent& a = agents_[id];
        assert(!a.whole);
        if (!a.busy()) ++groups_[a.group].busy;
        a.whole = true;
    }
    /// The agent is done with its whole-agent item; returns true when it holds nothing now.
    bool release_whole(std::uint32_t id) {
        agent& a = agents_[id];
        assert(a.whole);
        a.whole = false;
        if (a.busy()) return false;
        --groups_[a.group].busy;
        return true;
    }
    /// The agent takes one more chat.
    void take_session(std::uint32_t id) {
        agent& a = agents_[id];
        group_counts& g = groups_[a.group];
        if (!a.busy()) ++g.busy;
        if (a.sessions++ == 0) ++g.chatting;
        ++g.sessions;
    }
    /// The agent ends a chat; returns true when it holds nothing now.
    bool release_session(std::uint32_t id) {
        agent& a = agents_[id];
        group_counts& g = groups_[a.group];
        assert(a.sessions > 0);
        --g.sessions;
        if (--a.sessions == 0) --g.chatting;
        if (a.busy()) return false;
        --g.busy;
        return true;
    }

  private:
    std::vector<agent> agents_;
    std::vector<group_counts> groups_;
};

}  // namespace ccsim::sim
