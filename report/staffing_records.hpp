#pragma once
// A staffing plan (agents required interval by interval) as output records.
#include <string>

#include "erlang/interval_staffing.hpp"
#include "report/record.hpp"

namespace ccsim::report {

/// One interval: interval_start (`label`), calls, aht_s, patience_s (when `with_patience`),
/// load_erlangs, agents, scheduled_agents, fractional_* (when solved), agent_hours,
/// scheduled_hours, then every closed-form figure (append_metrics).
record staffing_interval_record(const std::string& label, const erlang::interval_requirement& r,
                                bool with_patience);

/// The plan's totals: calls, agent-hours, peaks, and call-weighted figures.
record staffing_totals_record(const erlang::staffing_totals& t);

}  // namespace ccsim::report
