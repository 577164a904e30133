#include "erlang/back_office_staffing.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "core/saturated_count.hpp"
#include "erlang/staffing.hpp"

namespace ccsim::erlang {

namespace {

// The least whole n >= needed, forgiving rounding noise in a ratio that is a whole number.
long at_least(double needed) {
    return saturated_count(std::ceil(needed * (1.0 - 1e-12)));
}

}  // namespace

std::optional<long> back_office_agents(const back_office_work& work, back_office_order order) {
    if (work.items_per_day <= 0.0) return 0L;  // nothing arrives: nobody is needed
    const double needed = deadline_agents(work, order);
    if (!std::isfinite(needed)) return std::nullopt;
    return std::max(stable_agents(work), at_least(needed));
}

back_office_staffing_answer solve_back_office_staffing(const back_office_work& work,
                                                       back_office_order order, double shrinkage,
                                                       long max_agents) {
    back_office_staffing_answer answer;
    if (work.items_per_day <= 0.0) {
        answer.fifo_agents = 0;
        answer.figures = evaluate_back_office(work, 0.0);
        return answer;
    }
    const std::optional<long> edf = back_office_agents(work, back_office_order::edf);
    answer.fifo_agents = back_office_agents(work, back_office_order::fifo);
    const std::optional<long> chosen = order == back_office_order::fifo ? answer.fifo_agents : edf;
    if (!chosen)
        throw domain_error(
            "no staffing meets the deadlines: some work falls due before anyone is on shift "
            "(a deadline shorter than the time from an arrival to the next shift's start)");
    answer.stable_agents = stable_agents(work);
    answer.edf_agents = *edf;  // EDF meets whatever FIFO meets
    answer.agents = *chosen;
    if (answer.agents > max_agents)
        throw domain_error(fmt::format("no staffing up to {} agents meets the deadlines (needs {})",
                                       max_agents, answer.agents));
    answer.scheduled = scheduled_agents(static_cast<double>(answer.agents), shrinkage);
    answer.figures = evaluate_back_office(work, static_cast<double>(answer.agents));
    return answer;
}

}  // namespace ccsim::erlang
