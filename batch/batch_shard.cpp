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
        scenario_outcome failed;
        failed.status = scenario_status::failed;
        failed.summary = nullptr;
        // The scenario's own errors make its error row, as in run_batch ...
        std::optional<const sim::contact_centre> centre;
        try {
            if (!prepared[i]) throw error(load_errors[i]);
            if (const auto failure = shards.failure(i)) throw error(*failure);
            centre.emplace(std::move(prepared[i]->loaded.model));
        } catch (const std::exception& e) {
            failed.message = e.what();
            return failed;
        }
        // ... but a shard file gone bad since the check stops the merge: no partial result.
        const prepared_scenario& p = *prepared[i];
        const sim::simulation_run simulated =
            merged_simulation(shards, i, *centre, p.run, request.confidence);
        try {
            return write_scenario(request.scenarios[i], request, p, centre->model(), simulated);
        } catch (const std::exception& e) {
            failed.message = e.what();
            return failed;
        }
    });
}

}  // namespace ccsim::batch
