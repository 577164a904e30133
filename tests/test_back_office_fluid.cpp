#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <vector>

#include "core/errors.hpp"
#include "erlang/back_office_fluid.hpp"
#include "erlang/back_office_staffing.hpp"
#include "time_units.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

namespace {

using ccsim::test::hour;

daily_window window(double from_hour, double hours) {
    return daily_window{seconds{from_hour * hour}, seconds{hours * hour}};
}

// 240 items a day arriving 16:00-24:00 (30 an hour), a desk on duty 08:00-20:00.
back_office_work evening_complaints(double reply_h, double resolve_h, double reply_within_h,
                                    double resolve_within_h) {
    back_office_work w;
    w.items_per_day = 240;
    w.arrivals = window(16, 8);
    w.shift = window(8, 12);
    w.reply_work = seconds{reply_h * hour};
    w.resolve_work = seconds{resolve_h * hour};
    w.reply_within = seconds{reply_within_h * hour};
    w.resolve_within = seconds{resolve_within_h * hour};
    return w;
}

// An independent check: the fluid stepped minute by minute over many days. Work arriving in a
// minute is due its deadline after the minute's start; each minute on shift the agents do n
// minutes of work, FIFO (whole items in arrival order, due at the sooner deadline) or EDF
// (the reply and resolution queues, the earlier due first). Returns the largest lateness in
// the last three days, in seconds (<= 0: every deadline held).
double stepped_lateness(const back_office_work& w, double n, back_office_order order) {
    constexpr double step = 60.0;
    constexpr int days = 12;
    struct bucket {
        double due, work;
    };
    std::deque<bucket> replies, resolutions;  // each in arrival order, so also in due order
    const double rate = w.items_per_day / w.arrivals.length.count();
    double late = -1e300;
    for (int i = 0; i < days * 1440; ++i) {
        const double t = i * step;
        const double items = rate * (w.arrivals.covered_before(seconds{t + step}) -
                                     w.arrivals.covered_before(seconds{t}))
                                        .count();
        if (items > 0.0) {
            if (order == back_office_order::fifo) {
                const double due = t + std::min(w.reply_within, w.resolve_within).count();
                replies.push_back({due, items * (w.reply_work + w.resolve_work).count()});
            } else {
                replies.push_back({t + w.reply_within.count(), items * w.reply_work.count()});
                resolutions.push_back(
                    {t + w.resolve_within.count(), items * w.resolve_work.count()});
            }
        }
        double capacity =
            n * (w.shift.covered_before(seconds{t + step}) - w.shift.covered_before(seconds{t}))
                    .count();
        while (capacity > 0.0 && !(replies.empty() && resolutions.empty())) {
            const bool reply = resolutions.empty() ||
                               (!replies.empty() && replies.front().due <= resolutions.front().due);
            std::deque<bucket>& queue = reply ? replies : resolutions;
            const double done = std::min(capacity, queue.front().work);
            capacity -= done;
            queue.front().work -= done;
            if (queue.front().work <= 1e-9) {
                if (i >= (days - 3) * 1440) late = std::max(late, t + step - queue.front().due);
                queue.pop_front();
            }
        }
        // Work still waiting past its due time counts as late too (an unstable desk).
        for (const std::deque<bucket>* queue : {&replies, &resolutions})
            if (!queue->empty() && i >= (days - 3) * 1440)
                late = std::max(late, t + step - queue->front().due);
    }
    return late;
}

}  // namespace

TEST_CASE("a daily window counts its time across days and past midnight") {
    const daily_window evening = window(20, 8);  // 20:00-04:00
    CHECK(evening.covered_before(seconds{0}).count() == 0.0);
    CHECK(evening.covered_before(seconds{2 * hour}).count() == doctest::Approx(2 * hour));
    CHECK(evening.covered_before(seconds{21 * hour}).count() == doctest::Approx(5 * hour));
    CHECK(evening.covered_before(seconds{48 * hour}).count() == doctest::Approx(16 * hour));
    CHECK(evening.covered_before(seconds{-2 * hour}).count() == doctest::Approx(-2 * hour));
    const daily_window office = window(8, 12);
    CHECK((office.covered_before(seconds{(24 + 14) * hour}) -
           office.covered_before(seconds{16 * hour}))
              .count() == doctest::Approx(10 * hour));
}

TEST_CASE("back office by hand: one deadline, the evening's work due by 14:00 the next day") {
    // All 240 hours of work arriving 16:00-24:00 is due 14 h later; from 16:00 to 14:00 the
    // desk is on duty 10 hours (16-20, 08-14): 24 agents. The daily bound is 240 / 12 = 20.
    const back_office_work w = evening_complaints(0.0, 1.0, 14, 14);
    CHECK(deadline_agents(w, back_office_order::fifo) == doctest::Approx(24.0).epsilon(1e-12));
    CHECK(deadline_agents(w, back_office_order::edf) == doctest::Approx(24.0).epsilon(1e-12));
    CHECK(stable_agents(w) == 21);
    const back_office_staffing_answer answer =
        solve_back_office_staffing(w, back_office_order::edf, 0.25, 1000);
    CHECK(answer.agents == 24);
    CHECK(answer.scheduled == 32);
    CHECK(answer.fifo_agents == 24);

    // With 24 agents the backlog clears at 14:00; it is 24 h of work at 20:00 and 144 h at
    // 08:00 (the evening's arrivals after 20:00, untouched overnight).
    const back_office_figures f = answer.figures;
    CHECK(f.utilisation == doctest::Approx(240.0 / 288.0));
    CHECK(f.backlog_at_shift_end == doctest::Approx(24 * hour));
    CHECK(f.backlog_at_shift_start == doctest::Approx(144 * hour));
    CHECK(f.largest_backlog == doctest::Approx(144 * hour));
    CHECK(f.meets_fifo);
    CHECK(f.meets_edf);
    CHECK(f.fifo_turnaround.count() == doctest::Approx(14 * hour).epsilon(1e-5));
    CHECK_FALSE(evaluate_back_office(w, 23).meets_edf);
}

TEST_CASE("back office by hand: EDF puts replies first, FIFO must reply with the whole item") {
    // Reply 15 min within 12 h, resolution 45 min within 48 h. FIFO works each item through at
    // once, so the whole hour is due in 12 h: the evening's work by 08:00-12:00 the next day,
    // e.g. 16:00-22:00 arrivals (180 h) by 10:00, with 6 h on duty: 30 agents. EDF needs only
    // the replies by then (a quarter of it) and the daily bound, 21.
    const back_office_work w = evening_complaints(0.25, 0.75, 12, 48);
    CHECK(deadline_agents(w, back_office_order::fifo) == doctest::Approx(30.0).epsilon(1e-12));
    CHECK(deadline_agents(w, back_office_order::edf) < 21.0);
    const back_office_staffing_answer edf =
        solve_back_office_staffing(w, back_office_order::edf, 0.0, 1000);
    CHECK(edf.agents == 21);
    CHECK(edf.stable_agents == 21);
    CHECK(edf.fifo_agents == 30);
    CHECK(solve_back_office_staffing(w, back_office_order::fifo, 0.0, 1000).agents == 30);
    CHECK(edf.figures.meets_edf);
    CHECK_FALSE(edf.figures.meets_fifo);
    CHECK(edf.figures.fifo_turnaround.count() > 12 * hour);
}

TEST_CASE("back office: round-the-clock work against a night with nobody on duty") {
    back_office_work w;
    w.items_per_day = 240;  // 10 an hour, all day
    w.shift = window(8, 12);
    w.reply_work = seconds{0.25 * hour};
    w.resolve_work = seconds{0.75 * hour};
    // Work arriving at 20:00 waits 12 h for the morning: a 12 h reply deadline is just met
    // by any stable desk, an 11 h one by none.
    w.reply_within = seconds{12 * hour};
    CHECK(solve_back_office_staffing(w, back_office_order::fifo, 0.0, 1000).agents == 21);
    w.reply_within = seconds{11 * hour};
    CHECK(std::isinf(deadline_agents(w, back_office_order::edf)));
    CHECK_THROWS_AS(solve_back_office_staffing(w, back_office_order::edf, 0.0, 1000), domain_error);
    // The resolution deadline alone could be met; FIFO replies late whatever the staffing.
    w.reply_work = seconds{0.0};
    const back_office_staffing_answer edf =
        solve_back_office_staffing(w, back_office_order::edf, 0.0, 1000);
    CHECK(edf.agents == 16);  // 180 h a day over 12 h on duty: 15 is not enough
    CHECK_FALSE(edf.fifo_agents.has_value());
}

TEST_CASE("back office: unstable, empty and invalid desks") {
    const back_office_work w = evening_complaints(0.25, 0.75, 12, 48);
    const back_office_figures f = evaluate_back_office(w, 20);  // exactly the daily work
    CHECK_FALSE(f.stable);
    CHECK(std::isinf(f.backlog_at_shift_end));
    CHECK_FALSE(f.meets_edf);
    CHECK_THROWS_AS(solve_back_office_staffing(w, back_office_order::edf, 0.0, 20), domain_error);

    back_office_work none = w;
    none.items_per_day = 0;
    CHECK(solve_back_office_staffing(none, back_office_order::edf, 0.0, 1000).agents == 0);

    back_office_work bad = w;
    bad.shift.length = seconds{0};
    CHECK(bad.problem() == "the shift must be a period within a day");
    bad = w;
    bad.reply_work = bad.resolve_work = seconds{0};
    CHECK_FALSE(bad.problem().empty());
    CHECK(w.problem().empty());
}

TEST_CASE("back office fluid against a minute-by-minute fluid over twelve days") {
    struct case_ {
        back_office_work work;
        back_office_order order;
    };
    std::vector<case_> cases;
    for (back_office_order order : {back_office_order::fifo, back_office_order::edf}) {
        cases.push_back({evening_complaints(0.0, 1.0, 14, 14), order});
        cases.push_back({evening_complaints(0.25, 0.75, 12, 48), order});
        back_office_work longer = evening_complaints(0.5, 2.0, 16, 30);
        longer.items_per_day = 250;
        cases.push_back({longer, order});
        back_office_work night = evening_complaints(0.2, 1.3, 18, 40);
        night.arrivals = window(6, 20);  // 06:00-02:00
        night.shift = window(21, 10);    // a night desk, 21:00-07:00
        night.items_per_day = 100;
        cases.push_back({night, order});
    }
    for (const case_& c : cases) {
        const back_office_staffing_answer answer =
            solve_back_office_staffing(c.work, c.order, 0.0, 1000);
        const auto n = static_cast<double>(answer.agents);
        INFO("order ", c.order == back_office_order::fifo ? "fifo" : "edf", " agents ", n,
             " reply within ", c.work.reply_within.count() / hour);
        // Met at n (to the step of a minute); at n - 1 missed by minutes or more, or (at
        // the stability bound) too few to keep up with a day's work.
        CHECK(stepped_lateness(c.work, n, c.order) <= 60.0);
        if (n - 1.0 > c.work.work_per_day() / c.work.shift.length.count())
            CHECK(stepped_lateness(c.work, n - 1.0, c.order) > 300.0);
        else
            CHECK_FALSE(evaluate_back_office(c.work, n - 1.0).stable);
    }
}
