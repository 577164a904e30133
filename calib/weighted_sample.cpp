#include "calib/weighted_sample.hpp"

#include <algorithm>
#include <cassert>

namespace ccsim::calib {

weighted_sample unweighted(const std::vector<double>& values) {
    weighted_sample s;
    s.reserve(values.size());
    for (double x : values) s.push_back({x, 1.0});
    return s;
}

double total_weight(const weighted_sample& s) {
    double w = 0.0;
    for (const auto& v : s) w += v.w;
    return w;
}

double weighted_mean(const weighted_sample& s) {
    double sum = 0.0, w = 0.0;
    for (const auto& v : s) {
        sum += v.x * v.w;
        w += v.w;
    }
    return w > 0.0 ? sum / w : 0.0;
}

weighted_sample sorted_merged(weighted_sample s) {
    std::sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.x < b.x; });
    weighted_sample merged;
    for (const auto& v : s) {
        if (!merged.empty() && merged.back().x == v.x)
            merged.back().w += v.w;
        else
            merged.push_back(v);
    }
    return merged;
}

double empirical_quantile(const weighted_sample& sorted, double p) {
    assert(!sorted.empty());
    const double target = p * total_weight(sorted);
    double cumulative = 0.0;
    for (const auto& v : sorted) {
        cumulative += v.w;
        if (cumulative >= target - 1e-9) return v.x;
    }
    return sorted.back().x;
}

}  // namespace ccsim::calib
