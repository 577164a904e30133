#pragma once
// M/M/n+G: Poisson arrivals, exponential handle times, n agents and patience of any
// distribution (Erlang A is the exponential case). Exact (Baccelli & Hebuterne 1981; Zeltyn &
// Mandelbaum 2005, "Call centers with impatient customers: many-server asymptotics of the
// M/M/n+G queue"): with H(x) = integral_0^x S(u) du, S the survival function of patience, the
// offered wait V (what a caller with infinite patience would wait) has an atom at 0 and the
// density
//     f(x) = lambda pi_{n-1} exp(lambda H(x) - n mu x),   x > 0,
// pi_{n-1} the probability of n - 1 busy agents. A caller abandons when V > his patience, so
// every figure is an integral of f against S, 1 - S or H, done here numerically (adaptive
// Gauss-Kronrod, H accumulated along the way). Derivation in docs/model.md.
#include <functional>
#include <vector>

#include "core/duration.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

/// A patience distribution by its survival function.
struct patience_survival {
    std::function<double(double)> survival;  // P(patience > t) for t >= 0, non-increasing
    seconds mean{0.0};                       // E[patience] (finite, > 0)
    std::vector<double> jumps;  // times (s) where survival jumps (deterministic patience)
};

/// The exponential (Erlang A's), the deterministic and the Weibull (shape k > 0) patience.
patience_survival exponential_patience(seconds mean);
patience_survival deterministic_patience(seconds patience);
patience_survival weibull_patience(seconds mean, double shape);

/// All figures for `agents` >= 0 agents; traffic.patience is ignored (the patience is given).
/// Every share is accurate to about 1e-10.
queue_metrics erlang_a_general(double calls_per_second, seconds aht, long agents,
                               const patience_survival& patience, seconds threshold);

}  // namespace ccsim::erlang
