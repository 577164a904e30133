#include "sim/paired_comparison.hpp"

#include <fmt/format.h>
#include <chrono>

#include "core/errors.hpp"
#include "sim/engine/ordered_parallel.hpp"

namespace ccsim::sim {

namespace {

void check_comparable(const scenario& base, const scenario& variant, std::size_t v) {
    if (variant.queues.size() != base.queues.size() ||
        variant.groups.size() != base.groups.size() ||
        variant.interval_count != base.interval_count || variant.interval != base.interval ||
        variant.day_start != base.day_start || variant.calendar.days != base.calendar.days)
        throw config_error(fmt::format(
            "variant {} changes the queues, groups or interval grid of the base; a what-if "
            "compares variants of one centre",
            v));
}

simulation_summary make_summary(const scenario& s, double confidence, bool differences) {
    return simulation_summary(s, confidence, differences);
}

}  // namespace

comparison start_comparison(const std::vector<const contact_centre*>& centres, double confidence) {
    if (centres.empty()) throw config_error("a comparison needs at least the base");
    const scenario& base = centres.front()->model();
    for (std::size_t v = 1; v < centres.size(); ++v) check_comparable(base, centres[v]->model(), v);
    comparison result;
    for (std::size_t v = 0; v < centres.size(); ++v) {
        result.variants.push_back(make_summary(base, confidence, false));
        result.differences.push_back(make_summary(base, confidence, true));
    }
    return result;
}

std::vector<replication_figures> variant_figures(const std::vector<const contact_centre*>& centres,
                                                 const simulation_summary& layout,
                                                 const run_options& options, std::size_t r,
                                                 bool independent_seeds) {
    std::vector<replication_figures> figures;
    for (std::size_t v = 0; v < centres.size(); ++v) {
        const std::uint64_t seed = independent_seeds ? options.seed + 1000003ULL * v : options.seed;
        figures.push_back(layout.figures(centres[v]->simulate_replication(seed, r)));
    }
    return figures;
}

void add_replication(comparison& result, const std::vector<replication_figures>& figures) {
    for (std::size_t v = 0; v < figures.size(); ++v) {
        result.variants[v].add(figures[v]);
        result.differences[v].add(figures[v] - figures[0]);
    }
}

comparison compare_variants(const std::vector<const contact_centre*>& centres,
                            const run_options& options, double confidence, bool independent_seeds) {
    const auto start = std::chrono::steady_clock::now();
    comparison result = start_comparison(centres, confidence);
    const simulation_summary& layout = result.variants.front();
    // Each replication simulates every variant, so the consumer can pair them up.
    ordered_parallel(
        static_cast<std::size_t>(std::max(0, options.replications)), options.threads,
        [&](std::size_t r) {
            return variant_figures(centres, layout, options, r, independent_seeds);
        },
        [&](std::size_t, std::vector<replication_figures>&& figures) {
            add_replication(result, figures);
        });
    result.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace ccsim::sim
