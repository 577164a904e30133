#pragma once
// The work of a run, estimated before it starts: the items (calls, chats, back-office items)
// its replications are expected to offer. A typo such as 2e9 calls would otherwise simulate
// for hours while memory grows; ccsim says so first, and refuses beyond core/limits.hpp's
// work_limit unless told to go ahead.
#include <string>

#include "sim/model/scenario.hpp"

namespace ccsim::sim {

struct run_work {
    double items_per_replication = 0.0;  // forecast items of every queue plus traced calls
    double replications = 0.0;
    double items() const { return items_per_replication * replications; }
    bool notable() const;  // above limits::work_notice
    bool huge() const;     // above limits::work_limit
};

/// The expected first attempts of one replication (redials and repeats come on top) times the
/// replications, times `runs`: the variants of a what-if, the rounds of a plan.
run_work work_of(const scenario& s, int replications, int runs = 1);

/// "about 2e+10 items (2e+09 per replication x 10 replications)".
std::string describe(const run_work& work);

}  // namespace ccsim::sim
