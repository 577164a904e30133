#pragma once
// The coming week's calls per weekday x slot, and how well a method would have forecast the
// log's last week from the weeks before it, beside two naive baselines.
#include <string>
#include <vector>

#include "calib/arrival_profile.hpp"

namespace ccsim::calib {

/// A shrunken weekday x slot profile scaled by a daily level:
///   forecast(day, slot) = level(weekday) * share(weekday, slot)
///   share = (n(weekday, slot) + k * pooled(slot)) / (N(weekday) + k), optionally smoothed
///   over neighbouring slots with weights 1-2-1,
/// where n are the training calls of that weekday and slot, N their day total and pooled the
/// share of the slot over every weekday. level is the mean daily total of the weekday's
/// training dates, or the most recent one. k = 0 without smoothing and the mean level is the
/// pooled average baseline itself.
struct forecast_method {
    double shrinkage = 0.0;  // k, in calls
    bool smooth = false;
    bool recent_level = false;
    std::string describe() const;
};

/// Seven days of forecasts from day `first` (a day index of `counts`, may be past its end),
/// trained on days [0, first).
std::vector<std::vector<double>> forecast_week(const day_slot_counts& counts, std::size_t first,
                                               const forecast_method& method);

/// "Same weekday and hour last week": days [first - 7, first).
std::vector<std::vector<double>> last_week_baseline(const day_slot_counts& counts,
                                                    std::size_t first);

/// "The pooled average of the same weekday and hour" over days [0, first).
std::vector<std::vector<double>> pooled_average_baseline(const day_slot_counts& counts,
                                                         std::size_t first);

struct forecast_error {
    double wape = 0.0;          // sum |f - a| / sum a over the hours compared
    double rmse = 0.0;          // calls per hour
    double poisson_wape = 0.0;  // what Poisson noise alone would give a perfect forecast
    double calls_per_hour = 0.0;
    int hours = 0;
};

/// Error per hour over the 7 days from `first` (hours: slots summed; slots longer than an
/// hour are taken as they are). Hours where the log never had a call on that weekday and
/// hour are left out (a closed night would flatter every method alike).
forecast_error hourly_error(const day_slot_counts& actual, std::size_t first,
                            const std::vector<std::vector<double>>& forecast);

/// WAPE of a forecast against actual values (both already per hour).
double wape(const std::vector<double>& forecast, const std::vector<double>& actual);

/// The candidates tried: shrinkage 0, 30, 100, 300, 1000 calls, smoothed or not, mean or
/// recent level.
std::vector<forecast_method> forecast_candidates();

}  // namespace ccsim::calib
