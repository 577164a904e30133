#include "sim/agents/head_count_shifts.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace ccsim::sim {

namespace {

// "08:00" on a one-day grid, "Tue 08:00" (or "day 2 08:00") when the horizon has several days.
std::string clock_label(seconds t, const scenario& grid) {
    if (grid.calendar.days <= 1) return format_time_of_day(t);
    const double day = std::clamp(std::floor(t.count() / seconds_per_day), 0.0,
                                  static_cast<double>(grid.calendar.days - 1));
    const seconds within = t - seconds{day * seconds_per_day};
    return fmt::format("{} {}", grid.calendar.day_label(static_cast<std::size_t>(day)),
                       format_time_of_day(within));
}

}  // namespace

std::vector<shift_spec> shifts_from_head_counts(const std::vector<int>& need,
                                                const scenario& grid) {
    const auto start_of = [&](std::size_t i) {
        // The warm-up runs at interval 0's rates: staff it like interval 0.
        return i == 0 ? grid.day_start - grid.warmup : grid.interval_start(i);
    };
    std::map<std::pair<std::size_t, std::size_t>, int> runs;  // [first, last) -> agents
    const int most = need.empty() ? 0 : *std::max_element(need.begin(), need.end());
    for (int k = 1; k <= most; ++k)
        for (std::size_t i = 0; i < need.size();) {
            if (need[i] < k) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < need.size() && need[j] >= k) ++j;
            ++runs[{i, j}];
            i = j;
        }
    std::vector<shift_spec> shifts;
    for (const auto& [run, agents] : runs) {
        const seconds start = start_of(run.first), end = grid.interval_start(run.second);
        shifts.push_back({fmt::format("{}-{}", clock_label(start, grid),
                                      clock_label(start_of(run.second - 1) + grid.interval, grid)),
                          start,
                          end,
                          agents,
                          {}});
    }
    return shifts;
}

}  // namespace ccsim::sim
