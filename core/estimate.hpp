#pragma once
// A figure estimated from replications: the mean and its confidence interval.

namespace ccsim {

struct estimate {
    double mean = 0.0;
    double ci_low = 0.0;
    double ci_high = 0.0;
    double half_width() const { return 0.5 * (ci_high - ci_low); }
    bool contains(double value) const { return ci_low <= value && value <= ci_high; }
};

}  // namespace ccsim
