#include "io/scenario_grid.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/errors.hpp"
#include "io/forecast_csv.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

constexpr double day_seconds = 86400.0;
constexpr double tolerance = 1e-6;

struct queue_source {
    const checked_table* queue = nullptr;
    std::optional<forecast> rows;
    std::vector<seconds> clock;  // each row's start as clock seconds
};

void check_demand_keys(const checked_table& q) {
    if (q.has("forecast") && q.has("volumes"))
        q.fail("volumes", "give either forecast or volumes, not both");
    if (!q.has("forecast") && !q.has("volumes")) q.fail_here("needs either forecast or volumes");
    if (q.has("volumes") && !q.has("aht"))
        q.fail_here("needs aht (the mean handle time) with volumes");
}

forecast read_forecast(const scenario_document& document, const checked_table& q,
                       std::optional<seconds> interval, std::vector<std::string>& files) {
    const toml::node& node = *q.node("forecast");
    const std::filesystem::path path = document.resolve(node, node.as_string()->get());
    if (!std::ifstream(path)) q.fail("forecast", "cannot open the forecast file");
    if (std::find(files.begin(), files.end(), path.string()) == files.end())
        files.push_back(path.string());
    forecast rows = read_forecast_csv(path, interval);
    if (rows.form == forecast_form::weekday)
        q.fail("forecast", "weekday forecasts are not supported yet");
    // Rows farther apart than the grid would put each row's calls into one interval of several.
    std::optional<seconds> step;
    for (std::size_t r = 1; r < rows.rows.size(); ++r)
        step = std::min(step.value_or(rows.rows[r].start - rows.rows[r - 1].start),
                        rows.rows[r].start - rows.rows[r - 1].start);
    if (interval && step && *step > *interval + seconds{tolerance})
        q.fail("forecast", fmt::format("forecast rows are {} apart, but the day's interval is {}",
                                       format_duration(*step), format_duration(*interval)));
    return rows;
}

// Clock seconds of each row: ISO dates count from midnight of the earliest date of any
// forecast, seconds from the start count from `offset_base`.
void place_rows(std::vector<queue_source>& sources, seconds offset_base) {
    std::optional<double> first_day;
    for (const queue_source& s : sources) {
        if (!s.rows || s.rows->form != forecast_form::iso) continue;
        const double day = std::floor(s.rows->rows.front().start.count() / day_seconds);
        first_day = std::min(first_day.value_or(day), day);
    }
    for (queue_source& s : sources) {
        if (!s.rows) continue;
        const forecast_form form = s.rows->form;
        const seconds shift = form == forecast_form::iso      ? seconds{-*first_day * day_seconds}
                              : form == forecast_form::offset ? offset_base
                                                              : seconds{0.0};
        for (const forecast_row& row : s.rows->rows) s.clock.push_back(row.start + shift);
    }
}

void check_alignment(const queue_source& s, seconds day_start, seconds interval) {
    const double steps = (s.clock.front() - day_start) / interval;
    if (steps < -tolerance)
        s.queue->fail("forecast", fmt::format("forecast starts at {}, before the day's start ({})",
                                              format_time_of_day(s.clock.front()),
                                              format_time_of_day(day_start)));
    if (std::abs(steps - std::round(steps)) > tolerance)
        s.queue->fail("forecast",
                      fmt::format("forecast intervals do not line up with the day's grid (start "
                                  "{}, interval {})",
                                  format_time_of_day(day_start), format_duration(interval)));
}

queue_demand forecast_demand(const queue_source& s, const demand_grid& grid) {
    queue_demand d;
    d.calls.assign(grid.interval_count, 0.0);
    std::vector<std::optional<seconds>> aht(grid.interval_count);
    double weighted = 0.0, calls = 0.0, plain = 0.0;
    bool has_patience = false;
    const std::vector<forecast_row>& rows = s.rows->rows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto i =
            static_cast<std::size_t>(std::llround((s.clock[r] - grid.day_start) / grid.interval));
        d.calls[i] = rows[r].calls;
        aht[i] = rows[r].aht;
        if (rows[r].patience) {
            has_patience = true;
            weighted += rows[r].calls * rows[r].patience->count();
            calls += rows[r].calls;
            plain += rows[r].patience->count();
        }
    }
    seconds last = rows.front().aht;
    for (const std::optional<seconds>& a : aht) {
        if (a) last = *a;
        d.aht.push_back(last);
    }
    if (has_patience)
        d.forecast_patience =
            seconds{calls > 0.0 ? weighted / calls : plain / static_cast<double>(rows.size())};
    return d;
}

queue_demand volume_demand(const checked_table& q, const demand_grid& grid) {
    queue_demand d;
    d.calls.assign(grid.interval_count, 0.0);
    const toml::array& volumes = *q.node("volumes")->as_array();
    for (std::size_t i = 0; i < volumes.size(); ++i) d.calls[i] = *as_number(volumes[i]);
    d.aht.assign(grid.interval_count, q.duration("aht"));
    return d;
}

}  // namespace

demand_grid build_demand_grid(const scenario_document& document, const checked_table& day,
                              const std::vector<checked_table>& queues) {
    demand_grid grid;
    std::optional<seconds> interval = day.given_duration("interval");
    std::vector<queue_source> sources;
    for (const checked_table& q : queues) {
        check_demand_keys(q);
        queue_source s;
        s.queue = &q;
        if (q.has("forecast")) {
            s.rows = read_forecast(document, q, interval, grid.files);
            if (!interval) interval = s.rows->interval;
        }
        sources.push_back(std::move(s));
    }
    if (!interval)
        throw scenario_error(queues.front().where(), "day.interval",
                             "is required when no queue has a forecast");
    grid.interval = *interval;

    const std::optional<seconds> given_start = day.given_time_of_day("start");
    place_rows(sources, given_start.value_or(day.time_of_day("open")));
    if (given_start) {
        grid.day_start = *given_start;
    } else {
        std::optional<seconds> earliest;
        for (const queue_source& s : sources)
            if (s.rows) earliest = std::min(earliest.value_or(s.clock.front()), s.clock.front());
        grid.day_start = earliest.value_or(day.time_of_day("open"));
    }

    for (const queue_source& s : sources) {
        if (s.rows) {
            check_alignment(s, grid.day_start, grid.interval);
            const double last = (s.clock.back() - grid.day_start) / grid.interval;
            grid.interval_count =
                std::max(grid.interval_count, static_cast<std::size_t>(std::llround(last)) + 1);
        } else {
            grid.interval_count =
                std::max(grid.interval_count, s.queue->node("volumes")->as_array()->size());
        }
    }

    for (const queue_source& s : sources) {
        queue_demand d = s.rows ? forecast_demand(s, grid) : volume_demand(*s.queue, grid);
        const checked_table& q = *s.queue;
        if (s.rows && q.has("aht")) d.aht.assign(grid.interval_count, q.duration("aht"));
        for (double& c : d.calls) c *= q.number("volume_scale");
        for (seconds& a : d.aht) a *= q.number("aht_scale");
        grid.queues.push_back(std::move(d));
    }
    return grid;
}

}  // namespace ccsim::io
