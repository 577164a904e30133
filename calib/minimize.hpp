#pragma once
// A derivative-free minimiser (Nelder-Mead simplex) for the two-parameter likelihoods of the
// censored fits.
#include <array>
#include <functional>

namespace ccsim::calib {

using point2 = std::array<double, 2>;

/// Minimises f from `start` with initial steps `step`; stops when the simplex's values agree
/// within `tolerance` or after `max_iterations`. Non-finite values count as +infinity.
point2 nelder_mead(const std::function<double(const point2&)>& f, point2 start, point2 step,
                   double tolerance = 1e-10, int max_iterations = 2000);

}  // namespace ccsim::calib
