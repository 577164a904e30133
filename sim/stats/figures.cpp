#include "sim/stats/figures.hpp"

namespace ccsim::sim {

namespace {
constexpr figure_info queue_figures[] = {
    {"offered", "offered", 1, false},
    {"answered", "answered", 1, false},
    {"abandoned", "abandoned", 1, false},
    {"redials", "redials", 1, false},
    {"waiting_at_end", "waiting at end", 2, false},
    {"outside_hours", "outside hours", 1, false},
    {"service_level", "SL /offered", 4, true},
    {"service_level_answered", "SL /answered", 4, true},
    {"answer_rate", "answer rate", 4, true},
    {"abandon_rate", "abandon rate", 4, true},
    {"p_wait", "P(wait)", 4, true},
    {"asa_s", "ASA s", 2, false},
    {"mean_abandon_wait_s", "time to abandon s", 2, false},
    {"p90_wait_s", "90% wait s", 2, false},
    {"longest_queue", "longest queue", 1, false},
    {"met_service_level", "met SL target", 4, true},
    {"met_answer_rate", "met answer-rate target", 4, true},
    {"repeats", "repeat calls", 1, false},
    {"fcr", "FCR", 4, true},
    {"escalated", "escalated", 2, false},
    {"replied_within", "replied in time", 4, true},
    {"resolved_within", "resolved in time", 4, true},
    {"done_within", "follow-ups in time", 4, true},
    {"attempts", "outbound calls", 1, false},
    {"backlog", "backlog at close", 2, false},
    {"oldest_h", "oldest item h", 2, false},
};
constexpr figure_info group_figures[] = {
    {"occupancy", "occupancy", 4, true},
    {"agents_logged_in", "agents logged in", 2, false},
    {"agents_busy", "agents busy", 2, false},
    {"overtime_h", "overtime h", 2, false},
    {"chats_held", "chats held", 3, false},
    {"slot_occupancy", "slot occupancy", 4, true},
    {"outbound_per_agent_hour", "outbound calls per agent-hour", 2, false},
    {"not_ready_share", "not-ready share", 4, true},
    {"agents_not_ready", "agents not ready", 2, false},
};
static_assert(sizeof(queue_figures) / sizeof(queue_figures[0]) == queue_figure_count);
static_assert(sizeof(group_figures) / sizeof(group_figures[0]) == group_figure_count);
}  // namespace

const figure_info& info(queue_figure f) {
    return queue_figures[static_cast<int>(f)];
}
const figure_info& info(group_figure f) {
    return group_figures[static_cast<int>(f)];
}

}  // namespace ccsim::sim
