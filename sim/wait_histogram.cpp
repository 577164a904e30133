#include "sim/wait_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccsim::sim {

int wait_histogram::bin_of(double wait) {
    if (wait <= 0.0) return 0;
    if (wait <= 120.0)
        return 1 + std::min(fine_bins - 1, static_cast<int>(std::ceil(wait * 4.0)) - 1);
    if (wait <= 1200.0)
        return 1 + fine_bins +
               std::min(medium_bins - 1, static_cast<int>(std::ceil(wait - 120.0)) - 1);
    if (wait <= 10920.0)
        return 1 + fine_bins + medium_bins +
               std::min(coarse_bins - 1, static_cast<int>(std::ceil((wait - 1200.0) / 10.0)) - 1);
    return bins - 1;
}

double wait_histogram::lower_edge(int bin) {
    if (bin <= 0) return 0.0;
    if (bin <= fine_bins) return (bin - 1) * 0.25;
    if (bin <= fine_bins + medium_bins) return 120.0 + (bin - 1 - fine_bins);
    if (bin <= fine_bins + medium_bins + coarse_bins)
        return 1200.0 + 10.0 * (bin - 1 - fine_bins - medium_bins);
    return 10920.0;
}

double wait_histogram::upper_edge(int bin) {
    return bin == 0 ? 0.0 : lower_edge(bin + 1);
}

void wait_histogram::add(double wait) {
    ++counts_[static_cast<std::size_t>(bin_of(wait))];
    ++count_;
    largest_ = std::max(largest_, wait);
}

void wait_histogram::merge(const wait_histogram& other) {
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
    count_ += other.count_;
    largest_ = std::max(largest_, other.largest_);
}

double wait_histogram::quantile(double p) const {
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const double rank = p * static_cast<double>(count_);
    double below = 0.0;
    for (int b = 0; b < bins; ++b) {
        const double in_bin = counts_[static_cast<std::size_t>(b)];
        if (in_bin > 0.0 && below + in_bin >= rank) {
            if (b == 0) return 0.0;
            const double upper = b == bins - 1 ? largest_ : upper_edge(b);
            return lower_edge(b) + (upper - lower_edge(b)) * (rank - below) / in_bin;
        }
        below += in_bin;
    }
    return largest_;
}

}  // namespace ccsim::sim
