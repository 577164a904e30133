#pragma once
// Samples as (value, weight) pairs: a histogram of a call log's integer seconds is a weighted
// sample, so that fits and tests work on aggregates whose size does not grow with the log.
#include <vector>

namespace ccsim::calib {

struct weighted_value {
    double x = 0.0;
    double w = 1.0;
};

using weighted_sample = std::vector<weighted_value>;

/// Waits to an event (an abandonment) and waits cut short without one (an answer): censored
/// observations of patience.
struct censored_sample {
    weighted_sample events;
    weighted_sample censored;
};

/// Each value with weight 1.
weighted_sample unweighted(const std::vector<double>& values);

double total_weight(const weighted_sample& s);
double weighted_mean(const weighted_sample& s);

/// The sample sorted by value, equal values merged.
weighted_sample sorted_merged(weighted_sample s);

/// The empirical p-quantile (the smallest x with F(x) >= p), p in (0, 1].
double empirical_quantile(const weighted_sample& sorted, double p);

}  // namespace ccsim::calib
