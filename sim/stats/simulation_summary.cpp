#include "sim/stats/simulation_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccsim::sim {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
double share(double part, double whole) {
    return whole > 0.0 ? part / whole : nan;
}
}  // namespace

void queue_figure_values(const queue_counters& c, const wait_histogram& waits,
                         std::optional<double> service_level_target,
                         std::optional<double> answer_rate_target, double* out) {
    const auto offered = static_cast<double>(c.offered);
    const auto answered = static_cast<double>(c.answered);
    const auto abandoned = static_cast<double>(c.abandoned);
    auto set = [&](queue_figure f, double v) { out[static_cast<int>(f)] = v; };
    auto count = [](std::uint64_t n) { return static_cast<double>(n); };
    set(queue_figure::offered, offered);
    set(queue_figure::answered, answered);
    set(queue_figure::abandoned, abandoned);
    set(queue_figure::redials, count(c.redials));
    set(queue_figure::waiting_at_end, count(c.waiting_at_end));
    set(queue_figure::outside_hours, count(c.outside_hours));
    set(queue_figure::service_level, share(count(c.answered_within), offered));
    set(queue_figure::service_level_answered, share(count(c.answered_within), answered));
    set(queue_figure::answer_rate, share(answered, offered));
    set(queue_figure::abandon_rate, share(abandoned, offered));
    set(queue_figure::p_wait, share(count(c.queued), offered));
    set(queue_figure::asa_s, share(c.answered_wait, answered));
    set(queue_figure::mean_abandon_wait_s, share(c.abandoned_wait, abandoned));
    set(queue_figure::p90_wait_s, waits.quantile(0.9));
    set(queue_figure::longest_queue, count(c.longest_queue));
    auto met = [](double value, std::optional<double> target) {
        return target && !std::isnan(value) ? (value >= *target ? 1.0 : 0.0) : nan;
    };
    set(queue_figure::met_service_level,
        met(out[static_cast<int>(queue_figure::service_level)], service_level_target));
    set(queue_figure::met_answer_rate,
        met(out[static_cast<int>(queue_figure::answer_rate)], answer_rate_target));
    set(queue_figure::repeats, count(c.repeats));
    set(queue_figure::fcr, share(count(c.first_resolved), count(c.first_contacts)));
    set(queue_figure::escalated, count(c.escalated));
    set(queue_figure::replied_within, share(count(c.replied_within), count(c.reply_due)));
    set(queue_figure::resolved_within, share(count(c.resolved_within), count(c.resolve_due)));
    set(queue_figure::done_within, share(count(c.done_within), count(c.done_due)));
    set(queue_figure::attempts, count(c.attempts));
    // Filled in by the caller for the days and the horizon of queues that carry work over.
    set(queue_figure::backlog, nan);
    set(queue_figure::oldest_h, nan);
}

void group_figure_values(const agent_time& t, double slot_seconds, double length, double* out) {
    auto set = [&](group_figure f, double v) { out[static_cast<int>(f)] = v; };
    set(group_figure::occupancy, share(t.busy, t.staffed));
    set(group_figure::agents_logged_in, share(t.staffed, length));
    set(group_figure::agents_busy, share(t.busy, length));
    set(group_figure::overtime_h, t.overtime / 3600.0);
    set(group_figure::chats_held, share(t.sessions, t.chatting));
    set(group_figure::slot_occupancy, share(t.sessions, slot_seconds));
    set(group_figure::outbound_per_agent_hour,
        share(static_cast<double>(t.attempts), t.staffed / 3600.0));
    set(group_figure::not_ready_share, share(t.not_ready, t.staffed));
    set(group_figure::agents_not_ready, share(t.not_ready, length));
}

simulation_summary::simulation_summary(const scenario& s, double confidence, bool differences)
    : queues_(s.queues.size()),
      groups_(s.groups.size()),
      intervals_(s.interval_count),
      days_(s.calendar.days),
      interval_seconds_(s.interval.count()),
      service_level_target_(s.service_level_target),
      answer_rate_target_(s.answer_rate_target),
      confidence_(confidence),
      differences_(differences),
      queue_table_(static_cast<Eigen::Index>((queues_ + 1) * buckets() * queue_figure_count)),
      group_table_(static_cast<Eigen::Index>((groups_ + 1) * buckets() * group_figure_count)) {
    const std::vector<double> open = open_seconds_per_interval(s);
    for (std::size_t i = 0; i < intervals_; ++i) {
        interval_day_.push_back(s.day_of_interval(i));
        interval_open_.push_back(open[i] > 0.0);
    }
    in_all_ = queues_in_total(s);
    for (const queue_spec& q : s.queues)
        carries_over_.push_back(q.channel == channel_kind::backoffice ||
                                q.channel == channel_kind::outbound);
    // The day each closing of the centre belongs to (as the replication records backlogs).
    closes_on_.assign(days_, false);
    for (const auto& [from, to] : s.open_periods) {
        const double at = std::max(0.0, to.count() - 1e-6) / seconds_per_day;
        closes_on_[std::min(days_ - 1, static_cast<std::size_t>(at))] = true;
    }
    for (const group_spec& g : s.groups) max_chats_.push_back(g.max_chats);
}

void simulation_summary::queue_values(const queue_counters& c, const wait_histogram& waits,
                                      bool answered_work, double* out) const {
    queue_figure_values(c, waits, service_level_target_, answer_rate_target_, out);
    if (answered_work) return;
    // Back-office items and outbound tasks are not answered (nor abandoned): their figures
    // are the deadlines', and the call figures would only mislead.
    for (const queue_figure f :
         {queue_figure::answered, queue_figure::abandoned, queue_figure::service_level,
          queue_figure::service_level_answered, queue_figure::answer_rate,
          queue_figure::abandon_rate, queue_figure::p_wait, queue_figure::asa_s,
          queue_figure::mean_abandon_wait_s, queue_figure::p90_wait_s,
          queue_figure::met_service_level, queue_figure::met_answer_rate})
        out[static_cast<int>(f)] = nan;
}

Eigen::Index simulation_summary::queue_index(std::size_t queue, std::size_t bucket,
                                             queue_figure f) const {
    return static_cast<Eigen::Index>((queue * buckets() + bucket) * queue_figure_count +
                                     static_cast<std::size_t>(f));
}

Eigen::Index simulation_summary::group_index(std::size_t group, std::size_t bucket,
                                             group_figure f) const {
    return static_cast<Eigen::Index>((group * buckets() + bucket) * group_figure_count +
                                     static_cast<std::size_t>(f));
}

replication_figures operator-(const replication_figures& variant, const replication_figures& base) {
    return {variant.queues - base.queues, variant.groups - base.groups, variant.arrivals,
            variant.events};
}

void simulation_summary::add(const replication_figures& values) {
    ++replications_;
    arrivals_ += values.arrivals;
    events_ += values.events;
    queue_table_.add(values.queues);
    group_table_.add(values.groups);
}

replication_figures simulation_summary::figures(const replication_statistics& day) const {
    // Queue figures: each interval, the horizon (every bucket, the one after the last interval
    // included), each day (its intervals; the last day also takes what came after the last
    // interval) and all queues together.
    replication_figures result{Eigen::ArrayXd(queue_table_.size()),
                               Eigen::ArrayXd(group_table_.size()), day.arrivals, day.events};
    Eigen::ArrayXd& values = result.queues;
    const std::size_t all = queues_;
    // With one queue in the total, "all queues" is that queue: copy its figures rather than
    // merge again.
    const auto members = static_cast<std::size_t>(std::count(in_all_.begin(), in_all_.end(), true));
    const bool one_queue = members == 1;
    const std::size_t only_member =
        static_cast<std::size_t>(std::find(in_all_.begin(), in_all_.end(), true) - in_all_.begin());
    auto day_of_bucket = [&](std::size_t b) {
        return b < intervals_ ? interval_day_[b] : days_ - 1;
    };
    std::vector<queue_counters> all_queues(one_queue ? 0 : intervals_ + 1);
    std::vector<wait_histogram> all_waits(one_queue ? 0 : intervals_ + 1);
    for (std::size_t q = 0; q <= queues_; ++q) {
        if (q == all && one_queue) {
            for (std::size_t b = 0; b < buckets(); ++b)
                for (int f = 0; f < queue_figure_count; ++f)
                    values[queue_index(all, b, static_cast<queue_figure>(f))] =
                        values[queue_index(only_member, b, static_cast<queue_figure>(f))];
            break;
        }
        // Voice and chat are answered; the total is when any of its members is.
        bool answered_work = q != all && !carries_over_[q];
        for (std::size_t m = 0; q == all && m < queues_; ++m)
            answered_work |= in_all_[m] && !carries_over_[m];
        queue_counters horizon_counters;
        wait_histogram horizon_waits;
        // With a single day, that day is the horizon: its figures are copied, not merged again.
        const bool one_day = days_ == 1;
        std::vector<queue_counters> day_counters(one_day ? 0 : days_);
        std::vector<wait_histogram> day_waits(one_day ? 0 : days_);
        for (std::size_t b = 0; b <= intervals_; ++b) {
            // The members' queues add up: the most waiting at once is the engine's total, not
            // the largest member's maximum that merging would keep.
            if (q == all) all_queues[b].longest_queue = day.longest_total[b];
            const queue_counters& c =
                q == all ? all_queues[b] : day.counters[q * day.buckets() + b];
            const wait_histogram& w = q == all ? all_waits[b] : day.waits[q * day.buckets() + b];
            if (q != all && !one_queue && in_all_[q]) {
                all_queues[b].merge(c);
                all_waits[b].merge(w);
            }
            horizon_counters.merge(c);
            horizon_waits.merge(w);
            if (!one_day) {
                day_counters[day_of_bucket(b)].merge(c);
                day_waits[day_of_bucket(b)].merge(w);
            }
            if (b < intervals_)
                queue_values(c, w, answered_work,
                             &values[queue_index(q, b, queue_figure::offered)]);
        }
        queue_values(horizon_counters, horizon_waits, answered_work,
                     &values[queue_index(q, horizon(), queue_figure::offered)]);
        if (one_day)
            std::copy_n(&values[queue_index(q, horizon(), queue_figure::offered)],
                        queue_figure_count,
                        &values[queue_index(q, day_bucket(0), queue_figure::offered)]);
        for (std::size_t d = 0; d < day_counters.size(); ++d)
            queue_values(day_counters[d], day_waits[d], answered_work,
                         &values[queue_index(q, day_bucket(d), queue_figure::offered)]);
        set_backlog(day, q, values);
    }
    // Group figures: time-weighted figures of a day or the horizon cover the intervals in which
    // the centre is open (agents working the queue off after closing add to answered calls,
    // not to staffing); overtime counts wherever it was worked.
    Eigen::ArrayXd& group_values = result.groups;
    auto accumulate = [](agent_time& into, const agent_time& t) {
        into.staffed += t.staffed;
        into.busy += t.busy;
        into.not_ready += t.not_ready;
        into.overtime += t.overtime;
        into.sessions += t.sessions;
        into.chatting += t.chatting;
        into.attempts += t.attempts;
    };
    std::vector<agent_time> all_groups(intervals_ + 1);
    std::vector<double> all_slots(intervals_ + 1, 0.0);  // logged-in slot-seconds
    for (std::size_t g = 0; g <= groups_; ++g) {
        agent_time total;
        std::vector<agent_time> per_day(days_);
        double open_length = 0.0, total_slots = 0.0;
        std::vector<double> day_length(days_, 0.0), day_slots(days_, 0.0);
        for (std::size_t b = 0; b <= intervals_; ++b) {
            const agent_time& t = g == groups_ ? all_groups[b] : day.time[g * day.buckets() + b];
            const double slots =
                g == groups_ ? all_slots[b] : t.staffed * static_cast<double>(max_chats_[g]);
            if (g != groups_) {
                accumulate(all_groups[b], t);
                all_slots[b] += slots;
            }
            const std::size_t d = day_of_bucket(b);
            total.overtime += t.overtime;
            per_day[d].overtime += t.overtime;
            if (b == intervals_) continue;
            if (interval_open_[b]) {
                agent_time open_part = t;
                open_part.overtime = 0.0;
                accumulate(total, open_part);
                accumulate(per_day[d], open_part);
                total_slots += slots;
                day_slots[d] += slots;
                open_length += interval_seconds_;
                day_length[d] += interval_seconds_;
            }
            group_figure_values(t, slots, interval_seconds_,
                                &group_values[group_index(g, b, group_figure::occupancy)]);
        }
        group_figure_values(total, total_slots, open_length,
                            &group_values[group_index(g, horizon(), group_figure::occupancy)]);
        for (std::size_t d = 0; d < days_; ++d)
            group_figure_values(
                per_day[d], day_slots[d], day_length[d],
                &group_values[group_index(g, day_bucket(d), group_figure::occupancy)]);
    }
    return result;
}

void simulation_summary::set_backlog(const replication_statistics& day, std::size_t q,
                                     Eigen::ArrayXd& values) const {
    // Work carried over: at each day's close (a day the centre does not open keeps the last
    // close's), at the horizon's last close, and the oldest item seen at any close. "All
    // queues" adds up its members that carry work over.
    const bool total = q == queues_;
    bool any = false;
    for (std::size_t m = 0; m < queues_; ++m)
        any |= total ? in_all_[m] && carries_over_[m] : m == q;
    if (!any || (!total && !carries_over_[q])) return;
    double items = 0.0, oldest = 0.0, oldest_ever = 0.0;
    for (std::size_t d = 0; d < days_; ++d) {
        if (closes_on_[d]) {
            items = 0.0;
            oldest = 0.0;
            for (std::size_t m = 0; m < queues_; ++m) {
                if (total ? !(in_all_[m] && carries_over_[m]) : m != q) continue;
                items += static_cast<double>(day.backlog_at(m, d).items);
                oldest = std::max(oldest, day.backlog_at(m, d).oldest / 3600.0);
            }
        }
        oldest_ever = std::max(oldest_ever, oldest);
        values[queue_index(q, day_bucket(d), queue_figure::backlog)] = items;
        values[queue_index(q, day_bucket(d), queue_figure::oldest_h)] = oldest;
    }
    values[queue_index(q, horizon(), queue_figure::backlog)] = items;
    values[queue_index(q, horizon(), queue_figure::oldest_h)] = oldest_ever;
}

namespace {
// A t interval is symmetric; a figure that cannot be negative (or above 1, for a share)
// has its interval cut at those bounds rather than reported as "-3 s".
estimate within_range(estimate e, const figure_info& figure) {
    e.ci_low = std::max(e.ci_low, 0.0);
    if (figure.share) e.ci_high = std::min(e.ci_high, 1.0);
    return e;
}
}  // namespace

namespace {
// How a day's figure relates to its intervals' under batch means: a count is their sum (its
// variance n times a batch's), a ratio or mean is their average, and a maximum is neither
// (no batch-means interval).
enum class day_aggregate { sum, average, none };

day_aggregate aggregate_of(queue_figure f) {
    switch (f) {
        case queue_figure::offered:
        case queue_figure::answered:
        case queue_figure::abandoned:
        case queue_figure::redials:
        case queue_figure::waiting_at_end:
        case queue_figure::outside_hours:
        case queue_figure::repeats:
        case queue_figure::escalated:
        case queue_figure::attempts:
            return day_aggregate::sum;
        case queue_figure::longest_queue:
        case queue_figure::backlog:
        case queue_figure::oldest_h:
            return day_aggregate::none;
        default:
            return day_aggregate::average;
    }
}
day_aggregate aggregate_of(group_figure) {
    return day_aggregate::average;
}
}  // namespace

// The day's value stays the pooled one (all calls of the run); its interval comes from the
// spread of the batch (interval) values: half-width t * sd / sqrt(batches) for averages.
template <class Figure, class Value>
estimate simulation_summary::day_by_batch_means(estimate day, Figure f, Value value_at) const {
    const day_aggregate aggregate = aggregate_of(f);
    if (aggregate == day_aggregate::none) return day;
    double n = 0.0, mean = 0.0, m2 = 0.0;
    for (std::size_t b = 0; b < intervals_; ++b) {
        const double v = value_at(b);
        if (!std::isfinite(v)) continue;
        n += 1.0;
        const double delta = v - mean;
        mean += delta / n;
        m2 += delta * (v - mean);
    }
    if (n < 2.0) return day;
    double half = student_t_quantile(confidence_, n) * std::sqrt(m2 / (n - 1.0) / n);
    if (aggregate == day_aggregate::sum) half *= n;
    return {day.mean, day.mean - half, day.mean + half};
}

estimate simulation_summary::queue(std::size_t queue, std::size_t bucket, queue_figure f) const {
    estimate e = queue_table_.at(queue_index(queue, bucket, f), confidence_);
    if (bucket == intervals_ && batch_means())
        e = day_by_batch_means(e, f, [&](std::size_t b) {
            return queue_table_.at(queue_index(queue, b, f), confidence_).mean;
        });
    return differences_ ? e : within_range(e, info(f));
}

estimate simulation_summary::group(std::size_t group, std::size_t bucket, group_figure f) const {
    estimate e = group_table_.at(group_index(group, bucket, f), confidence_);
    if (bucket == intervals_ && batch_means())
        e = day_by_batch_means(e, f, [&](std::size_t b) {
            return group_table_.at(group_index(group, b, f), confidence_).mean;
        });
    return differences_ ? e : within_range(e, info(f));
}

}  // namespace ccsim::sim
