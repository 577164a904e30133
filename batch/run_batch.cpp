#include "batch/run_batch.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <system_error>

#include "batch/summary_rows.hpp"
#include "core/errors.hpp"
#include "sim/engine/ordered_parallel.hpp"

namespace ccsim::batch {

batch_result run_batch_with(const batch_request& request, const batch_observer& observer,
                            int workers, const outcome_source& outcome_of) {
    std::error_code failure;
    std::filesystem::create_directories(request.out, failure);
    if (failure)
        throw output_error(request.out.string(), "cannot create the output folder",
                           failure.value());

    const std::vector<scenario_item>& items = request.scenarios;
    workers = std::max(1, std::min(workers, static_cast<int>(items.size())));
    const int threads_each = std::max(1, std::max(1, request.threads) / workers);
    batch_result result;
    result.scenarios = items.size();
    result.summary_csv = request.out / "summary.csv";
    // A scenario whose results cannot be written fails alone (run_scenario). A summary that
    // cannot be written (a full disk) stops the batch: the scenarios finished so far keep
    // their results, and --resume picks up from there.
    try {
        sim::ordered_parallel(
            items.size(), workers, [&](std::size_t i) { return outcome_of(i, threads_each); },
            [&](std::size_t i, scenario_outcome&& outcome) {
                if (outcome.ok())
                    ++result.ok;
                else
                    ++result.failed;
                if (outcome.status == scenario_status::resumed) ++result.resumed;
                result.rows.push_back(summary_row(items[i], outcome));
                write_summaries(request.out, result.rows, request.csv);
                if (observer.scenario_finished) observer.scenario_finished(i, items[i], outcome);
            });
    } catch (const output_error& e) {
        throw output_error(
            fmt::format("{}\nccsim batch stopped after {} of {} scenarios; the "
                        "results written so far are kept: make room and run the "
                        "same command with --resume to go on",
                        e.what(), result.rows.size(), items.size()));
    }
    return result;
}

batch_result run_batch(const batch_request& request, const batch_observer& observer) {
    return run_batch_with(request, observer, request.threads, [&](std::size_t i, int threads) {
        return run_scenario(request.scenarios[i], request, threads);
    });
}

}  // namespace ccsim::batch
