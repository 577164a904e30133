#include "erlang/chat_queue.hpp"

#include <cassert>
#include <cmath>
#include <limits>

#include "erlang/chat_profile_chain.hpp"
#include "erlang/erlang_a.hpp"
#include "erlang/erlang_c.hpp"

namespace ccsim::erlang {

chat_metrics evaluate_chat(const offered_traffic& traffic, long agents,
                           const chat_concurrency& concurrency, seconds threshold, bool with_asa) {
    assert(agents >= 0 && concurrency.problem().empty());
    constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
    const int k = concurrency.max_chats;
    const double n = static_cast<double>(agents);
    const double slots = n * k;
    chat_metrics c;
    c.max_chats = k;
    c.agent_shares.assign(static_cast<std::size_t>(k + 1), 0.0);
    if (agents == 0) {  // nobody to answer: the voice formulas' own answer
        c.queue = evaluate(traffic, 0.0, threshold);
        c.blocking = 1.0;
        c.mean_concurrency = c.slot_occupancy = c.agent_occupancy = undefined;
        c.mean_chat_duration = seconds{undefined};
        c.agent_shares.assign(c.agent_shares.size(), undefined);
        return c;
    }

    const chat_profile_figures free =
        solve_chat_profile_chain(agents, traffic.calls_per_second, traffic.aht, concurrency);
    c.profiles = free.profiles;
    c.blocking = free.blocking;
    c.full_completion_rate = slots / (traffic.aht.count() * concurrency.full_factor());

    // While all slots are taken, chats end at rate R whatever the queue, and each ending lets
    // the longest-waiting chat in: the queue is Erlang A's (Erlang C's) with n mu replaced by
    // R. Their formulas take R through n k / f(k) "agents" of the same AHT.
    const double equivalent_agents = slots / concurrency.full_factor();
    if (traffic.patience)
        c.queue =
            erlang_a_with_blocking(traffic, equivalent_agents, free.blocking, threshold, with_asa);
    else
        c.queue = erlang_c_with_blocking(traffic.load(), equivalent_agents, free.blocking,
                                         traffic.aht, threshold);

    // Time averages: with probability p_wait all slots are taken (PASTA), otherwise the
    // profile is distributed as in the loss system given a free slot.
    const double full = c.queue.p_wait;
    auto mix = [&](double given_free, double when_full) {
        return full >= 1.0 ? when_full : (1.0 - full) * given_free + full * when_full;
    };
    c.chats_in_service = mix(free.chats, slots);
    c.busy_agents = mix(free.busy_agents, n);
    for (int j = 0; j <= k; ++j) {
        const auto uj = static_cast<std::size_t>(j);
        c.agent_shares[uj] = mix(free.agents_holding[uj], j == k ? n : 0.0) / n;
    }
    c.mean_concurrency = c.busy_agents > 0.0 ? c.chats_in_service / c.busy_agents : undefined;
    c.slot_occupancy = c.chats_in_service / slots;
    c.agent_occupancy = c.busy_agents / n;
    const double answered_per_second = traffic.calls_per_second * c.queue.answer_rate;
    c.mean_chat_duration = answered_per_second > 0.0
                               ? seconds{c.chats_in_service / answered_per_second}
                               : seconds{undefined};

    c.queue.agents = n;
    c.queue.occupancy = c.slot_occupancy;
    return c;
}

void add_chat_asa(const offered_traffic& traffic, const chat_concurrency& concurrency,
                  chat_metrics& c) {
    if (!traffic.patience || c.queue.agents == 0.0) return;  // Erlang C's ASA is always there
    queue_metrics equivalent = c.queue;
    equivalent.agents = c.queue.agents * concurrency.max_chats / concurrency.full_factor();
    add_erlang_a_asa(traffic, equivalent);
    c.queue.asa = equivalent.asa;
}

}  // namespace ccsim::erlang
