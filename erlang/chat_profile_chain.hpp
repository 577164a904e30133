#pragma once
// The chat desk without a waiting room: the Markov chain over agents' load profiles.
//
// n agents hold at most k chats each. A load profile (m_0, ..., m_k) counts the agents holding
// 0, 1, ..., k chats (sum n). Chats arrive at rate lambda and go to the least loaded agent with
// a free slot; each of the j chats of an agent ends at rate mu / f(j). In this loss system a
// chat that finds all n k slots taken is turned away. Its stationary distribution is the
// chat queue's (docs/model.md, "Chat"): watched only while some slot is free, or at the
// moment all become taken, the queue's chain is this one, because every excursion through
// the queue starts and ends in the full profile. So the queue needs no truncation.
#include <vector>

#include "core/duration.hpp"
#include "erlang/chat_concurrency.hpp"

namespace ccsim::erlang {

/// C(n + k, k): the number of load profiles of n agents with k slots, saturating at the
/// largest long.
long chat_profile_count(long agents, int max_chats);

/// The largest chain solved (about 100 bytes of memory per profile): 50 agents with 3 slots
/// have 23,426 profiles, 100 agents 176,851, 190 agents 1,179,616.
inline constexpr long max_chat_profiles = 1'500'000;

struct chat_profile_figures {
    long profiles = 0;    // states of the chain
    int iterations = 0;   // of the solver
    double blocking = 0;  // P(all n k slots taken): the loss system's blocking
    // Means over the loss system's time with at least one free slot:
    double chats = 0;                    // chats in service
    double busy_agents = 0;              // agents holding at least one chat
    double completion_rate = 0;          // chats ending per second
    std::vector<double> agents_holding;  // [j]: agents holding j chats, j = 0..k
};

struct chat_profile_chain_options {
    double tolerance = 1e-13;    // largest imbalance of a state's flows, relative to the largest
                                 // flow among the states with as many chats in service
    int max_iterations = 20000;  // 20 to 400 iterations are typical
};

/// The stationary figures of the loss system for agents >= 1, arrival_rate >= 0 (per second),
/// aht > 0 and a valid concurrency. Solved by iterative aggregation-disaggregation: the
/// total number of chats in service, aggregated, is a birth-death chain solved exactly; a
/// symmetric successive over-relaxation sweep over the profiles, in order of that total,
/// then corrects the distribution within each total. Converged when every state's inflow
/// and outflow agree to `tolerance` of the largest flow among the states with the same
/// total (rare totals as precise, relatively, as likely ones). Throws domain_error beyond
/// max_chat_profiles states or when the solver does not converge.
chat_profile_figures solve_chat_profile_chain(long agents, double arrival_rate, seconds aht,
                                              const chat_concurrency& concurrency,
                                              const chat_profile_chain_options& options = {});

}  // namespace ccsim::erlang
