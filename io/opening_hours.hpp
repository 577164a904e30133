#pragma once
// Opening hours from [day]: `open` and `close` each a time of day, or a table of times by
// weekday ({ Mon = "08:00", Sun = "09:00" }), and `closed`, the weekdays and dates (holidays)
// the centre does not open.
#include <utility>
#include <vector>

#include "core/duration.hpp"
#include "io/checked_table.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

/// Checks that each day closes after it opens, for the weekdays both times give; throws
/// scenario_error at the closing time.
void check_opening_times(const checked_table& day);

/// The earliest opening time of any weekday: where the grid starts when nothing else says.
seconds earliest_opening(const checked_table& day);

/// One period [open, close) for each day of the calendar that is not closed, in clock time;
/// periods that meet (a centre open round the clock) are one. The warm-up before interval 0
/// counts as open when the centre is open at its start. Needs s.calendar, s.day_start and
/// s.warmup. Weekday tables need a calendar with weekdays, dates in `closed` a dated one;
/// dates outside the calendar are ignored (a year's holidays may sit in a shared base file).
std::vector<std::pair<seconds, seconds>> opening_periods(const checked_table& day,
                                                         const sim::scenario& s);

}  // namespace ccsim::io
