#include "sim/agents/roster.hpp"

#include <algorithm>
#include <boost/random/bernoulli_distribution.hpp>

namespace ccsim::sim {

namespace {
// Absence streams are indexed (group, line) as (g * 4096 + line), with lines past 4095 told
// apart by the stream's extra index, so that small rosters keep the streams they always had.
constexpr std::uint32_t lines_per_group_index = 4096;
}  // namespace

roster_plan::roster_plan(const scenario& s) {
    by_day_.resize(s.calendar.days);
    bool any = false;
    auto add_line = [&](std::uint32_t g, std::uint32_t stream, int agents) {
        const auto first = static_cast<std::uint32_t>(group_of_agent_.size());
        lines_.push_back({g, stream, first, static_cast<std::uint32_t>(agents)});
        group_of_agent_.insert(group_of_agent_.end(), static_cast<std::size_t>(agents), g);
        return static_cast<std::uint32_t>(lines_.size() - 1);
    };
    auto note_start = [&](const shift_spec& shift) {
        earliest_start_ = any ? std::min(earliest_start_, shift.start.count()) : shift.start.count();
        any = true;
    };
    for (std::uint32_t g = 0; g < s.groups.size(); ++g) {
        const group_spec& group = s.groups[g];
        std::uint32_t stream = 0;
        for (std::uint32_t k = 0; k < group.shifts.size(); ++k, ++stream) {
            const shift_spec& shift = group.shifts[k];
            if (shift.agents <= 0 || shift.days.empty()) continue;
            const std::uint32_t line = add_line(g, stream, shift.agents);
            for (const std::uint32_t day : shift.days) by_day_[day].push_back({line, k});
            note_start(shift);
        }
        for (const tour_spec& tour : group.tours) {
            const std::uint32_t this_stream = stream++;
            if (tour.agents <= 0 || tour.work.empty()) continue;
            const std::uint32_t line = add_line(g, this_stream, tour.agents);
            for (const worked_day& w : tour.work) {
                by_day_[w.day].push_back({line, w.shift});
                note_start(group.shifts[w.shift]);
            }
        }
    }
    // Within a day, lines in roster order (group, shifts, tours), as generated above.
    for (auto& day : by_day_)
        std::stable_sort(day.begin(), day.end(),
                         [](const assignment& a, const assignment& b) { return a.line < b.line; });
    // Each queue closes at the end of its own periods (the centre's when it has none); back
    // office items are not turned away by the hours, so their queues have no closing. The
    // centre's closings come last at equal times.
    for (std::uint32_t q = 0; q < s.queues.size(); ++q) {
        const queue_spec& queue = s.queues[q];
        if (queue.channel == channel_kind::backoffice) continue;
        for (const auto& [open, close] : queue.open_periods.empty() ? s.open_periods
                                                                    : queue.open_periods)
            closings_.emplace_back(close.count(), q);
    }
    for (const auto& [open, close] : s.open_periods) closings_.emplace_back(close.count(), no_agent);
    std::stable_sort(closings_.begin(), closings_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
}

roster_process::roster_process(const scenario& s, const roster_plan& plan, std::uint64_t seed,
                               std::uint64_t replication)
    : scenario_(s),
      plan_(plan),
      seed_(seed),
      replication_(replication),
      absence_(plan.lines().size()) {}

bool roster_process::is_absent(const roster_line& line) {
    const double p = scenario_.groups[line.group].absenteeism;
    if (p <= 0.0) return false;
    const std::size_t index = static_cast<std::size_t>(&line - plan_.lines().data());
    std::optional<random_engine>& engine = absence_[index];
    if (!engine)
        engine = make_stream(seed_, stream_purpose::absence,
                             line.group * lines_per_group_index + line.stream % lines_per_group_index,
                             replication_, line.stream / lines_per_group_index);
    return boost::random::bernoulli_distribution<double>(p)(*engine);
}

void roster_process::generate_day(std::size_t day) {
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(head_));
    head_ = 0;
    const double midnight = static_cast<double>(day) * seconds_per_day;
    for (const roster_plan::assignment& a : plan_.on_day(day)) {
        const roster_line& line = plan_.lines()[a.line];
        const shift_spec& shift = scenario_.groups[line.group].shifts[a.shift];
        const double start = midnight + shift.start.count(), end = midnight + shift.end.count();
        for (std::uint32_t k = 0; k < line.agents; ++k) {
            if (is_absent(line)) {
                ++absent_;
                continue;
            }
            const std::uint32_t agent = line.first_agent + k;
            pending_.push_back({{start, agent, roster_action::shift_start, end}, sequence_++});
            pending_.push_back({{end, agent, roster_action::shift_end, 0.0}, sequence_++});
            for (const break_spec& b : shift.breaks) {
                const double at = midnight + b.start.count();
                if (at > start && at < end)
                    pending_.push_back(
                        {{at, agent, roster_action::break_start, b.length.count()}, sequence_++});
            }
        }
    }
    std::sort(pending_.begin(), pending_.end(),
              [](const pending_event& a, const pending_event& b) {
                  if (a.event.time != b.event.time) return a.event.time < b.event.time;
                  if (a.event.action != b.event.action) return a.event.action < b.event.action;
                  return a.sequence < b.sequence;
              });
}

double roster_process::next_time() {
    // Day d's events all come at or after d's midnight plus the earliest shift start.
    while (next_day_ < plan_.days() &&
           (head_ == pending_.size() ||
            pending_[head_].event.time >=
                static_cast<double>(next_day_) * seconds_per_day + plan_.earliest_start()))
        generate_day(next_day_++);
    const double shift_time = head_ < pending_.size() ? pending_[head_].event.time
                                                      : std::numeric_limits<double>::infinity();
    const double closing = next_closing_ < plan_.closings().size()
                               ? plan_.closings()[next_closing_].first
                               : std::numeric_limits<double>::infinity();
    return std::min(shift_time, closing);
}

roster_event roster_process::pop() {
    const bool closing_first =
        next_closing_ < plan_.closings().size() &&
        (head_ == pending_.size() ||
         plan_.closings()[next_closing_].first < pending_[head_].event.time);
    if (closing_first) {
        const auto [time, queue] = plan_.closings()[next_closing_++];
        return {time, queue, roster_action::closing, 0.0};
    }
    return pending_[head_++].event;
}

}  // namespace ccsim::sim
