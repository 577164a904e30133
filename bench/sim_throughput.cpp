// Simulation engine throughput, one thread:
//   - one-queue M/M/n+M days at 50, 500 and 5,000 agents (95% load, AHT 180 s, patience 120 s)
//   - a day of about 1 million calls with 3 queues and 4 agent groups (skills, priorities)
//   - a week of about 7 million calls: the same centre open 08:00-20:00 every day, a Monday
//     peak and quieter weekends, early and late shifts handing over, a reserve group
// and, with --memory, peak RSS of a 50-million-call run; with --memory-weeks N, peak RSS of
// the week scenario over N weeks (the engine's memory must not grow with the horizon).
// Usage: bench_sim_throughput [repeats] [--json]   |   bench_sim_throughput --memory [--json]
//        bench_sim_throughput --memory-weeks N [--json]
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

// The three-queue centre over `weeks` weeks from a Monday, open 08:00-20:00 every day, each
// day's volume scaled by its weekday (Monday peak, quiet weekend). Regular groups work an early
// and a late shift that overlap by 30 minutes; the universal group is kept in reserve.
scenario three_queue_weeks(std::size_t weeks) {
    constexpr double day = 86400.0;
    const double weekday_factor[] = {1.3, 1.15, 1.05, 1.05, 1.1, 0.8, 0.65};
    const std::size_t days = 7 * weeks;
    scenario s;
    s.name = "three queues, four groups, a week";
    s.calendar = dated_calendar(*parse_date("2026-03-02"), days);
    s.day_start = seconds{8 * 3600.0};
    s.interval = seconds{1800.0};
    s.interval_count = (days - 1) * 48 + 24;
    for (std::size_t d = 0; d < days; ++d)
        s.open_periods.emplace_back(seconds{static_cast<double>(d) * day + 8 * 3600.0},
                                    seconds{static_cast<double>(d) * day + 20 * 3600.0});
    const char* names[] = {"orders", "service", "complaints"};
    const double per_interval[] = {27500.0, 15400.0, 3000.0};
    const double aht[] = {150.0, 240.0, 420.0};
    for (int q = 0; q < 3; ++q) {
        queue_spec spec;
        spec.name = names[q];
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            const std::size_t d = i / 48, slot = i % 48;  // slot 0 is 08:00
            const double shape =
                slot < 24
                    ? 0.7 + 0.6 * std::exp(-std::pow((static_cast<double>(slot) - 6.0) / 4.0, 2))
                    : 0.0;
            spec.calls.push_back(per_interval[q] * shape * weekday_factor[d % 7]);
            spec.aht.push_back(seconds{aht[q]});
        }
        spec.handle_time = {distribution_kind::lognormal, 0.8, 1, {}};
        spec.patience = timed_distribution{{}, seconds{120.0}};
        spec.redial = {0.3, {{}, seconds{300.0}}, 2};
        s.queues.push_back(std::move(spec));
    }
    std::vector<std::uint32_t> every_day(days);
    for (std::uint32_t d = 0; d < days; ++d) every_day[d] = d;
    auto two_shifts = [&](int agents) {
        shift_spec early{"early", seconds{7.75 * 3600}, seconds{14.25 * 3600}, agents, {}};
        shift_spec late{"late", seconds{13.75 * 3600}, seconds{20 * 3600}, agents, {}};
        early.days = late.days = every_day;
        return std::vector<shift_spec>{early, late};
    };
    s.groups.push_back({"orders", {{0, 1}}, 1.0, 0.05, two_shifts(2300)});
    s.groups.push_back({"service", {{1, 1}, {0, 2}}, 1.0, 0.05, two_shifts(2100)});
    s.groups.push_back({"complaints", {{2, 1}}, 1.0, 0.05, two_shifts(700)});
    s.groups.push_back(
        {"universal", {{0, 1, 2}, {1, 1, 2}, {2, 1, 2}}, 1.1, 0.05, two_shifts(500)});
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
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) != "--memory-weeks") continue;
        // Peak RSS of one replication of the week scenario over N weeks.
        const std::size_t weeks = std::stoul(argv[i + 1]);
        const contact_centre centre(three_queue_weeks(weeks));
        const simulation_run run = simulate(centre, {1, 1, 1});
        const double calls = static_cast<double>(run.summary.arrivals());
        const double rss = bench::peak_rss_mib();
        const std::string name = std::to_string(weeks) + "-week run, peak RSS";
        if (args.json) {
            bench::print_json_figure(
                name.c_str(), "MiB", {rss, rss, rss}, 1,
                ", \"calls\": " + std::to_string(static_cast<long>(calls)) +
                    ", \"seconds\": " + std::to_string(run.wall_seconds) +
                    ", \"intervals\": " + std::to_string(centre.model().interval_count));
            return 0;
        }
        std::printf("%zu weeks: %.1f million calls in %.1f s, peak RSS %.1f MiB\n", weeks,
                    calls / 1e6, run.wall_seconds, rss);
        return 0;
    }
    if (bench::bench_args::has(argc, argv, "--memory")) {
        // 5,000 agents for 22 days of simulated time in one replication: ~50 million calls.
        scenario s = mmn_day(5000);
        s.interval_count = 22 * 48;
        s.calendar.days = days_spanned(s.day_start, s.interval, s.interval_count);
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
    throughput("3 queues, 4 groups, ~7M calls week", three_queue_weeks(1), 1, args.repeats,
               args.json);
    return 0;
}
