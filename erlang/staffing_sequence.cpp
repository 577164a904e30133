#include "erlang/staffing_sequence.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::erlang {

namespace {

// Agents per Erlang that the targets need at least, as the load grows: Erlang C needs more
// agents than the load (and load / occupancy ceiling); Erlang A answers at most n / a of the
// calls, so an answer-rate target or a service level over offered calls sets the share.
double floor_share(const staffing_targets& targets, bool erlang_a) {
    if (!erlang_a) return targets.max_occupancy ? std::max(1.0, 1.0 / *targets.max_occupancy) : 1.0;
    double share = targets.answer_rate.value_or(0.0);
    if (targets.service_level && targets.service_level->basis == service_level_basis::offered)
        share = std::max(share, targets.service_level->fraction);
    return share > 0.0 ? share : 1.0;
}

}  // namespace

staffing_answer staffing_sequence::solve(const offered_traffic& traffic) {
    const double load = traffic.load();
    const bool erlang_a = traffic.patience.has_value();
    staffing_answer answer;
    if (previous_ && previous_->erlang_a == erlang_a && load > 0.0) {
        // The previous requirement lay between its answer and one agent fewer: take the middle.
        const double floor = floor_share(targets_, erlang_a);
        const double excess =
            static_cast<double>(previous_->agents) - 0.5 - floor * previous_->load;
        const double guess = floor * load + excess * std::sqrt(load / previous_->load);
        answer = solve_staffing(traffic, targets_, options_, guess);
    } else {
        answer = solve_staffing(traffic, targets_, options_);
    }
    if (load > 0.0) previous_ = solved{load, answer.agents, erlang_a};
    return answer;
}

}  // namespace ccsim::erlang
