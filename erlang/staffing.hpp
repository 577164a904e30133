#pragma once
// Staffing: the least number of agents on the phones that meets every target given, and
// the agents to schedule once shrinkage (breaks, training, absence) takes its share.
#include <optional>

#include "core/duration.hpp"
#include "core/service_level.hpp"
#include "erlang/traffic.hpp"

namespace ccsim::erlang {

/// Any combination; every target given must hold. All are monotone in the agent count.
struct staffing_targets {
    std::optional<service_level_target> service_level;
    std::optional<double> answer_rate;    // answered / offered >= this
    std::optional<seconds> asa;           // mean wait of answered calls <= this
    std::optional<double> max_abandon;    // abandoned / offered <= this
    std::optional<double> max_occupancy;  // answered load / agents <= this

    bool empty() const {
        return !service_level && !answer_rate && !asa && !max_abandon && !max_occupancy;
    }
    /// Whether `m` meets every target.
    bool met_by(const queue_metrics& m) const;
    /// The smallest margin over the targets, on a log scale (log(1 - target) - log(1 - share)
    /// for shares, log(ceiling) - log(value) for ceilings), within [-50, 50]: >= 0 exactly
    /// when all targets are met.
    double slack(const queue_metrics& m) const;
};

struct staffing_options {
    seconds threshold{15.0};  // for reporting when no service level target is given
    double shrinkage = 0.0;   // share of paid time not on the phones, in [0, 1)
    bool fractional = false;  // also report the real-valued requirement
    long max_agents = 100000;
};

struct staffing_answer {
    long agents = 0;     // on the phones
    long scheduled = 0;  // ceil(agents / (1 - shrinkage))
    std::optional<double> fractional_agents;
    std::optional<double> fractional_scheduled;
    queue_metrics metrics;  // at `agents`, at the target's threshold
};

/// Throws domain_error for a load above limits::offered_load (or NaN): no count up to the
/// agent limit could serve it, and the searches stay short and free of overflow.
void check_offered_load(double load);

/// Agents to schedule for `on_phones` agents: ceil(on_phones / (1 - shrinkage)), immune to
/// the rounding of 14 / 0.7 to 20.000000000000004.
long scheduled_agents(double on_phones, double shrinkage);

/// Throws domain_error when no count up to options.max_agents meets the targets.
staffing_answer solve_staffing(const offered_traffic& traffic, const staffing_targets& targets,
                               const staffing_options& options);

/// The same, with the search starting near `guess` agents instead of at the Erlang C answer
/// (Erlang A) or the least stable count (Erlang C): for instance the previous interval's
/// answer carried over to this load (staffing_sequence does that). The answer does not
/// depend on the guess; a close one saves evaluations.
staffing_answer solve_staffing(const offered_traffic& traffic, const staffing_targets& targets,
                               const staffing_options& options, double guess);

}  // namespace ccsim::erlang
