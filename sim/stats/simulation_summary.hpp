#pragma once
// Figures with confidence intervals, per queue (and all queues together) and per agent
// group, for every interval, every day and the whole horizon, accumulated replication by
// replication.
//
// Buckets: 0 .. intervals-1 are the intervals, `intervals` is the whole horizon (so code
// written for one day keeps meaning "the day"), then one bucket per day.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/estimate.hpp"
#include "sim/stats/estimate_table.hpp"
#include "sim/stats/figures.hpp"
#include "sim/stats/replication_statistics.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::sim {

/// Every figure of one replication: queue figures for each queue (then all queues) and
/// bucket (each interval, the horizon, each day), group figures likewise. NaN where undefined.
struct replication_figures {
    Eigen::ArrayXd queues;
    Eigen::ArrayXd groups;
    std::uint64_t arrivals = 0;
    std::uint64_t events = 0;
};

class simulation_summary {
  public:
    /// The layout (queues, groups, intervals, days, opening hours) and the targets of `s`.
    /// With `differences` the values added are differences between two variants, which may
    /// be negative: their intervals are not cut at the figures' ranges.
    explicit simulation_summary(const scenario& s, double confidence = 0.95,
                                bool differences = false);

    /// Computes the figures of one replication, in the layout this summary uses.
    replication_figures figures(const replication_statistics& day) const;

    void add(const replication_statistics& day) { add(figures(day)); }
    void add(const replication_figures& values);

    std::size_t queues() const { return queues_; }
    std::size_t groups() const { return groups_; }
    std::size_t intervals() const { return intervals_; }
    std::size_t days() const { return days_; }
    /// The bucket of the whole horizon (== intervals()) and of day d.
    std::size_t horizon() const { return intervals_; }
    std::size_t day_bucket(std::size_t day) const { return intervals_ + 1 + day; }
    std::size_t buckets() const { return intervals_ + 1 + days_; }
    /// The day interval i belongs to, and whether the centre is open during part of it.
    std::size_t day_of(std::size_t interval) const { return interval_day_[interval]; }
    bool is_open(std::size_t interval) const { return interval_open_[interval]; }
    std::size_t replications() const { return replications_; }
    double confidence() const { return confidence_; }

    /// One long run of a stationary queue: with a single replication, give the horizon's
    /// figures confidence intervals by batch means, each interval (after the warm-up) a batch.
    /// Only meaningful when every interval has the same inputs (scenario::stationary, the
    /// quick form of simulate); simulate() chooses it then.
    void use_batch_means() { batch_means_ = true; }
    bool batch_means() const { return batch_means_ && replications_ == 1; }

    /// `queue` == queues() means all queues together (the voice queues when there are any;
    /// docs/model.md); `bucket` as above.
    estimate queue(std::size_t queue, std::size_t bucket, queue_figure f) const;
    /// `group` == groups() means all groups together; `bucket` as above.
    estimate group(std::size_t group, std::size_t bucket, group_figure f) const;

    std::uint64_t arrivals() const { return arrivals_; }
    std::uint64_t events() const { return events_; }

  private:
    template <class Figure, class Value>
    estimate day_by_batch_means(estimate day, Figure f, Value value_at) const;
    Eigen::Index queue_index(std::size_t queue, std::size_t bucket, queue_figure f) const;
    Eigen::Index group_index(std::size_t group, std::size_t bucket, group_figure f) const;

    void queue_values(const queue_counters& c, const wait_histogram& waits, bool answered_work,
                      double* out) const;
    void set_backlog(const replication_statistics& day, std::size_t queue,
                     Eigen::ArrayXd& values) const;

    std::size_t queues_, groups_, intervals_, days_;
    double interval_seconds_;
    std::vector<std::size_t> interval_day_;
    std::vector<bool> interval_open_;
    std::vector<bool> in_all_;        // queues in "all queues": voice (or all without voice)
    std::vector<bool> carries_over_;  // back office and outbound: backlog figures
    std::vector<bool> closes_on_;     // days on which the centre closes
    std::vector<int> max_chats_;      // per group
    std::optional<double> service_level_target_, answer_rate_target_;
    double confidence_;
    bool differences_;
    bool batch_means_ = false;
    std::size_t replications_ = 0;
    std::uint64_t arrivals_ = 0, events_ = 0;
    estimate_table queue_table_, group_table_;
};

/// figures(variant) - figures(base), for paired comparisons.
replication_figures operator-(const replication_figures& variant, const replication_figures& base);

/// The per-replication value of each queue figure for one set of merged counters; the risk
/// figures (met_*) are 1 when the figure reaches the target, 0 when not, NaN without a target
/// or a value.
void queue_figure_values(const queue_counters& c, const wait_histogram& waits,
                         std::optional<double> service_level_target,
                         std::optional<double> answer_rate_target, double* out);
/// The per-replication value of each group figure for agent time over `length` seconds, with
/// `slot_seconds` chat slots logged in (logged-in time x max_chats).
void group_figure_values(const agent_time& t, double slot_seconds, double length, double* out);

}  // namespace ccsim::sim
