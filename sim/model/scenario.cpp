#include "sim/model/scenario.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace ccsim::sim {

namespace {

[[noreturn]] void reject(const std::string& where, const std::string& rule) {
    throw config_error(fmt::format("scenario: {}: {}", where, rule));
}

void check_shape(const std::string& where, const distribution_shape& shape) {
    switch (shape.kind) {
        case distribution_kind::lognormal:
        case distribution_kind::gamma:
        case distribution_kind::weibull:
            if (!(shape.cv > 0.0) || !std::isfinite(shape.cv))
                reject(where, fmt::format("cv must be > 0 (got {})", shape.cv));
            break;
        case distribution_kind::erlang:
            if (shape.phases < 1)
                reject(where, fmt::format("phases must be >= 1 (got {})", shape.phases));
            break;
        case distribution_kind::empirical:
            if (shape.samples.empty()) reject(where, "empirical samples must not be empty");
            for (double v : shape.samples)
                if (!(v >= 0.0) || !std::isfinite(v))
                    reject(where, fmt::format("empirical samples must be >= 0 (got {})", v));
            break;
        default:
            break;
    }
}

}  // namespace

std::size_t add_shift(group_spec& group, shift_spec shift) {
    group.shifts.push_back(std::move(shift));
    return group.shifts.size() - 1;
}

std::size_t days_spanned(seconds day_start, seconds interval, std::size_t interval_count) {
    const double last_start =
        day_start.count() + interval.count() * static_cast<double>(interval_count - 1);
    return static_cast<std::size_t>(std::floor(std::max(0.0, last_start) / seconds_per_day)) + 1;
}

std::size_t scenario::day_of_interval(std::size_t i) const {
    const double start = interval_start(i).count();
    return std::min(calendar.days - 1,
                    static_cast<std::size_t>(std::floor(std::max(0.0, start) / seconds_per_day)));
}

std::vector<bool> queues_in_total(const scenario& s) {
    const bool has_voice = std::any_of(s.queues.begin(), s.queues.end(), [](const queue_spec& q) {
        return q.channel == channel_kind::voice;
    });
    std::vector<bool> in_total;
    for (const queue_spec& q : s.queues)
        in_total.push_back(!has_voice || q.channel == channel_kind::voice);
    return in_total;
}

std::vector<double> open_seconds_per_interval(const scenario& s) {
    std::vector<double> open(s.interval_count, 0.0);
    std::size_t p = 0;
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        const double from = s.interval_start(i).count(), to = s.interval_start(i + 1).count();
        while (p < s.open_periods.size() && s.open_periods[p].second.count() <= from) ++p;
        for (std::size_t k = p; k < s.open_periods.size(); ++k) {
            const double a = std::max(from, s.open_periods[k].first.count());
            const double b = std::min(to, s.open_periods[k].second.count());
            if (a >= to) break;
            if (b > a) open[i] += b - a;
        }
    }
    return open;
}

double after_open_time(const std::vector<std::pair<seconds, seconds>>& periods, double from,
                       double open_time) {
    auto p =
        std::upper_bound(periods.begin(), periods.end(), from,
                         [](double t, const auto& period) { return t < period.second.count(); });
    double t = from;
    for (; p != periods.end(); ++p) {
        t = std::max(t, p->first.count());
        const double left = p->second.count() - t;
        if (open_time < left) return t + open_time;
        open_time -= left;
        t = p->second.count();
    }
    return t + open_time;
}

namespace {

bool periods_in_order(const std::vector<std::pair<seconds, seconds>>& periods) {
    for (std::size_t i = 0; i < periods.size(); ++i) {
        if (!(periods[i].second > periods[i].first)) return false;
        if (i > 0 && periods[i].first < periods[i - 1].second) return false;
    }
    return true;
}

void validate_channel(const scenario& s, const queue_spec& q) {
    const std::string where = "queue " + q.name;
    auto is = [&](std::size_t index, channel_kind kind) {
        return index < s.queues.size() && s.queues[index].channel == kind;
    };
    if (!periods_in_order(q.open_periods))
        reject(where, "opening periods must be sorted, disjoint and end after they start");
    if (q.target && !(*q.target > 0.0 && *q.target <= 1.0))
        reject(where, fmt::format("target must be in (0, 1] (got {})", *q.target));
    const repeat_model& r = q.repeats;
    if (!(r.resolved >= 0.0 && r.resolved <= 1.0))
        reject(where, fmt::format("fcr must be in [0, 1] (got {})", r.resolved));
    if (r.resolved < 1.0) {
        if (q.channel != channel_kind::voice) reject(where, "repeat callers are a voice feature");
        if (!(r.delay.mean.count() > 0.0)) reject(where, "repeat delay mean must be > 0");
        if (r.escalate_after < 1) reject(where, "escalate_after must be >= 1");
        if (r.escalate_to && !is(*r.escalate_to, channel_kind::backoffice))
            reject(where, "escalate_to must name a back-office queue");
    }
    if (q.follow_up) {
        if (q.channel != channel_kind::voice) reject(where, "follow-ups come from voice queues");
        if (!(q.follow_up->share >= 0.0 && q.follow_up->share <= 1.0))
            reject(where, "follow_up share must be in [0, 1]");
        if (!(q.follow_up->due_within.count() > 0.0))
            reject(where, "follow_up due_within must be > 0");
        if (!is(q.follow_up->to, channel_kind::outbound))
            reject(where, "follow_up must go to an outbound queue");
    }
    switch (q.channel) {
        case channel_kind::voice:
        case channel_kind::chat:
            break;
        case channel_kind::backoffice: {
            const back_office_model& b = q.back_office;
            if (q.patience) reject(where, "back-office items do not hang up: no patience");
            if (!(b.reply.mean.count() > 0.0)) reject(where, "reply handle time must be > 0");
            if (!(b.reply_within.count() > 0.0) || !(b.resolve_within.count() > 0.0))
                reject(where, "deadlines must be > 0");
            if (!q.trace.empty()) reject(where, "traces are for voice and chat queues");
            break;
        }
        case channel_kind::outbound: {
            const outbound_model& o = q.outbound;
            if (q.patience) reject(where, "outbound tasks do not hang up: no patience");
            if (!(o.reach > 0.0 && o.reach <= 1.0)) reject(where, "reach must be in (0, 1]");
            if (!(o.attempt_time.count() >= 0.0)) reject(where, "attempt_time must be >= 0");
            if (o.max_attempts < 1 || o.max_attempts > 100)
                reject(where, "max_attempts must be in [1, 100]");
            if (o.max_attempts > 1 && !(o.retry_delay.mean.count() > 0.0))
                reject(where, "retry delay mean must be > 0");
            if (!(o.due_within.count() > 0.0)) reject(where, "due_within must be > 0");
            if (!q.trace.empty()) reject(where, "traces are for voice and chat queues");
            break;
        }
    }
}

void validate_roster(const scenario& s, const group_spec& g) {
    const std::string where = "group " + g.name;
    const auto days = static_cast<std::uint32_t>(s.calendar.days);
    for (const shift_spec& sh : g.shifts) {
        const std::string at = where + " shift " + sh.name;
        if (!(sh.end > sh.start)) reject(at, "end must be after start");
        if (sh.agents < 0) reject(at, "agents must be >= 0");
        for (const break_spec& b : sh.breaks)
            if (!(b.length.count() > 0.0)) reject(at, "break length must be > 0");
        for (std::size_t i = 0; i < sh.days.size(); ++i) {
            if (sh.days[i] >= days)
                reject(at,
                       fmt::format("day {} is outside the horizon of {} days", sh.days[i], days));
            if (i > 0 && !(sh.days[i] > sh.days[i - 1]))
                reject(at, "days must be sorted and distinct");
        }
        if (sh.days.size() > 1 && sh.end - sh.start > seconds{seconds_per_day})
            reject(at, "a shift longer than a day cannot be worked on several days");
    }
    for (const tour_spec& t : g.tours) {
        const std::string at = where + " tour " + t.name;
        if (t.agents < 0) reject(at, "agents must be >= 0");
        for (std::size_t i = 0; i < t.work.size(); ++i) {
            const worked_day& w = t.work[i];
            if (w.shift >= g.shifts.size()) reject(at, "names no shift of its group");
            if (w.day >= days)
                reject(at, fmt::format("day {} is outside the horizon of {} days", w.day, days));
            if (i == 0) continue;
            const worked_day& before = t.work[i - 1];
            if (!(w.day > before.day)) reject(at, "days must be sorted, one shift a day");
            const double ends = before.day * seconds_per_day + g.shifts[before.shift].end.count();
            const double starts = w.day * seconds_per_day + g.shifts[w.shift].start.count();
            if (starts < ends)
                reject(at, fmt::format("the shift on day {} starts before the one on day {} ends",
                                       w.day, before.day));
        }
    }
}

}  // namespace

void validate(const scenario& s) {
    if (!(s.interval.count() > 0.0)) reject("interval", "must be > 0");
    if (s.interval_count == 0) reject("intervals", "there must be at least one interval");
    if (s.day_start.count() < 0.0) reject("day_start", "must be >= 0 (the clock starts on day 0)");
    if (s.calendar.days == 0) reject("calendar", "needs at least one day");
    if (const std::size_t spanned = days_spanned(s.day_start, s.interval, s.interval_count);
        spanned > s.calendar.days)
        reject("calendar", fmt::format("the intervals span {} days, the calendar only {}", spanned,
                                       s.calendar.days));
    if (s.warmup.count() < 0.0) reject("warmup", "must be >= 0");
    if (!(s.busyness_cv >= 0.0)) reject("busyness_cv", "must be >= 0");
    if (s.open_periods.empty()) reject("hours", "there must be at least one opening period");
    for (std::size_t i = 0; i < s.open_periods.size(); ++i) {
        if (!(s.open_periods[i].second > s.open_periods[i].first))
            reject("hours", "close must be after open");
        if (i > 0 && s.open_periods[i].first < s.open_periods[i - 1].second)
            reject("hours", "opening periods must be sorted and must not overlap");
    }
    if (s.queues.empty()) reject("queues", "there must be at least one queue");
    for (const queue_spec& q : s.queues) {
        const std::string where = "queue " + q.name;
        if (q.name == "all")
            reject(where, "the name 'all' is reserved for the total of all queues");
        if (q.calls.size() != s.interval_count || q.aht.size() != s.interval_count)
            reject(where, fmt::format("needs {} intervals of calls and AHT", s.interval_count));
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            if (!(q.calls[i] >= 0.0) || !std::isfinite(q.calls[i]))
                reject(where,
                       fmt::format("calls must be >= 0 (got {} in interval {})", q.calls[i], i));
            if (!(q.aht[i].count() > 0.0))
                reject(where,
                       fmt::format("AHT must be > 0 (got {} in interval {})", q.aht[i].count(), i));
        }
        check_shape(where + " handle_time", q.handle_time);
        if (q.patience) {
            check_shape(where + " patience", q.patience->shape);
            if (!(q.patience->mean.count() > 0.0)) reject(where, "patience mean must be > 0");
        }
        if (!(q.redial.probability >= 0.0 && q.redial.probability <= 1.0))
            reject(where, "redial probability must be in [0, 1]");
        if (q.redial.max_redials < 0) reject(where, "redial max must be >= 0");
        if (q.redial.max_redials > 1000)
            reject(where, fmt::format("redial max must be <= 1000 (got {})", q.redial.max_redials));
        if (q.redial.probability > 0.0 && !(q.redial.delay.mean.count() > 0.0))
            reject(where, "redial delay mean must be > 0");
        if (q.threshold.count() < 0.0) reject(where, "threshold must be >= 0");
        for (std::size_t i = 0; i < q.trace.size(); ++i) {
            if (i > 0 && q.trace[i].arrival < q.trace[i - 1].arrival)
                reject(where, "trace must be sorted by arrival");
            if (q.trace[i].handle && !(q.trace[i].handle->count() >= 0.0))
                reject(where, "trace handle times must be >= 0");
            if (q.trace[i].patience && !(q.trace[i].patience->count() >= 0.0))
                reject(where, "trace patience must be >= 0");
            if (!(q.trace[i].patience_above.count() >= 0.0))
                reject(where, "trace patience_above must be >= 0");
        }
        validate_channel(s, q);
    }
    for (const group_spec& g : s.groups) {
        const std::string where = "group " + g.name;
        if (g.name == "all")
            reject(where, "the name 'all' is reserved for the total of all groups");
        if (g.skills.empty()) reject(where, "needs at least one skill");
        for (const skill& k : g.skills)
            if (k.queue >= s.queues.size()) reject(where, "skill names no queue");
        if (!(g.handle_time_factor > 0.0)) reject(where, "handle_time_factor must be > 0");
        if (!(g.absenteeism >= 0.0 && g.absenteeism < 1.0))
            reject(where, "absenteeism must be in [0, 1)");
        for (const skill& k : g.skills)
            if (k.preference < 1) reject(where, "preference must be >= 1");
        if (g.max_chats < 1 || g.max_chats > 16)
            reject(where, fmt::format("max_chats must be in [1, 16] (got {})", g.max_chats));
        if (!g.concurrency.empty() && g.concurrency.size() != static_cast<std::size_t>(g.max_chats))
            reject(where, fmt::format("concurrency needs one factor per chat held: {} (got {})",
                                      g.max_chats, g.concurrency.size()));
        for (double f : g.concurrency)
            if (!(f > 0.0) || !std::isfinite(f))
                reject(where, fmt::format("concurrency factors must be > 0 (got {})", f));
        if (g.reserve < 0) reject(where, "reserve must be >= 0");
        validate_roster(s, g);
    }
}

scenario make_stationary_scenario(const stationary_queue& q) {
    if (!(q.interval.count() > 0.0)) throw config_error("stationary queue: interval must be > 0");
    scenario s;
    s.name = "stationary queue";
    s.day_start = seconds{0.0};
    s.interval = q.interval;
    s.interval_count = static_cast<std::size_t>(std::ceil(q.horizon / q.interval - 1e-9));
    s.calendar.days = days_spanned(s.day_start, s.interval, s.interval_count);
    s.stationary = true;
    s.open_periods = {{seconds{-q.warmup.count()}, s.day_end()}};
    s.warmup = q.warmup;
    queue_spec queue;
    queue.name = "calls";
    queue.calls.assign(s.interval_count, q.calls_per_hour * q.interval.count() / 3600.0);
    queue.aht.assign(s.interval_count, q.aht);
    if (q.patience) queue.patience = timed_distribution{{}, *q.patience};
    queue.threshold = q.threshold;
    s.queues.push_back(std::move(queue));
    group_spec group;
    group.name = "agents";
    group.skills.push_back({0, 1});
    add_shift(group, {"all day", seconds{-q.warmup.count()}, s.day_end(), q.agents, {}});
    s.groups.push_back(std::move(group));
    return s;
}

}  // namespace ccsim::sim
