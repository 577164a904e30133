#include "erlang/back_office_fluid.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <vector>

#include "core/saturated_count.hpp"

namespace ccsim::erlang {

namespace {

constexpr double day = 86400.0;
constexpr double infinite = std::numeric_limits<double>::infinity();

// Work of one kind due a fixed time after the item's arrival.
struct due_work {
    double work;      // agent seconds per item
    double deadline;  // seconds after arrival
};

std::vector<due_work> due_classes(const back_office_work& w, back_office_order order) {
    std::vector<due_work> classes;
    const double reply = w.reply_work.count(), resolve = w.resolve_work.count();
    if (order == back_office_order::fifo) {
        // Worked through in one go, in arrival order: the whole item is done by the time its
        // reply goes out, so all of it must meet the sooner deadline.
        const double deadline = std::min(w.reply_within.count(), w.resolve_within.count());
        if (reply + resolve > 0.0) classes.push_back({reply + resolve, deadline});
    } else {
        if (reply > 0.0) classes.push_back({reply, w.reply_within.count()});
        if (resolve > 0.0) classes.push_back({resolve, w.resolve_within.count()});
    }
    return classes;
}

double wrap(double t) {
    const double r = std::fmod(t, day);
    return r < 0.0 ? r + day : r;
}

// The largest ratio of work due within a window to the shift time in it (see
// deadline_agents). Both are piecewise linear in (t1, t2), with kinks where t1 or t2 (or
// t2 minus a deadline) crosses a window edge, or where t2 - t1 equals a deadline; on each
// piece the ratio of two linear functions is largest at a corner, so only the corners are
// evaluated. Windows longer than the longest deadline plus a day need not be: shortening one
// by a day removes a day's work and a day's shift time, which moves the ratio away from the
// daily ratio (the stability bound) only upwards.
double largest_due_ratio(const back_office_work& w, const std::vector<due_work>& classes) {
    if (classes.empty() || w.items_per_day <= 0.0) return 0.0;
    const double items_per_second = w.items_per_day / w.arrivals.length.count();
    auto arrived = [&](double t) { return w.arrivals.covered_before(seconds{t}).count(); };
    auto on_shift = [&](double t) { return w.shift.covered_before(seconds{t}).count(); };

    double longest = 0.0;
    for (const due_work& c : classes) longest = std::max(longest, c.deadline);
    const std::vector<double> arrival_edges{w.arrivals.start.count(),
                                            (w.arrivals.start + w.arrivals.length).count()};
    const std::vector<double> shift_edges{w.shift.start.count(),
                                          (w.shift.start + w.shift.length).count()};
    // Times of day at which the window's end, or its start, meets a kink.
    std::vector<double> end_kinks, start_kinks, spans;
    for (double e : shift_edges) end_kinks.push_back(wrap(e));
    for (double e : arrival_edges)
        for (const due_work& c : classes) end_kinks.push_back(wrap(e + c.deadline));
    for (double e : arrival_edges) start_kinks.push_back(wrap(e));
    for (double e : shift_edges) start_kinks.push_back(wrap(e));
    for (const due_work& c : classes) spans.push_back(c.deadline);
    spans.push_back(longest + day);
    for (double b : end_kinks)
        for (double s : spans) start_kinks.push_back(wrap(b - s));

    const double work_scale = w.work_per_day();
    double largest = 0.0;
    auto consider = [&](double t1, double t2) {
        double due = 0.0;
        for (const due_work& c : classes)
            due +=
                c.work * items_per_second * std::max(0.0, arrived(t2 - c.deadline) - arrived(t1));
        const double capacity = on_shift(t2) - on_shift(t1);
        if (due <= 1e-12 * work_scale) return;
        if (capacity <= 1e-9) {
            largest = infinite;
            return;
        }
        largest = std::max(largest, due / capacity);
    };
    for (double t1 : start_kinks) {
        for (double s : spans) consider(t1, t1 + s);
        for (double b : end_kinks) {
            // Every t2 = b + k day in (t1, t1 + longest + day].
            double t2 = b + std::ceil((t1 - b) / day) * day;
            if (t2 <= t1) t2 += day;
            for (; t2 <= t1 + longest + day; t2 += day) consider(t1, t2);
        }
    }
    return largest;
}

// The fluid's backlog at time t with n agents, when stable: the largest excess of work
// arrived over work done in any (u, t], u within the last day (an earlier u only adds a
// day's surplus capacity). It is largest where u is a window edge, or u = t.
double backlog_at(const back_office_work& w, double n, double t) {
    const double work_per_second =
        w.items_per_day * (w.reply_work + w.resolve_work).count() / w.arrivals.length.count();
    auto excess = [&](double u) {
        return work_per_second *
                   (w.arrivals.covered_before(seconds{t}) - w.arrivals.covered_before(seconds{u}))
                       .count() -
               n * (w.shift.covered_before(seconds{t}) - w.shift.covered_before(seconds{u}))
                       .count();
    };
    double largest = 0.0;
    for (double edge : {w.arrivals.start.count(), (w.arrivals.start + w.arrivals.length).count(),
                        w.shift.start.count(), (w.shift.start + w.shift.length).count()}) {
        double u = edge + std::floor((t - edge) / day) * day;  // the latest at or before t
        if (u > t) u -= day;
        largest = std::max(largest, excess(u));
    }
    return largest;
}

}  // namespace

seconds daily_window::covered_before(seconds t) const {
    const double days = std::floor(t.count() / day);
    const double r = t.count() - days * day;  // time of day, in [0, day)
    const double s = start.count(), l = length.count();
    // The part of [0, r) in [s, s + l), and in its wrap past midnight, [0, s + l - day).
    double within = std::clamp(r - s, 0.0, std::min(l, day - s));
    if (s + l > day) within += std::clamp(r, 0.0, s + l - day);
    return seconds{days * l + within};
}

std::string back_office_work::problem() const {
    auto bad_window = [](const daily_window& w) {
        return !(w.start.count() >= 0.0 && w.start.count() < day && w.length.count() > 0.0 &&
                 w.length.count() <= day);
    };
    if (!(std::isfinite(items_per_day) && items_per_day >= 0.0))
        return fmt::format("items per day must be a number >= 0 (got {})", items_per_day);
    if (bad_window(arrivals)) return "the arrival window must be a period within a day";
    if (bad_window(shift)) return "the shift must be a period within a day";
    if (!(reply_work.count() >= 0.0 && resolve_work.count() >= 0.0 &&
          std::isfinite((reply_work + resolve_work).count())))
        return "work per item must be >= 0";
    if (!(reply_work + resolve_work > seconds{0.0}))
        return "an item must bring some work: reply or resolution work > 0";
    if (!(reply_within.count() > 0.0 && resolve_within.count() > 0.0))
        return "deadlines must be > 0";
    return {};
}

double deadline_agents(const back_office_work& work, back_office_order order) {
    assert(work.problem().empty());
    return largest_due_ratio(work, due_classes(work, order));
}

long stable_agents(const back_office_work& work) {
    if (work.work_per_day() <= 0.0) return 0;
    return saturated_count(std::floor(work.work_per_day() / work.shift.length.count())) + 1;
}

back_office_figures evaluate_back_office(const back_office_work& work, double agents) {
    assert(work.problem().empty() && agents >= 0.0);
    back_office_figures f;
    f.agents = agents;
    const double capacity = agents * work.shift.length.count();
    f.utilisation = capacity > 0.0 ? work.work_per_day() / capacity
                                   : (work.work_per_day() > 0.0 ? infinite : 0.0);
    f.stable = f.utilisation < 1.0;
    if (!f.stable) {
        f.backlog_at_shift_start = f.backlog_at_shift_end = f.largest_backlog = infinite;
        f.fifo_turnaround = seconds{infinite};
        return f;
    }
    // Day 1 (not 0) keeps every look back in the last day at t >= 0; any day would do.
    const double start = day + work.shift.start.count();
    f.backlog_at_shift_start = backlog_at(work, agents, start);
    f.backlog_at_shift_end = backlog_at(work, agents, start + work.shift.length.count());
    // The backlog rises and falls linearly between window edges: its peak is at one.
    for (double edge :
         {work.arrivals.start.count(), (work.arrivals.start + work.arrivals.length).count(),
          work.shift.start.count(), (work.shift.start + work.shift.length).count()})
        f.largest_backlog = std::max(f.largest_backlog, backlog_at(work, agents, day + wrap(edge)));

    // Relative slack: the corner ratios are computed, not exact, at the boundary.
    const double tolerance = 1.0 + 1e-12;
    f.meets_fifo = deadline_agents(work, back_office_order::fifo) <= agents * tolerance;
    f.meets_edf = deadline_agents(work, back_office_order::edf) <= agents * tolerance;

    // The longest FIFO turnaround: the least common deadline FIFO meets with these agents
    // (the requirement falls as the deadline grows), by bisection to a tenth of a second.
    const double whole = (work.reply_work + work.resolve_work).count();
    auto fifo_needs = [&](double deadline) { return largest_due_ratio(work, {{whole, deadline}}); };
    double low = 0.0, high = day;
    while (fifo_needs(high) > agents * tolerance) {
        low = high;
        high *= 2.0;
    }
    while (high - low > 0.1) {
        const double middle = 0.5 * (low + high);
        (fifo_needs(middle) > agents * tolerance ? low : high) = middle;
    }
    f.fifo_turnaround = seconds{high};
    return f;
}

}  // namespace ccsim::erlang
