#pragma once
// A simulation's summary as text for the terminal.
#include <string>

#include "report/run_description.hpp"
#include "sim/model/scenario.hpp"
#include "sim/simulation.hpp"

namespace ccsim::report {

/// Figures down, queues across, then groups, the targets' verdicts (check_targets) and the
/// run's figures (calls simulated, wall time, threads).
std::string summary_table(const sim::scenario& s, const sim::simulation_run& run,
                          const run_description& d);

}  // namespace ccsim::report
