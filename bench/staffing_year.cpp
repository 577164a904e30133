// A year of 15-minute intervals (35,040) with loads from 1 to 2,000 Erlang staffed for 90/15
// with a 90% answer-rate floor, and one Erlang C evaluation at 20,000 agents. The intervals are
// solved in order by one staffing_sequence, as `ccsim staff` solves a forecast.
// Usage: bench_staffing_year [repeats] [--json]   Prints the median, min and max over the
// repeats; --json prints one JSON object per figure instead (for bench/run).
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "erlang/erlang_c.hpp"
#include "erlang/staffing_sequence.hpp"
#include "year_of_loads.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

int main(int argc, char** argv) {
    const bench::bench_args args(argc, argv, 9);
    const std::vector<double> loads = bench::year_of_loads();
    constexpr double aht = 240.0;

    staffing_targets targets;
    targets.service_level = service_level_target{0.9, seconds{15}};
    targets.answer_rate = 0.9;

    for (const bool with_patience : {false, true}) {
        long agent_sum = 0;
        const bench::spread s = bench::time_repeats(args.repeats, [&] {
            agent_sum = 0;
            staffing_sequence year(targets, {});
            for (double load : loads) {
                offered_traffic traffic{load / aht, seconds{aht}, std::nullopt};
                if (with_patience) traffic.patience = seconds{120};
                agent_sum += year.solve(traffic).agents;
            }
        });
        if (args.json) {
            bench::print_json_figure(
                with_patience ? "year staffed, Erlang A" : "year staffed, Erlang C", "ms",
                {s.median * 1e3, s.min * 1e3, s.max * 1e3}, args.repeats,
                ", \"intervals\": " + std::to_string(loads.size()) +
                    ", \"agent_intervals\": " + std::to_string(agent_sum));
            continue;
        }
        std::printf(
            "year of %zu intervals, %s, 90/15 + answer rate 0.9: median %.1f ms "
            "(min %.1f, max %.1f), %.2f us/interval, %ld agent-intervals\n",
            loads.size(), with_patience ? "Erlang A (patience 120s)" : "Erlang C", s.median * 1e3,
            s.min * 1e3, s.max * 1e3, s.median * 1e6 / static_cast<double>(loads.size()),
            agent_sum);
    }

    double sink = 0.0;
    constexpr int evaluations = 1000;
    const bench::spread c = bench::time_repeats(args.repeats, [&] {
        for (int i = 0; i < evaluations; ++i)
            sink += erlang_c(19900.0 + i * 1e-3, 20000.0, seconds{aht}, seconds{15}).service_level;
    });
    const bench::spread per_evaluation{c.median * 1e6 / evaluations, c.min * 1e6 / evaluations,
                                       c.max * 1e6 / evaluations};
    if (args.json) {
        bench::print_json_figure("Erlang C at 20,000 agents", "us", per_evaluation, args.repeats,
                                 ", \"checksum\": " + std::to_string(sink));
        return 0;
    }
    std::printf(
        "Erlang C at 20,000 agents (load 19,900): median %.2f us (min %.2f, max %.2f) "
        "[checksum %.6f]\n",
        per_evaluation.median, per_evaluation.min, per_evaluation.max, sink);
    return 0;
}
