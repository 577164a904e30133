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
    count_
};

enum class group_figure : int {
    occupancy,         // busy time / logged-in time
    agents_logged_in,  // mean agents logged in (not on break); days: over open intervals
    agents_busy,       // mean agents handling calls
    overtime_h,        // agent-hours worked past the end of shifts (finishing calls, closing)
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
