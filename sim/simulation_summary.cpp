#include "sim/simulation_summary.hpp"

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

void queue_figure_values(const queue_counters& c, const wait_histogram& waits, double* out) {
    const auto offered = static_cast<double>(c.offered);
    const auto answered = static_cast<double>(c.answered);
    const auto abandoned = static_cast<double>(c.abandoned);
    auto set = [&](queue_figure f, double v) { out[static_cast<int>(f)] = v; };
    set(queue_figure::offered, offered);
    set(queue_figure::answered, answered);
    set(queue_figure::abandoned, abandoned);
    set(queue_figure::redials, static_cast<double>(c.redials));
    set(queue_figure::waiting_at_end, static_cast<double>(c.waiting_at_end));
    set(queue_figure::outside_hours, static_cast<double>(c.outside_hours));
    set(queue_figure::service_level, share(static_cast<double>(c.answered_within), offered));
    set(queue_figure::service_level_answered,
        share(static_cast<double>(c.answered_within), answered));
    set(queue_figure::answer_rate, share(answered, offered));
    set(queue_figure::abandon_rate, share(abandoned, offered));
    set(queue_figure::p_wait, share(static_cast<double>(c.queued), offered));
    set(queue_figure::asa_s, share(c.answered_wait, answered));
    set(queue_figure::mean_abandon_wait_s, share(c.abandoned_wait, abandoned));
    set(queue_figure::p90_wait_s, waits.quantile(0.9));
    set(queue_figure::longest_queue, static_cast<double>(c.longest_queue));
}

void group_figure_values(const agent_time& t, double length, double* out) {
    out[static_cast<int>(group_figure::occupancy)] = share(t.busy, t.staffed);
    out[static_cast<int>(group_figure::agents_logged_in)] = t.staffed / length;
    out[static_cast<int>(group_figure::agents_busy)] = t.busy / length;
}

simulation_summary::simulation_summary(std::size_t queues, std::size_t groups,
                                       std::size_t intervals, seconds interval, double confidence,
                                       bool differences)
    : queues_(queues),
      groups_(groups),
      intervals_(intervals),
      interval_seconds_(interval.count()),
      confidence_(confidence),
      differences_(differences),
      queue_table_(static_cast<Eigen::Index>((queues + 1) * (intervals + 1) * queue_figure_count)),
      group_table_(static_cast<Eigen::Index>((groups + 1) * (intervals + 1) * group_figure_count)) {
}

Eigen::Index simulation_summary::queue_index(std::size_t queue, std::size_t bucket,
                                             queue_figure f) const {
    return static_cast<Eigen::Index>((queue * (intervals_ + 1) + bucket) * queue_figure_count +
                                     static_cast<std::size_t>(f));
}

Eigen::Index simulation_summary::group_index(std::size_t group, std::size_t bucket,
                                             group_figure f) const {
    return static_cast<Eigen::Index>((group * (intervals_ + 1) + bucket) * group_figure_count +
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
    // Queue figures: each interval, the day (every bucket, the one after the last interval
    // included) and all queues together.
    replication_figures result{Eigen::ArrayXd(queue_table_.size()),
                               Eigen::ArrayXd(group_table_.size()), day.arrivals, day.events};
    Eigen::ArrayXd& values = result.queues;
    const std::size_t all = queues_, whole_day = intervals_;
    // With one queue, "all queues" is that queue: copy its figures rather than merge again.
    const bool one_queue = queues_ == 1;
    std::vector<queue_counters> all_queues(one_queue ? 0 : intervals_ + 1);
    std::vector<wait_histogram> all_waits(one_queue ? 0 : intervals_ + 1);
    for (std::size_t q = 0; q <= queues_; ++q) {
        if (q == all && one_queue) {
            for (std::size_t b = 0; b <= intervals_; ++b)
                for (int f = 0; f < queue_figure_count; ++f)
                    values[queue_index(all, b, static_cast<queue_figure>(f))] =
                        values[queue_index(0, b, static_cast<queue_figure>(f))];
            break;
        }
        queue_counters day_counters;
        wait_histogram day_waits;
        for (std::size_t b = 0; b <= intervals_; ++b) {
            const queue_counters& c =
                q == all ? all_queues[b] : day.counters[q * day.buckets() + b];
            const wait_histogram& w = q == all ? all_waits[b] : day.waits[q * day.buckets() + b];
            if (q != all && !one_queue) {
                all_queues[b].merge(c);
                all_waits[b].merge(w);
            }
            day_counters.merge(c);
            day_waits.merge(w);
            if (b < intervals_)
                queue_figure_values(c, w, &values[queue_index(q, b, queue_figure::offered)]);
        }
        queue_figure_values(day_counters, day_waits,
                            &values[queue_index(q, whole_day, queue_figure::offered)]);
    }
    Eigen::ArrayXd& group_values = result.groups;
    std::vector<agent_time> all_groups(intervals_ + 1);
    const double day_length = interval_seconds_ * static_cast<double>(intervals_);
    for (std::size_t g = 0; g <= groups_; ++g) {
        agent_time total;  // over the intervals: agents working off the queue after the
                           // last interval are not part of the day's staffing figures
        for (std::size_t b = 0; b < intervals_; ++b) {
            const agent_time& t = g == groups_ ? all_groups[b] : day.time[g * day.buckets() + b];
            if (g != groups_) {
                all_groups[b].staffed += t.staffed;
                all_groups[b].busy += t.busy;
            }
            total.staffed += t.staffed;
            total.busy += t.busy;
            group_figure_values(t, interval_seconds_,
                                &group_values[group_index(g, b, group_figure::occupancy)]);
        }
        group_figure_values(total, day_length,
                            &group_values[group_index(g, whole_day, group_figure::occupancy)]);
    }
    return result;
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
    if (f == queue_figure::longest_queue) return day_aggregate::none;
    return static_cast<int>(f) <= static_cast<int>(queue_figure::outside_hours)
               ? day_aggregate::sum
               : day_aggregate::average;
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
