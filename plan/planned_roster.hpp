#pragma once
// The roster a plan posts: its lines (people and their weeks), the distinct shifts they work
// (a template at a start with its breaks placed), and the scenario that simulates it.
#include <optional>
#include <string>
#include <vector>

#include "io/plan_settings.hpp"
#include "plan/roster_lines.hpp"
#include "plan/roster_model.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::plan {

/// A shift as the roster names it: template, start and break placements.
struct shift_kind {
    std::size_t plan_group = 0;
    std::size_t tpl = 0;
    seconds start{0.0};  // time of day
    seconds length{0.0};
    std::vector<seconds> breaks;  // offsets from the start
    std::vector<seconds> break_lengths;
    std::string name;  // "early-0730", or "early-0730-b" when breaks tell apart several
};

struct planned_roster {
    std::vector<roster_line> lines;
    std::vector<std::vector<shift_kind>> kinds;               // [plan group]
    std::vector<std::vector<std::optional<std::size_t>>> at;  // [line][day]: kind worked
};

planned_roster make_planned_roster(const sim::scenario& s, const io::plan_settings& plan,
                                   const roster_solution& solution);

/// The scenario with the planned groups' rosters replaced by the plan's (weekly plans: the
/// kinds as shifts worked by tours, one per line; otherwise head counts on each day), and
/// the plan's targets as the scenario's.
sim::scenario roster_scenario(const sim::scenario& s, const io::plan_settings& plan,
                              const planned_roster& roster);

/// The name of line k of a group ("line 3").
std::string line_name(const planned_roster& roster, std::size_t line);

}  // namespace ccsim::plan
