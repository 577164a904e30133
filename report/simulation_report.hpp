#pragma once
// The report of a simulation (`ccsim simulate --format html`): the service standards first
// (each target's figure with its confidence interval and verdict), then per interval the
// service level with its confidence band and the target, calls offered, answered and
// abandoned, ASA and the 90th-percentile wait, occupancy and agents logged in per group, the
// longest queue; day by day for a horizon of several days; each queue when there are
// several; and how the run was made.
#include "report/report_context.hpp"
#include "report/report_document.hpp"
#include "report/run_description.hpp"
#include "sim/model/scenario.hpp"
#include "sim/simulation.hpp"

namespace ccsim::report {

document simulation_report(const sim::scenario& s, const sim::simulation_run& run,
                           const run_description& d, const report_context& c);

}  // namespace ccsim::report
