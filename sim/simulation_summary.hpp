#pragma once
// Figures with confidence intervals, per queue (and all queues together) and per agent
// group, for every interval and for the whole day, accumulated replication by replication.
#include <cstdint>
#include <vector>

#include "core/estimate.hpp"
#include "sim/estimate_table.hpp"
#include "sim/figures.hpp"
#include "sim/replication_statistics.hpp"
#include "sim/scenario.hpp"

namespace ccsim::sim {

/// Every figure of one replication: queue figures for each queue (then all queues) and
/// bucket (each interval, then the day), group figures likewise. NaN where undefined.
struct replication_figures {
    Eigen::ArrayXd queues;
    Eigen::ArrayXd groups;
    std::uint64_t arrivals = 0;
    std::uint64_t events = 0;
};

class simulation_summary {
  public:
    /// With `differences` the values added are differences between two variants, which may
    /// be negative: their intervals are not cut at the figures' ranges.
    simulation_summary(std::size_t queues, std::size_t groups, std::size_t intervals,
                       seconds interval, double confidence = 0.95, bool differences = false);

    /// Computes the figures of one replication, in the layout this summary uses.
    replication_figures figures(const replication_statistics& day) const;

    void add(const replication_statistics& day) { add(figures(day)); }
    void add(const replication_figures& values);

    std::size_t queues() const { return queues_; }
    std::size_t groups() const { return groups_; }
    std::size_t intervals() const { return intervals_; }
    std::size_t replications() const { return replications_; }
    double confidence() const { return confidence_; }

    /// One long run of a stationary queue: with a single replication, give the day's figures
    /// confidence intervals by batch means, each interval (after the warm-up) a batch. Only
    /// meaningful when every interval has the same inputs (the quick form of simulate).
    void use_batch_means() { batch_means_ = true; }
    bool batch_means() const { return batch_means_ && replications_ == 1; }

    /// `queue` == queues() means all queues together; `bucket` == intervals() the whole day.
    estimate queue(std::size_t queue, std::size_t bucket, queue_figure f) const;
    /// `group` == groups() means all groups together; `bucket` == intervals() the whole day.
    estimate group(std::size_t group, std::size_t bucket, group_figure f) const;

    std::uint64_t arrivals() const { return arrivals_; }
    std::uint64_t events() const { return events_; }

  private:
    template <class Figure, class Value>
    estimate day_by_batch_means(estimate day, Figure f, Value value_at) const;
    Eigen::Index queue_index(std::size_t queue, std::size_t bucket, queue_figure f) const;
    Eigen::Index group_index(std::size_t group, std::size_t bucket, group_figure f) const;

    std::size_t queues_, groups_, intervals_;
    double interval_seconds_;
    double confidence_;
    bool differences_;
    bool batch_means_ = false;
    std::size_t replications_ = 0;
    std::uint64_t arrivals_ = 0, events_ = 0;
    estimate_table queue_table_, group_table_;
};

/// figures(variant) - figures(base), for paired comparisons.
replication_figures operator-(const replication_figures& variant, const replication_figures& base);

/// The per-replication value of each queue figure for one set of merged counters.
void queue_figure_values(const queue_counters& c, const wait_histogram& waits, double* out);
/// The per-replication value of each group figure for agent time over `length` seconds.
void group_figure_values(const agent_time& t, double length, double* out);

}  // namespace ccsim::sim
