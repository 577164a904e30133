#pragma once
// The interval grid all queues share, and each queue's calls and AHT on it, from forecast
// files or inline volumes, laid over the horizon's calendar.
#include <optional>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "io/checked_table.hpp"
#include "io/forecast_csv.hpp"
#include "io/scenario_calendar.hpp"
#include "io/scenario_include.hpp"

namespace ccsim::io {

/// One queue's demand as the file gives it: a forecast read from its CSV, or inline volumes.
struct queue_source {
    const checked_table* queue = nullptr;
    std::optional<forecast> rows;  // none: volumes
};

/// Every queue's demand as read, before it is laid on the grid.
struct demand_sources {
    std::vector<queue_source> queues;              // in the order of the [[queue]] tables
    std::optional<seconds> interval;               // day.interval, else the first forecast's
    const checked_table* interval_from = nullptr;  // that forecast's queue; null: day.interval
    std::vector<std::string> files;                // the forecast files read
};

/// Reads every queue's forecast file and checks the keys that give demand.
demand_sources read_demand(const scenario_document& document, const checked_table& day,
                           const std::vector<checked_table>& queues);

/// What the forecasts say about the calendar: their dates, a weekday profile.
calendar_hints hints_of(const demand_sources& demand);

struct queue_demand {
    std::vector<double> calls;                 // per interval, volume_scale applied
    std::vector<seconds> aht;                  // per interval, aht and aht_scale applied
    std::optional<seconds> forecast_patience;  // the calls-weighted mean of patience_s
};

struct demand_grid {
    seconds day_start{0.0};  // clock seconds since midnight of day 0
    seconds interval{0.0};
    std::size_t interval_count = 0;
    std::vector<queue_demand> queues;  // in the order of the [[queue]] tables
};

/// Lays every queue's demand on one grid over `calendar`. The interval is day.interval or the
/// first forecast's; interval 0 starts at day.start, else at the earliest time of day of any
/// forecast row, else at `default_start`. ISO-dated rows go on their date; a one-day profile
/// (HH:MM rows, rows in seconds from day.start (else `default_start`), volumes) goes on every
/// day, a weekday profile on every day of its weekday. The grid runs on through the nights to
/// the end of the last day's last interval; intervals no row covers have no calls and the AHT
/// of the nearest earlier row (or of the first row). On a calendar of several days the
/// interval must divide 24 hours. A calendar that `grows` takes as many days as the grid
/// spans; any other must hold the grid, or the queue that runs past it is an error.
demand_grid build_demand_grid(const demand_sources& demand, const checked_table& day,
                              calendar_choice& calendar, seconds default_start);

}  // namespace ccsim::io
