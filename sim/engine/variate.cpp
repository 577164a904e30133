#include "sim/engine/variate.hpp"

#include <algorithm>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/random/uniform_01.hpp>
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
            sorted_samples_ = samples_;
            std::sort(sorted_samples_.begin(), sorted_samples_.end());
            break;
        }
        default:
            break;
    }
}

namespace {

// Inversion within the upper tail: the quantile of survival S(bound) * (1 - u), u uniform.
template <class Distribution>
double tail_draw(const Distribution& d, double bound, random_engine& engine) {
    namespace bm = boost::math;
    const double tail = bm::cdf(bm::complement(d, bound));
    const double q = tail * (1.0 - boost::random::uniform_01<double>()(engine));
    if (!(q > 0.0)) return bound;
    return std::max(bound, bm::quantile(bm::complement(d, q)));
}

}  // namespace

double unit_variate::above(double bound, random_engine& engine) {
    if (!(bound > 0.0)) return (*this)(engine);
    switch (kind_) {
        case distribution_kind::exponential:
            return bound + exponential_(engine);  // memoryless
        case distribution_kind::lognormal:
            return tail_draw(
                boost::math::lognormal_distribution<double>(lognormal_.m(), lognormal_.s()), bound,
                engine);
        case distribution_kind::gamma:
        case distribution_kind::erlang:
            return tail_draw(boost::math::gamma_distribution<double>(gamma_.alpha(), gamma_.beta()),
                             bound, engine);
        case distribution_kind::weibull:
            return tail_draw(boost::math::weibull_distribution<double>(weibull_.a(), weibull_.b()),
                             bound, engine);
        case distribution_kind::deterministic:
            return std::max(1.0, bound);
        case distribution_kind::empirical: {
            const auto first =
                std::upper_bound(sorted_samples_.begin(), sorted_samples_.end(), bound);
            if (first == sorted_samples_.end()) return bound;
            const auto n = static_cast<std::size_t>(sorted_samples_.end() - first);
            const std::size_t k = std::min(
                n - 1, static_cast<std::size_t>(boost::random::uniform_01<double>()(engine) *
                                                static_cast<double>(n)));
            return first[static_cast<std::ptrdiff_t>(k)];
        }
    }
    return bound;
}

}  // namespace ccsim::sim
