#pragma once
// The report of a plan (`ccsim plan --format html`), one more builder of the report model
// (report/report_document.hpp): the targets with the open intervals meeting them in
// simulation, the totals, agents required and scheduled per interval (a step chart per pool),
// the simulated service level and answer rate per interval with their confidence bands, the
// roster as a wall chart, the verification rounds, and the run.
#include <string>

#include "io/plan_settings.hpp"
#include "plan/planner.hpp"
#include "report/report_context.hpp"
#include "report/report_document.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::plan {

struct plan_report_input {
    const sim::scenario* model = nullptr;  // the scenario planned
    const plan_result* plan = nullptr;
    std::string scenario_file;
    io::requirement_method method = io::requirement_method::sipp;  // the one used
    double confidence = 0.95;  // of the simulated figures' intervals
};

report::document plan_report(const plan_report_input& in, const report::report_context& c);

}  // namespace ccsim::plan
