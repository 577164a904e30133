#include "report/simulation_records.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

#include "core/calendar.hpp"
#include "core/duration.hpp"

namespace ccsim::report {

namespace {

using sim::group_figure;
using sim::queue_figure;

constexpr queue_figure summary_figures[] = {
    queue_figure::offered,
    queue_figure::answered,
    queue_figure::abandoned,
    queue_figure::redials,
    queue_figure::service_level,
    queue_figure::service_level_answered,
    queue_figure::answer_rate,
    queue_figure::abandon_rate,
    queue_figure::p_wait,
    queue_figure::asa_s,
    queue_figure::mean_abandon_wait_s,
    queue_figure::p90_wait_s,
    queue_figure::longest_queue,
    queue_figure::waiting_at_end,
    queue_figure::outside_hours,
};
constexpr group_figure group_figures[] = {group_figure::occupancy, group_figure::agents_logged_in,
                                          group_figure::agents_busy, group_figure::overtime_h};
// The risk view, per interval and day where the scenario sets the target.
constexpr queue_figure risk_figures[] = {queue_figure::met_service_level,
                                         queue_figure::met_answer_rate};

// The figures of the department's channels, shown only where the scenario has them, so that
// a plain hotline's reports stay as they were.
constexpr queue_figure repeat_figures[] = {queue_figure::repeats, queue_figure::fcr,
                                           queue_figure::escalated};
constexpr queue_figure back_office_figures[] = {queue_figure::replied_within,
                                                queue_figure::resolved_within};
constexpr queue_figure outbound_figures[] = {queue_figure::done_within, queue_figure::attempts};
constexpr queue_figure carry_over_figures[] = {queue_figure::backlog, queue_figure::oldest_h};

bool any_queue(const sim::scenario& s, bool (*test)(const sim::queue_spec&)) {
    return std::any_of(s.queues.begin(), s.queues.end(), test);
}
bool has_channel(const sim::scenario& s, sim::channel_kind c) {
    return std::any_of(s.queues.begin(), s.queues.end(),
                       [c](const sim::queue_spec& q) { return q.channel == c; });
}

// Scopes: each queue, plus "all" when there are several; the same for groups. Beside other
// channels "all" totals the voice queues, and says so.
std::vector<std::pair<std::size_t, std::string>> queue_scopes(const sim::scenario& s) {
    std::vector<std::pair<std::size_t, std::string>> scopes;
    for (std::size_t q = 0; q < s.queues.size(); ++q) scopes.emplace_back(q, s.queues[q].name);
    const bool only_voice = !any_queue(
        s, [](const sim::queue_spec& q) { return q.channel != sim::channel_kind::voice; });
    if (s.queues.size() > 1) scopes.emplace_back(s.queues.size(), only_voice ? "all" : "all voice");
    return scopes;
}

std::vector<std::pair<std::size_t, std::string>> group_scopes(const sim::scenario& s) {
    std::vector<std::pair<std::size_t, std::string>> scopes;
    for (std::size_t g = 0; g < s.groups.size(); ++g) scopes.emplace_back(g, s.groups[g].name);
    if (s.groups.size() > 1) scopes.emplace_back(s.groups.size(), "all");
    return scopes;
}

void append_queue_figures(record& row, const sim::scenario& s, const sim::simulation_summary& r,
                          std::size_t queue, std::size_t bucket) {
    auto append = [&](std::span<const queue_figure> figures) {
        for (const queue_figure f : figures) {
            const sim::figure_info& i = sim::info(f);
            row.push_back({i.key, i.label, r.queue(queue, bucket, f), i.decimals});
        }
    };
    append(summary_figures);
    if (any_queue(s, [](const sim::queue_spec& q) { return q.repeats.resolved < 1.0; }))
        append(repeat_figures);
    const bool back_office = has_channel(s, sim::channel_kind::backoffice);
    const bool outbound = has_channel(s, sim::channel_kind::outbound);
    if (back_office) append(back_office_figures);
    if (outbound) append(outbound_figures);
    // Backlogs are taken at each day's close: there is none per interval.
    if ((back_office || outbound) && bucket >= r.intervals()) append(carry_over_figures);
}

void append_risk_figures(record& row, const sim::scenario& s, const sim::simulation_summary& r,
                         std::size_t queue, std::size_t bucket) {
    for (const queue_figure f : risk_figures) {
        const bool set = f == queue_figure::met_service_level ? s.service_level_target.has_value()
                                                              : s.answer_rate_target.has_value();
        if (!set) continue;
        const sim::figure_info& i = sim::info(f);
        row.push_back({i.key, i.label, r.queue(queue, bucket, f), i.decimals});
    }
}

void append_group_figures(record& row, const sim::scenario& s, const sim::simulation_summary& r,
                          std::size_t group, std::size_t bucket) {
    auto append = [&](group_figure f) {
        const sim::figure_info& i = sim::info(f);
        row.push_back({i.key, i.label, r.group(group, bucket, f), i.decimals});
    };
    for (const group_figure f : group_figures) append(f);
    if (has_channel(s, sim::channel_kind::chat)) {
        append(group_figure::chats_held);
        append(group_figure::slot_occupancy);
    }
    if (has_channel(s, sim::channel_kind::outbound)) append(group_figure::outbound_per_agent_hour);
    if (std::any_of(s.groups.begin(), s.groups.end(),
                    [](const sim::group_spec& g) { return g.not_ready.has_value(); })) {
        append(group_figure::not_ready_share);
        append(group_figure::agents_not_ready);
    }
}

}  // namespace

std::string day_label(const sim::scenario& s, std::size_t day) {
    const std::string label = s.calendar.day_label(day);
    return label.empty() ? fmt::format("day {}", day + 1) : label;
}

std::string interval_label(const sim::scenario& s, std::size_t interval) {
    const double start = s.interval_start(interval).count();
    const std::size_t day = s.day_of_interval(interval);
    const std::string clock =
        format_time_of_day(seconds{start - seconds_per_day * static_cast<double>(day)});
    const std::string on = s.calendar.day_label(day);
    return on.empty() ? clock : fmt::format("{} {}", on, clock);
}

record day_totals_record(const sim::scenario& s, const sim::simulation_summary& r) {
    const std::size_t all_queues = s.queues.size() > 1 ? s.queues.size() : 0;
    const std::size_t all_groups = s.groups.size() > 1 ? s.groups.size() : 0;
    record total;
    append_queue_figures(total, s, r, all_queues, r.intervals());
    if (!s.groups.empty()) append_group_figures(total, s, r, all_groups, r.intervals());
    return total;
}

std::vector<record> queue_summary_records(const sim::scenario& s,
                                          const sim::simulation_summary& r) {
    std::vector<record> rows;
    for (const auto& [index, name] : queue_scopes(s)) {
        record row{{"queue", "queue", name}};
        append_queue_figures(row, s, r, index, r.intervals());
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<record> group_summary_records(const sim::scenario& s,
                                          const sim::simulation_summary& r) {
    std::vector<record> rows;
    for (const auto& [index, name] : group_scopes(s)) {
        record row{{"group", "group", name}};
        append_group_figures(row, s, r, index, r.intervals());
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<record> interval_records(const sim::scenario& s, const sim::simulation_summary& r) {
    std::vector<record> rows;
    for (std::size_t b = 0; b < r.intervals(); ++b) {
        if (!r.is_open(b)) continue;  // nights and closed days: nothing is offered there
        for (const auto& [index, name] : queue_scopes(s)) {
            record row{{"interval_start", "interval", interval_label(s, b)},
                       {"queue", "queue", name}};
            append_queue_figures(row, s, r, index, b);
            append_risk_figures(row, s, r, index, b);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<record> group_interval_records(const sim::scenario& s,
                                           const sim::simulation_summary& r) {
    std::vector<record> rows;
    for (std::size_t b = 0; b < r.intervals(); ++b) {
        if (!r.is_open(b)) continue;
        for (const auto& [index, name] : group_scopes(s)) {
            record row{{"interval_start", "interval", interval_label(s, b)},
                       {"group", "group", name}};
            append_group_figures(row, s, r, index, b);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<record> day_records(const sim::scenario& s, const sim::simulation_summary& r) {
    std::vector<record> rows;
    for (std::size_t d = 0; d < r.days(); ++d) {
        for (const auto& [index, name] : queue_scopes(s)) {
            record row{{"day", "day", day_label(s, d)}, {"queue", "queue", name}};
            append_queue_figures(row, s, r, index, r.day_bucket(d));
            append_risk_figures(row, s, r, index, r.day_bucket(d));
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<record> group_day_records(const sim::scenario& s, const sim::simulation_summary& r) {
    std::vector<record> rows;
    for (std::size_t d = 0; d < r.days(); ++d) {
        for (const auto& [index, name] : group_scopes(s)) {
            record row{{"day", "day", day_label(s, d)}, {"group", "group", name}};
            append_group_figures(row, s, r, index, r.day_bucket(d));
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

}  // namespace ccsim::report
