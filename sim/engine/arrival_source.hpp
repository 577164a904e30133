#pragma once
// Where a queue's first attempts come from: a Poisson process per interval, or a trace of a
// real log. One variant per queue, visited once per first attempt (no virtual call).
#include <variant>

#include "sim/engine/poisson_arrivals.hpp"
#include "sim/engine/trace_arrivals.hpp"

namespace ccsim::sim {

class arrival_source {
  public:
    explicit arrival_source(poisson_arrivals poisson) : source_(std::move(poisson)) {}
    explicit arrival_source(trace_arrivals trace) : source_(trace) {}

    /// The next first attempt's arrival time, +infinity when there are no more.
    double next(random_engine& engine) {
        if (auto* poisson = std::get_if<poisson_arrivals>(&source_)) return poisson->next(engine);
        return std::get<trace_arrivals>(source_).next();
    }

    /// For a trace, the call whose arrival next() returned last; nullptr for Poisson arrivals,
    /// whose handle times and patience are drawn.
    const traced_call* traced() const {
        const auto* trace = std::get_if<trace_arrivals>(&source_);
        return trace ? &trace->current() : nullptr;
    }

  private:
    std::variant<poisson_arrivals, trace_arrivals> source_;
};

}  // namespace ccsim::sim
