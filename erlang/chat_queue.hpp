#pragma once
// The chat desk with a queue: n agents with k slots each, concurrency-dependent handle times,
// a FIFO queue and (optionally) exponential patience. Exact, from the chain over load
// profiles (chat_profile_chain.hpp) and the queue's closed form; docs/model.md, "Chat".
#include <vector>

#include "core/duration.hpp"
#include "erlang/chat_concurrency.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

struct chat_metrics {
    /// The waiting figures, as for a voice queue: p_wait (all slots taken on arrival),
    /// service_level (first response, i.e. assignment, within the threshold / offered),
    /// answer_rate, p_abandon, asa, mean_wait, queue_length. agents = n, load = lambda AHT
    /// (AHT of a chat alone), occupancy = slot_occupancy; stable is false without patience
    /// when lambda >= full_completion_rate.
    queue_metrics queue;
    int max_chats = 1;
    double blocking = 0.0;              // P(all slots taken) if chats were turned away instead
    double full_completion_rate = 0.0;  // R = n k / (AHT f(k)): chats ending per second
                                        // while all slots are taken
    double chats_in_service = 0.0;      // mean number of chats assigned to agents
    double busy_agents = 0.0;           // mean number of agents holding at least one chat
    double mean_concurrency = 0.0;      // chats_in_service / busy_agents: the chats an agent holds
                                        // while it holds any (NaN when nobody ever does)
    double slot_occupancy = 0.0;        // chats_in_service / (n k)
    double agent_occupancy = 0.0;       // busy_agents / n
    seconds mean_chat_duration{0.0};    // assignment to end, of answered chats (Little's law)
    std::vector<double> agent_shares;   // [j]: share of agent time holding j chats, j = 0..k
    long profiles = 0;                  // states of the chain solved
};

/// Every figure for `agents` >= 0 (0: nobody answers, as Erlang A / C with no agents).
/// Requires a valid concurrency (chat_concurrency::problem() empty). With `with_asa` false
/// and patience given, the ASA (a series) is left at zero, as in erlang_a_with_blocking.
/// Throws domain_error when the chain is too large (max_chat_profiles).
chat_metrics evaluate_chat(const offered_traffic& traffic, long agents,
                           const chat_concurrency& concurrency, seconds threshold,
                           bool with_asa = true);

/// Fills in c.queue.asa for figures computed with `with_asa` false (same traffic, agents and
/// concurrency).
void add_chat_asa(const offered_traffic& traffic, const chat_concurrency& concurrency,
                  chat_metrics& c);

}  // namespace ccsim::erlang
