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
        throw error(fmt::format("cannot create the output folder {}", request.out.string()));

    const std::vector<scenario_item>& items = request.scenarios;
    workers = std::max(1, std::min(workers, static_cast<int>(items.size())));
    const int threads_each = std::max(1, std::max(1, request.threads) / workers);
    batch_result result;
    result.scenarios = items.size();
    result.summary_csv = request.out / "summary.csv";
    sim::ordered_parallel(
        items.size(), workers, [&](std::size_t i) { return outcome_of(i, threads_each); },
        [&](std::size_t i, scenario_outcome&& outcome) {
            if (outcome.ok())
                ++result.ok;
            else
                ++result.failed;
            if (outcome.status == scenario_status::resumed) ++result.resumed;
            result.rows.push_back(summary_row(items[i], outcome));
            write_summaries(request.out, result.rows);
            if (observer.scenario_finished) observer.scenario_finished(i, items[i], outcome);
        });
    return result;
}

batch_result run_batch(const batch_request& request, const batch_observer& observer) {
    return run_batch_with(request, observer, request.threads, [&](std::size_t i, int threads) {
        return run_scenario(request.scenarios[i], request, threads);
    });
}

}  // namespace ccsim::batch
