#pragma once
// Draws from a distribution_shape (mean 1). Callers multiply by the mean they need, so one
// draw per call can be shared by what-if variants that change only the mean.
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <vector>

#include "sim/engine/random_streams.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::sim {

class unit_variate {
  public:
    explicit unit_variate(const distribution_shape& shape);

    double operator()(random_engine& engine) {
        switch (kind_) {
            case distribution_kind::exponential:
                return exponential_(engine);
            case distribution_kind::lognormal:
                return lognormal_(engine);
            case distribution_kind::gamma:
            case distribution_kind::erlang:
                return gamma_(engine);
            case distribution_kind::deterministic:
                return 1.0;
            case distribution_kind::empirical:
                return samples_[pick_(engine)];
            case distribution_kind::weibull:
                return weibull_(engine);
        }
        return 1.0;
    }

    /// A draw conditioned on exceeding `bound` (mean-1 units): what a censored observation
    /// says (a caller who was answered after waiting `bound` would have waited at least that
    /// long). When the shape gives no chance of exceeding it, `bound` itself.
    double above(double bound, random_engine& engine);

  private:
    distribution_kind kind_;
    boost::random::exponential_distribution<double> exponential_{1.0};
    boost::random::lognormal_distribution<double> lognormal_;
    boost::random::gamma_distribution<double> gamma_;
    boost::random::weibull_distribution<double> weibull_;
    boost::random::uniform_int_distribution<std::size_t> pick_;
    std::vector<double> samples_;
    std::vector<double> sorted_samples_;  // empirical, for above()
};

}  // namespace ccsim::sim
