#pragma once
// Erlang C (M/M/n): callers wait as long as it takes and are served first come, first served.
#include "core/duration.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

/// Erlang C probability of waiting given the Erlang B blocking for the same agents and load.
/// Requires agents > load.
double erlang_c_from_b(double blocking, double agents, double load);

/// All Erlang C figures for `agents` (real-valued allowed) and `load` Erlang. With
/// load >= agents the queue grows without bound: reported as unstable with p_wait 1,
/// service level 0, infinite waits and answer rate agents / load (the throughput share).
queue_metrics erlang_c(double load, double agents, seconds aht, seconds threshold);

/// The same from a known Erlang B value, so staffing walks can reuse it.
queue_metrics erlang_c_with_blocking(double load, double agents, double blocking, seconds aht,
                                     seconds threshold);

}  // namespace ccsim::erlang
