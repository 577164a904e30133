#pragma once
// The iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey and Whitt (2008),
// "Staffing of time-varying queues to achieve time-stable performance", Management Science
// 54(2). Per-interval Erlang staffing treats each interval as a stationary queue that starts
// in equilibrium; after a sharp rise the work in progress lags behind the arrivals, and long
// handle times carry load into the next intervals. ISA lets the simulation say what load each
// interval really carries:
//   1. start from ample staffing;
//   2. simulate the day with s_k(i) agents in interval i (each pool answered by one group of
//      plain agents, no absence) and measure the offered load of each interval: the mean
//      number of agents busy, divided by the answer rate (the work abandoning callers would
//      have brought);
//   3. staff each interval for that load as a stationary queue with the interval's handle time
//      and patience (Erlang A or C, the targets as for sipp): s_{k+1}(i);
//   4. repeat until no interval changes by more than one agent (or the iterations run out).
// The answer is a time-varying staffing whose simulated performance is nearly the same in
// every interval: time-stable.
#include <vector>

#include "plan/requirements.hpp"
#include "sim/model/scenario.hpp"
#include "sim/replication_runner.hpp"

namespace ccsim::plan {

/// Simulates `s` with `need[pool][i]` plain agents in each interval and returns each
/// interval's service level and answer rate (all queues): what ISA iterates on, and how a
/// sipp staffing is checked for time stability.
struct staffing_check {
    std::vector<double> service_level, answer_rate, busy;  // busy: per pool... all pools summed
    std::vector<std::vector<double>> pool_busy;            // [pool][interval] mean agents busy
    std::vector<std::vector<double>> pool_answer_rate;     // [pool][interval]
};
staffing_check simulate_staffing(const sim::scenario& s, const requirements& need,
                                 const sim::run_options& run);

struct isa_options {
    sim::run_options run;  // replications per iteration, seed, threads
    int max_iterations = 10;
};

struct isa_result {
    requirements need;  // the final staffing, agents on the phones per pool and interval
    int iterations = 0;
    bool converged = false;
    staffing_check check;  // the final staffing simulated
};

isa_result isa_requirements(const sim::scenario& s, const interval_targets& targets,
                            const isa_options& options);

/// The spread of a figure over the open intervals that have one: the time-stability report.
struct stability {
    std::size_t intervals = 0;
    double min = 0.0, max = 0.0, mean = 0.0, sd = 0.0;
};
stability stability_of(const std::vector<double>& values);

}  // namespace ccsim::plan
