#include "batch/replication_sources.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"

namespace ccsim::batch {

namespace {

// Unit u's replications in order, each checked to hold `variants` sets of figures.
template <class Add>
double add_replications(const shard_set& shards, std::size_t u, const sim::run_options& options,
                        std::size_t variants, Add add) {
    double seconds = 0.0;
    for (std::size_t r = 0; r < static_cast<std::size_t>(options.replications); ++r) {
        const replication_result result = shards.replication(u, r);
        if (result.variants.size() != variants)
            throw config_error(fmt::format("replication {} of {} holds {} variants, expected {}", r,
                                           shards.units()[u].name, result.variants.size(),
                                           variants));
        add(result.variants);
        seconds += result.seconds;
    }
    return seconds;
}

}  // namespace

replication_producer simulation_replications(std::shared_ptr<const sim::contact_centre> centre,
                                             std::uint64_t seed, double confidence) {
    auto layout = std::make_shared<const sim::simulation_summary>(centre->model(), confidence);
    return [centre, layout, seed](std::size_t r) {
        return std::vector<sim::replication_figures>{
            layout->figures(centre->simulate_replication(seed, r))};
    };
}

sim::simulation_run merged_simulation(const shard_set& shards, std::size_t u,
                                      const sim::contact_centre& centre,
                                      const sim::run_options& options, double confidence) {
    sim::simulation_run run{sim::start_summary(centre.model(), options, confidence)};
    run.wall_seconds = add_replications(
        shards, u, options, 1,
        [&](const std::vector<sim::replication_figures>& f) { run.summary.add(f[0]); });
    return run;
}

replication_producer comparison_replications(
    std::vector<std::shared_ptr<const sim::contact_centre>> centres,
    const sim::run_options& options, double confidence, bool independent_seeds) {
    auto layout =
        std::make_shared<const sim::simulation_summary>(centres.front()->model(), confidence);
    return [centres, layout, options, independent_seeds](std::size_t r) {
        std::vector<const sim::contact_centre*> pointers;
        for (const auto& c : centres) pointers.push_back(c.get());
        return sim::variant_figures(pointers, *layout, options, r, independent_seeds);
    };
}

sim::comparison merged_comparison(const shard_set& shards, std::size_t u,
                                  const std::vector<const sim::contact_centre*>& centres,
                                  const sim::run_options& options, double confidence) {
    sim::comparison result = sim::start_comparison(centres, confidence);
    result.wall_seconds = add_replications(
        shards, u, options, centres.size(),
        [&](const std::vector<sim::replication_figures>& f) { sim::add_replication(result, f); });
    return result;
}

}  // namespace ccsim::batch
