#include "sim/stats/wait_histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace ccsim::sim {

int wait_histogram::bin_of(double wait) {
    if (wait <= 0.0) return 0;
    if (wait < smallest) return 1;
    // wait / smallest = 2^octave * (1 + f): the exponent bits give the octave and the top
    // five fraction bits floor(32 f), the bin within it. No logarithm needed.
    const auto bits = std::bit_cast<std::uint64_t>(wait * (1.0 / smallest));
    const int octave = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
    if (octave >= octaves) return bins - 1;
    const int sub = static_cast<int>((bits >> 47) & (per_octave - 1));
    return 2 + octave * per_octave + sub;
}

double wait_histogram::lower_edge(int bin) {
    if (bin <= 1) return 0.0;
    if (bin >= bins - 1) return smallest * std::ldexp(1.0, octaves);
    const int octave = (bin - 2) / per_octave, sub = (bin - 2) % per_octave;
    return smallest * std::ldexp(1.0 + static_cast<double>(sub) / per_octave, octave);
}

void wait_histogram::merge(const wait_histogram& other) {
    for (std::size_t i = other.first_; i < other.end_; ++i) counts_[i] += other.counts_[i];
    first_ = std::min(first_, other.first_);
    end_ = std::max(end_, other.end_);
    count_ += other.count_;
    largest_ = std::max(largest_, other.largest_);
}

double wait_histogram::quantile(double p) const {
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const double rank = p * static_cast<double>(count_);
    double below = 0.0;
    for (int b = first_; b < end_; ++b) {
        const double in_bin = counts_[static_cast<std::size_t>(b)];
        if (in_bin > 0.0 && below + in_bin >= rank) {
            if (b == 0) return 0.0;
            const double lower = b == 1 ? 0.0 : lower_edge(b);
            const double upper = b == bins - 1 ? largest_ : std::min(largest_, lower_edge(b + 1));
            return lower + (std::max(upper, lower) - lower) * (rank - below) / in_bin;
        }
        below += in_bin;
    }
    return largest_;
}

}  // namespace ccsim::sim
