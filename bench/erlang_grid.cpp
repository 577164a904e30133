// Erlang B and Erlang C (probability of waiting) over a grid of loads and agents, for the
// side-by-side check against Octave's queueing package (bench/erlang_grid.m does the same).
// Usage: bench_erlang_grid GRID VALUES
//   GRID: one "load agents" pair per line. VALUES: written with "blocking p_wait" per line.
// Prints one JSON object: the grid size and the seconds one pass over the grid takes for each
// function, from as many passes as fit in about 0.3 s (a single pass is too short to time).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <vector>

#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"

using namespace ccsim;

namespace {

struct point {
    double load, agents;
};

template <class Pass>
double seconds_per_pass(Pass pass) {
    using clock_type = std::chrono::steady_clock;
    const auto start = clock_type::now();
    int passes = 0;
    double taken = 0.0;
    do {
        pass();
        ++passes;
        taken = std::chrono::duration<double>(clock_type::now() - start).count();
    } while (taken < 0.3);
    return taken / passes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_erlang_grid GRID VALUES\n");
        return 2;
    }
    std::vector<point> grid;
    std::ifstream in(argv[1]);
    for (point p; in >> p.load >> p.agents;) grid.push_back(p);
    if (grid.empty()) {
        std::fprintf(stderr, "bench_erlang_grid: no points in %s\n", argv[1]);
        return 2;
    }

    // The threshold and AHT do not enter P(wait); any values do.
    const seconds aht{180.0}, threshold{15.0};
    std::vector<double> blocking(grid.size()), p_wait(grid.size());
    const double b_seconds = seconds_per_pass([&] {
        for (std::size_t i = 0; i < grid.size(); ++i)
            blocking[i] = erlang::erlang_b(grid[i].agents, grid[i].load);
    });
    const double c_seconds = seconds_per_pass([&] {
        for (std::size_t i = 0; i < grid.size(); ++i)
            p_wait[i] = erlang::erlang_c(grid[i].load, grid[i].agents, aht, threshold).p_wait;
    });

    std::FILE* out = std::fopen(argv[2], "w");
    if (!out) {
        std::fprintf(stderr, "bench_erlang_grid: cannot write %s\n", argv[2]);
        return 2;
    }
    for (std::size_t i = 0; i < grid.size(); ++i)
        std::fprintf(out, "%.17g %.17g\n", blocking[i], p_wait[i]);
    std::fclose(out);
    std::printf("{\"points\": %zu, \"erlangb_s\": %.9g, \"erlangc_s\": %.9g}\n", grid.size(),
                b_seconds, c_seconds);
    return 0;
}
