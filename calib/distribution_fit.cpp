#include "calib/distribution_fit.hpp"

#include <algorithm>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <cassert>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "calib/minimize.hpp"

namespace ccsim::calib {

namespace {
double quantile_of(const fitted_distribution& d, double p);

double at_least_smallest(double x) {
    return std::max(x, smallest_time);
}

double log_density(const fitted_distribution& d, double x) {
    switch (d.kind) {
        case family::exponential:
            return -std::log(d.a) - x / d.a;
        case family::lognormal: {
            x = at_least_smallest(x);
            const double z = (std::log(x) - d.a) / d.b;
            return -std::log(x) - std::log(d.b) - 0.5 * std::log(2.0 * std::numbers::pi) -
                   0.5 * z * z;
        }
        case family::gamma:
            x = at_least_smallest(x);
            return (d.a - 1.0) * std::log(x) - x / d.b - std::lgamma(d.a) - d.a * std::log(d.b);
        case family::weibull:
            x = at_least_smallest(x);
            return std::log(d.a) - std::log(d.b) + (d.a - 1.0) * (std::log(x) - std::log(d.b)) -
                   std::pow(x / d.b, d.a);
    }
    return 0.0;
}

double log_survival(const fitted_distribution& d, double x) {
    if (x <= 0.0) return 0.0;
    switch (d.kind) {
        case family::exponential:
            return -x / d.a;
        case family::lognormal:
            return std::log(0.5 * std::erfc((std::log(x) - d.a) / (d.b * std::numbers::sqrt2)));
        case family::gamma:
            // The minimiser may try extreme parameters where the series gives up:
            // -infinity there rejects the point.
            try {
                return std::log(boost::math::gamma_q(d.a, x / d.b));
            } catch (const std::exception&) {
                return -std::numeric_limits<double>::infinity();
            }
        case family::weibull:
            return -std::pow(x / d.b, d.a);
    }
    return 0.0;
}

double complete_log_likelihood(const weighted_sample& s, const fitted_distribution& d) {
    double sum = 0.0;
    for (const auto& v : s) sum += v.w * log_density(d, v.x);
    return sum;
}

// A family's parameters from the minimiser's unconstrained point (log-parameters, except the
// lognormal's mu).
fitted_distribution from_point(family f, const point2& p) {
    fitted_distribution d;
    d.kind = f;
    d.parameters = 2;
    d.a = f == family::lognormal ? p[0] : std::exp(p[0]);
    d.b = std::exp(p[1]);
    return d;
}

point2 to_point(const fitted_distribution& d) {
    return {d.kind == family::lognormal ? d.a : std::log(d.a), std::log(d.b)};
}

fitted_distribution fit_weibull_complete_start(const weighted_sample& s) {
    // A start from the log-moments: sd of log x = pi / (k sqrt 6) for a Weibull.
    const fitted_distribution ln = fit_lognormal(s);
    fitted_distribution d;
    d.kind = family::weibull;
    d.parameters = 2;
    d.a = std::max(0.05, std::numbers::pi / (ln.b * std::sqrt(6.0)));
    d.b = std::exp(ln.a + 0.5772156649 / d.a);
    return d;
}

}  // namespace

std::string_view family_name(family f) {
    switch (f) {
        case family::exponential:
            return "exponential";
        case family::lognormal:
            return "lognormal";
        case family::gamma:
            return "gamma";
        case family::weibull:
            return "weibull";
    }
    return "";
}

double fitted_distribution::mean() const {
    switch (kind) {
        case family::exponential:
            return a;
        case family::lognormal:
            return std::exp(a + 0.5 * b * b);
        case family::gamma:
            return a * b;
        case family::weibull:
            return b * std::tgamma(1.0 + 1.0 / a);
    }
    return 0.0;
}

double fitted_distribution::cv() const {
    switch (kind) {
        case family::exponential:
            return 1.0;
        case family::lognormal:
            return std::sqrt(std::expm1(b * b));
        case family::gamma:
            return 1.0 / std::sqrt(a);
        case family::weibull: {
            const double g1 = std::tgamma(1.0 + 1.0 / a), g2 = std::tgamma(1.0 + 2.0 / a);
            return std::sqrt(std::max(0.0, g2 / (g1 * g1) - 1.0));
        }
    }
    return 0.0;
}

double fitted_distribution::cdf(double x) const {
    return x <= 0.0 ? 0.0 : -std::expm1(log_survival(*this, x));
}

double fitted_distribution::quantile(double p) const {
    try {
        return quantile_of(*this, p);
    } catch (const std::exception&) {
        return std::numeric_limits<double>::quiet_NaN();  // parameters too extreme to invert
    }
}

namespace {
double quantile_of(const fitted_distribution& d, double p) {
    const double a = d.a, b = d.b;
    switch (d.kind) {
        case family::exponential:
            return -a * std::log1p(-p);
        case family::lognormal:
            return boost::math::quantile(boost::math::lognormal_distribution<>(a, b), p);
        case family::gamma:
            return boost::math::quantile(boost::math::gamma_distribution<>(a, b), p);
        case family::weibull:
            return b * std::pow(-std::log1p(-p), 1.0 / a);
    }
    return 0.0;
}
}  // namespace

fitted_distribution fit_exponential(const weighted_sample& s) {
    fitted_distribution d;
    d.kind = family::exponential;
    d.a = weighted_mean(s);
    d.log_likelihood = complete_log_likelihood(s, d);
    return d;
}

fitted_distribution fit_lognormal(const weighted_sample& s) {
    double w = 0.0, sum = 0.0, sum_sq = 0.0;
    for (const auto& v : s) {
        const double l = std::log(at_least_smallest(v.x));
        w += v.w;
        sum += v.w * l;
        sum_sq += v.w * l * l;
    }
    fitted_distribution d;
    d.kind = family::lognormal;
    d.parameters = 2;
    d.a = sum / w;
    d.b = std::sqrt(std::max(1e-12, sum_sq / w - d.a * d.a));
    d.log_likelihood = complete_log_likelihood(s, d);
    return d;
}

fitted_distribution fit_gamma(const weighted_sample& s) {
    double w = 0.0, sum = 0.0, sum_log = 0.0;
    for (const auto& v : s) {
        const double x = at_least_smallest(v.x);
        w += v.w;
        sum += v.w * x;
        sum_log += v.w * std::log(x);
    }
    const double mean = sum / w;
    const double gap = std::max(1e-12, std::log(mean) - sum_log / w);  // >= 0 by Jensen
    // Minka's start, then Newton on log k - digamma(k) = gap.
    double k = (3.0 - gap + std::sqrt((gap - 3.0) * (gap - 3.0) + 24.0 * gap)) / (12.0 * gap);
    for (int i = 0; i < 100; ++i) {
        const double g = std::log(k) - boost::math::digamma(k) - gap;
        const double dg = 1.0 / k - boost::math::trigamma(k);
        const double next = std::max(k / 10.0, k - g / dg);
        const bool done = std::abs(next - k) <= 1e-12 * k;
        k = next;
        if (done) break;
    }
    fitted_distribution d;
    d.kind = family::gamma;
    d.parameters = 2;
    d.a = k;
    d.b = mean / k;
    d.log_likelihood = complete_log_likelihood(s, d);
    return d;
}

double censored_log_likelihood(const censored_sample& s, const fitted_distribution& d) {
    double sum = complete_log_likelihood(s.events, d);
    for (const auto& v : s.censored) sum += v.w * log_survival(d, v.x);
    return sum;
}

std::optional<fitted_distribution> fit_censored(const censored_sample& s, family f) {
    const double events = total_weight(s.events);
    if (events <= 0.0) return std::nullopt;
    if (f == family::exponential) {
        double exposure = 0.0;
        for (const auto& v : s.events) exposure += v.w * v.x;
        for (const auto& v : s.censored) exposure += v.w * v.x;
        fitted_distribution d;
        d.kind = family::exponential;
        d.a = exposure / events;
        d.log_likelihood = censored_log_likelihood(s, d);
        return d;
    }
    const fitted_distribution start = f == family::lognormal ? fit_lognormal(s.events)
                                      : f == family::gamma   ? fit_gamma(s.events)
                                                             : fit_weibull_complete_start(s.events);
    const point2 best =
        nelder_mead([&](const point2& p) { return -censored_log_likelihood(s, from_point(f, p)); },
                    to_point(start), {0.3, 0.3});
    fitted_distribution d = from_point(f, best);
    d.log_likelihood = censored_log_likelihood(s, d);
    return d;
}

double ks_distance(const weighted_sample& s, const fitted_distribution& d) {
    const weighted_sample sorted = sorted_merged(s);
    const double total = total_weight(sorted);
    double below = 0.0, distance = 0.0;
    for (const auto& v : sorted) {
        const double f = d.cdf(v.x);
        const double above = below + v.w / total;
        distance = std::max({distance, std::abs(above - f), std::abs(below - f)});
        below = above;
    }
    return distance;
}

const fitted_distribution& best_by_aic(const std::vector<fitted_distribution>& fits) {
    assert(!fits.empty());
    const fitted_distribution* best = &fits.front();
    for (const auto& f : fits)
        if (f.aic() < best->aic()) best = &f;
    return *best;
}

}  // namespace ccsim::calib
