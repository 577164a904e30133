#pragma once
// The interval grid all queues share, and each queue's calls and AHT on it, from forecast
// files or inline volumes.
#include <optional>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "io/checked_table.hpp"
#include "io/scenario_include.hpp"

namespace ccsim::io {

struct queue_demand {
    std::vector<double> calls;                 // per interval, volume_scale applied
    std::vector<seconds> aht;                  // per interval, aht and aht_scale applied
    std::optional<seconds> forecast_patience;  // the calls-weighted mean of patience_s
};

struct demand_grid {
    seconds day_start{0.0};  // clock seconds since midnight of day 1
    seconds interval{0.0};
    std::size_t interval_count = 0;
    std::vector<queue_demand> queues;  // in the order of the [[queue]] tables
    std::vector<std::string> files;    // the forecast files read
};

/// Lays every queue's demand on one grid. The interval is day.interval or the first forecast's;
/// interval 0 starts at day.start, else at the earliest forecast row, else at day.open. Forecast
/// rows with ISO dates count days from the earliest date; rows in seconds count from
/// day.start (else day.open). Intervals no row covers have no calls and the AHT of the nearest
/// earlier row (or of the first row).
demand_grid build_demand_grid(const scenario_document& document, const checked_table& day,
                              const std::vector<checked_table>& queues);

}  // namespace ccsim::io
