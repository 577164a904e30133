#include "report/target_checks.hpp"

#include <algorithm>
#include <cmath>

#include "report/simulation_records.hpp"

namespace ccsim::report {

namespace {

constexpr std::size_t riskiest_shown = 5;

target_check check(const sim::scenario& s, const sim::simulation_summary& r, const char* name,
                   double target, sim::queue_figure figure, sim::queue_figure met) {
    const std::size_t all = s.queues.size() > 1 ? s.queues.size() : 0;
    target_check c;
    c.figure = name;
    c.target = target;
    c.day = r.queue(all, r.horizon(), figure);
    c.result = judge(c.day, target);
    c.share_met = r.queue(all, r.horizon(), met).mean;
    for (std::size_t d = 0; d < r.days(); ++d) {
        const estimate e = r.queue(all, r.day_bucket(d), figure);
        c.days.push_back(
            {day_label(s, d), e, judge(e, target), r.queue(all, r.day_bucket(d), met).mean});
    }
    std::vector<std::pair<double, std::size_t>> shares;
    for (std::size_t b = 0; b < r.intervals(); ++b) {
        if (!r.is_open(b)) continue;
        ++c.open_intervals;
        if (r.queue(all, b, figure).mean < target) ++c.intervals_below;
        const double share = r.queue(all, b, met).mean;
        if (!std::isnan(share) && share < 1.0) shares.emplace_back(share, b);
    }
    // Least often met first; ties in time order.
    std::stable_sort(shares.begin(), shares.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < shares.size() && i < riskiest_shown; ++i)
        c.riskiest.push_back({interval_label(s, shares[i].second), shares[i].first});
    return c;
}

}  // namespace

target_checks check_targets(const sim::scenario& s, const sim::simulation_summary& r) {
    using sim::queue_figure;
    target_checks result;
    result.intervals = r.intervals();
    result.days = r.days();
    if (s.service_level_target) {
        result.checks.push_back(check(s, r, "service level", *s.service_level_target,
                                      queue_figure::service_level,
                                      queue_figure::met_service_level));
        result.intervals_below_service_level = result.checks.back().intervals_below;
    }
    if (s.answer_rate_target)
        result.checks.push_back(check(s, r, "answer rate", *s.answer_rate_target,
                                      queue_figure::answer_rate, queue_figure::met_answer_rate));
    return result;
}

}  // namespace ccsim::report
