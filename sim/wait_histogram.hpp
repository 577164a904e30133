#pragma once
// Waiting times in fixed bins, so that percentiles need no per-call memory: zero waits
// exactly, then 0.25 s bins to 2 min, 1 s bins to 20 min, 10 s bins to 3 h, and the rest.
#include <array>
#include <cstdint>

namespace ccsim::sim {

class wait_histogram {
  public:
    void add(double wait);
    void merge(const wait_histogram& other);
    std::uint64_t count() const { return count_; }
    /// The p-quantile (0 < p < 1), interpolated within its bin; NaN when empty.
    double quantile(double p) const;

  private:
    static constexpr int fine_bins = 480;     // (0, 120] s by 0.25 s
    static constexpr int medium_bins = 1080;  // (120, 1200] s by 1 s
    static constexpr int coarse_bins = 972;   // (1200, 10920] s by 10 s
    static constexpr int bins = 1 + fine_bins + medium_bins + coarse_bins + 1;
    static int bin_of(double wait);
    static double lower_edge(int bin);
    static double upper_edge(int bin);

    std::array<std::uint32_t, bins> counts_{};
    std::uint64_t count_ = 0;
    double largest_ = 0.0;
};

}  // namespace ccsim::sim
