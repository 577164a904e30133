#pragma once
// Running mean and variance of many figures across replications (Welford's method, one
// Eigen array operation per replication), and their Student t confidence intervals.
// A NaN value means "undefined in this replication" (a service level with no calls) and
// is left out of that figure's count.
#include <Eigen/Core>

#include "core/estimate.hpp"

namespace ccsim::sim {

class estimate_table {
  public:
    explicit estimate_table(Eigen::Index size)
        : count_(Eigen::ArrayXd::Zero(size)),
          mean_(Eigen::ArrayXd::Zero(size)),
          m2_(Eigen::ArrayXd::Zero(size)) {}

    void add(const Eigen::ArrayXd& values);
    Eigen::Index size() const { return mean_.size(); }
    /// Mean and two-sided `confidence` interval; NaN bounds with fewer than two values.
    estimate at(Eigen::Index i, double confidence) const;

  private:
    Eigen::ArrayXd count_, mean_, m2_;
};

/// The two-sided Student t quantile for `confidence` (0.95 -> 97.5% point) and n - 1 degrees
/// of freedom.
double student_t_quantile(double confidence, double n);

}  // namespace ccsim::sim
