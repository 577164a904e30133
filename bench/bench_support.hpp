#pragma once
// Timing helpers shared by the benchmark programs: repeat, keep median, min and max; and a
// JSON-lines form of each figure for bench/run, beside the plain output people read.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

/// A rate from timed runs: `amount` per second. The slowest run gives the minimum rate.
inline spread rate_of(double amount, const spread& seconds_taken) {
    return {amount / seconds_taken.median, amount / seconds_taken.max, amount / seconds_taken.min};
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

/// Command line of the benchmark programs: [repeats] [--json] plus program flags.
struct bench_args {
    int repeats;
    bool json = false;

    bench_args(int argc, char** argv, int default_repeats) : repeats(default_repeats) {
        for (int i = 1; i < argc; ++i) {
            if (std::strcmp(argv[i], "--json") == 0)
                json = true;
            else if (argv[i][0] != '-')
                repeats = std::max(1, std::atoi(argv[i]));
        }
    }
    static bool has(int argc, char** argv, const char* flag) {
        for (int i = 1; i < argc; ++i)
            if (std::strcmp(argv[i], flag) == 0) return true;
        return false;
    }
};

/// One figure as a JSON line for bench/run. Names and units are our own literals (no quotes
/// or backslashes), so they need no escaping; `extra` is more members, starting with a comma.
inline void print_json_figure(const char* name, const char* unit, const spread& s, int runs,
                              const std::string& extra = "") {
    std::printf(
        "{\"name\": \"%s\", \"unit\": \"%s\", \"median\": %.9g, \"min\": %.9g, \"max\": %.9g, "
        "\"runs\": %d%s}\n",
        name, unit, s.median, s.min, s.max, runs, extra.c_str());
}

}  // namespace ccsim::bench
