#include "report/standards.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "core/duration.hpp"

namespace ccsim::report {

namespace {

using sim::channel_kind;
using sim::queue_figure;

standard_check row(const sim::simulation_summary& r, std::size_t queue, std::string scope,
                   std::string standard, queue_figure figure, std::optional<double> target) {
    standard_check c{std::move(scope), std::move(standard), sim::info(figure).key, target,
                     r.queue(queue, r.horizon(), figure)};
    if (target) c.result = judge(c.value, *target);
    return c;
}

std::string within(seconds t) {
    return fmt::format("within {}", format_duration(t));
}

}  // namespace

bool has_department_standards(const sim::scenario& s) {
    return std::any_of(s.queues.begin(), s.queues.end(), [](const sim::queue_spec& q) {
        return q.channel != channel_kind::voice || q.target || q.repeats.resolved < 1.0 ||
               q.follow_up;
    });
}

std::vector<standard_check> check_standards(const sim::scenario& s,
                                            const sim::simulation_summary& r) {
    std::vector<standard_check> rows;
    std::size_t voice_queues = 0;
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        const sim::queue_spec& spec = s.queues[q];
        const std::string& name = spec.name;
        switch (spec.channel) {
            case channel_kind::voice:
                ++voice_queues;
                rows.push_back(
                    row(r, q, name, "answered", queue_figure::answer_rate, s.answer_rate_target));
                rows.push_back(row(r, q, name, "answered " + within(spec.threshold),
                                   queue_figure::service_level,
                                   spec.target ? spec.target : s.service_level_target));
                if (spec.repeats.resolved < 1.0)
                    rows.push_back(row(r, q, name, "solved at the first contact", queue_figure::fcr,
                                       std::nullopt));
                break;
            case channel_kind::chat:
                rows.push_back(row(r, q, name, "first response " + within(spec.threshold),
                                   queue_figure::service_level,
                                   spec.target ? spec.target : s.service_level_target));
                break;
            case channel_kind::backoffice:
                rows.push_back(row(r, q, name, "replied " + within(spec.back_office.reply_within),
                                   queue_figure::replied_within, spec.target));
                rows.push_back(row(r, q, name,
                                   "resolved " + within(spec.back_office.resolve_within),
                                   queue_figure::resolved_within, spec.target));
                break;
            case channel_kind::outbound:
                rows.push_back(row(r, q, name, "follow-up made by its due time",
                                   queue_figure::done_within, spec.target));
                break;
        }
    }
    // The calls together, as the centre's targets judge them.
    if (voice_queues > 1) {
        const std::size_t all = s.queues.size();
        rows.push_back(
            row(r, all, "all voice", "answered", queue_figure::answer_rate, s.answer_rate_target));
        rows.push_back(row(r, all, "all voice", "answered within each queue's threshold",
                           queue_figure::service_level, s.service_level_target));
    }
    return rows;
}

}  // namespace ccsim::report
