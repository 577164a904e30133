// Micro figures with Google Benchmark: the event calendar, random variates, Erlang B, C and A
// evaluations and a year of intervals staffed. Each reports items per second (events, draws,
// evaluations, intervals). bench/run runs it with --benchmark_repetitions and
// --benchmark_format=json; run it alone with any Google Benchmark flag.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "erlang/erlang_a.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"
#include "erlang/staffing_sequence.hpp"
#include "sim/engine/event_calendar.hpp"
#include "sim/engine/random_streams.hpp"
#include "sim/engine/variate.hpp"
#include "year_of_loads.hpp"

using namespace ccsim;

namespace {

constexpr double aht = 180.0;

// The hold model: a calendar of `size` pending events; each step pops the first and schedules
// one a random time later, as a simulation in steady state does. The time increments are drawn
// beforehand so that the figure is the calendar's alone.
void calendar_hold(benchmark::State& state) {
    const auto size = static_cast<std::size_t>(state.range(0));
    sim::random_engine engine = sim::make_stream(1, sim::stream_purpose::arrivals, 0, 0);
    sim::unit_variate exponential({});
    std::vector<double> increments(1 << 16);
    for (double& d : increments) d = exponential(engine) * aht;
    const std::size_t mask = increments.size() - 1;

    sim::event_calendar calendar;
    for (std::size_t i = 0; i < size; ++i)
        calendar.schedule(increments[i & mask], sim::event_class::completion,
                          static_cast<std::uint32_t>(i));
    std::size_t step = size;
    for (auto _ : state) {
        const sim::event e = calendar.pop();
        // Mix the classes so that ties and class order take part as in the engine.
        calendar.schedule(e.time() + increments[step & mask],
                          static_cast<sim::event_class>(step & 3), e.id);
        ++step;
    }
    benchmark::DoNotOptimize(calendar.next());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(calendar_hold)->Arg(1000)->Arg(1000000);

void variate(benchmark::State& state, sim::distribution_shape shape) {
    sim::random_engine engine = sim::make_stream(1, sim::stream_purpose::handle_times, 0, 0);
    sim::unit_variate draw(shape);
    for (auto _ : state) benchmark::DoNotOptimize(draw(engine));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(variate, exponential, sim::distribution_shape{});
BENCHMARK_CAPTURE(variate, lognormal_cv_0_7,
                  sim::distribution_shape{sim::distribution_kind::lognormal, 0.7, 1, {}});
BENCHMARK_CAPTURE(variate, gamma_cv_0_5,
                  sim::distribution_shape{sim::distribution_kind::gamma, 0.5, 1, {}});

// Loads of 95% of the agents: the staffing region, where the answers lie. The load moves a
// little every call so that no evaluation is a repeat of the last.
double load_near(long agents, std::int64_t step) {
    return 0.95 * static_cast<double>(agents) + 1e-6 * static_cast<double>(step & 1023);
}

void erlang_b_evaluation(benchmark::State& state) {
    const long agents = state.range(0);
    std::int64_t step = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            erlang::erlang_b(static_cast<double>(agents), load_near(agents, step++)));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(erlang_b_evaluation)->Arg(50)->Arg(5000)->Arg(20000);

void erlang_c_evaluation(benchmark::State& state) {
    const long agents = state.range(0);
    std::int64_t step = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(erlang::erlang_c(
            load_near(agents, step++), static_cast<double>(agents), seconds{aht}, seconds{15.0}));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(erlang_c_evaluation)->Arg(50)->Arg(5000)->Arg(20000);

void erlang_a_evaluation(benchmark::State& state) {
    const long agents = state.range(0);
    std::int64_t step = 0;
    for (auto _ : state) {
        const erlang::offered_traffic traffic{load_near(agents, step++) / aht, seconds{aht},
                                              seconds{120.0}};
        benchmark::DoNotOptimize(
            erlang::erlang_a(traffic, static_cast<double>(agents), seconds{15.0}));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(erlang_a_evaluation)->Arg(50)->Arg(500)->Arg(5000);

// The same year as bench_staffing_year: 35,040 intervals, 90/15 and a 90% answer rate.
void staffing_year(benchmark::State& state) {
    static const std::vector<double> loads = bench::year_of_loads();
    const bool with_patience = state.range(0) != 0;
    constexpr double year_aht = 240.0;
    erlang::staffing_targets targets;
    targets.service_level = service_level_target{0.9, seconds{15}};
    targets.answer_rate = 0.9;
    for (auto _ : state) {
        long agent_sum = 0;
        erlang::staffing_sequence year(targets, {});
        for (double load : loads) {
            erlang::offered_traffic traffic{load / year_aht, seconds{year_aht}, std::nullopt};
            if (with_patience) traffic.patience = seconds{120};
            agent_sum += year.solve(traffic).agents;
        }
        benchmark::DoNotOptimize(agent_sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(loads.size()));
}
// Argument 0: Erlang C; 1: Erlang A (patience 120 s).
BENCHMARK(staffing_year)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
