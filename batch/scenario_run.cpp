#include "batch/scenario_run.hpp"

#include <fmt/format.h>
#include <exception>
#include <utility>

#include "batch/finished_result.hpp"
#include "batch/input_hash.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "io/scenario_file.hpp"
#include "report/result_folder.hpp"
#include "report/run_description.hpp"
#include "report/summary_json.hpp"
#include "sim/run_work.hpp"
#include "sim/simulation.hpp"

namespace ccsim::batch {

namespace fs = std::filesystem;

prepared_scenario prepare_scenario(const scenario_item& item, const batch_request& request,
                                   int threads) {
    prepared_scenario p{io::load_scenario(item.file), {}, {}};
    // The batch shares its threads out between scenarios: the file's [run] threads yield.
    p.run = io::resolve_run({request.replications, request.seed, threads}, p.loaded.run, threads);
    p.hash = input_hash(p.loaded, p.run, request.confidence);
    if (const sim::run_work work = sim::work_of(p.loaded.model, p.run.replications);
        work.huge() && !request.allow_huge)
        throw config_error(fmt::format(
            "this scenario would simulate {}, above the limit of {:g}; check its volumes "
            "and replications, or give --allow-huge to run it anyway",
            sim::describe(work), limits::work_limit));
    return p;
}

scenario_outcome write_scenario(const scenario_item& item, const batch_request& request,
                                const prepared_scenario& prepared, const sim::scenario& s,
                                const sim::simulation_run& simulated) {
    const report::run_description d{s.name, item.shown, prepared.run.replications,
                                    prepared.run.seed, prepared.run.threads};
    const fs::path folder = request.out / item.name;
    std::error_code failure;
    fs::create_directories(folder, failure);
    if (failure) throw output_error(folder.string(), "cannot create the folder", failure.value());
    scenario_outcome result;
    result.warnings = prepared.loaded.warnings;
    result.summary = report::summary_json(s, simulated, d);
    result.summary["input_hash"] = prepared.hash;
    report::write_result_folder(folder, s, simulated.summary, result.summary, request.csv);
    result.status = scenario_status::ok;
    return result;
}

scenario_outcome run_scenario(const scenario_item& item, const batch_request& request,
                              int threads) {
    scenario_outcome result;
    try {
        prepared_scenario prepared = prepare_scenario(item, request, threads);
        result.warnings = prepared.loaded.warnings;
        if (request.resume) {
            if (auto summary = finished_result(request.out / item.name, prepared.hash)) {
                result.status = scenario_status::resumed;
                result.summary = std::move(*summary);
                return result;
            }
        }
        const sim::contact_centre centre(std::move(prepared.loaded.model));
        const sim::simulation_run simulated =
            sim::simulate(centre, prepared.run, request.confidence);
        return write_scenario(item, request, prepared, centre.model(), simulated);
    } catch (const std::exception& e) {
        result.status = scenario_status::failed;
        result.message = e.what();
        result.summary = nullptr;
    }
    return result;
}

}  // namespace ccsim::batch
