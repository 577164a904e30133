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

scenario_outcome run_scenario(const scenario_item& item, const batch_request& request,
                              int threads) {
    scenario_outcome result;
    try {
        io::loaded_scenario loaded = io::load_scenario(item.file);
        result.warnings = loaded.warnings;
        // The batch shares its threads out between scenarios: the file's [run] threads yield.
        const sim::run_options run =
            io::resolve_run({request.replications, request.seed, threads}, loaded.run, threads);
        const std::string hash = input_hash(loaded, run, request.confidence);
        const fs::path folder = request.out / item.name;
        if (request.resume) {
            if (auto summary = finished_result(folder, hash)) {
                result.status = scenario_status::resumed;
                result.summary = std::move(*summary);
                return result;
            }
        }
        if (const sim::run_work work = sim::work_of(loaded.model, run.replications);
            work.huge() && !request.allow_huge)
            throw config_error(fmt::format(
                "this scenario would simulate {}, above the limit of {:g}; check its volumes "
                "and replications, or give --allow-huge to run it anyway",
                sim::describe(work), limits::work_limit));
        const report::run_description d{loaded.model.name, item.shown, run.replications, run.seed,
                                        run.threads};
        const sim::contact_centre centre(std::move(loaded.model));
        const sim::simulation_run simulated = sim::simulate(centre, run, request.confidence);
        const sim::scenario& s = centre.model();
        std::error_code failure;
        fs::create_directories(folder, failure);
        if (failure)
            throw output_error(folder.string(), "cannot create the folder", failure.value());
        result.summary = report::summary_json(s, simulated, d);
        result.summary["input_hash"] = hash;
        report::write_result_folder(folder, s, simulated.summary, result.summary, request.csv);
        result.status = scenario_status::ok;
    } catch (const std::exception& e) {
        result.status = scenario_status::failed;
        result.message = e.what();
        result.summary = nullptr;
    }
    return result;
}

}  // namespace ccsim::batch
