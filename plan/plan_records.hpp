#pragma once
// A plan as records (report/record.hpp), so that its table, CSV files and JSON agree: the
// roster (a line per group of identical people, a column per day), the shifts, the coverage
// per interval, the rounds and the totals; and the whole plan as one JSON document.
#include <nlohmann/json.hpp>
#include <vector>

#include "plan/planner.hpp"
#include "report/record.hpp"

namespace ccsim::plan {

/// roster.csv: group, line, agents, then each day: "early-0730 07:30-16:00 breaks
/// 11:00-11:30 14:00-14:15", or "off".
std::vector<report::record> roster_records(const sim::scenario& s, const plan_result& plan);

/// shifts.csv: group, template, shift, day, start, end, breaks, agents, paid hours, cost.
std::vector<report::record> shift_records(const sim::scenario& s, const plan_result& plan);

/// coverage.csv: every open interval of a planned pool: required, scheduled, the simulated
/// service level and answer rate with their intervals, met.
std::vector<report::record> coverage_records(const sim::scenario& s, const plan_result& plan);

/// rounds.csv: cost, bound, gap, intervals short, worst interval of each round.
std::vector<report::record> round_records(const sim::scenario& s, const plan_result& plan);

/// The totals: cost, paid hours, LP bound, lower bound, gap, rounds, share of intervals met.
report::record totals_record(const plan_result& plan);

/// The whole plan (docs/cli.md lists the keys).
nlohmann::ordered_json plan_json(const sim::scenario& s, const plan_result& plan);

}  // namespace ccsim::plan
