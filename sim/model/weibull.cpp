#include "sim/model/weibull.hpp"

#include <cmath>

namespace ccsim::sim {

double weibull_cv(double shape) {
    // In logs: Gamma(1 + 2/k) overflows for k below about 0.012.
    const double log_ratio = std::lgamma(1.0 + 2.0 / shape) - 2.0 * std::lgamma(1.0 + 1.0 / shape);
    return std::sqrt(std::expm1(log_ratio));
}

double weibull_shape(double cv) {
    // Bisection on log k: cv falls from about 10^150 at k = 0.01 to 1.3e-6 at k = 1e6.
    double lo = std::log(0.01), hi = std::log(1e6);
    for (int i = 0; i < 200 && hi - lo > 1e-13; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (weibull_cv(std::exp(mid)) > cv)
            lo = mid;
        else
            hi = mid;
    }
    return std::exp(0.5 * (lo + hi));
}

double weibull_unit_scale(double shape) {
    return std::exp(-std::lgamma(1.0 + 1.0 / shape));
}

}  // namespace ccsim::sim
