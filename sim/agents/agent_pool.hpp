#pragma once
// The agents of one replication: each agent's capacity in slots and the items it holds, its
// shift state, and per group an intrusive list of idle agents ordered by how long they have
// been idle (the longest idle at the head), with the counts the statistics and the closing
// rule need. Voice takes a whole agent (one slot); a channel with concurrent sessions (chat)
// uses several.
#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

namespace ccsim::sim {

inline constexpr std::uint32_t no_agent = std::numeric_limits<std::uint32_t>::max();

struct agent {
    double idle_since = 0.0;
    double shift_end = 0.0;      // of the shift being worked (or last worked)
    double pending_break = 0.0;  // > 0: go on a break this long once the items in hand are done
    std::uint32_t group = 0;
    std::uint32_t previous_idle = no_agent, next_idle = no_agent;
    std::uint16_t slots = 1;       // how many items it can hold at once
    std::uint16_t in_service = 0;  // items it holds now
    bool on_shift = false;   // from shift start until it goes home (overtime included)
    bool logged_in = false;  // on shift and not on a break
    bool leaving = false;    // the shift ended while it held items: it goes home when done

    bool busy() const { return in_service > 0; }
};

struct group_counts {
    std::uint32_t idle_head = no_agent, idle_tail = no_agent;
    int on_shift = 0;   // agents on shift (on a break or not)
    int logged_in = 0;  // agents logged in and not on a break
    int busy = 0;       // agents holding at least one item
};

class agent_pool {
  public:
    agent_pool(const std::vector<std::uint32_t>& group_of_agent, std::size_t groups) {
        agents_.resize(group_of_agent.size());
        for (std::size_t a = 0; a < agents_.size(); ++a) agents_[a].group = group_of_agent[a];
        groups_.resize(groups);
    }

    agent& operator[](std::uint32_t id) { return agents_[id]; }
    const agent& operator[](std::uint32_t id) const { return agents_[id]; }
    group_counts& group(std::uint32_t g) { return groups_[g]; }
    const group_counts& group(std::uint32_t g) const { return groups_[g]; }
    std::size_t size() const { return agents_.size(); }
    std::size_t groups() const { return groups_.size(); }

    /// The group's longest-idle agent, or no_agent.
    std::uint32_t idle_head(std::uint32_t g) const { return groups_[g].idle_head; }

    /// Appends the agent to its group's idle list (it has been idle the shortest time).
    void make_idle(std::uint32_t id, double now) {
        agent& a = agents_[id];
        group_counts& g = groups_[a.group];
        a.idle_since = now;
        a.previous_idle = g.idle_tail;
        a.next_idle = no_agent;
        if (g.idle_tail != no_agent)
            agents_[g.idle_tail].next_idle = id;
        else
            g.idle_head = id;
        g.idle_tail = id;
    }

    void remove_idle(std::uint32_t id) {
        agent& a = agents_[id];
        group_counts& g = groups_[a.group];
        if (a.previous_idle != no_agent)
            agents_[a.previous_idle].next_idle = a.next_idle;
        else
            g.idle_head = a.next_idle;
        if (a.next_idle != no_agent)
            agents_[a.next_idle].previous_idle = a.previous_idle;
        else
            g.idle_tail = a.previous_idle;
        a.previous_idle = a.next_idle = no_agent;
    }

    /// The agent takes one more item; returns true when it was free before.
    bool take(std::uint32_t id) {
        agent& a = agents_[id];
        assert(a.in_service < a.slots);
        if (a.in_service++ > 0) return false;
        ++groups_[a.group].busy;
        return true;
    }

    /// The agent finishes one item; returns true when it holds none any more.
    bool release(std::uint32_t id) {
        agent& a = agents_[id];
        assert(a.in_service > 0);
        if (--a.in_service > 0) return false;
        --groups_[a.group].busy;
        assert(groups_[a.group].busy >= 0);
        return true;
    }

  private:
    std::vector<agent> agents_;
    std::vector<group_counts> groups_;
};

}  // namespace ccsim::sim
