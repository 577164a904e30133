#pragma once
// A head count per interval (the answer of a staffing calculation) turned into shifts, so that
// it can be simulated: agent k works every run of consecutive intervals that need at least k
// agents. The same people stay on while they are needed, instead of a new crew each interval
// whose predecessors finish their calls in overtime.
#include <vector>

#include "sim/model/scenario.hpp"

namespace ccsim::sim {

/// Shifts for `need[i]` agents in interval i of `grid`'s interval grid (day_start, interval,
/// warmup and calendar are read; need has one count per interval, each >= 0). Each shift
/// covers one run [first, last) of intervals, with the agents whose runs it is; runs come in
/// order of (first, last). Interval 0's count also covers the warm-up, which runs at interval
/// 0's rates. Shifts are in clock time (worked on day 0, and may span several days) and are
/// named by their times: "08:00-14:30" on a one-day grid, with the day's label in front on a
/// horizon of several days ("Tue 08:00-Tue 14:30").
std::vector<shift_spec> shifts_from_head_counts(const std::vector<int>& need, const scenario& grid);

}  // namespace ccsim::sim
