#pragma once
// First attempts of one queue as a non-homogeneous Poisson process whose rate is constant
// within each interval. Sampled exactly by inverting the cumulative intensity: each gap is one
// Exp(1) draw spent across as many intervals as it takes, so rate changes (and intervals with
// no calls, such as closed nights) are crossed without approximation.
#include <limits>
#include <vector>

#include "core/duration.hpp"
#include "sim/engine/random_streams.hpp"

namespace ccsim::sim {

class poisson_arrivals {
  public:
    /// `calls[i]` expected calls in [start + i * interval, start + (i + 1) * interval), each
    /// times `factors[i]` (the busyness of the interval's day), preceded by a warm-up of
    /// `warmup` at interval 0's rate.
    poisson_arrivals(const std::vector<double>& calls, seconds start, seconds interval,
                     seconds warmup, const std::vector<double>& factors);

    /// The next arrival time, or +infinity once the last interval has passed.
    double next(random_engine& engine);

  private:
    struct segment {
        double end;
        double rate;  // calls per second
    };
    std::vector<segment> segments_;
    std::size_t current_ = 0;
    double now_;
};

}  // namespace ccsim::sim
