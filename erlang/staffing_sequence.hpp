#pragma once
// Staffing the intervals of a forecast one after another: each search starts where the
// previous interval's answer, carried over to the new load, points.
#include <optional>

#include "erlang/staffing.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

/// Solves staffing problems with the same targets and options in order. Neighbouring
/// intervals have alike loads, and the least staffing grows with the load as
///   floor x load + c x sqrt(load)
/// (floor: the share of offered calls the targets require answered, below which no count can
/// meet them, or 1 for Erlang C and targets without such a share; c varies slowly), so c is
/// carried over from the previous answer to guess the next. Near guesses settle most
/// intervals in two evaluations. The answers are solve_staffing's, whatever the order.
class staffing_sequence {
  public:
    staffing_sequence(const staffing_targets& targets, const staffing_options& options)
        : targets_(targets), options_(options) {}

    staffing_answer solve(const offered_traffic& traffic);

  private:
    struct solved {
        double load;
        long agents;
        bool erlang_a;  // a guess carries over between problems of the same model only
    };
    staffing_targets targets_;
    staffing_options options_;
    std::optional<solved> previous_;
};

}  // namespace ccsim::erlang
