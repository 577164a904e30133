#include "calib/forecast.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace ccsim::calib {

namespace {

std::vector<double> smoothed(const std::vector<double>& share) {
    std::vector<double> out(share.size(), 0.0);
    for (std::size_t s = 0; s < share.size(); ++s) {
        double sum = 2.0 * share[s], weight = 2.0;
        if (s > 0) sum += share[s - 1], weight += 1.0;
        if (s + 1 < share.size()) sum += share[s + 1], weight += 1.0;
        out[s] = sum / weight;
    }
    double total = 0.0;
    for (double v : out) total += v;
    if (total > 0.0)
        for (double& v : out) v /= total;
    return out;
}

int slots_per_hour(const day_slot_counts& c) {
    return std::max(1, static_cast<int>(std::lround(c.slots_per_day / 24.0)));
}

}  // namespace

std::string forecast_method::describe() const {
    return fmt::format(
        "{} level x weekday profile shrunk by k = {:g} calls to the pooled profile{}",
        recent_level ? "last week's" : "mean", shrinkage,
        smooth ? ", smoothed 1-2-1 over neighbouring slots" : "");
}

std::vector<std::vector<double>> forecast_week(const day_slot_counts& counts, std::size_t first,
                                               const forecast_method& method) {
    const auto slots = static_cast<std::size_t>(counts.slots_per_day);
    const std::size_t train = std::min(first, counts.days.size());
    std::array<std::vector<double>, weekday_count> by_weekday;
    std::array<double, weekday_count> dates{}, level_sum{}, recent{};
    std::vector<double> pooled(slots, 0.0);
    for (auto& v : by_weekday) v.assign(slots, 0.0);
    double pooled_total = 0.0;
    for (std::size_t d = 0; d < train; ++d) {
        const auto w = static_cast<std::size_t>(counts.weekday_of(d));
        for (std::size_t s = 0; s < slots; ++s) {
            by_weekday[w][s] += counts.days[d][s];
            pooled[s] += counts.days[d][s];
        }
        const double total = counts.day_total(d);
        pooled_total += total;
        level_sum[w] += total;
        dates[w] += 1.0;
        recent[w] = total;
    }
    std::vector<std::vector<double>> week(7, std::vector<double>(slots, 0.0));
    for (std::size_t i = 0; i < 7; ++i) {
        const day_slot_counts at{
            counts.first_day + static_cast<std::int64_t>(first + i), counts.slots_per_day, {}};
        const auto w = static_cast<std::size_t>(at.weekday_of(0));
        if (dates[w] == 0.0) continue;
        const double level = method.recent_level ? recent[w] : level_sum[w] / dates[w];
        const double n_total = level_sum[w];
        std::vector<double> share(slots, 0.0);
        for (std::size_t s = 0; s < slots; ++s) {
            const double prior = pooled_total > 0.0 ? pooled[s] / pooled_total : 0.0;
            const double denominator = n_total + method.shrinkage;
            share[s] = denominator > 0.0
                           ? (by_weekday[w][s] + method.shrinkage * prior) / denominator
                           : 0.0;
        }
        if (method.smooth) share = smoothed(share);
        for (std::size_t s = 0; s < slots; ++s) week[i][s] = level * share[s];
    }
    return week;
}

std::vector<std::vector<double>> last_week_baseline(const day_slot_counts& counts,
                                                    std::size_t first) {
    std::vector<std::vector<double>> week(7, std::vector<double>(counts.slots_per_day, 0.0));
    for (std::size_t i = 0; i < 7; ++i)
        if (first + i >= 7 && first + i - 7 < counts.days.size())
            week[i] = counts.days[first + i - 7];
    return week;
}

std::vector<std::vector<double>> pooled_average_baseline(const day_slot_counts& counts,
                                                         std::size_t first) {
    return forecast_week(counts, first, forecast_method{});
}

double wape(const std::vector<double>& forecast, const std::vector<double>& actual) {
    double error = 0.0, total = 0.0;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        error += std::abs(forecast[i] - actual[i]);
        total += actual[i];
    }
    return total > 0.0 ? error / total : 0.0;
}

forecast_error hourly_error(const day_slot_counts& actual, std::size_t first,
                            const std::vector<std::vector<double>>& forecast) {
    const int per_hour = slots_per_hour(actual);
    const int hours_per_day = actual.slots_per_day / per_hour;
    // Weekday x hour cells where the log ever had a call.
    std::array<std::vector<bool>, weekday_count> open;
    for (auto& v : open) v.assign(static_cast<std::size_t>(hours_per_day), false);
    for (std::size_t d = 0; d < actual.days.size(); ++d)
        for (int s = 0; s < actual.slots_per_day; ++s)
            if (actual.days[d][static_cast<std::size_t>(s)] > 0.0)
                open[static_cast<std::size_t>(actual.weekday_of(d))]
                    [static_cast<std::size_t>(s / per_hour)] = true;
    std::vector<double> f, a;
    for (std::size_t i = 0; i < 7 && first + i < actual.days.size(); ++i) {
        const auto w = static_cast<std::size_t>(actual.weekday_of(first + i));
        for (int h = 0; h < hours_per_day; ++h) {
            if (!open[w][static_cast<std::size_t>(h)]) continue;
            double fh = 0.0, ah = 0.0;
            for (int k = 0; k < per_hour; ++k) {
                const auto s = static_cast<std::size_t>(h * per_hour + k);
                fh += forecast[i][s];
                ah += actual.days[first + i][s];
            }
            f.push_back(fh);
            a.push_back(ah);
        }
    }
    forecast_error e;
    e.hours = static_cast<int>(a.size());
    if (a.empty()) return e;
    e.wape = wape(f, a);
    double squares = 0.0, total = 0.0, noise = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        squares += (f[i] - a[i]) * (f[i] - a[i]);
        total += a[i];
        // E|X - lambda| ~ sqrt(2 lambda / pi) for a Poisson X with a large mean lambda.
        noise += std::sqrt(2.0 * a[i] / std::numbers::pi);
    }
    e.rmse = std::sqrt(squares / static_cast<double>(a.size()));
    e.calls_per_hour = total / static_cast<double>(a.size());
    e.poisson_wape = total > 0.0 ? noise / total : 0.0;
    return e;
}

std::vector<forecast_method> forecast_candidates() {
    std::vector<forecast_method> out;
    for (bool recent : {false, true})
        for (bool smooth : {false, true})
            for (double k : {0.0, 30.0, 100.0, 300.0, 1000.0}) out.push_back({k, smooth, recent});
    return out;
}

}  // namespace ccsim::calib
