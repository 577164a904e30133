#pragma once
// From the program's answer (agents per shift, breaks per placement, people per days-off
// pattern) to the wall chart: people with a shift or a day off on every day, identical people
// grouped into lines. Each day's shifts go to the people working that day in order of the
// start they had the day before (so that the same people keep early or late shifts), each
// shift's breaks to its people in order of their placement.
#include <optional>
#include <vector>

#include "core/duration.hpp"
#include "io/plan_settings.hpp"
#include "plan/roster_model.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::plan {

/// A shift as worked by one person: a candidate and where each of its breaks falls.
struct worked_shift {
    std::size_t candidate = 0;    // index into roster_solution::candidates
    std::vector<seconds> breaks;  // offset of each break from the shift's start
    friend bool operator==(const worked_shift&, const worked_shift&) = default;
};

/// `agents` identical people of a plan group: a shift or nothing (off) on each horizon day.
struct roster_line {
    std::size_t plan_group = 0;
    int agents = 0;
    std::vector<std::optional<worked_shift>> days;
};

/// Weekly plans: one line per group of people with identical weeks. Plans of single days:
/// one line per shift and break placement worked on a day (a head count, no tours).
std::vector<roster_line> roster_lines(const sim::scenario& s, const io::plan_settings& plan,
                                      const roster_solution& solution);

}  // namespace ccsim::plan
