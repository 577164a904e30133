#include "report/target_checks.hpp"

namespace ccsim::report {

target_checks check_targets(const sim::scenario& s, const sim::simulation_summary& r) {
    using sim::queue_figure;
    target_checks result;
    result.intervals = r.intervals();
    const std::size_t all = s.queues.size() > 1 ? s.queues.size() : 0;
    auto check = [&](const char* figure, double target, queue_figure f) {
        const estimate day = r.queue(all, r.intervals(), f);
        result.checks.push_back({figure, target, day, judge(day, target)});
    };
    if (s.service_level_target) {
        check("service level", *s.service_level_target, queue_figure::service_level);
        std::size_t below = 0;
        for (std::size_t b = 0; b < r.intervals(); ++b)
            if (r.queue(all, b, queue_figure::service_level).mean < *s.service_level_target)
                ++below;
        result.intervals_below_service_level = below;
    }
    if (s.answer_rate_target)
        check("answer rate", *s.answer_rate_target, queue_figure::answer_rate);
    return result;
}

}  // namespace ccsim::report
