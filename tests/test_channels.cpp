// Exact checks of the channels (issue 10): conservation of items in every channel over a
// multi-channel, multi-day department, and blending that has nothing to do changes nothing.
// Fast (they also run under ASan); the statistical checks are in test_channel_validation.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "channel_conservation.hpp"
#include "sim/simulation.hpp"
#include "sim_test_support.hpp"
#include "time_units.hpp"

using namespace ccsim;
using namespace ccsim::sim;

namespace {

using ccsim::test::day_length;
using ccsim::test::hour;

// Every field of two counters equal (the waits to the last bit).
void check_same(const queue_counters& a, const queue_counters& b, const std::string& where) {
    INFO(where);
    CHECK(a.offered == b.offered);
    CHECK(a.redials == b.redials);
    CHECK(a.answered == b.answered);
    CHECK(a.answered_within == b.answered_within);
    CHECK(a.abandoned == b.abandoned);
    CHECK(a.abandoned_within == b.abandoned_within);
    CHECK(a.queued == b.queued);
    CHECK(a.waiting_at_end == b.waiting_at_end);
    CHECK(a.outside_hours == b.outside_hours);
    CHECK(a.answered_wait == b.answered_wait);
    CHECK(a.abandoned_wait == b.abandoned_wait);
    CHECK(a.longest_queue == b.longest_queue);
}

// A day of one hotline (redials, patience) and one group, open 08:00-18:00, agents on two
// shifts with a break; with `outbound`, an outbound queue with no volume (and no follow-ups)
// that the group blends with, `reserve` 0.
scenario hotline_day(bool outbound) {
    scenario s;
    s.day_start = seconds{8 * hour};
    s.interval = seconds{1800.0};
    s.interval_count = 20;
    s.open_periods = {{seconds{8 * hour}, seconds{18 * hour}}};
    queue_spec hotline;
    hotline.name = "hotline";
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        hotline.calls.push_back(40.0 + 4.0 * static_cast<double>(i % 6));
        hotline.aht.push_back(seconds{200.0});
    }
    hotline.patience = timed_distribution{{}, seconds{150.0}};
    hotline.redial = {0.4, {{}, seconds{300.0}}, 2};
    s.queues.push_back(hotline);
    group_spec agents{"agents", {{0, 1}}, 1.0, 0.0, {}};
    add_shift(agents, {"early",
                       seconds{8 * hour},
                       seconds{14 * hour},
                       5,
                       {{seconds{11 * hour}, seconds{900.0}}}});
    add_shift(agents, {"late", seconds{12 * hour}, seconds{18 * hour}, 4, {}});
    if (outbound) {
        queue_spec followups;
        followups.name = "followups";
        followups.channel = channel_kind::outbound;
        followups.calls.assign(s.interval_count, 0.0);
        followups.aht.assign(s.interval_count, seconds{120.0});
        s.queues.push_back(followups);
        agents.skills.push_back({1, 1});
        agents.reserve = 0;
    }
    s.groups.push_back(agents);
    return s;
}

// Three days of the department: a hotline 08:00-20:00 with repeat callers who escalate to
// the complaint desk and follow-up calls, a chat 08:00-22:00 (3 chats at once, concurrency
// factors), web complaints arriving day and night, and follow-ups reached 70% of the time.
scenario department(std::size_t days) {
    scenario s;
    s.calendar.days = days;
    s.day_start = seconds{0.0};
    s.interval = seconds{hour};
    s.interval_count = days * 24;
    s.warmup = seconds{0.0};
    std::vector<std::pair<seconds, seconds>> chat_hours;
    for (std::size_t d = 0; d < days; ++d) {
        const double midnight = static_cast<double>(d) * day_length;
        s.open_periods.emplace_back(seconds{midnight + 8 * hour}, seconds{midnight + 20 * hour});
        chat_hours.emplace_back(seconds{midnight + 8 * hour}, seconds{midnight + 22 * hour});
    }
    auto per_hour = [&](double open_rate, double from, double to) {
        std::vector<double> v;
        for (std::size_t i = 0; i < s.interval_count; ++i) {
            const double clock = static_cast<double>(i % 24);
            v.push_back(clock >= from && clock < to ? open_rate : 0.0);
        }
        return v;
    };
    queue_spec hotline;
    hotline.name = "hotline";
    hotline.calls = per_hour(60.0, 8, 20);
    hotline.aht.assign(s.interval_count, seconds{240.0});
    hotline.patience = timed_distribution{{}, seconds{120.0}};
    hotline.redial = {0.3, {{}, seconds{600.0}}, 2};
    hotline.repeats.resolved = 0.7;
    hotline.repeats.delay = {{}, seconds{2 * hour}};
    hotline.repeats.escalate_after = 2;
    hotline.repeats.escalate_to = 2;
    hotline.follow_up = follow_up_model{0.5, seconds{24 * hour}, 3};
    queue_spec chat;
    chat.name = "chat";
    chat.channel = channel_kind::chat;
    chat.calls = per_hour(30.0, 8, 22);
    chat.aht.assign(s.interval_count, seconds{420.0});
    chat.patience = timed_distribution{{}, seconds{90.0}};
    chat.threshold = seconds{20.0};
    chat.open_periods = chat_hours;
    queue_spec complaints;
    complaints.name = "complaints";
    complaints.channel = channel_kind::backoffice;
    complaints.calls = per_hour(1.5, 0, 24);
    complaints.aht.assign(s.interval_count, seconds{1800.0});
    complaints.back_office.reply = {{}, seconds{600.0}};
    queue_spec followups;
    followups.name = "followups";
    followups.channel = channel_kind::outbound;
    followups.calls = per_hour(2.0, 8, 20);
    followups.aht.assign(s.interval_count, seconds{150.0});
    followups.outbound.reach = 0.7;
    followups.outbound.retry_delay = {{}, seconds{hour}};
    followups.outbound.max_attempts = 3;
    s.queues = {hotline, chat, complaints, followups};

    std::vector<std::uint32_t> all_days;
    for (std::uint32_t d = 0; d < days; ++d) all_days.push_back(d);
    auto shift = [&](const char* name, double from, double to, int agents,
                     std::vector<break_spec> breaks = {}) {
        shift_spec sh{name, seconds{from * hour}, seconds{to * hour}, agents, std::move(breaks)};
        sh.days = all_days;
        return sh;
    };
    group_spec regular{"regular", {{0, 1}, {1, 1}}, 1.0, 0.0, {}};
    regular.max_chats = 3;
    regular.concurrency = {1.0, 1.2, 1.45};
    add_shift(regular, shift("early", 8, 16, 4, {{seconds{12 * hour}, seconds{1800.0}}}));
    add_shift(regular, shift("late", 14, 22, 4));
    group_spec after_sales{"after-sales", {{0, 1}, {3, 1}}, 1.0, 0.0, {}};
    after_sales.reserve = 1;
    add_shift(after_sales, shift("day", 8, 20, 3));
    group_spec desk{"complaint specialists", {{2, 1}}, 1.0, 0.0, {}};
    add_shift(desk, shift("office", 9, 18, 1, {{seconds{13 * hour}, seconds{hour}}}));
    group_spec trainees{"trainees", {{0, 2}}, 1.3, 0.1, {}};
    add_shift(trainees, shift("day", 10, 16, 2));
    s.groups = {regular, after_sales, desk, trainees};
    return s;
}

}  // namespace

TEST_CASE(
    "an outbound queue with no work and reserve 0 leaves the inbound figures exactly as they "
    "were") {
    // Same random numbers (streams are per queue): the blending group finds nothing to call
    // out, so every call, wait, redial and agent-second is the same as without the queue.
    const contact_centre plain(hotline_day(false));
    const contact_centre blended(hotline_day(true));
    for (std::uint64_t rep = 0; rep < 4; ++rep) {
        const replication_statistics a = plain.simulate_replication(42, rep);
        const replication_statistics b = blended.simulate_replication(42, rep);
        CHECK(test::conservation_violation(plain.model(), a).empty());
        CHECK(test::conservation_violation(blended.model(), b).empty());
        CHECK(a.arrivals == b.arrivals);
        CHECK(b.events == a.events + 1);  // the outbound queue's own closing at 18:00
        for (std::size_t bucket = 0; bucket < a.buckets(); ++bucket) {
            check_same(a.at(0, bucket), b.at(0, bucket), "bucket " + std::to_string(bucket));
            CHECK(a.waits[bucket].count() == b.waits[bucket].count());
            for (const double p : {0.5, 0.8, 0.9, 0.99}) {
                const double qa = a.waits[bucket].quantile(p), qb = b.waits[bucket].quantile(p);
                CHECK((qa == qb || (std::isnan(qa) && std::isnan(qb))));
            }
            const agent_time& ta = a.time_at(0, bucket);
            const agent_time& tb = b.time_at(0, bucket);
            CHECK(ta.staffed == tb.staffed);
            CHECK(ta.busy == tb.busy);
            CHECK(ta.overtime == tb.overtime);
            CHECK(tb.attempts == 0);
        }
        const queue_counters outbound = test::day_totals(b, 1);
        CHECK(outbound.offered == 0);
        CHECK(outbound.attempts == 0);
        CHECK(test::day_totals(a, 0).offered > 500);
    }
    // And so are the figures with their intervals.
    const simulation_summary ra = simulate(plain, {6, 7, 2}).summary;
    const simulation_summary rb = simulate(blended, {6, 7, 2}).summary;
    for (const queue_figure f : {queue_figure::service_level, queue_figure::abandon_rate,
                                 queue_figure::asa_s, queue_figure::p90_wait_s}) {
        CHECK(ra.queue(0, ra.horizon(), f).mean == rb.queue(0, rb.horizon(), f).mean);
        CHECK(ra.queue(0, ra.horizon(), f).ci_low == rb.queue(0, rb.horizon(), f).ci_low);
    }
    CHECK(ra.group(0, ra.horizon(), group_figure::occupancy).mean ==
          rb.group(0, rb.horizon(), group_figure::occupancy).mean);
}

TEST_CASE("items are conserved in every channel, interval and day of a three-day department") {
    // Voice and chat: offered = answered + abandoned + waiting at the end; back office:
    // offered = resolved + in the system; outbound: tasks = done + failed + in the system
    // (channel_conservation.hpp), in every bucket of every replication. Across channels:
    // every escalation arrives on the desk, every follow-up in the outbound queue.
    const scenario s = department(3);
    const contact_centre centre(s);
    std::uint64_t escalated = 0, repeats = 0, done = 0, failed = 0, resolved = 0, chats = 0;
    for (std::uint64_t rep = 0; rep < 6; ++rep) {
        const replication_statistics r = centre.simulate_replication(11, rep);
        const std::string violation = test::conservation_violation(s, r);
        CHECK_MESSAGE(violation.empty(), violation);
        const queue_counters hotline = test::day_totals(r, 0);
        const queue_counters chat = test::day_totals(r, 1);
        const queue_counters desk = test::day_totals(r, 2);
        const queue_counters followups = test::day_totals(r, 3);
        // Complaints come from the web (Poisson, 36 a day) and from escalations.
        CHECK(desk.offered >= hotline.escalated);
        // Follow-ups come from the queue's own volumes (24 a day) and from half the cases solved.
        CHECK(followups.offered >= hotline.first_resolved / 2);
        CHECK(hotline.first_resolved <= hotline.first_contacts);
        CHECK(hotline.repeats <= hotline.offered);
        // Deadline counts: within <= due, and due <= offered.
        CHECK(desk.replied_within <= desk.reply_due);
        CHECK(desk.reply_due <= desk.offered);
        CHECK(desk.resolved_within <= desk.resolve_due);
        CHECK(desk.resolve_due <= desk.offered);
        CHECK(followups.done_within <= followups.done_due);
        CHECK(followups.done_due <= followups.offered);
        // Agents are busy only while logged in, once at a time.
        for (std::size_t g = 0; g < s.groups.size(); ++g)
            for (std::size_t b = 0; b < r.buckets(); ++b) {
                INFO("group ", g, " bucket ", b);
                CHECK(r.time_at(g, b).busy <= r.time_at(g, b).staffed + 1e-6);
            }
        // Chat slots: never more chats held than slots logged in.
        for (std::size_t b = 0; b < r.buckets(); ++b) {
            const agent_time& t = r.time_at(0, b);
            CHECK(t.sessions <= 3.0 * (t.staffed + t.overtime) + 1e-6);
            CHECK(t.chatting <= t.sessions + 1e-6);
        }
        escalated += hotline.escalated;
        repeats += hotline.repeats;
        done += followups.done;
        failed += followups.failed;
        resolved += desk.resolved;
        chats += chat.answered;
    }
    // The scenario exercises every path it is meant to.
    CHECK(escalated > 0);
    CHECK(repeats > 0);
    CHECK(done > 0);
    CHECK(failed > 0);
    CHECK(resolved > 0);
    CHECK(chats > 0);
}

TEST_CASE("not-ready time in every channel: items conserved, spells only logged in and idle") {
    // Every group of the department rests a quarter of its logged-in time in 5-minute spells
    // (the regular agents with wrap-up too): spells owed by agents holding calls, chats,
    // back-office steps and outbound calls, cut by breaks and shift ends. Items are still
    // conserved; a not-ready agent is logged in and holds no work, so in every bucket busy and
    // not-ready time together fit in the logged-in time; and the share realised is close to
    // the one stated, a little below it (each shift starts ready; breaks and shift ends cut
    // spells short).
    scenario s = department(3);
    for (group_spec& g : s.groups) g.not_ready = not_ready_model{0.25, {{}, seconds{300.0}}};
    s.groups[0].after_call_work = timed_distribution{{}, seconds{30.0}};
    const contact_centre centre(s);
    std::vector<agent_time> total(s.groups.size());
    for (std::uint64_t rep = 0; rep < 6; ++rep) {
        const replication_statistics r = centre.simulate_replication(11, rep);
        const std::string violation = test::conservation_violation(s, r);
        CHECK_MESSAGE(violation.empty(), violation);
        for (std::size_t g = 0; g < s.groups.size(); ++g)
            for (std::size_t b = 0; b < r.buckets(); ++b) {
                const agent_time& t = r.time_at(g, b);
                INFO("group ", g, " bucket ", b);
                CHECK(t.busy + t.not_ready <= t.staffed + 1e-6);
                total[g].staffed += t.staffed;
                total[g].not_ready += t.not_ready;
            }
    }
    // Over 6 replications (18 days): 100 to 650 agent-hours a group, a few hundred spells.
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
        INFO("group ", s.groups[g].name, ": ", total[g].not_ready / total[g].staffed);
        CHECK(total[g].not_ready / total[g].staffed > 0.2);
        CHECK(total[g].not_ready / total[g].staffed < 0.27);
    }
}

TEST_CASE("not-ready time with a share of 0 changes nothing, and a share takes heads away") {
    // No stream is made for a share of 0: the same events, calls and agent time to the bit.
    scenario rested = hotline_day(false);
    rested.groups[0].not_ready = not_ready_model{0.0, {{}, seconds{300.0}}};
    const contact_centre plain(hotline_day(false));
    const contact_centre zero(rested);
    rested.groups[0].not_ready->share = 0.3;
    const contact_centre resting(rested);
    std::uint64_t answered_plain = 0, answered_resting = 0;
    for (std::uint64_t rep = 0; rep < 4; ++rep) {
        const replication_statistics a = plain.simulate_replication(42, rep);
        const replication_statistics b = zero.simulate_replication(42, rep);
        CHECK(a.events == b.events);
        for (std::size_t bucket = 0; bucket < a.buckets(); ++bucket) {
            check_same(a.at(0, bucket), b.at(0, bucket), "bucket " + std::to_string(bucket));
            CHECK(a.time_at(0, bucket).staffed == b.time_at(0, bucket).staffed);
            CHECK(a.time_at(0, bucket).busy == b.time_at(0, bucket).busy);
            CHECK(b.time_at(0, bucket).not_ready == 0.0);
        }
        const replication_statistics c = resting.simulate_replication(42, rep);
        // The same callers (their streams are untouched), answered less often in time.
        const queue_counters first = test::day_totals(a, 0), rest = test::day_totals(c, 0);
        CHECK(rest.offered - rest.redials == first.offered - first.redials);
        answered_plain += test::day_totals(a, 0).answered_within;
        answered_resting += test::day_totals(c, 0).answered_within;
    }
    CHECK(answered_resting < answered_plain);
}

TEST_CASE("an item still unresolved after its deadline counts as missed, not as censored") {
    // Complaints arrive on day 0 only (10 expected), each needing 40 hours of resolution work
    // from the one specialist working around the clock for 4 days: at most two are resolved,
    // one in time. Every deadline (48 h) falls within the horizon, so every item counts in the
    // share resolved in time; the ones never resolved have missed it (they are not censored,
    // which is only for deadlines beyond the horizon's end).
    scenario s;
    s.calendar.days = 4;
    s.interval = seconds{hour};
    s.interval_count = 96;
    s.open_periods = {{seconds{0.0}, seconds{4 * day_length}}};
    queue_spec desk;
    desk.name = "complaints";
    desk.channel = channel_kind::backoffice;
    for (std::size_t i = 0; i < s.interval_count; ++i) desk.calls.push_back(i < 10 ? 1.0 : 0.0);
    desk.aht.assign(s.interval_count, seconds{40 * hour});
    desk.handle_time = {distribution_kind::deterministic, 1.0, 1, {}};
    desk.back_office.reply = {{distribution_kind::deterministic, 1.0, 1, {}}, seconds{60.0}};
    s.queues.push_back(desk);
    group_spec specialists{"specialists", {{0, 1}}, 1.0, 0.0, {}};
    add_shift(specialists, {"around the clock", seconds{0.0}, seconds{4 * day_length}, 1, {}});
    s.groups.push_back(specialists);
    const contact_centre centre(s);
    for (std::uint64_t rep = 0; rep < 5; ++rep) {
        const replication_statistics r = centre.simulate_replication(3, rep);
        CHECK(test::conservation_violation(s, r).empty());
        const queue_counters c = test::day_totals(r, 0);
        if (c.offered < 3) continue;
        CHECK(c.replied == c.offered);
        CHECK(c.reply_due == c.offered);
        CHECK(c.resolved <= 2);
        CHECK(c.resolved_within <= 1);
        CHECK(c.resolve_due == c.offered);  // every deadline falls within the horizon
    }
}

TEST_CASE(
    "chats still waiting when nobody who could serve them is on shift end at the closing, counted "
    "as waiting at the end") {
    // One agent with two slots works [0, 500); the chat queue is open [0, 1000). The chats at
    // 10 s and 20 s are answered at once; those at 600 s and 700 s wait (no patience) until
    // the closing at 1000 s, when nobody is left to serve them: flushed, not carried over.
    scenario s =
        test::traced({test::at(10, 100), test::at(20, 100), test::at(600, 100), test::at(700, 100)},
                     {test::shift(0, 500, 1)});
    s.queues[0].channel = channel_kind::chat;
    s.groups[0].max_chats = 2;
    const contact_centre centre(s);
    const replication_statistics r = centre.simulate_replication(1, 0);
    CHECK(test::conservation_violation(s, r).empty());
    const queue_counters c = test::day_totals(r, 0);
    CHECK(c.offered == 4);
    CHECK(c.answered == 2);
    CHECK(c.answered_within == 2);
    CHECK(c.abandoned == 0);
    CHECK(c.waiting_at_end == 2);
    CHECK(r.at(0, 6).waiting_at_end == 1);  // counted where they arrived
    CHECK(r.at(0, 7).waiting_at_end == 1);
    // Chat-seconds held: one chat [10, 20), two [20, 110), one [110, 120): 200; holding at
    // least one: [10, 120), 110 s (over the intervals [0, 100) and [100, 200)).
    CHECK(r.time_at(0, 0).sessions + r.time_at(0, 1).sessions == doctest::Approx(200.0));
    CHECK(r.time_at(0, 0).chatting + r.time_at(0, 1).chatting == doctest::Approx(110.0));
}

namespace {

// Two days, hourly intervals from midnight, open 08:00-20:00 each day, one queue traced.
scenario two_days(queue_spec q, shift_spec shift) {
    scenario s;
    s.calendar.days = 2;
    s.interval = seconds{hour};
    s.interval_count = 48;
    s.open_periods = {{seconds{8 * hour}, seconds{20 * hour}},
                      {seconds{day_length + 8 * hour}, seconds{day_length + 20 * hour}}};
    s.queues.push_back(std::move(q));
    shift.days = {0, 1};
    group_spec g{"agents", {{0, 1}}, 1.0, 0.0, {}};
    add_shift(g, shift);
    s.groups.push_back(g);
    return s;
}

const distribution_shape fixed{distribution_kind::deterministic, 1.0, 1, {}};

}  // namespace

TEST_CASE("a back-office item's work is split across shifts and days, and carried over the night") {
    // A call at 09:50 on day 0 (10 minutes, never solved, escalated after one contact) becomes
    // a complaint at 10:00: a 10-minute reply, then 10 hours of resolution work, by the one
    // specialist working 09:00-18:00. Replied 10:10; worked until 18:00 (7 h 50 min), in the
    // backlog at the 20:00 close (10 hours old), finished at 11:10 on day 1, within its
    // 36-hour deadline.
    queue_spec hotline = test::traced_queue({test::at(9 * hour + 3000.0, 600.0)}, 48);
    hotline.repeats.resolved = 0.0;
    hotline.repeats.escalate_after = 1;
    hotline.repeats.escalate_to = 1;
    queue_spec desk;
    desk.name = "complaints";
    desk.channel = channel_kind::backoffice;
    desk.calls.assign(48, 0.0);
    desk.aht.assign(48, seconds{10 * hour});
    desk.handle_time = fixed;
    desk.back_office.reply = {fixed, seconds{600.0}};
    desk.back_office.resolve_within = seconds{36 * hour};
    scenario s = two_days(hotline, {"day", seconds{8 * hour}, seconds{20 * hour}, 1, {}});
    s.queues.push_back(desk);
    group_spec specialists{"specialists", {{1, 1}}, 1.0, 0.0, {}};
    shift_spec office{"office", seconds{9 * hour}, seconds{18 * hour}, 1, {}};
    office.days = {0, 1};
    add_shift(specialists, office);
    s.groups.push_back(specialists);
    const contact_centre centre(s);
    const replication_statistics r = centre.simulate_replication(5, 0);
    CHECK(test::conservation_violation(s, r).empty());
    CHECK(test::day_totals(r, 0).escalated == 1);
    const queue_counters c = test::day_totals(r, 1);
    CHECK(c.offered == 1);
    CHECK(c.replied == 1);
    CHECK(c.replied_within == 1);
    CHECK(c.resolved == 1);
    CHECK(c.resolve_due == 1);
    CHECK(c.resolved_within == 1);
    CHECK(r.at(1, 10).offered == 1);  // counted where it arrived
    CHECK(r.backlog_at(1, 0).items == 1);
    CHECK(r.backlog_at(1, 0).oldest == doctest::Approx(10 * hour));
    CHECK(r.backlog_at(1, 1).items == 0);
    double busy = 0.0;
    for (std::size_t b = 0; b < r.buckets(); ++b) busy += r.time_at(1, b).busy;
    CHECK(busy == doctest::Approx(10 * hour + 600.0));  // 10:00-18:00 and 09:00-11:10
    CHECK(r.time_at(1, 17).busy == doctest::Approx(hour));
    CHECK(r.time_at(1, 18).busy == doctest::Approx(0.0));  // off shift: no work
    CHECK(r.time_at(1, 24 + 10).busy == doctest::Approx(hour));
    CHECK(r.time_at(1, 24 + 11).busy == doctest::Approx(600.0));
}

TEST_CASE("a repeat caller's delay counts the queue's opening hours only") {
    // A case that is never solved (fcr 0), repeat delay 2 hours of opening time, 15-minute
    // calls, open 08:00-20:00. First contact 19:00 day 0, done 19:15: 45 minutes left that day,
    // so the repeat comes at 09:15 on day 1, then 11:30, 13:45, 16:00, 18:15; the next would
    // come after the last opening (20:30, time running on past the horizon's hours): outside.
    queue_spec hotline = test::traced_queue({test::at(19 * hour, 900.0)}, 48);
    hotline.aht.assign(48, seconds{900.0});
    hotline.handle_time = fixed;
    hotline.repeats.resolved = 0.0;
    hotline.repeats.delay = {fixed, seconds{2 * hour}};
    const scenario s = two_days(hotline, {"day", seconds{8 * hour}, seconds{20 * hour}, 1, {}});
    const contact_centre centre(s);
    const replication_statistics r = centre.simulate_replication(5, 0);
    CHECK(test::conservation_violation(s, r).empty());
    const queue_counters c = test::day_totals(r, 0);
    CHECK(c.offered == 6);
    CHECK(c.answered == 6);
    CHECK(c.answered_within == 6);
    CHECK(c.repeats == 5);
    CHECK(c.first_contacts == 1);
    CHECK(c.first_resolved == 0);
    CHECK(c.outside_hours == 1);
    CHECK(r.at(0, 19).offered == 1);
    for (const std::size_t b : {33u, 35u, 37u, 40u, 42u}) {
        INFO("bucket ", b);
        CHECK(r.at(0, b).offered == 1);
        CHECK(r.at(0, b).repeats == 1);
    }
    CHECK(r.at(0, 44).outside_hours == 1);
}

TEST_CASE(
    "an agent holding a chat takes a call only when its group blends, and an agent on a call takes "
    "no chat") {
    // One agent, two chat slots, serving a hotline and a chat. A chat at 10 s (100 s long),
    // then a call at 20 s (50 s): without blending the call waits for the chat to end (answered
    // at 110 s); with blending it is answered at once. A call at 10 s (100 s), then a chat at
    // 20 s: the chat waits for the call to end either way.
    auto centre = [](bool blend, double call_at, double chat_at, double call_length,
                     double chat_length) {
        scenario s = test::traced({test::at(call_at, call_length)}, {test::shift(0, 1000, 1)});
        sim::queue_spec chat = test::traced_queue({test::at(chat_at, chat_length)}, 10);
        chat.name = "chat";
        chat.channel = channel_kind::chat;
        s.queues.push_back(chat);
        s.groups[0].skills.push_back({1, 1});
        s.groups[0].max_chats = 2;
        s.groups[0].blend = blend;
        return s;
    };
    for (const bool blend : {false, true}) {
        INFO("blend ", blend);
        const scenario chat_first = centre(blend, 20, 10, 50, 100);
        const replication_statistics a = contact_centre(chat_first).simulate_replication(1, 0);
        CHECK(test::conservation_violation(chat_first, a).empty());
        const queue_counters call = test::day_totals(a, 0);
        CHECK(call.answered == 1);
        CHECK(call.answered_wait == doctest::Approx(blend ? 0.0 : 90.0));
        CHECK(test::day_totals(a, 1).answered_wait == doctest::Approx(0.0));
        // Busy once at a time: the chat [10, 110) and the call [20, 70) inside it (blending),
        // or the call after it [110, 160).
        double busy = 0.0, chatting = 0.0;
        for (std::size_t bucket = 0; bucket < a.buckets(); ++bucket) {
            busy += a.time_at(0, bucket).busy;
            chatting += a.time_at(0, bucket).chatting;
            CHECK(a.time_at(0, bucket).busy <= a.time_at(0, bucket).staffed + 1e-9);
        }
        CHECK(busy == doctest::Approx(blend ? 100.0 : 150.0));
        CHECK(chatting == doctest::Approx(100.0));

        const scenario call_first = centre(blend, 10, 20, 100, 50);
        const replication_statistics b = contact_centre(call_first).simulate_replication(1, 0);
        CHECK(test::conservation_violation(call_first, b).empty());
        CHECK(test::day_totals(b, 0).answered_wait == doctest::Approx(0.0));
        CHECK(test::day_totals(b, 1).answered_wait == doctest::Approx(90.0));
    }
}
