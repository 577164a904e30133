#pragma once
// What one replication (one simulated day) records: counters per queue and interval, wait
// histograms, and agent time per group and interval. Streaming: the size depends on queues,
// groups and intervals, never on the number of calls.
//
// A call belongs to the interval in which it arrived (the WFM convention). Bucket
// `intervals` (one past the last) collects whatever happens after the last interval ends.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/wait_histogram.hpp"

namespace ccsim::sim {

struct queue_counters {
    std::uint64_t offered = 0;  // attempts arriving in opening hours (redials included)
    std::uint64_t redials = 0;  // of which redials of earlier abandoned attempts
    std::uint64_t answered = 0;
    std::uint64_t answered_within = 0;  // answered with wait <= the queue's threshold
    std::uint64_t abandoned = 0;
    std::uint64_t abandoned_within = 0;  // hung up with wait <= the threshold
    std::uint64_t queued = 0;            // found no free agent and had to wait
    std::uint64_t waiting_at_end = 0;    // still waiting when nothing else could happen
    std::uint64_t outside_hours = 0;     // arrived while closed: counted apart, not offered
    double answered_wait = 0.0;          // sum of waits of answered calls, seconds
    double abandoned_wait = 0.0;         // sum of waits of abandoned calls, seconds
    std::uint32_t longest_queue = 0;     // most calls waiting at once during the interval

    void merge(const queue_counters& o);
};

struct agent_time {
    double staffed = 0.0;  // agent-seconds logged in and not on break (overtime included)
    double busy = 0.0;     // agent-seconds handling calls
};

struct replication_statistics {
    std::size_t queues = 0;
    std::size_t groups = 0;
    std::size_t intervals = 0;             // buckets per queue or group: intervals + 1
    std::vector<queue_counters> counters;  // [queue * (intervals + 1) + bucket]
    std::vector<wait_histogram> waits;     // waits of answered calls, same index
    std::vector<agent_time> time;          // [group * (intervals + 1) + bucket]
    std::uint64_t arrivals = 0;  // every arrival event, warm-up and outside hours included
    std::uint64_t events = 0;
    double day_factor = 1.0;  // the busyness factor drawn for this day

    replication_statistics(std::size_t queue_count, std::size_t group_count,
                           std::size_t interval_count);
    std::size_t buckets() const { return intervals + 1; }
    queue_counters& at(std::size_t queue, std::size_t bucket) {
        return counters[queue * buckets() + bucket];
    }
    const queue_counters& at(std::size_t queue, std::size_t bucket) const {
        return counters[queue * buckets() + bucket];
    }
    wait_histogram& waits_at(std::size_t queue, std::size_t bucket) {
        return waits[queue * buckets() + bucket];
    }
    agent_time& time_at(std::size_t group, std::size_t bucket) {
        return time[group * buckets() + bucket];
    }
    const agent_time& time_at(std::size_t group, std::size_t bucket) const {
        return time[group * buckets() + bucket];
    }
};

/// Spreads time spans over interval buckets: [start + i * interval, start + (i + 1) * interval)
/// is bucket i, everything from the end of the last interval on is bucket `intervals`, and
/// time before `start` is dropped.
class interval_spreader {
  public:
    interval_spreader(double start, double interval, std::size_t intervals)
        : start_(start), interval_(interval), intervals_(intervals) {}

    /// Calls add(bucket, seconds) for each bucket that [from, to) overlaps.
    template <class Sink>
    void spread(double from, double to, Sink&& add) const {
        from = std::max(from, start_);
        if (!(from < to)) return;
        const double offset = (from - start_) / interval_;
        auto bucket = static_cast<std::size_t>(offset);
        while (from < to) {
            if (bucket >= intervals_) {
                add(intervals_, to - from);
                return;
            }
            const double until = std::min(to, start_ + interval_ * static_cast<double>(bucket + 1));
            add(bucket, until - from);
            from = until;
            ++bucket;
        }
    }

  private:
    double start_, interval_;
    std::size_t intervals_;
};

/// Integrates a level that changes at discrete times (agents logged in) into per-interval
/// totals of level x seconds.
class level_meter {
  public:
    explicit level_meter(interval_spreader spreader) : spreader_(spreader) {}

    /// Adds level * duration since the last change, then makes `level` current from `now`.
    template <class Sink>
    void change(double now, double level, Sink&& add) {
        if (level_ != 0.0 && now > last_)
            spreader_.spread(last_, now,
                             [&](std::size_t bucket, double span) { add(bucket, level_ * span); });
        last_ = now;
        level_ = level;
    }

  private:
    interval_spreader spreader_;
    double last_ = 0.0;
    double level_ = 0.0;
};

}  // namespace ccsim::sim
