#pragma once
// A simulation's estimates as output records: the horizon's figures per queue and group, and
// per-interval and per-day tables. Table, CSV and JSON are all rendered from these records.
// Labels carry the calendar: "2026-03-02 Mon 08:30" on a dated horizon, "Mon 08:30" on a
// typical week, "08:30" on a single undated day.
#include <cstddef>
#include <string>
#include <vector>

#include "report/record.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

/// The day's figures for each queue and, with several queues, for all queues together
/// (named "all", last). The first field names the queue.
std::vector<record> queue_summary_records(const sim::scenario& s, const sim::simulation_summary& r);
/// The day's figures for each group and, with several groups, all together ("all", last).
/// The first field names the group.
std::vector<record> group_summary_records(const sim::scenario& s, const sim::simulation_summary& r);
/// The day's figures for all queues and all groups together in one record, without a name
/// field (with one queue or group, that queue's or group's).
record day_totals_record(const sim::scenario& s, const sim::simulation_summary& r);

/// One record per open interval and queue (and all queues, with several); with targets, the
/// share of replications in which the interval met each one (met_service_level,
/// met_answer_rate). Intervals when the centre is closed all along are left out.
std::vector<record> interval_records(const sim::scenario& s, const sim::simulation_summary& r);
/// One record per open interval and group (and all groups, with several).
std::vector<record> group_interval_records(const sim::scenario& s,
                                           const sim::simulation_summary& r);
/// One record per day and queue (and all queues), with the risk figures as above.
std::vector<record> day_records(const sim::scenario& s, const sim::simulation_summary& r);
/// One record per day and group (and all groups).
std::vector<record> group_day_records(const sim::scenario& s, const sim::simulation_summary& r);

/// The interval's start: "2026-03-02 Mon 08:30", "Mon 08:30", "day 2 08:30" or "08:30".
std::string interval_label(const sim::scenario& s, std::size_t interval);
/// The day: "2026-03-02 Mon", "Mon", "day 2"; "day 1" for a single undated day.
std::string day_label(const sim::scenario& s, std::size_t day);

}  // namespace ccsim::report
