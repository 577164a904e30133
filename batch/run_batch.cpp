#include "batch/run_batch.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <system_error>

#include "batch/summary_rows.hpp"
#include "core/errors.hpp"
#include "sim/engine/ordered_parallel.hpp"

namespace ccsim::batch {

batch_result run_batch(const batch_request& request, const batch_observer& observer) {
    std::error_code failure;
    std::filesystem::create_directories(request.out, failure);
    if (failure)
        throw error(fmt::format("cannot create the output folder {}", request.out.string()));

    const std::vector<scenario_item>& items = request.scenarios;
    const int threads = std::max(1, request.threads);
    const int workers = std::max(1, std::min(threads, static_cast<int>(items.size())));
    const int threads_each = std::max(1, threads / workers);
    batch_result result;
    result.scenarios = items.size();
    result.summary_csv = request.out / "summary.csv";
    sim::ordered_parallel(
        items.size(), workers,
        [&](std::size_t i) { return run_scenario(items[i], request, threads_each); },
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
    return result;
}

}  // namespace ccsim::batch
