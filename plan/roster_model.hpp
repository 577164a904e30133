#pragma once
// The shift-scheduling integer program and its answer.
//
// Variables (all whole numbers of agents):
//   y[c]       agents on candidate shift c (a template at a start on a day);
//   v[c][b][o] agents of c taking break b at its o-th allowed start (sum over o = y[c]: the
//              breaks are placed implicitly, per break, not per combination of breaks);
//   z[g][p]    people of group g working days-off pattern p (weekly tours): every day, the
//              shifts of g worked that day add up to the people whose pattern works it;
//   w[g][p][s] with the same start all week: people working pattern p on start s, and y the
//              sum of the w working that day;
//   o[c]       0/1, whether c is used, only where the handover rule needs it: two shifts of a
//              group on a day where one starts less than the handover before the other ends
//              (or exactly when it ends) may not both be used;
//   u[p][i]    (with shortfall allowed) the requirement of pool p left uncovered in interval i,
//              at a penalty.
// Coverage: in every open interval, for every pool, the agents on the phones (on shift and not
// on a break, an agent of a group with handle_time_factor f counting 1/f), plus the fixed
// rosters of the pool's unplanned groups, reach the requirement. Costs: per paid hour and per
// shift of each template.
#include <optional>
#include <vector>

#include "io/plan_settings.hpp"
#include "plan/candidates.hpp"
#include "plan/mip.hpp"
#include "plan/requirements.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::plan {

/// A days-off pattern of a planned group and the people working it.
struct tour_pattern {
    std::vector<bool> works;  // by horizon day
    // With the same start all week: the template and start index worked every day.
    std::optional<std::pair<std::size_t, std::size_t>> shift;
    int agents = 0;
};

struct model_request {
    const sim::scenario* scenario = nullptr;
    const io::plan_settings* settings = nullptr;
    const requirements* need = nullptr;      // on the phones, before shrinkage
    std::vector<std::vector<double>> raise;  // [pool][interval]: added by the correction
    bool allow_short = false;
    mip_options solver;
};

enum class plan_status { optimal, time_limit };

struct roster_solution {
    std::vector<candidate> candidates;
    std::vector<int> agents;                            // per candidate
    std::vector<std::vector<std::vector<int>>> breaks;  // [candidate][break][offset]
    std::vector<std::vector<tour_pattern>> patterns;    // [plan group] (weekly tours only)
    std::vector<std::vector<double>> required;          // [pool][interval] what coverage must reach
    std::vector<std::vector<double>> scheduled;  // [pool][interval] on the phones (equivalents)
    std::vector<std::vector<double>> shortfall;  // [pool][interval] left uncovered (allowed)
    double cost = 0.0;
    double paid_hours = 0.0;
    double lp_bound = 0.0;     // the LP relaxation's optimum
    double lower_bound = 0.0;  // the best bound the solver proved
    double gap = 0.0;          // (cost - lower_bound) / cost
    plan_status status = plan_status::optimal;
    double solve_seconds = 0.0;
    std::size_t variables = 0, constraints = 0;
    bool short_anywhere() const;
};

/// Intervals the rules cannot cover: thrown (a domain_error: exit 3) when no roster meets
/// every requirement; the message names the intervals and why.
class plan_infeasible : public domain_error {
  public:
    using domain_error::domain_error;
};

/// Builds and solves the program. Throws plan_infeasible when the rules leave an interval
/// under its requirement (unless shortfall is allowed), and domain_error when the solver
/// stops without any roster.
roster_solution solve_roster(const model_request& request);

/// The agents on the phones of each pool in each interval for a solution (equivalents, the
/// fixed rosters of unplanned groups included).
std::vector<std::vector<double>> coverage_of(const model_request& request,
                                             const roster_solution& solution);

}  // namespace ccsim::plan
