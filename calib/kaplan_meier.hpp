#pragma once
// The Kaplan-Meier (product-limit) estimate of a survival function from censored data: here
// the patience of callers, where an answered caller's wait is a lower bound of his patience.
#include <vector>

#include "calib/weighted_sample.hpp"

namespace ccsim::calib {

struct survival_step {
    double time = 0.0;      // an event time
    double at_risk = 0.0;   // observations with time >= this (events and censored)
    double events = 0.0;    // events at this time
    double survival = 1.0;  // S(t) just after this time
};

/// One step per distinct event time, in time order. A censored observation tied with an event
/// time counts as still at risk at it (the usual convention).
std::vector<survival_step> kaplan_meier(const censored_sample& sample);

/// S(t) from the steps (1 before the first event).
double survival_at(const std::vector<survival_step>& steps, double t);

/// The area under the curve up to `horizon`: the mean restricted to [0, horizon].
double restricted_mean(const std::vector<survival_step>& steps, double horizon);

/// The mean hazard over [0, t] per second, -ln S(t) / t: "the hazard in the first seconds"
/// (constant for exponential patience, higher early when callers give up at once).
double hazard_rate_until(const std::vector<survival_step>& steps, double t);

}  // namespace ccsim::calib
