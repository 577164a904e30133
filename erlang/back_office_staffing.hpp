#pragma once
// Back-office staffing for deadlines: the least agents on the shift with whom the backlog
// stays bounded and the fluid meets every deadline (back_office_fluid.hpp).
#include <optional>

#include "erlang/back_office_fluid.hpp"

namespace ccsim::erlang {

struct back_office_staffing_answer {
    long agents = 0;                  // on the shift, every day
    long scheduled = 0;               // ceil(agents / (1 - shrinkage))
    long stable_agents = 0;           // the least with a bounded backlog
    std::optional<long> fifo_agents;  // the least meeting every deadline with FIFO (and
                                      // stable); none: no staffing can
    long edf_agents = 0;              // ... with earliest deadline first
    back_office_figures figures;      // at `agents`
};

/// The least whole n that is stable and meets every deadline under `order` (the fluid);
/// none when no staffing can meet them.
std::optional<long> back_office_agents(const back_office_work& work, back_office_order order);

/// The least whole n that is stable and meets the deadlines under `order`; the other order's
/// answer beside it. Throws domain_error when the deadlines cannot be met whatever the
/// staffing (work due before anyone is on shift) or when the answer exceeds max_agents.
back_office_staffing_answer solve_back_office_staffing(const back_office_work& work,
                                                       back_office_order order, double shrinkage,
                                                       long max_agents);

}  // namespace ccsim::erlang
