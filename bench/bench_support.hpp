#pragma once
// Timing helpers shared by the benchmark programs: repeat, keep median, min and max.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace ccsim::bench {

struct spread {
    double median, min, max;
};

inline spread summarise(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples.front(), samples.back()};
}

/// Wall seconds of `work` over `repeats` runs.
template <class Work>
spread time_repeats(int repeats, Work work) {
    std::vector<double> taken;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        work();
        taken.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return summarise(taken);
}

/// Peak resident set size of this process so far, in MiB (VmHWM from /proc).
inline double peak_rss_mib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        std::getline(status, key);
    }
    return 0.0;
}

}  // namespace ccsim::bench
