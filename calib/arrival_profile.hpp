#pragma once
// The managers' weekly volume analysis: calls per weekday x time slot, averaged over the
// weeks of a log, with the spread between weeks; and the day-to-day variability of volumes.
#include <array>
#include <cstdint>
#include <vector>

#include "core/calendar.hpp"

namespace ccsim::calib {

/// Calls per day and slot over a run of consecutive dates.
struct day_slot_counts {
    std::int64_t first_day = 0;  // days since 1970-01-01
    int slots_per_day = 48;
    std::vector<std::vector<double>> days;  // [day][slot]

    weekday weekday_of(std::size_t day) const;
    double day_total(std::size_t day) const;
};

/// Element-wise sum (same dates and slots).
day_slot_counts sum_of(const std::vector<day_slot_counts>& parts);

struct weekday_slot_table {
    std::array<std::vector<double>, weekday_count> mean;    // [weekday][slot]
    std::array<std::vector<double>, weekday_count> spread;  // sample sd between weeks
    std::array<int, weekday_count> weeks{};                 // dates of that weekday
};

/// Mean and spread over the dates of each weekday among days [0, until) (all by default).
weekday_slot_table weekly_volumes(const day_slot_counts& counts, std::size_t until = SIZE_MAX);

/// busyness_cv from the daily totals: each day's total over its weekday's mean, the pooled
/// variance of these ratios about 1 (n - 1 per weekday), less the Poisson part (1 / mean); the
/// square root, 0 when Poisson noise explains it all. Needs two dates of a weekday to count it.
double busyness_cv(const day_slot_counts& counts);

}  // namespace ccsim::calib
