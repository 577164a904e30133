#pragma once
// First attempts of one queue replayed from a call log: each traced call brings its own
// arrival time, handle time and (optionally) patience.
#include <limits>
#include <vector>

#include "sim/model/scenario.hpp"

namespace ccsim::sim {

class trace_arrivals {
  public:
    explicit trace_arrivals(const std::vector<traced_call>& trace) : trace_(&trace) {}

    /// Moves to the next traced call; its arrival time, or +infinity after the last.
    double next() {
        ++next_;
        return next_ < trace_->size() ? (*trace_)[next_].arrival.count()
                                      : std::numeric_limits<double>::infinity();
    }
    /// The call whose arrival next() returned last.
    const traced_call& current() const { return (*trace_)[next_]; }

  private:
    const std::vector<traced_call>* trace_;
    std::size_t next_ = static_cast<std::size_t>(-1);  // next() moves to 0 first
};

}  // namespace ccsim::sim
