#pragma once
// Waiting times in log-linear bins, so that percentiles need no per-call memory: waits of
// exactly zero (answered at once) in a bin of their own, then 32 bins per doubling from
// 1/16 s to 12 days (work that lives on, such as a complaint, may wait days), a relative
// resolution of 1/32 (a 20 s wait is known to within 0.6 s), and one bin for anything longer.
// 3 kB per queue and interval.
#include <algorithm>
#include <array>
#include <cstdint>

namespace ccsim::sim {

class wait_histogram {
  public:
    void add(double wait) {
        const int bin = bin_of(wait);
        ++counts_[static_cast<std::size_t>(bin)];
        first_ = std::min(first_, static_cast<std::uint16_t>(bin));
        end_ = std::max(end_, static_cast<std::uint16_t>(bin + 1));
        ++count_;
        if (wait > largest_) largest_ = wait;
    }
    void merge(const wait_histogram& other);
    std::uint64_t count() const { return count_; }
    /// The p-quantile (0 < p < 1), interpolated within its bin; NaN when empty.
    double quantile(double p) const;

    static constexpr double smallest = 1.0 / 16.0;  // lower edge of the first octave
    static constexpr int per_octave = 32;
    static constexpr int octaves = 24;  // 1/16 s * 2^24 = 1,048,576 s, 12.1 days
    static int bin_of(double wait);
    static double lower_edge(int bin);

  private:
    // Bin 0: zero waits; bin 1: (0, 1/16 s); then octaves; the last bin: beyond 12 days.
    static constexpr int bins = 2 + per_octave * octaves + 1;

    std::array<std::uint32_t, bins> counts_{};
    // The bins in use are [first_, end_): merging and percentiles skip the rest (most
    // histograms of a long horizon hold a few waits, or none: nights, closed days).
    std::uint16_t first_ = bins, end_ = 0;
    std::uint64_t count_ = 0;
    double largest_ = 0.0;
};

}  // namespace ccsim::sim
