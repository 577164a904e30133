#pragma once
// A simulation's summary as text for the terminal.
#include <string>

#include "report/language.hpp"
#include "report/run_description.hpp"
#include "sim/model/scenario.hpp"
#include "sim/simulation.hpp"

namespace ccsim::report {

/// Figures down, queues across, then groups, the targets' verdicts (check_targets) and the
/// run's figures (calls simulated, wall time, threads). English unless told otherwise; in
/// another language every label and line comes from the message catalogue.
std::string summary_table(const sim::scenario& s, const sim::simulation_run& run,
                          const run_description& d, language l = language::en);

}  // namespace ccsim::report
