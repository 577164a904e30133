#pragma once
// A group's roster from its [[group]] table: `agents` all along, `agents_by_interval` (a head
// count per interval), or [[group.shift]] tables (each worked on its `days` by its `agents`)
// with [[group.tour]] tables, the lines of a weekly wall chart: people who work a named shift
// or are off on each weekday, repeated over the calendar, single dates overridden.
#include <vector>

#include "io/checked_table.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

struct group_roster {
    std::vector<sim::shift_spec> shifts;
    std::vector<sim::tour_spec> tours;
};

/// Reads the roster of group `g` on the grid and calendar of `s` (queues, grid and calendar
/// already set). Throws scenario_error at the value for anything that does not fit: shift
/// times, days outside the calendar, tours naming no shift or overlapping from one day to
/// the next. A `planned` group (one [plan] gives templates for) may have no roster: the planner
/// makes it (and replaces any roster the file gives it).
group_roster read_roster(const checked_table& g, const sim::scenario& s, bool planned = false);

}  // namespace ccsim::io
