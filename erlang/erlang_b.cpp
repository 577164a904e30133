#include "erlang/erlang_b.hpp"

#include <boost/math/special_functions/gamma.hpp>
#include <cassert>
#include <cmath>
#include <optional>

namespace ccsim::erlang {

namespace {

// Gamma(s, a) e^a a^-s by its continued fraction (modified Lentz), which converges fast for
// a > s - 1 and never forms e^a, so it cannot overflow.
double scaled_upper_gamma(double s, double a) {
    constexpr double tiny = 1e-300;
    double b = a + 1.0 - s;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 10000; ++i) {
        const double an = -i * (i - s);
        b += 2.0;
        d = an * d + b;
        if (std::abs(d) < tiny) d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny) c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1.0) < 1e-16) break;
    }
    return h;
}

// 1/B at the fractional base x = f in [0, 1): a * integral exp(-a t) (1 + t)^f dt, which is
// exp(a) a^(-f) Gamma(f + 1, a).
double inverse_blocking_at_fraction(double f, double a) {
    if (f == 0.0) return 1.0;
    if (a >= 1.0) return a * scaled_upper_gamma(f + 1.0, a);
    return std::exp(a - f * std::log(a)) * boost::math::tgamma(f + 1.0, a);
}

// The recursion 1/B(k) = 1 + (k/a)/B(k-1) forgets its starting value: an error at index j0
// reaches index n multiplied by roughly Poisson(a).pmf(j0) / Poisson(a).cdf(n). Starting
// sqrt(92 a + (a - n)^2) below a makes that factor smaller than exp(-46) ~ 1e-20, so we may
// start there from the recursion's fixed point a / (a - j0) instead of from k = 0.
// Returns the number of whole steps to skip from the fractional base.
double skipped_steps(double n, double a) {
    const double gap = std::max(0.0, a - n);
    const double depth = std::sqrt(92.0 * a + gap * gap) + 3.0;
    const double start = std::floor(a - depth);
    return start > 0.0 ? std::min(start, std::floor(n)) : 0.0;
}

// B(n, a) = Poisson(a).pmf(n) / Poisson(a).cdf(n) through the regularised incomplete gamma
// function: O(1) work, relative error ~1e-11. nullopt where the cdf underflows (n << a).
std::optional<double> blocking_by_gamma(double n, double a) {
    namespace policies = boost::math::policies;
    using quiet = policies::policy<policies::overflow_error<policies::ignore_error>,
                                   policies::underflow_error<policies::ignore_error>,
                                   policies::evaluation_error<policies::ignore_error>,
                                   policies::promote_double<false>>;
    const double cdf = boost::math::gamma_q(n + 1.0, a, quiet{});
    if (!(cdf > 1e-280)) return std::nullopt;
    return boost::math::gamma_p_derivative(n + 1.0, a, quiet{}) / cdf;
}

// Past this many recursion steps the incomplete gamma route is faster.
constexpr double recursion_step_budget = 256.0;

}  // namespace

double erlang_b(double agents, double load) {
    assert(agents >= 0.0 && load >= 0.0);
    if (load == 0.0) return agents == 0.0 ? 1.0 : 0.0;
    if (!std::isfinite(load)) return 1.0;
    const double fraction = agents - std::floor(agents);
    const double skip = skipped_steps(agents, load);
    if (agents - skip > recursion_step_budget)
        if (const std::optional<double> b = blocking_by_gamma(agents, load)) return *b;
    double k = fraction + skip;
    double inverse = skip > 0.0 ? load / (load - k) : inverse_blocking_at_fraction(fraction, load);
    const double per_load = 1.0 / load;
    // Past 1e300 the answer is below 1e-300: report 0 rather than walk on to overflow.
    while (k + 0.5 < agents) {
        k += 1.0;
        inverse = 1.0 + k * per_load * inverse;
        if (inverse > 1e300) return 0.0;
    }
    return 1.0 / inverse;
}

erlang_b_walk::erlang_b_walk(long agents, double load)
    : load_(load), agents_(agents), inverse_(1.0 / erlang_b(static_cast<double>(agents), load)) {}

void erlang_b_walk::step_up() {
    ++agents_;
    inverse_ = 1.0 + static_cast<double>(agents_) / load_ * inverse_;
}

void erlang_b_walk::step_down() {
    assert(agents_ > 0);
    if (std::isinf(inverse_)) {
        *this = erlang_b_walk(agents_ - 1, load_);
        return;
    }
    inverse_ = (inverse_ - 1.0) * load_ / static_cast<double>(agents_);
    --agents_;
    if (agents_ == 0) inverse_ = 1.0;
}

}  // namespace ccsim::erlang
