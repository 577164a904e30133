#include "sim/stats/estimate_table.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

namespace ccsim::sim {

void estimate_table::add(const Eigen::ArrayXd& values) {
    const auto defined = values.isFinite();
    count_ += defined.cast<double>();
    const Eigen::ArrayXd delta = defined.select(values - mean_, 0.0);
    mean_ += defined.select(delta / count_, 0.0);
    m2_ += defined.select(delta * (values - mean_), 0.0);
}

double student_t_quantile(double confidence, double n) {
    const boost::math::students_t t(n - 1.0);
    return boost::math::quantile(t, 0.5 + 0.5 * confidence);
}

estimate estimate_table::at(Eigen::Index i, double confidence) const {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const double n = count_[i];
    if (n == 0.0) return {nan, nan, nan};
    if (n < 2.0) return {mean_[i], nan, nan};
    const double half = student_t_quantile(confidence, n) * std::sqrt(m2_[i] / (n - 1.0) / n);
    return {mean_[i], mean_[i] - half, mean_[i] + half};
}

}  // namespace ccsim::sim
