#pragma once
// The figures ccsim reports, with their keys and exact definitions (docs/model.md). Every
// figure is computed per replication, then averaged over replications with a confidence
// interval.

namespace ccsim::sim {

enum class queue_figure : int {
    offered,  // attempts arriving in opening hours, redials included
    answered,
    abandoned,
    redials,                 // offered attempts that were redials
    waiting_at_end,          // still waiting when the day ended with nobody to serve them
    outside_hours,           // attempts arriving while closed (not offered)
    service_level,           // answered within T / offered
    service_level_answered,  // answered within T / answered
    answer_rate,             // answered / offered
    abandon_rate,            // abandoned / offered
    p_wait,                  // found no free agent / offered
    asa_s,                   // mean wait of answered calls
    mean_abandon_wait_s,     // mean wait of abandoned calls before hanging up
    p90_wait_s,              // 90th percentile wait of answered calls
    longest_queue,           // most calls waiting at once
    // Risk: 1 in a replication whose figure reaches the scenario's target, else 0; averaged
    // over replications, the share of them (days, intervals) that met the target.
    met_service_level,
    met_answer_rate,
    // Repeat callers (voice): by the interval of the contact counted.
    repeats,    // offered attempts that were repeat calls of an unsolved case
    fcr,        // first contacts answered that solved the case / first contacts answered
    escalated,  // cases sent on to a back-office queue
    // Back office and outbound: shares of the items whose deadline falls in the horizon.
    replied_within,   // replied by reply_within / replies due
    resolved_within,  // resolved by resolve_within / resolutions due
    done_within,      // follow-ups done (customer reached) by their due time / due
    attempts,         // outbound calls made
    // At the centre's close (days; the horizon: at its last close, and the oldest of all).
    backlog,   // items in the system (waiting or in hand)
    oldest_h,  // age of the oldest of them, hours
    count_
};

enum class group_figure : int {
    occupancy,         // busy time / logged-in time
    agents_logged_in,  // mean agents logged in (not on break); days: over open intervals
    agents_busy,       // mean agents handling calls
    overtime_h,        // agent-hours worked past the end of shifts (finishing calls, closing)
    chats_held,        // mean chats an agent holds while it holds at least one (concurrency)
    slot_occupancy,    // chat-seconds held / (logged-in time x max_chats)
    outbound_per_agent_hour,  // outbound calls made per logged-in agent-hour
    not_ready_share,          // time in not-ready spells / logged-in time
    agents_not_ready,         // mean agents in a not-ready spell (logged in, taking no work)
    count_
};

struct figure_info {
    const char* key;
    const char* label;
    int decimals;
    bool share;  // a fraction in [0, 1]; every figure is >= 0
};

const figure_info& info(queue_figure f);
const figure_info& info(group_figure f);

inline constexpr int queue_figure_count = static_cast<int>(queue_figure::count_);
inline constexpr int group_figure_count = static_cast<int>(group_figure::count_);

}  // namespace ccsim::sim
