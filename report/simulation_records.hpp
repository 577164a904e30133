#pragma once
// A simulation's estimates as output records: the day's figures per queue and group, and
// per-interval tables. Table, CSV and JSON are all rendered from these records.
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

/// One record per interval and queue (and all queues, with several).
std::vector<record> interval_records(const sim::scenario& s, const sim::simulation_summary& r);
/// One record per interval and group (and all groups, with several).
std::vector<record> group_interval_records(const sim::scenario& s,
                                           const sim::simulation_summary& r);

/// Interval start as clock time, "08:30", with a day number from the second day on.
std::string interval_label(const sim::scenario& s, std::size_t interval);

}  // namespace ccsim::report
