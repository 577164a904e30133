#include "calib/kaplan_meier.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::calib {

std::vector<survival_step> kaplan_meier(const censored_sample& sample) {
    const weighted_sample events = sorted_merged(sample.events);
    const weighted_sample censored = sorted_merged(sample.censored);
    double at_risk = total_weight(events) + total_weight(censored);
    double survival = 1.0;
    std::vector<survival_step> steps;
    std::size_t c = 0;
    for (const weighted_value& e : events) {
        // Censored before this event time leave the risk set; ties stay in it.
        while (c < censored.size() && censored[c].x < e.x) at_risk -= censored[c++].w;
        if (at_risk <= 0.0) break;
        survival *= 1.0 - e.w / at_risk;
        steps.push_back({e.x, at_risk, e.w, survival});
        at_risk -= e.w;
    }
    return steps;
}

double survival_at(const std::vector<survival_step>& steps, double t) {
    double s = 1.0;
    for (const auto& step : steps) {
        if (step.time > t) break;
        s = step.survival;
    }
    return s;
}

double restricted_mean(const std::vector<survival_step>& steps, double horizon) {
    double area = 0.0, previous = 0.0, s = 1.0;
    for (const auto& step : steps) {
        if (step.time >= horizon) break;
        area += s * (step.time - previous);
        previous = step.time;
        s = step.survival;
    }
    return area + s * std::max(0.0, horizon - previous);
}

double hazard_rate_until(const std::vector<survival_step>& steps, double t) {
    const double s = survival_at(steps, t);
    return t > 0.0 && s > 0.0 ? -std::log(s) / t : 0.0;
}

}  // namespace ccsim::calib
