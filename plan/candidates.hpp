#pragma once
// The shifts a plan may use: every template of every planned group at every allowed start on
// every day it may be worked, with the starts each of its breaks may take.
#include <vector>

#include "core/duration.hpp"
#include "io/plan_settings.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::plan {

struct candidate {
    std::size_t plan_group = 0;   // index into plan_settings::groups
    std::size_t tpl = 0;          // index into that group's templates
    std::size_t start_index = 0;  // index into the template's starts
    std::size_t day = 0;          // horizon day it is worked
    seconds start{0.0};           // time of day
    seconds length{0.0};
    // Per break of the template, the offsets from the shift's start at which it may begin.
    std::vector<std::vector<seconds>> break_offsets;

    seconds clock_start() const { return seconds{static_cast<double>(day) * 86400.0} + start; }
    seconds clock_end() const { return clock_start() + length; }
};

/// Every candidate shift, by plan group, day, template and start, in that order.
std::vector<candidate> make_candidates(const sim::scenario& s, const io::plan_settings& plan);

}  // namespace ccsim::plan
