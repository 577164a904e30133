// Simulation engine throughput, one thread:
//   - one-queue M/M/n+M days at 50, 500 and 5,000 agents (95% load, AHT 180 s, patience 120 s)
//   - a day of about 1 million calls with 3 queues and 4 agent groups (skills, priorities)
// and, with --memory, peak RSS of a 50-million-call run.
// Usage: bench_sim_throughput [repeats] [--json]   |   bench_sim_throughput --memory [--json]
// --json prints one JSON object per figure instead (for bench/run).
#include <cmath>
#include <cstdio>
#include <string>

#include "bench_support.hpp"
#include "sim/simulation.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {

scenario mmn_day(int agents) {
    stationary_queue q;
    q.agents = agents;
    q.aht = seconds{180.0};
    q.patience = seconds{120.0};
    q.calls_per_hour = 0.95 * agents / 180.0 * 3600.0;
    q.horizon = seconds{24 * 3600.0};
    q.warmup = seconds{0.0};
    q.interval = seconds{1800.0};
    return make_stationary_scenario(q);
}

// 3 queues and 4 groups over 12 hours, about a million calls.
scenario three_queue_day() {
    scenario s;
    s.name = "three queues, four groups";
    s.day_start = seconds{8 * 3600.0};
    s.interval = seconds{1800.0};
    s.interval_count = 24;
    s.open_periods = {{s.day_start, s.day_end()}};
    const char* names[] = {"orders", "service", "complaints"};
    const double per_interval[] = {25000.0, 14000.0, 2700.0};
    const double aht[] = {150.0, 240.0, 420.0};
    for (int q = 0; q < 3; ++q) {
        queue_spec spec;
        spec.name = names[q];
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            const double shape =
                0.7 + 0.6 * std::exp(-std::pow((static_cast<double>(i) - 6.0) / 4.0, 2));
            spec.calls.push_back(per_interval[q] * shape);
            spec.aht.push_back(seconds{aht[q]});
        }
        spec.handle_time = {distribution_kind::lognormal, 0.8, 1, {}};
        spec.patience = timed_distribution{{}, seconds{120.0}};
        spec.redial = {0.3, {{}, seconds{300.0}}, 2};
        s.queues.push_back(std::move(spec));
    }
    auto all_day = [&](int agents) {
        return std::vector<shift_spec>{{"day", s.day_start, s.day_end(), agents, {}}};
    };
    s.groups.push_back({"orders", {{0, 1}}, 1.0, 0.0, all_day(2300)});
    s.groups.push_back({"service", {{1, 1}, {0, 2}}, 1.0, 0.0, all_day(2100)});
    s.groups.push_back({"complaints", {{2, 1}}, 1.0, 0.0, all_day(700)});
    s.groups.push_back({"universal", {{0, 1}, {1, 1}, {2, 1}}, 1.1, 0.0, all_day(500)});
    return s;
}

void throughput(const char* name, const scenario& s, int replications, int repeats, bool json) {
    const contact_centre centre(s);
    double calls = 0.0;
    const bench::spread t = bench::time_repeats(repeats, [&] {
        calls = static_cast<double>(simulate(centre, {replications, 1, 1}).summary.arrivals());
    });
    if (json) {
        bench::print_json_figure(name, "calls/s", bench::rate_of(calls, t), repeats,
                                 ", \"calls\": " + std::to_string(static_cast<long>(calls)) +
                                     ", \"seconds\": " + std::to_string(t.median));
        return;
    }
    std::printf("%-42s %9.0f calls  median %7.3f s (min %.3f, max %.3f)  %6.2f M calls/s\n", name,
                calls, t.median, t.min, t.max, calls / t.median / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    const bench::bench_args args(argc, argv, 5);
    if (bench::bench_args::has(argc, argv, "--memory")) {
        // 5,000 agents for 22 days of simulated time in one replication: ~50 million calls.
        scenario s = mmn_day(5000);
        s.interval_count = 22 * 48;
        for (queue_spec& q : s.queues) {
            q.calls.assign(s.interval_count, q.calls.front());
            q.aht.assign(s.interval_count, q.aht.front());
        }
        s.open_periods = {{s.day_start, s.day_end()}};
        s.groups[0].shifts[0].end = s.day_end();
        const contact_centre centre(s);
        const simulation_run run = simulate(centre, {1, 1, 1});
        const double calls = static_cast<double>(run.summary.arrivals());
        if (args.json) {
            const double rss = bench::peak_rss_mib();
            bench::print_json_figure("50M-call run, peak RSS", "MiB", {rss, rss, rss}, 1,
                                     ", \"calls\": " + std::to_string(static_cast<long>(calls)) +
                                         ", \"seconds\": " + std::to_string(run.wall_seconds));
            return 0;
        }
        std::printf("%.1f million calls in %.1f s, peak RSS %.1f MiB\n", calls / 1e6,
                    run.wall_seconds, bench::peak_rss_mib());
        return 0;
    }
    throughput("M/M/n+M day, 50 agents (x40 days)", mmn_day(50), 40, args.repeats, args.json);
    throughput("M/M/n+M day, 500 agents (x4 days)", mmn_day(500), 4, args.repeats, args.json);
    throughput("M/M/n+M day, 5000 agents", mmn_day(5000), 1, args.repeats, args.json);
    throughput("3 queues, 4 groups, ~1M calls day", three_queue_day(), 1, args.repeats, args.json);
    return 0;
}
