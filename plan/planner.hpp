#pragma once
// The planner: requirements per interval (Erlang per interval or the iterative staffing
// algorithm), the least-cost roster meeting them (the integer program), then verification by
// simulation and correction: where an interval's simulated service level or answer rate falls
// short of its target, its requirement rises by one agent and the program is solved again,
// until every open interval meets the targets in the simulated mean or the rounds run out.
// Every round is reported. The library prints nothing: progress goes to an observer.
#include <optional>
#include <string>
#include <vector>

#include "core/estimate.hpp"
#include "io/plan_settings.hpp"
#include "plan/planned_roster.hpp"
#include "plan/requirements.hpp"
#include "plan/roster_model.hpp"
#include "sim/model/scenario.hpp"
#include "sim/replication_runner.hpp"

namespace ccsim::plan {

struct plan_options {
    std::optional<io::requirement_method> method;  // instead of the file's
    std::optional<double> time_limit_seconds;      // instead of the file's
    bool allow_short = false;  // a roster minimising penalised shortfall instead of no answer
    sim::run_options run;      // verification: replications, seed, threads
    double confidence = 0.95;
};

/// One interval of the final plan, all queues of its pool together.
struct interval_check {
    std::size_t interval = 0;
    std::size_t pool = 0;
    double required = 0.0;   // agents on the phones the program had to reach (equivalents)
    double scheduled = 0.0;  // agents on the phones in the roster (equivalents)
    double shortfall = 0.0;  // left uncovered (only with shortfall allowed)
    double raised = 0.0;     // added to the requirement by the correction rounds
    std::optional<estimate> service_level;  // simulated, all queues of the pool
    std::optional<estimate> answer_rate;
    bool met = true;  // every queue of the pool meets every target in the simulated mean
};

/// A round: a roster solved and simulated.
struct plan_round {
    int round = 1;
    double cost = 0.0;
    double lower_bound = 0.0;
    double gap = 0.0;
    double solve_seconds = 0.0;
    double simulate_seconds = 0.0;
    std::size_t intervals_open = 0;
    std::size_t intervals_short = 0;  // open intervals not meeting the targets
    std::optional<std::size_t> worst_interval;
    std::optional<double> worst_service_level, worst_answer_rate;
    double raised = 0.0;  // total requirement added before this round, agent-intervals
};

class plan_observer {
  public:
    virtual ~plan_observer() = default;
    virtual void requirements_ready(const requirements&) {}
    virtual void round_solved(const plan_round&) {}    // cost known, not yet simulated
    virtual void round_finished(const plan_round&) {}  // simulated
};

struct plan_result {
    io::plan_settings settings;
    requirements need;                       // before the correction
    std::vector<std::vector<double>> raise;  // [pool][interval] added by the correction
    roster_solution solution;
    planned_roster roster;
    sim::scenario roster_model;  // the scenario with the planned roster
    std::vector<plan_round> rounds;
    std::vector<interval_check> intervals;  // open intervals of planned pools
    sim::run_options run;
    std::size_t isa_iterations = 0;    // with isa requirements
    std::optional<double> naive_cost;  // the first round's requirements, peak all day
    bool met_everywhere() const;
};

/// Plans `s` by `settings`. Throws plan_infeasible (no roster covers every interval),
/// domain_error (requirements that cannot be met, a solver that found nothing in time).
plan_result make_plan(const sim::scenario& s, const io::plan_settings& settings,
                      const plan_options& options, plan_observer* observer = nullptr);

}  // namespace ccsim::plan
