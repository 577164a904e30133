#pragma once
// Time spans spread over interval buckets, and levels (agents logged in) integrated over them.
#include <algorithm>
#include <cstddef>

namespace ccsim::sim {

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
            const double boundary = start_ + interval_ * static_cast<double>(bucket + 1);
            if (to <= boundary) {  // most spans end in the bucket they start in: predictable
                add(bucket, to - from);
                return;
            }
            add(bucket, boundary - from);
            from = boundary;
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
