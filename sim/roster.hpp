#pragma once
// Turns shift specifications into individual agents and a time-ordered list of roster
// events (shift start, break start, shift end), replayed by the engine as one process.
#include <cstdint>
#include <vector>

#include "sim/scenario.hpp"

namespace ccsim::sim {

enum class roster_action : std::uint8_t { shift_end = 0, break_start = 1, shift_start = 2 };

struct roster_event {
    double time;
    std::uint32_t agent;
    roster_action action;
    double break_length;  // for break_start
};

struct rostered_agent {
    std::uint32_t group;
    double shift_start;
    double shift_end;
};

struct roster {
    std::vector<rostered_agent> agents;  // those who showed up
    std::vector<roster_event> events;    // sorted by time; ends before breaks before starts
    std::uint64_t absent = 0;            // scheduled agents who did not show
};

/// Each scheduled agent is absent with the group's absenteeism probability, drawn from a
/// stream per (group, shift), so changing one shift's headcount leaves the others' draws alone.
roster build_roster(const scenario& s, std::uint64_t seed, std::uint64_t replication);

}  // namespace ccsim::sim
