#include "batch/batch_shard.hpp"

#include <exception>
#include <memory>
#include <optional>
#include <utility>

#include "batch/replication_sources.hpp"
#include "batch/scenario_run.hpp"
#include "sim/contact_centre.hpp"

namespace ccsim::batch {

shard_outcome run_batch_shard(const batch_request& request, shard_manifest run,
                              const shard_observer& observer) {
    const int threads = std::max(1, request.threads);
    std::vector<std::optional<prepared_scenario>> prepared;
    run.units.clear();
    for (const scenario_item& item : request.scenarios) {
        try {
            prepared.emplace_back(prepare_scenario(item, request, threads));
            run.units.push_back({item.name, prepared.back()->hash,
                                 static_cast<std::size_t>(prepared.back()->run.replications)});
        } catch (const std::exception&) {
            prepared.emplace_back();  // the merge reports it, as run_batch does
            run.units.push_back({item.name, "", 0});
        }
    }
    const auto prepare = [&](std::size_t u) {
        const prepared_scenario& p = *prepared[u];
        return simulation_replications(std::make_shared<const sim::contact_centre>(p.loaded.model),
                                       p.run.seed, request.confidence);
    };
    return run_shard(request.out, std::move(run), threads, prepare, observer);
}

batch_result merge_batch(const batch_request& request, const shard_set& shards,
                         const batch_observer& observer) {
    // Every input is checked before anything is written.
    std::vector<std::optional<prepared_scenario>> prepared;
    std::vector<std::string> load_errors;
    for (std::size_t i = 0; i < request.scenarios.size(); ++i) {
        std::optional<prepared_scenario> p;
        std::string why;
        try {
            p = prepare_scenario(request.scenarios[i], request, request.threads);
        } catch (const std::exception& e) {
            why = e.what();  // an error row, if it failed in the shards too
        }
        shards.check_inputs(i, p ? p->hash : "");
        prepared.push_back(std::move(p));
        load_errors.push_back(std::move(why));
    }
    return run_batch_with(request, observer, 1, [&](std::size_t i, int) {
        scenario_outcome outcome;
        try {
            if (!prepared[i]) throw error(load_errors[i]);
            if (const auto failure = shards.failure(i)) throw error(*failure);
            prepared_scenario& p = *prepared[i];
            const sim::contact_centre centre(std::move(p.loaded.model));
            return write_scenario(request.scenarios[i], request, p, centre.model(),
                                  merged_simulation(shards, i, centre, p.run, request.confidence));
        } catch (const config_error&) {
            throw;  // a shard's file went missing or bad since the check: no partial result
        } catch (const std::exception& e) {
            outcome.status = scenario_status::failed;
            outcome.message = e.what();
            outcome.summary = nullptr;
        }
        return outcome;
    });
}

}  // namespace ccsim::batch
