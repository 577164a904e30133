#include "sim/model/dated_replay.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <optional>

#include "core/errors.hpp"

namespace ccsim::sim {

namespace {

using period = std::pair<seconds, seconds>;

// The day of `s` that stands for `date`.
std::size_t day_standing_for(const scenario& s, civil_date date) {
    const horizon_calendar& c = s.calendar;
    if (c.dated()) {
        const std::int64_t d = date.days - c.first_date->days;
        if (d < 0 || d >= static_cast<std::int64_t>(c.days))
            throw config_error(fmt::format(
                "{} is outside the scenario's dates ({} to {}); replay dates within "
                "them, or replay onto a typical week (a scenario whose [calendar] start is a "
                "weekday)",
                format_date(date), format_date(*c.first_date),
                format_date(*c.date_of(c.days - 1))));
        return static_cast<std::size_t>(d);
    }
    if (c.has_weekdays()) {
        const weekday w = weekday_of(date);
        for (std::size_t d = 0; d < c.days; ++d)
            if (*c.weekday_of(d) == w) return d;
        throw config_error(fmt::format("{} is a {}, and the scenario's {} days have none",
                                       format_date(date), weekday_name(w), c.days));
    }
    if (c.days == 1) return 0;
    throw config_error(
        fmt::format("the scenario's {} days have neither dates nor weekdays, so no day stands for "
                    "{}; give [calendar] start as a date or a weekday",
                    c.days, format_date(date)));
}

// Each replayed day's share of `periods` (clipped to the day it stands for, moved), merged.
std::vector<period> periods_on(const std::vector<period>& periods,
                               const std::vector<std::size_t>& source_day) {
    std::vector<period> out;
    for (std::size_t d = 0; d < source_day.size(); ++d) {
        const double from = static_cast<double>(source_day[d]) * seconds_per_day;
        const double shift =
            (static_cast<double>(d) - static_cast<double>(source_day[d])) * seconds_per_day;
        for (const period& p : periods) {
            const double a = std::max(p.first.count(), from);
            const double b = std::min(p.second.count(), from + seconds_per_day);
            if (a < b) out.emplace_back(seconds{a + shift}, seconds{b + shift});
        }
    }
    // Days' pieces of a period running past midnight join up again.
    std::vector<period> merged;
    for (const period& p : out) {
        if (!merged.empty() && p.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, p.second);
        else
            merged.push_back(p);
    }
    return merged;
}

// The agents of `g`'s shifts on the replayed days. A shift worked on day w covers a stretch of
// the scenario's clock (a head-count shift may run for days); each replayed day takes the part
// of every stretch within the day it stands for (the first also the warm-up before it), and
// the parts of consecutive days join up again, so a night shift stays one shift. The scenario's
// shifts keep their index, for the tours, but are no longer worked by head count.
void lay_shifts(group_spec& g, const std::vector<std::size_t>& source_day, double warmup) {
    struct piece {
        double start = 0.0, end = 0.0;  // replay clock
        std::vector<double> break_starts, break_lengths;
    };
    std::vector<shift_spec> laid;
    const auto emit = [&](const shift_spec& from, const piece& p) {
        const double day = std::max(0.0, std::floor(p.start / seconds_per_day));
        const double midnight = day * seconds_per_day;
        shift_spec sh{
            from.name, seconds{p.start - midnight},      seconds{p.end - midnight}, from.agents,
            {},        {static_cast<std::uint32_t>(day)}};
        for (std::size_t b = 0; b < p.break_starts.size(); ++b)
            sh.breaks.push_back({seconds{p.break_starts[b] - midnight},
                                 seconds{std::min(p.break_lengths[b], p.end - p.break_starts[b])}});
        laid.push_back(std::move(sh));
    };
    for (shift_spec& sh : g.shifts) {
        for (const std::uint32_t w : sh.days) {
            const double midnight = static_cast<double>(w) * seconds_per_day;
            const double from = midnight + sh.start.count(), to = midnight + sh.end.count();
            std::optional<piece> open;
            for (std::size_t d = 0; d < source_day.size(); ++d) {
                const double lo = static_cast<double>(source_day[d]) * seconds_per_day;
                const double a = std::max(from, d == 0 ? lo - warmup : lo);
                const double b = std::min(to, lo + seconds_per_day);
                if (!(a < b)) continue;
                const double move =
                    (static_cast<double>(d) - static_cast<double>(source_day[d])) * seconds_per_day;
                if (!open || std::abs(open->end - (a + move)) > 1e-6) {
                    if (open) emit(sh, *open);
                    open = piece{a + move, b + move, {}, {}};
                } else {
                    open->end = b + move;
                }
                for (const break_spec& br : sh.breaks) {
                    const double at = midnight + br.start.count();
                    if (at >= a && at < b) {
                        open->break_starts.push_back(at + move);
                        open->break_lengths.push_back(br.length.count());
                    }
                }
            }
            if (open) emit(sh, *open);
        }
        sh.days.clear();
    }
    g.shifts.insert(g.shifts.end(), laid.begin(), laid.end());
}

}  // namespace

scenario on_dates(const scenario& s, civil_date first, std::size_t days) {
    const double per_day = seconds_per_day / s.interval.count();
    if (std::abs(per_day - std::round(per_day)) > 1e-9)
        throw config_error(
            fmt::format("the scenario's interval ({}) must divide 24 hours to lay it on dates",
                        format_duration(s.interval)));
    if (s.day_start.count() >= seconds_per_day)
        throw config_error("the scenario's day must start before 24:00 on its first day");
    std::vector<std::size_t> source_day(days);
    for (std::size_t d = 0; d < days; ++d)
        source_day[d] = day_standing_for(s, civil_date{first.days + static_cast<std::int64_t>(d)});

    scenario out = s;
    out.calendar = dated_calendar(first, days);
    out.stationary = false;
    out.interval_count = static_cast<std::size_t>(std::floor(
        (static_cast<double>(days) * seconds_per_day - s.day_start.count()) / s.interval.count() +
        1e-9));
    // Interval i of the replay is the interval of the standing-in day at the same time of day.
    std::vector<std::optional<std::size_t>> source_interval(out.interval_count);
    for (std::size_t i = 0; i < out.interval_count; ++i) {
        const double t = out.interval_start(i).count();
        const auto day = static_cast<std::size_t>(std::floor(t / seconds_per_day + 1e-9));
        const double moved =
            t - (static_cast<double>(day) - static_cast<double>(source_day[day])) * seconds_per_day;
        const double k = std::round((moved - s.day_start.count()) / s.interval.count());
        if (k >= 0.0 && k < static_cast<double>(s.interval_count))
            source_interval[i] = static_cast<std::size_t>(k);
    }
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        const queue_spec& from = s.queues[q];
        queue_spec& to = out.queues[q];
        to.trace.clear();
        to.calls.assign(out.interval_count, 0.0);
        to.aht.assign(out.interval_count, from.aht.front());
        for (std::size_t i = 0; i < out.interval_count; ++i)
            if (source_interval[i]) {
                to.calls[i] = from.calls[*source_interval[i]];
                to.aht[i] = from.aht[*source_interval[i]];
            }
        if (!from.open_periods.empty()) to.open_periods = periods_on(from.open_periods, source_day);
    }
    out.open_periods = periods_on(s.open_periods, source_day);
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
        lay_shifts(out.groups[g], source_day, s.warmup.count());
        for (tour_spec& tour : out.groups[g].tours) {
            const std::vector<worked_day> worked = tour.work;
            tour.work.clear();
            for (std::size_t d = 0; d < days; ++d)
                for (const worked_day& w : worked)
                    if (w.day == source_day[d])
                        tour.work.push_back({static_cast<std::uint32_t>(d), w.shift});
        }
    }
    return out;
}

}  // namespace ccsim::sim
