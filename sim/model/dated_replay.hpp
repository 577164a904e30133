#pragma once
// A scenario laid onto other dates, for replaying a call log of those dates: each replayed
// day takes the inputs (volumes, handle times, opening hours, shifts, tours) of the scenario's
// day it stands for: the same date when the scenario is dated, the same weekday when it is a
// typical week, its only day when it is an undated one-day scenario.
#include <cstddef>

#include "core/calendar.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::sim {

/// The scenario over `days` days from `first`: a dated horizon whose grid starts at the
/// scenario's day_start on `first` and ends by midnight after the last day. Throws
/// config_error when a date has no day standing for it (a date outside a dated scenario, a
/// weekday a short typical week lacks, several undated days without weekdays) or when the
/// interval does not divide 24 hours. Traces are left empty.
scenario on_dates(const scenario& s, civil_date first, std::size_t days);

}  // namespace ccsim::sim
