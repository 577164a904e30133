#pragma once
// Lengths of time, in seconds, that tests write their scenarios in.
#include "core/calendar.hpp"

namespace ccsim::test {

inline constexpr double hour = 3600.0;
inline constexpr double day_length = seconds_per_day;

}  // namespace ccsim::test
