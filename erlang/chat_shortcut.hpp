#pragma once
// The common shortcut for chat staffing: a voice formula (Erlang C, or Erlang A with
// patience) fed a handle time adjusted for concurrency. Computed beside the exact chat model
// to show how far it mis-staffs (docs/validation.md); it is not the chat model.
#include "core/duration.hpp"
#include "erlang/chat_concurrency.hpp"
#include "erlang/staffing.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

enum class chat_shortcut {
    // "AHT divided by the concurrency": n servers, handle time AHT f(k) / k. Exact for k = 1.
    agents_as_servers,
    // The naive form: n servers, handle time AHT / k, as if k chats took no longer together
    // than one alone. Exact for k = 1 only (with factors 1 the desk is M/M/(n k), not M/M/n
    // with k times faster servers).
    alone_over_slots,
    // Every slot a server with the stretched handle time: n k servers, handle time AHT f(k).
    // Exact when every factor is 1 (M/M/(n k)).
    slots_as_servers,
};

/// The voice traffic the shortcut puts in place of the chats (same arrivals and patience).
offered_traffic chat_shortcut_traffic(const offered_traffic& traffic,
                                      const chat_concurrency& concurrency, chat_shortcut kind);

/// The servers the shortcut counts for n agents: n, or n k (slots_as_servers).
double chat_shortcut_servers(long agents, const chat_concurrency& concurrency, chat_shortcut kind);

/// The shortcut's figures for `agents`; agents in the result is n, not the server count.
queue_metrics evaluate_chat_shortcut(const offered_traffic& traffic, long agents,
                                     const chat_concurrency& concurrency, chat_shortcut kind,
                                     seconds threshold);

/// The least agents the shortcut says meet the targets (slots_as_servers: the least n whose
/// n k servers do). Throws domain_error as solve_staffing does.
staffing_answer solve_chat_shortcut_staffing(const offered_traffic& traffic,
                                             const chat_concurrency& concurrency,
                                             chat_shortcut kind, const staffing_targets& targets,
                                             const staffing_options& options);

}  // namespace ccsim::erlang
