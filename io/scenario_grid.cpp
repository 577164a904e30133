#include "io/scenario_grid.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "io/input_file.hpp"
#include "io/toml_values.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

namespace {

constexpr double grid_tolerance = 1e-6;

void check_demand_keys(const checked_table& q) {
    if (q.has("forecast") && q.has("volumes"))
        q.fail("volumes", "give either forecast or volumes, not both");
    if (!q.has("forecast") && !q.has("volumes")) q.fail_here("needs either forecast or volumes");
    if (q.has("volumes") && !q.has("aht"))
        q.fail_here("needs aht (the mean handle time) with volumes");
}

// The smallest step between consecutive rows of one profile (a weekday profile's days are
// separate profiles).
std::optional<seconds> smallest_step(const forecast& f) {
    std::optional<seconds> step;
    for (std::size_t r = 1; r < f.rows.size(); ++r) {
        if (f.form == forecast_form::weekday && f.rows[r].day != f.rows[r - 1].day) continue;
        const seconds gap = f.rows[r].start - f.rows[r - 1].start;
        step = std::min(step.value_or(gap), gap);
    }
    return step;
}

forecast read_forecast(const scenario_document& document, const checked_table& q,
                       std::optional<seconds> interval, std::vector<std::string>& files) {
    const toml::node& node = *q.node("forecast");
    const std::filesystem::path path = document.resolve(node, node.as_string()->get());
    if (const auto reason = unreadable(path, "forecast file")) q.fail("forecast", *reason);
    if (std::find(files.begin(), files.end(), path.string()) == files.end())
        files.push_back(path.string());
    forecast rows = read_forecast_csv(path, interval, "day.interval in the scenario");
    // Rows farther apart than the grid would put each row's calls into one interval of several.
    const std::optional<seconds> step = smallest_step(rows);
    if (interval && step && *step > *interval + seconds{grid_tolerance})
        q.fail("forecast", fmt::format("forecast rows are {} apart, but the day's interval is {}",
                                       format_duration(*step), format_duration(*interval)));
    return rows;
}

civil_date date_of(const forecast_row& row) {
    return civil_date{static_cast<std::int64_t>(std::floor(row.start.count() / seconds_per_day))};
}

// A forecast row on the clock: `day` of the horizon, `in_day` seconds after its midnight.
struct placed_row {
    std::size_t day = 0;
    seconds in_day{0.0};
    const forecast_row* row = nullptr;
    seconds clock() const { return seconds{static_cast<double>(day) * seconds_per_day} + in_day; }
};

// One queue's demand on the clock. A profile's rows are `profile`, each a time within the day;
// `placed` are the rows laid on the horizon's days, in clock order.
struct laid_source {
    const queue_source* source = nullptr;
    std::vector<seconds> profile;  // forecasts: in_day of every row of the file (ISO: placed)
    std::vector<placed_row> placed;
    std::size_t volumes = 0;  // volumes: how many per day
};

std::string date_range(civil_date first, civil_date last) {
    return fmt::format("{} to {}", format_date(first), format_date(last));
}

void lay_iso(laid_source& laid, const horizon_calendar& calendar) {
    const checked_table& q = *laid.source->queue;
    const std::vector<forecast_row>& rows = laid.source->rows->rows;
    const civil_date first = date_of(rows.front()), last = date_of(rows.back());
    if (!calendar.dated())
        q.fail("forecast", fmt::format("has dated rows ({}), but the calendar has no dates; give "
                                       "[calendar] start as a date",
                                       date_range(first, last)));
    const civil_date begin = *calendar.first_date, end = *calendar.date_of(calendar.days - 1);
    if (first < begin || last > end)
        q.fail("forecast", fmt::format("runs from {}, outside the calendar ({})",
                                       date_range(first, last), date_range(begin, end)));
    for (const forecast_row& row : rows) {
        const std::int64_t day = date_of(row).days - begin.days;
        const seconds in_day =
            row.start - seconds{static_cast<double>(date_of(row).days) * seconds_per_day};
        laid.placed.push_back({static_cast<std::size_t>(day), in_day, &row});
        laid.profile.push_back(in_day);
    }
}

void lay_weekdays(laid_source& laid, const horizon_calendar& calendar) {
    const std::vector<forecast_row>& rows = laid.source->rows->rows;
    if (!calendar.has_weekdays())
        laid.source->queue->fail("forecast",
                                 "gives a profile per weekday, but the calendar has no weekdays; "
                                 "give [calendar] start as a date or a weekday");
    for (const forecast_row& row : rows)
        laid.profile.push_back(row.start -
                               seconds{static_cast<double>(*row.day) * seconds_per_day});
    for (std::size_t day = 0; day < calendar.days; ++day) {
        const weekday w = *calendar.weekday_of(day);
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (rows[r].day == w) laid.placed.push_back({day, laid.profile[r], &rows[r]});
    }
}

// A one-day profile, on each of `repeats` days.
void lay_daily(laid_source& laid, seconds offset_base, std::size_t repeats) {
    const forecast& f = *laid.source->rows;
    const seconds shift = f.form == forecast_form::offset ? offset_base : seconds{0.0};
    for (const forecast_row& row : f.rows) laid.profile.push_back(row.start + shift);
    for (std::size_t day = 0; day < repeats; ++day)
        for (std::size_t r = 0; r < f.rows.size(); ++r)
            laid.placed.push_back({day, laid.profile[r], &f.rows[r]});
}

// Every profile row must start within its day when the profile repeats day after day.
void check_within_day(const laid_source& laid, seconds day_start, seconds interval) {
    const checked_table& q = *laid.source->queue;
    if (laid.source->rows) {
        const seconds last = *std::max_element(laid.profile.begin(), laid.profile.end());
        if (last >= seconds{seconds_per_day})
            q.fail("forecast", fmt::format("forecast rows must start before 24:00 on a calendar "
                                           "of several days (the last starts at {})",
                                           format_time_of_day(last)));
        return;
    }
    const seconds last = day_start + interval * static_cast<double>(laid.volumes - 1);
    if (last >= seconds{seconds_per_day})
        q.fail("volumes",
               fmt::format("must start before 24:00 on a calendar of several days: "
                           "the last of {} volumes from {} starts at {}",
                           laid.volumes, format_time_of_day(day_start), format_time_of_day(last)));
}

void check_alignment(const laid_source& laid, seconds day_start, seconds interval) {
    const checked_table& q = *laid.source->queue;
    const seconds first = *std::min_element(laid.profile.begin(), laid.profile.end());
    if ((first - day_start) / interval < -grid_tolerance)
        q.fail("forecast", fmt::format("forecast starts at {}, before the day's start ({})",
                                       format_time_of_day(first), format_time_of_day(day_start)));
    for (const seconds t : laid.profile) {
        const double steps = (t - day_start) / interval;
        if (std::abs(steps - std::round(steps)) > grid_tolerance)
            q.fail("forecast",
                   fmt::format("forecast intervals do not line up with the day's grid (start "
                               "{}, interval {})",
                               format_time_of_day(day_start), format_duration(interval)));
    }
}

void check_interval_divides_day(const demand_sources& demand, const checked_table& day) {
    const double per_day = seconds_per_day / demand.interval->count();
    if (std::abs(per_day - std::round(per_day)) <= grid_tolerance) return;
    if (!demand.interval_from)
        day.fail("interval", "must divide 24 hours on a calendar of several days");
    demand.interval_from->fail(
        "forecast", fmt::format("has intervals of {}, which do not divide 24 hours; a calendar "
                                "of several days needs intervals that do",
                                format_duration(*demand.interval)));
}

queue_demand forecast_demand(const laid_source& laid, const demand_grid& grid) {
    queue_demand d;
    d.calls.assign(grid.interval_count, 0.0);
    std::vector<std::optional<seconds>> aht(grid.interval_count);
    double weighted = 0.0, calls = 0.0, plain = 0.0;
    bool has_patience = false;
    auto note_patience = [&](const forecast_row& row) {
        if (!row.patience) return;
        has_patience = true;
        weighted += row.calls * row.patience->count();
        calls += row.calls;
        plain += row.patience->count();
    };
    for (const placed_row& p : laid.placed) {
        const auto i =
            static_cast<std::size_t>(std::llround((p.clock() - grid.day_start) / grid.interval));
        d.calls[i] = p.row->calls;
        aht[i] = p.row->aht;
        note_patience(*p.row);
    }
    const std::vector<forecast_row>& rows = laid.source->rows->rows;
    // A weekday profile may lay no row at all (no day of the calendar has its weekdays).
    std::size_t counted = laid.placed.size();
    if (laid.placed.empty()) {
        for (const forecast_row& row : rows) note_patience(row);
        counted = rows.size();
    }
    seconds last = laid.placed.empty() ? rows.front().aht : laid.placed.front().row->aht;
    for (const std::optional<seconds>& a : aht) {
        if (a) last = *a;
        d.aht.push_back(last);
    }
    if (has_patience)
        d.forecast_patience =
            seconds{calls > 0.0 ? weighted / calls : plain / static_cast<double>(counted)};
    return d;
}

queue_demand volume_demand(const laid_source& laid, const demand_grid& grid, std::size_t repeats) {
    const checked_table& q = *laid.source->queue;
    queue_demand d;
    d.calls.assign(grid.interval_count, 0.0);
    const toml::array& volumes = *q.node("volumes")->as_array();
    const auto per_day =
        static_cast<std::size_t>(std::llround(seconds_per_day / grid.interval.count()));
    for (std::size_t day = 0; day < repeats; ++day)
        for (std::size_t i = 0; i < volumes.size(); ++i)
            d.calls[day * per_day + i] = *as_number(volumes[i]);
    d.aht.assign(grid.interval_count, q.duration("aht"));
    return d;
}

// Volumes and handle times after their scales: each must stay within the limits a key has.
void check_volume_limits(const queue_demand& d, const checked_table& q, std::string_view source) {
    const auto most = std::max_element(d.calls.begin(), d.calls.end());
    if (most != d.calls.end() && *most > limits::calls_per_interval) {
        const std::string rule = fmt::format(
            "gives {:g} calls in an interval (volume_scale included); at most {:g} "
            "are allowed",
            *most, limits::calls_per_interval);
        q.fail(q.has("volume_scale") ? "volume_scale" : source, rule);
    }
    for (const seconds a : d.aht)
        if (a.count() > limits::duration_seconds)
            q.fail(q.has("aht_scale") ? "aht_scale" : source,
                   fmt::format("gives a handle time of {} (aht_scale included); at most {}",
                               format_duration(a),
                               format_duration(seconds{limits::duration_seconds})));
}

}  // namespace

demand_sources read_demand(const scenario_document& document, const checked_table& day,
                           const std::vector<checked_table>& queues) {
    demand_sources demand;
    demand.interval = day.given_duration("interval");
    for (const checked_table& q : queues) {
        check_demand_keys(q);
        queue_source s;
        s.queue = &q;
        if (q.has("forecast")) {
            s.rows = read_forecast(document, q, demand.interval, demand.files);
            if (!demand.interval) {
                demand.interval = s.rows->interval;
                demand.interval_from = &q;
            }
        }
        demand.queues.push_back(std::move(s));
    }
    if (!demand.interval)
        throw scenario_error(queues.front().where(), "day.interval",
                             "is required when no queue has a forecast");
    return demand;
}

calendar_hints hints_of(const demand_sources& demand) {
    calendar_hints hints;
    for (const queue_source& s : demand.queues) {
        if (!s.rows) continue;
        if (s.rows->form == forecast_form::weekday) hints.weekday_profile = true;
        if (s.rows->form != forecast_form::iso) continue;
        const civil_date first = date_of(s.rows->rows.front()), last = date_of(s.rows->rows.back());
        if (!hints.first_date) hints.dated_queue = s.queue;
        hints.first_date = std::min(hints.first_date.value_or(first), first);
        hints.last_date = std::max(hints.last_date.value_or(last), last);
    }
    return hints;
}

demand_grid build_demand_grid(const demand_sources& demand, const checked_table& day,
                              calendar_choice& choice, seconds default_start) {
    demand_grid grid;
    grid.interval = *demand.interval;
    horizon_calendar& calendar = choice.calendar;
    // One day's profile repeats on every day of a calendar of several days; on one day it is
    // laid once, as it is, even when it runs past midnight.
    const bool daily = calendar.days > 1;
    const std::size_t repeats = daily ? calendar.days : 1;
    if (daily) check_interval_divides_day(demand, day);

    const std::optional<seconds> given_start = day.given_time_of_day("start");
    std::vector<laid_source> laid(demand.queues.size());
    for (std::size_t k = 0; k < laid.size(); ++k) {
        const queue_source& s = demand.queues[k];
        laid[k].source = &s;
        if (!s.rows) {
            laid[k].volumes = s.queue->node("volumes")->as_array()->size();
        } else if (s.rows->form == forecast_form::iso) {
            lay_iso(laid[k], calendar);
        } else if (s.rows->form == forecast_form::weekday) {
            lay_weekdays(laid[k], calendar);
        } else {
            // A profile repeated on every day: refuse before laying what the grid cannot hold.
            if (static_cast<double>(s.rows->rows.size()) * static_cast<double>(repeats) >
                static_cast<double>(limits::intervals))
                s.queue->fail("forecast",
                              fmt::format("repeats {} rows on {} days; a horizon has at most {} "
                                          "intervals",
                                          s.rows->rows.size(), repeats, limits::intervals));
            lay_daily(laid[k], given_start.value_or(default_start), repeats);
        }
    }

    if (given_start) {
        grid.day_start = *given_start;
    } else {
        std::optional<seconds> earliest;
        for (const laid_source& l : laid)
            for (const seconds t : l.profile) earliest = std::min(earliest.value_or(t), t);
        grid.day_start = earliest.value_or(default_start);
    }

    // The grid ends with the latest interval of any day: a day's window, on the last day.
    std::optional<seconds> window_end;
    const laid_source* furthest = nullptr;
    for (const laid_source& l : laid) {
        if (daily) check_within_day(l, grid.day_start, grid.interval);
        seconds end = grid.day_start + grid.interval * static_cast<double>(l.volumes);
        if (l.source->rows) {
            check_alignment(l, grid.day_start, grid.interval);
            end = *std::max_element(l.profile.begin(), l.profile.end()) + grid.interval;
        }
        if (!window_end || end > *window_end) {
            window_end = end;
            furthest = &l;
        }
    }
    const seconds grid_end =
        seconds{static_cast<double>(repeats - 1) * seconds_per_day} + *window_end;
    // Counted as a double first: a tiny interval over many days must not overflow the cast.
    const double intervals = std::round((grid_end - grid.day_start) / grid.interval);
    if (!(intervals <= static_cast<double>(limits::intervals))) {
        const std::string rule =
            fmt::format("makes {:.0f} intervals of {} over the horizon; at most {} are allowed",
                        intervals, format_duration(grid.interval), limits::intervals);
        if (day.has("interval")) day.fail("interval", rule);
        furthest->source->queue->fail(furthest->source->rows ? "forecast" : "volumes", rule);
    }
    grid.interval_count = static_cast<std::size_t>(intervals);

    const std::size_t spanned =
        sim::days_spanned(grid.day_start, grid.interval, grid.interval_count);
    if (spanned > calendar.days) {
        const checked_table& q = *furthest->source->queue;
        const char* key = furthest->source->rows ? "forecast" : "volumes";
        if (!choice.grows)
            q.fail(key, fmt::format("runs into day {}, past the calendar's {} day{}", spanned,
                                    calendar.days, calendar.days == 1 ? "" : "s"));
        if (spanned > max_horizon_days)
            q.fail(key, fmt::format("runs into day {}; a horizon has at most {} days", spanned,
                                    max_horizon_days));
        calendar.days = spanned;
    }

    for (const laid_source& l : laid) {
        queue_demand d =
            l.source->rows ? forecast_demand(l, grid) : volume_demand(l, grid, repeats);
        const checked_table& q = *l.source->queue;
        if (l.source->rows && q.has("aht")) d.aht.assign(grid.interval_count, q.duration("aht"));
        for (double& c : d.calls) c *= q.number("volume_scale");
        for (seconds& a : d.aht) a *= q.number("aht_scale");
        check_volume_limits(d, q, l.source->rows ? "forecast" : "volumes");
        grid.queues.push_back(std::move(d));
    }
    return grid;
}

}  // namespace ccsim::io
