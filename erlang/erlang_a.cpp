#include "erlang/erlang_a.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <cassert>
#include <cmath>
#include <limits>

#include "erlang/erlang_b.hpp"
#include "erlang/queue_tail.hpp"

namespace ccsim::erlang {

namespace {

// Everything below works in "patience units": s = theta * t, x = n mu / theta,
// y = lambda / theta. A caller who finds k others waiting is served with probability
// x / (x + k + 1); summing over k gives, for the share of offered calls that wait and are
// answered only after s,
//   late(s) = p_wait * x / (x + 1) * exp(y (1 - e^-s) - (x + 1) s) * A(x + 1, y e^-s) / A(x, y)
//           = p_wait * (x / y) * P(x + 1, y e^-s) / P(x, y)
// with P the regularised lower incomplete gamma function. The second form needs one more
// incomplete gamma value; the first (log space) serves where P(x, y) underflows.
class late_answers {
  public:
    late_answers(double x, double y, double p_wait, const queue_tail& tail)
        : x_(x), y_(y), p_wait_(p_wait), tail_(tail) {}

    double operator()(double s) const {
        if (p_wait_ == 0.0) return 0.0;
        const double z = y_ * std::exp(-s);
        if (tail_.lower_gamma > 1e-250)
            return p_wait_ * (x_ / y_) * regularised_lower_gamma(x_ + 1.0, z) / tail_.lower_gamma;
        const double exponent = -y_ * std::expm1(-s) - (x_ + 1.0) * s +
                                abandonment_queue_tail(x_ + 1.0, z).log_mass - tail_.log_mass;
        return p_wait_ * x_ / (x_ + 1.0) * std::exp(exponent);
    }

  private:
    double x_, y_, p_wait_;
    const queue_tail& tail_;
};

// E[wait; served | must wait] in patience units. A caller who finds k waiting passes k + 1
// stages with rates x + k + 1, ..., x + 1 (agents freeing up or callers ahead hanging up,
// plus its own patience); whichever clock rings, the stage times are the same, so
//   E[wait; served | k] = x / (x + k + 1) * sum_{j=1..k+1} 1 / (x + j).
// The sum over k (weights t_k / A) runs outward from the most likely queue length until the
// weights fall below 1e-20 of the mode's, so it costs O(sqrt(y)) terms at worst.
double served_wait_given_wait(double x, double y) {
    const double mode = std::max(0.0, std::floor(y - x));
    const double harmonic_at_mode =  // sum_{j=1..mode+1} 1/(x+j)
        boost::math::digamma(x + mode + 2.0) - boost::math::digamma(x + 1.0);
    constexpr double negligible = 1e-18;  // relative to the mode's weight
    double weight_sum = 0.0, total = 0.0;
    // Upward from the mode, then downward; one division per term.
    double weight = 1.0, harmonic = harmonic_at_mode;
    double inverse = 1.0 / (x + mode + 1.0);  // 1 / (x + k + 1)
    for (double k = mode; weight > negligible; k += 1.0) {
        weight_sum += weight;
        total += weight * x * inverse * harmonic;
        weight *= y * inverse;
        inverse = 1.0 / (x + k + 2.0);
        harmonic += inverse;
    }
    weight = 1.0, harmonic = harmonic_at_mode;
    for (double k = mode - 1.0; k >= 0.0; k -= 1.0) {
        inverse = 1.0 / (x + k + 1.0);
        weight *= (x + k + 1.0) / y;
        harmonic -= 1.0 / (x + k + 2.0);
        if (weight <= negligible) break;
        weight_sum += weight;
        total += weight * x * inverse * harmonic;
    }
    return total / weight_sum;
}

}  // namespace

queue_metrics erlang_a_with_blocking(const offered_traffic& traffic, double agents, double blocking,
                                     seconds threshold, bool with_asa) {
    assert(traffic.patience && agents >= 0.0);
    const double patience = traffic.patience->count();
    const double aht = traffic.aht.count();
    const double lambda = traffic.calls_per_second;

    queue_metrics m;
    m.agents = agents;
    m.load = traffic.load();
    m.threshold = threshold;
    constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
    if (lambda == 0.0) {  // nothing offered: shares of offered calls are undefined
        m.p_wait = 0.0;
        m.service_level = m.service_level_answered = m.answer_rate = m.p_abandon = undefined;
        m.asa = seconds{undefined};
        return m;
    }
    if (agents == 0.0) {  // everyone waits until they give up; nobody is answered
        m.p_wait = 1.0;
        m.answer_rate = m.service_level = 0.0;
        m.service_level_answered = undefined;
        m.asa = seconds{undefined};
        m.p_abandon = 1.0;
        m.mean_wait = *traffic.patience;
        m.queue_length = lambda * patience;
        return m;
    }

    const double x = agents * patience / aht;
    const double y = lambda * patience;
    const queue_tail tail = abandonment_queue_tail(x, y);

    // P(wait) = E A / (1 + E (A - 1)) with E = Erlang B, written to survive A ~ 1e300.
    double p_wait = 0.0;
    if (blocking >= 1.0) {
        p_wait = 1.0;
    } else if (blocking > 0.0) {
        p_wait = 1.0 / (1.0 + std::exp(std::log1p(-blocking) - std::log(blocking) - tail.log_mass));
    }
    m.p_wait = p_wait;
    m.p_abandon = p_wait * tail.abandon_given_wait;
    m.answer_rate = (1.0 - p_wait) + p_wait * tail.served_given_wait;
    m.mean_wait = seconds{m.p_abandon * patience};  // abandonment rate theta Lq = lambda P(ab)
    m.queue_length = lambda * m.mean_wait.count();
    m.occupancy = m.load * m.answer_rate / agents;

    const late_answers late(x, y, p_wait, tail);
    const double s_threshold = threshold.count() / patience;
    m.service_level = std::max(0.0, m.answer_rate - late(s_threshold));
    m.service_level_answered = m.answer_rate > 0.0 ? m.service_level / m.answer_rate : 0.0;

    if (with_asa) add_erlang_a_asa(traffic, m);
    return m;
}

void add_erlang_a_asa(const offered_traffic& traffic, queue_metrics& m) {
    if (!(m.p_wait > 0.0 && m.answer_rate > 0.0 && m.agents > 0.0)) return;
    const double patience = traffic.patience->count();
    const double x = m.agents * patience / traffic.aht.count();
    const double y = traffic.calls_per_second * patience;
    m.asa = seconds{m.p_wait * served_wait_given_wait(x, y) * patience / m.answer_rate};
}

queue_metrics erlang_a(const offered_traffic& traffic, double agents, seconds threshold) {
    return erlang_a_with_blocking(traffic, agents, erlang_b(agents, traffic.load()), threshold);
}

}  // namespace ccsim::erlang
