#pragma once
// The Weibull family as scenarios give it: by its mean and coefficient of variation, like the
// lognormal and the gamma. The engine draws with the shape k; cv and k are tied by
//   cv^2 = Gamma(1 + 2/k) / Gamma(1 + 1/k)^2 - 1   (decreasing in k; k = 1 is exponential).

namespace ccsim::sim {

/// The coefficient of variation of a Weibull with shape k > 0.
double weibull_cv(double shape);

/// The shape k of the Weibull with this coefficient of variation (cv > 0, finite), to a
/// relative 1e-12.
double weibull_shape(double cv);

/// The scale of the Weibull with shape k and mean 1: 1 / Gamma(1 + 1/k).
double weibull_unit_scale(double shape);

}  // namespace ccsim::sim
