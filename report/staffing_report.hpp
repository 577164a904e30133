#pragma once
// The report of a staffing requirement (`ccsim staff --format html`): the targets with the
// plan's predicted figures, the totals (agent-hours), agents required and scheduled per
// interval (a step chart), the predicted service level and occupancy per interval, and the
// inputs.
#include <string>
#include <vector>

#include "erlang/interval_staffing.hpp"
#include "erlang/staffing.hpp"
#include "report/report_context.hpp"
#include "report/report_document.hpp"

namespace ccsim::report {

struct staffing_report_input {
    std::string forecast_file;
    std::vector<std::string> labels;  // each interval's start, as the forecast writes it
    const erlang::staffing_plan* plan = nullptr;
    erlang::staffing_targets targets;
    erlang::staffing_options options;
    bool with_patience = false;  // Erlang A
};

document staffing_report(const staffing_report_input& in, const report_context& c);

}  // namespace ccsim::report
