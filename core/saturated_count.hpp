#pragma once
// A real-valued count (agents for a load, items for a backlog) made whole without undefined
// behaviour: a double beyond the range of long (a load of 1e19 Erlang) or NaN must not reach
// static_cast<long>. The result saturates far above any count ccsim accepts (core/limits.hpp),
// so that min(count, highest) and comparisons with limits still read right.
#include <cmath>

namespace ccsim {

/// The largest count a conversion returns: 2^53, exact in a double, far beyond any limit.
inline constexpr long saturated_count_max = 1L << 53;

/// `value` (already floored or ceiled by the caller) as a long in [0, saturated_count_max];
/// NaN and negatives read as 0.
inline long saturated_count(double value) {
    if (!(value > 0.0)) return 0;
    if (!(value < static_cast<double>(saturated_count_max))) return saturated_count_max;
    return static_cast<long>(value);
}

}  // namespace ccsim
