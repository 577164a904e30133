#pragma once
// Chat staffing: the least agents (with k slots each) meeting every target, by the exact
// chat model (chat_queue.hpp).
#include "erlang/chat_concurrency.hpp"
#include "erlang/chat_queue.hpp"
#include "erlang/staffing.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

struct chat_staffing_answer {
    long agents = 0;       // logged in to chat
    long scheduled = 0;    // ceil(agents / (1 - shrinkage))
    chat_metrics metrics;  // at `agents`, at the target's threshold
};

/// The least whole n meeting `targets` (service level = first response within T; answer
/// rate; ASA; abandonment; max_occupancy caps the slot occupancy). Found by the staffing
/// search of least_meeting.hpp, started from the agents_as_servers shortcut's answer; settled
/// by exact evaluations at n (meets) and n - 1 (fails). options.fractional is ignored: the
/// chain has whole agents only. Throws domain_error when no n up to options.max_agents
/// (or up to the largest chain solved, max_chat_profiles) meets the targets.
chat_staffing_answer solve_chat_staffing(const offered_traffic& traffic,
                                         const chat_concurrency& concurrency,
                                         const staffing_targets& targets,
                                         const staffing_options& options);

}  // namespace ccsim::erlang
