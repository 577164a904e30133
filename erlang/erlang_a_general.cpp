#include "erlang/erlang_a_general.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>

#include "erlang/erlang_b.hpp"

namespace ccsim::erlang {

namespace {

// Gauss-Kronrod 7-15 (QUADPACK's qk15): the Kronrod nodes on [0, 1] (x[1], x[3], x[5], x[7]
// are the Gauss nodes), their weights, and the Gauss weights.
constexpr std::array<double, 8> kronrod_x{
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.0};
constexpr std::array<double, 8> kronrod_w{
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
constexpr std::array<double, 4> gauss_w{
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

// The integral of f over [a, b] by the 7-point Gauss rule.
template <class F>
double gauss7(const F& f, double a, double b) {
    const double mid = 0.5 * (a + b), half = 0.5 * (b - a);
    double sum = gauss_w[3] * f(mid);
    for (std::size_t j = 0; j < 3; ++j) {
        const double x = half * kronrod_x[2 * j + 1];
        sum += gauss_w[j] * (f(mid - x) + f(mid + x));
    }
    return sum * half;
}

// What is integrated against the offered wait's density (up to its constant):
// w, (1 - S) w, S w for waits within the threshold, H w, x S w.
enum figure { mass, abandon, served_in_time, wait, served_wait, figure_count };
using sums = std::array<double, figure_count>;

// Integrates w(x) = exp(lambda H(x) - n mu x - shift) times each figure's factor along
// [0, end], left to right so that H is known at each piece's start; a piece is halved until
// its Gauss and Kronrod estimates agree to the tolerances.
class offered_wait_integrals {
  public:
    offered_wait_integrals(double lambda, double rate, double shift, double threshold,
                           const std::function<double(double)>& survival, sums tolerance,
                           double h_tolerance)
        : lambda_(lambda),
          rate_(rate),
          shift_(shift),
          threshold_(threshold),
          survival_(survival),
          tolerance_(tolerance),
          h_tolerance_(h_tolerance) {}

    /// Adds [a, b] (no jump of S and not the threshold inside) to the totals; returns H(b).
    double add(double a, double b, double h_a, int depth = 0) {
        const double mid = 0.5 * (a + b), half = 0.5 * (b - a);
        std::array<double, 15> x{}, s{};
        for (std::size_t i = 0; i < 8; ++i) {
            x[i] = mid - half * kronrod_x[i];
            x[14 - i] = mid + half * kronrod_x[i];
        }
        for (std::size_t i = 0; i < 15; ++i) s[i] = survival_(x[i]);
        const bool in_time = b <= threshold_;
        sums kronrod{}, gauss{};
        double h_kronrod = 0.0, h_gauss = 0.0;
        for (std::size_t i = 0; i < 15; ++i) {
            const std::size_t k = i < 8 ? i : 14 - i;  // index of the node's weights
            const double h = h_a + gauss7(survival_, a, x[i]);
            const double w = std::exp(lambda_ * h - rate_ * x[i] - shift_);
            const sums f{w, (1.0 - s[i]) * w, in_time ? s[i] * w : 0.0, h * w, x[i] * s[i] * w};
            for (std::size_t j = 0; j < figure_count; ++j) kronrod[j] += kronrod_w[k] * f[j];
            h_kronrod += kronrod_w[k] * s[i];
            if (k % 2 == 1) {
                for (std::size_t j = 0; j < figure_count; ++j) gauss[j] += gauss_w[k / 2] * f[j];
                h_gauss += gauss_w[k / 2] * s[i];
            }
        }
        bool accurate = std::abs(h_kronrod - h_gauss) * half <= h_tolerance_;
        for (std::size_t j = 0; j < figure_count; ++j)
            accurate = accurate && std::abs(kronrod[j] - gauss[j]) * half <= tolerance_[j];
        if (!accurate && depth < 60) return add(mid, b, add(a, mid, h_a, depth + 1), depth + 1);
        for (std::size_t j = 0; j < figure_count; ++j) totals[j] += kronrod[j] * half;
        return h_a + h_kronrod * half;
    }

    sums totals{};

  private:
    double lambda_, rate_, shift_, threshold_;
    const std::function<double(double)>& survival_;
    sums tolerance_;
    double h_tolerance_;
};

// H(x) roughly (64 Gauss pieces between the jumps): enough for a shift against overflow.
double rough_h(const patience_survival& p, double x) {
    std::vector<double> cuts{0.0};
    for (double j : p.jumps)
        if (j > 0.0 && j < x) cuts.push_back(j);
    cuts.push_back(x);
    std::sort(cuts.begin(), cuts.end());
    double h = 0.0;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
        for (int k = 0; k < 64; ++k) {
            const double step = (cuts[i + 1] - cuts[i]) / 64.0;
            h += gauss7(p.survival, cuts[i] + k * step, cuts[i] + (k + 1) * step);
        }
    return h;
}

// Where lambda H(x) - n mu x peaks: 0 while lambda <= n mu, else where S falls to n mu /
// lambda (its derivative lambda S - n mu changes sign there).
double peak_of(const patience_survival& p, double lambda, double rate) {
    if (lambda <= rate) return 0.0;
    const double level = rate / lambda;
    double lo = 0.0, hi = std::max(p.mean.count(), 1e-9);
    for (int i = 0; i < 2000 && p.survival(hi) > level; ++i) hi *= 2.0;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (p.survival(mid) > level ? lo : hi) = mid;
    }
    return hi;
}

}  // namespace

patience_survival exponential_patience(seconds mean) {
    const double m = mean.count();
    return {[m](double t) { return std::exp(-t / m); }, mean, {}};
}

patience_survival deterministic_patience(seconds patience) {
    const double d = patience.count();
    return {[d](double t) { return t < d ? 1.0 : 0.0; }, patience, {d}};
}

patience_survival weibull_patience(seconds mean, double shape) {
    const double scale = mean.count() / std::tgamma(1.0 + 1.0 / shape);
    return {[scale, shape](double t) { return std::exp(-std::pow(t / scale, shape)); }, mean, {}};
}

queue_metrics erlang_a_general(double calls_per_second, seconds aht, long agents,
                               const patience_survival& patience, seconds threshold) {
    assert(agents >= 0 && patience.mean.count() > 0.0 && aht.count() > 0.0);
    const double lambda = calls_per_second, m = patience.mean.count();
    queue_metrics q;
    q.agents = static_cast<double>(agents);
    q.load = lambda * aht.count();
    q.threshold = threshold;
    constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
    if (lambda == 0.0) {  // nothing offered
        set_nothing_offered(q);
        return q;
    }
    if (agents == 0) {  // everyone waits until they give up
        q.p_wait = q.p_abandon = 1.0;
        q.answer_rate = q.service_level = 0.0;
        q.service_level_answered = undefined;
        q.asa = seconds{undefined};
        q.mean_wait = patience.mean;
        q.queue_length = lambda * m;
        return q;
    }

    const double rate = static_cast<double>(agents) / aht.count();  // n mu
    const double peak = peak_of(patience, lambda, rate);
    const double h_peak = peak > 0.0 ? rough_h(patience, peak) : 0.0;
    const double shift = lambda * h_peak - rate * peak;  // w <= about 1 everywhere
    // Beyond `end` the exponent is below -60: lambda H rises by at most lambda (m - H(peak)).
    const double end = peak + (lambda * std::max(0.0, m - h_peak) + 60.0) / rate;

    // The integral of w is at least 1 / (n mu) (w >= exp(-n mu (x - peak)) after the peak), so
    // these absolute tolerances per piece keep each share within about 1e-12 per piece.
    constexpr double relative = 1e-13;
    const double share_tolerance = relative / rate,
                 time_tolerance = share_tolerance * (m + 1.0 / rate);
    const sums tolerance{share_tolerance, share_tolerance, share_tolerance, time_tolerance,
                         time_tolerance};
    offered_wait_integrals integrals(lambda, rate, shift, threshold.count(), patience.survival,
                                     tolerance, relative / lambda);
    std::vector<double> cuts{0.0, end};
    for (double x : patience.jumps) cuts.push_back(x);
    cuts.push_back(threshold.count());
    cuts.push_back(peak);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    double h = 0.0;
    for (std::size_t i = 0; i + 1 < cuts.size() && cuts[i] < end; ++i)
        if (cuts[i] >= 0.0) h = integrals.add(cuts[i], std::min(cuts[i + 1], end), h);
    const sums& total = integrals.totals;

    // pi_{n-1} from the normalisation: the states below n sum to pi_{n-1} / B(n - 1, a).
    const double blocking = erlang_b(static_cast<double>(agents - 1), q.load);
    const double scaled_one = std::exp(-shift);  // 1 in units of exp(shift)
    const double denominator = scaled_one + blocking * lambda * total[mass];
    const double density = lambda * blocking / denominator;  // f(x) = density * w(x)
    q.p_wait = density * total[mass];
    q.p_abandon = density * total[abandon];
    q.answer_rate = 1.0 - q.p_abandon;
    q.service_level = scaled_one / denominator + density * total[served_in_time];
    q.service_level_answered = q.answer_rate > 0.0 ? q.service_level / q.answer_rate : undefined;
    q.mean_wait = seconds{density * total[wait]};
    q.asa = q.answer_rate > 0.0 ? seconds{density * total[served_wait] / q.answer_rate}
                                : seconds{undefined};
    q.queue_length = lambda * q.mean_wait.count();
    q.occupancy = q.load * q.answer_rate / q.agents;
    return q;
}

}  // namespace ccsim::erlang
