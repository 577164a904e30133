#include "calib/arrival_profile.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ccsim::calib {

weekday day_slot_counts::weekday_of(std::size_t day) const {
    return ccsim::weekday_of(civil_date{first_day + static_cast<std::int64_t>(day)});
}

double day_slot_counts::day_total(std::size_t day) const {
    return std::accumulate(days[day].begin(), days[day].end(), 0.0);
}

day_slot_counts sum_of(const std::vector<day_slot_counts>& parts) {
    day_slot_counts total = parts.front();
    for (std::size_t p = 1; p < parts.size(); ++p)
        for (std::size_t d = 0; d < total.days.size(); ++d)
            for (std::size_t s = 0; s < total.days[d].size(); ++s)
                total.days[d][s] += parts[p].days[d][s];
    return total;
}

weekday_slot_table weekly_volumes(const day_slot_counts& counts, std::size_t until) {
    const auto slots = static_cast<std::size_t>(counts.slots_per_day);
    weekday_slot_table table;
    std::array<std::vector<double>, weekday_count> sum_sq;
    for (int w = 0; w < weekday_count; ++w) {
        table.mean[w].assign(slots, 0.0);
        table.spread[w].assign(slots, 0.0);
        sum_sq[w].assign(slots, 0.0);
    }
    const std::size_t end = std::min(until, counts.days.size());
    for (std::size_t d = 0; d < end; ++d) {
        const auto w = static_cast<std::size_t>(counts.weekday_of(d));
        ++table.weeks[w];
        for (std::size_t s = 0; s < slots; ++s) {
            table.mean[w][s] += counts.days[d][s];
            sum_sq[w][s] += counts.days[d][s] * counts.days[d][s];
        }
    }
    for (std::size_t w = 0; w < weekday_count; ++w) {
        const double n = table.weeks[w];
        for (std::size_t s = 0; s < slots && n > 0; ++s) {
            const double mean = table.mean[w][s] / n;
            table.mean[w][s] = mean;
            if (n > 1)
                table.spread[w][s] =
                    std::sqrt(std::max(0.0, (sum_sq[w][s] - n * mean * mean) / (n - 1.0)));
        }
    }
    return table;
}

double busyness_cv(const day_slot_counts& counts) {
    std::array<double, weekday_count> sum{}, n{};
    for (std::size_t d = 0; d < counts.days.size(); ++d) {
        const auto w = static_cast<std::size_t>(counts.weekday_of(d));
        sum[w] += counts.day_total(d);
        n[w] += 1.0;
    }
    // Within a weekday the ratios average exactly 1, so sum (r - 1)^2 over its n dates has
    // expectation (n - 1) (1 / lambda + cv^2): Poisson noise plus the busyness factor's.
    double squares = 0.0, poisson = 0.0, degrees = 0.0;
    for (std::size_t d = 0; d < counts.days.size(); ++d) {
        const auto w = static_cast<std::size_t>(counts.weekday_of(d));
        const double mean = sum[w] / n[w];
        if (n[w] < 2.0 || mean <= 0.0) continue;
        const double ratio = counts.day_total(d) / mean;
        squares += (ratio - 1.0) * (ratio - 1.0);
        poisson += (n[w] - 1.0) / n[w] / mean;
        degrees += (n[w] - 1.0) / n[w];
    }
    if (degrees <= 0.0) return 0.0;
    return std::sqrt(std::max(0.0, (squares - poisson) / degrees));
}

}  // namespace ccsim::calib
