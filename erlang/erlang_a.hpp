#pragma once
// Erlang A (M/M/n+M): Poisson arrivals, exponential handle times, exponential patience.
// Exact closed forms (Palm; Garnett, Mandelbaum & Reiman 2002; Mandelbaum & Zeltyn 2007);
// derivations are in docs/model.md.
#include "core/duration.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

/// All figures for `agents` (real-valued allowed, >= 0). Requires traffic.patience.
/// Always stable: callers who wait too long hang up.
queue_metrics erlang_a(const offered_traffic& traffic, double agents, seconds threshold);

/// The same from a known Erlang B value B(agents, load), so staffing walks can reuse it.
/// With `with_asa` false the mean wait of answered calls (a series of O(sqrt(load)) terms,
/// the one figure without a closed form) is left at zero.
queue_metrics erlang_a_with_blocking(const offered_traffic& traffic, double agents, double blocking,
                                     seconds threshold, bool with_asa = true);

/// Fills in m.asa for metrics computed without it (same traffic and agents).
void add_erlang_a_asa(const offered_traffic& traffic, queue_metrics& m);

}  // namespace ccsim::erlang
