#pragma once
// The workload of "a year of intervals staffed": 35,040 quarter hours whose offered load spans
// 1 to 2,000 Erlang. Shared by bench_staffing_year and bench_micro so their figures agree.
#include <algorithm>
#include <cmath>
#include <vector>

namespace ccsim::bench {

/// Offered load in each 15-minute interval of a year: a two-peak day, quieter weekends and a
/// seasonal swell, scaled to span 1 to 2,000 Erlang.
inline std::vector<double> year_of_loads() {
    constexpr int intervals = 365 * 96;
    std::vector<double> shape(intervals);
    for (int i = 0; i < intervals; ++i) {
        const double hour = (i % 96) / 4.0;
        const int day = i / 96;
        const double daily = std::exp(-std::pow((hour - 10.5) / 2.0, 2)) +
                             0.8 * std::exp(-std::pow((hour - 15.0) / 2.5, 2)) + 0.02;
        const double weekly = day % 7 >= 5 ? 0.55 : 1.0;
        const double seasonal = 1.0 + 0.25 * std::sin(2.0 * M_PI * day / 365.0);
        shape[i] = daily * weekly * seasonal;
    }
    const auto [lo, hi] = std::minmax_element(shape.begin(), shape.end());
    std::vector<double> loads(intervals);
    for (int i = 0; i < intervals; ++i) loads[i] = 1.0 + 1999.0 * (shape[i] - *lo) / (*hi - *lo);
    return loads;
}

}  // namespace ccsim::bench
