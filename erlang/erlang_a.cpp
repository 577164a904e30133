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
// Weighted by t_k / A, and as x t_k / (x + k + 1) = (x / y) t_{k+1}, the mean is
//   (x / y) * sum_{j>=1} t_j H_j / sum_{j>=0} t_j,   H_j = sum_{i=1..j} 1 / (x + i):
// one pass upward, one division per term. The terms rise up to the most likely queue length
// m = floor(y - x) and fall after it. Stepping down from m, each step divides by
// y / (x + j) >= exp((m - j) / y), so d steps below m they are under e^-46 of t_m once
// d (d - 1) >= 92 y: the pass starts there (at 0 unless y - x > sqrt(92 y)) and runs until the
// terms fall below 1e-18 of the largest. O(sqrt(y)) terms at worst.
double served_wait_given_wait(double x, double y) {
    const double mode = std::max(0.0, std::floor(y - x));
    const double first = std::max(0.0, mode - std::ceil(std::sqrt(92.0 * y)) - 1.0);
    double harmonic =  // H_first
        first > 0.0 ? boost::math::digamma(x + first + 1.0) - boost::math::digamma(x + 1.0) : 0.0;
    constexpr double negligible = 1e-18;
    double weight = 1.0, largest = 1.0, weight_sum = 0.0, total = 0.0;
    for (double k = first; weight > negligible * largest;) {
        weight_sum += weight;
        total += weight * harmonic;
        k += 1.0;
        const double inverse = 1.0 / (x + k);
        weight *= y * inverse;
        harmonic += inverse;
        largest = std::max(largest, weight);
    }
    return (x / y) * total / weight_sum;
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
    if (lambda == 0.0) {  // nothing offered
        set_nothing_offered(m);
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

    // P(wait) = E A / (1 + E (A - 1)) = E / (E + (1 - E) / A) with E = Erlang B; in log space
    // where 1 / A underflows (A beyond 1e290).
    double p_wait = 0.0;
    if (blocking >= 1.0) {
        p_wait = 1.0;
    } else if (blocking > 0.0 && tail.inverse_mass > 1e-290) {
        p_wait = blocking / (blocking + (1.0 - blocking) * tail.inverse_mass);
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
