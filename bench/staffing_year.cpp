// A year of 15-minute intervals (35,040) with loads from 1 to 2,000 Erlang staffed for 90/15
// with a 90% answer-rate floor, and one Erlang C evaluation at 20,000 agents.
// Usage: bench_staffing_year [repeats]   Prints the median, min and max over the repeats.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "erlang/erlang_c.hpp"
#include "erlang/staffing.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

namespace {

using clock_type = std::chrono::steady_clock;

// Offered load in each 15-minute interval of a year: a two-peak day, quieter weekends and a
// seasonal swell, scaled to span 1 to 2,000 Erlang.
std::vector<double> year_of_loads() {
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

struct summary {
    double median, min, max;
};

summary summarise(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples.front(), samples.back()};
}

template <class Work>
summary time_repeats(int repeats, Work work) {
    std::vector<double> seconds_taken;
    for (int r = 0; r < repeats; ++r) {
        const auto start = clock_type::now();
        work();
        seconds_taken.push_back(std::chrono::duration<double>(clock_type::now() - start).count());
    }
    return summarise(seconds_taken);
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
    const std::vector<double> loads = year_of_loads();
    constexpr double aht = 240.0;

    staffing_targets targets;
    targets.service_level = service_level_target{0.9, seconds{15}};
    targets.answer_rate = 0.9;

    for (const bool with_patience : {false, true}) {
        long agent_sum = 0;
        const summary s = time_repeats(repeats, [&] {
            agent_sum = 0;
            for (double load : loads) {
                offered_traffic traffic{load / aht, seconds{aht}, std::nullopt};
                if (with_patience) traffic.patience = seconds{120};
                agent_sum += solve_staffing(traffic, targets, {}).agents;
            }
        });
        std::printf(
            "year of %zu intervals, %s, 90/15 + answer rate 0.9: median %.1f ms "
            "(min %.1f, max %.1f), %.2f us/interval, %ld agent-intervals\n",
            loads.size(), with_patience ? "Erlang A (patience 120s)" : "Erlang C", s.median * 1e3,
            s.min * 1e3, s.max * 1e3, s.median * 1e6 / static_cast<double>(loads.size()),
            agent_sum);
    }

    double sink = 0.0;
    constexpr int evaluations = 1000;
    const summary c = time_repeats(repeats, [&] {
        for (int i = 0; i < evaluations; ++i)
            sink += erlang_c(19900.0 + i * 1e-3, 20000.0, seconds{aht}, seconds{15}).service_level;
    });
    std::printf(
        "Erlang C at 20,000 agents (load 19,900): median %.2f us (min %.2f, max %.2f) "
        "[checksum %.6f]\n",
        c.median * 1e6 / evaluations, c.min * 1e6 / evaluations, c.max * 1e6 / evaluations, sink);
    return 0;
}
