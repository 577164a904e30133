#pragma once
// Maximum-likelihood fits of the distribution families ccsim's engine knows, to complete
// samples (handle times) and to censored ones (patience), with the figures that compare them:
// log-likelihood, AIC, the Kolmogorov-Smirnov distance and quantiles.
#include <optional>
#include <string_view>
#include <vector>

#include "calib/weighted_sample.hpp"

namespace ccsim::calib {

enum class family { exponential, lognormal, gamma, weibull };

/// "exponential", "lognormal", "gamma", "weibull".
std::string_view family_name(family f);

/// A fitted distribution. Parameters: exponential (mean, -); lognormal (mu, sigma of log x);
/// gamma (shape, scale); weibull (shape, scale).
struct fitted_distribution {
    family kind = family::exponential;
    double a = 0.0;
    double b = 0.0;
    double log_likelihood = 0.0;
    int parameters = 1;
    double aic() const { return 2.0 * parameters - 2.0 * log_likelihood; }
    double mean() const;
    double cv() const;
    double cdf(double x) const;
    double quantile(double p) const;
};

/// Times below this count as this much in the families that take logarithms: a log in whole
/// seconds writes 0 for anything under a second.
inline constexpr double smallest_time = 0.5;

/// Complete samples. exponential: the mean; lognormal: mean and sd (1/n) of the logs; gamma:
/// Newton's method on the shape with the digamma function.
fitted_distribution fit_exponential(const weighted_sample& s);
fitted_distribution fit_lognormal(const weighted_sample& s);
fitted_distribution fit_gamma(const weighted_sample& s);

/// Censored samples: events contribute the density, censored values the survival function.
/// exponential in closed form (sum of all times / number of events); the others by
/// Nelder-Mead on the log-parameters, started from the complete-data fit of the events.
/// nullopt when there are no events.
std::optional<fitted_distribution> fit_censored(const censored_sample& s, family f);

/// The log-likelihood of a censored sample under `d`.
double censored_log_likelihood(const censored_sample& s, const fitted_distribution& d);

/// sup |F_n(x) - F(x)| over the sample (checked on both sides of each jump).
double ks_distance(const weighted_sample& s, const fitted_distribution& d);

/// The best by AIC among the fits (the first on ties).
const fitted_distribution& best_by_aic(const std::vector<fitted_distribution>& fits);

}  // namespace ccsim::calib
