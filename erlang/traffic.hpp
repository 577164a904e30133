#pragma once
// What a queue is offered, and every figure the closed forms report about it.
#include <limits>
#include <optional>

#include "core/duration.hpp"

namespace ccsim::erlang {

/// Calls offered to one queue: Poisson arrivals, exponential handle times and, when
/// `patience` is set, exponential patience (Erlang A); without it nobody hangs up (Erlang C).
struct offered_traffic {
    double calls_per_second = 0.0;
    seconds aht{0.0};
    std::optional<seconds> patience;

    /// `calls` arriving over `interval`.
    static offered_traffic from_volume(double calls, seconds interval, seconds aht,
                                       std::optional<seconds> patience = std::nullopt);

    /// Offered load in Erlang: arrival rate times mean handle time.
    double load() const { return calls_per_second * aht.count(); }
};

/// Every figure for one staffing level. Rates are fractions of offered calls. A figure with
/// nothing to measure is NaN: shares of offered calls when none are offered, the service
/// level of answered calls and the ASA when none are answered.
struct queue_metrics {
    double agents = 0.0;
    double load = 0.0;
    bool stable = true;                   // false only for Erlang C with load >= agents
    double p_wait = 0.0;                  // P(an arriving call finds no free agent)
    double service_level = 0.0;           // answered within the threshold / offered
    double service_level_answered = 0.0;  // answered within the threshold / answered
    double answer_rate = 1.0;             // answered / offered
    double p_abandon = 0.0;               // abandoned / offered
    seconds asa{0.0};                     // mean wait of answered calls
    seconds mean_wait{0.0};     // mean wait of all callers, abandoners included (Lq / lambda)
    double queue_length = 0.0;  // mean number waiting (Lq)
    double occupancy = 0.0;     // answered load / agents
    seconds threshold{0.0};     // the threshold the service levels refer to
};

/// Nothing offered: nobody waits, and shares of offered calls (and the ASA) are undefined.
inline void set_nothing_offered(queue_metrics& m) {
    constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
    m.p_wait = 0.0;
    m.service_level = m.service_level_answered = m.answer_rate = m.p_abandon = undefined;
    m.asa = seconds{undefined};
}

/// Erlang C when the traffic has no patience, Erlang A when it has.
queue_metrics evaluate(const offered_traffic& traffic, double agents, seconds threshold);

}  // namespace ccsim::erlang
