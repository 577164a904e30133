#include "sim/engine/variate.hpp"

#include <cmath>
#include <numeric>

#include "sim/model/weibull.hpp"

namespace ccsim::sim {

unit_variate::unit_variate(const distribution_shape& shape) : kind_(shape.kind) {
    switch (shape.kind) {
        case distribution_kind::lognormal: {
            // Mean 1 and coefficient of variation cv: sigma^2 = ln(1 + cv^2), mu = -sigma^2 / 2.
            const double sigma2 = std::log1p(shape.cv * shape.cv);
            lognormal_ =
                boost::random::lognormal_distribution<double>(-0.5 * sigma2, std::sqrt(sigma2));
            break;
        }
        case distribution_kind::gamma: {
            const double alpha = 1.0 / (shape.cv * shape.cv);  // shape; scale 1/alpha gives mean 1
            gamma_ = boost::random::gamma_distribution<double>(alpha, 1.0 / alpha);
            break;
        }
        case distribution_kind::erlang: {
            const double k = static_cast<double>(shape.phases);
            gamma_ = boost::random::gamma_distribution<double>(k, 1.0 / k);
            break;
        }
        case distribution_kind::weibull: {
            // Shape k from the cv; scale 1 / Gamma(1 + 1/k) gives mean 1.
            const double k = weibull_shape(shape.cv);
            weibull_ = boost::random::weibull_distribution<double>(k, weibull_unit_scale(k));
            break;
        }
        case distribution_kind::empirical: {
            const double mean = std::accumulate(shape.samples.begin(), shape.samples.end(), 0.0) /
                                static_cast<double>(shape.samples.size());
            samples_ = shape.samples;
            if (mean > 0.0)
                for (double& v : samples_) v /= mean;
            pick_ = boost::random::uniform_int_distribution<std::size_t>(0, samples_.size() - 1);
            break;
        }
        default:
            break;
    }
}

}  // namespace ccsim::sim
