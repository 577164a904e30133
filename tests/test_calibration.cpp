// Calibration of the Anonymous Bank sample week: per-day figures against awk over the same
// file, the fits' internal consistency, redials on a constructed log, and the scenario that
// the files describe loading as a scenario.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "calib/agent_availability.hpp"
#include "calib/calibration.hpp"
#include "calib/calibration_files.hpp"
#include "calib/call_log_tally.hpp"
#include "io/call_log.hpp"
#include "io/scenario_file.hpp"

using namespace ccsim;
using namespace ccsim::calib;

namespace {

struct sample {
    io::call_log_summary log;
    calibration result;
};

sample calibrate_sample() {
    call_log_tally tally(1800.0, 15.0);
    io::call_log_options o;
    o.preset = io::call_log_preset::anonymous_bank;
    sample s;
    s.log = io::read_call_log(CCSIM_TEST_DATA "/anonymous_bank_sample_week.tsv", o,
                              [&](const io::call_record& r) { tally.add(r); });
    s.result = calibrate(tally, calibration_settings{});
    return s;
}

}  // namespace

TEST_CASE("calibration: per-day figures of the sample week match awk") {
    const calibration c = calibrate_sample().result;
    REQUIRE(c.days.size() == 7);
    // awk: offered, answered, abandoned, answered within 15 s per date (PHANTOM and VRU
    // hang-ups left out).
    const double expected[7][4] = {{277, 256, 21, 146}, {329, 294, 35, 164}, {305, 258, 47, 142},
                                   {283, 267, 16, 187}, {99, 92, 7, 50},     {40, 39, 1, 32},
                                   {317, 274, 43, 181}};
    for (std::size_t d = 0; d < 7; ++d) {
        CHECK(c.days[d].counts.offered == expected[d][0]);
        CHECK(c.days[d].counts.answered == expected[d][1]);
        CHECK(c.days[d].counts.abandoned == expected[d][2]);
        CHECK(c.days[d].counts.within_threshold == expected[d][3]);
    }
    CHECK(format_date(civil_date{c.days.front().day}) == "1999-02-01");
    // One week: no held-out week to measure the forecast on.
    CHECK_FALSE(c.evaluation.evaluated);
    // awk: PS answered 1086 calls with a mean ser_time of 194.665 s.
    for (std::size_t q = 0; q < c.queues.size(); ++q)
        if (c.queues[q] == "PS") {
            CHECK(c.handle[q].calls == 1086);
            CHECK(c.handle[q].mean == doctest::Approx(194.665).epsilon(1e-5));
        }
}

TEST_CASE("calibration: patience estimates are censoring-aware") {
    const calibration c = calibrate_sample().result;
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const patience_fit& p = c.patience[q];
        if (p.fits.empty()) continue;
        CHECK(engine_supports(p.fits[p.best_for_engine].kind));
        // Answered waits push the estimate of patience above the abandoners' mean wait.
        CHECK(p.fits[0].mean() >= p.naive_mean);
        CHECK(p.restricted_mean >= p.naive_mean * 0.999);
    }
}

TEST_CASE("calibration: redials within the window after an abandonment") {
    call_log_tally tally(1800.0, 15.0);
    const auto call = [&](const char* customer, double t, bool abandoned) {
        io::call_record r;
        r.queue = "q";
        r.customer = customer;
        r.arrival = t;
        r.outcome = abandoned ? io::call_outcome::abandoned : io::call_outcome::answered;
        r.service_start = t;
        tally.add(r);
    };
    call("a", 1000.0, false);
    call("a", 500.0, true);  // file order need not be time order: redialled at 1000
    call("b", 0.0, true);    // redialled after 2 h: not within 1 h
    call("b", 7200.0, false);
    call("c", 100.0, true);  // never again
    const redial_estimate e = estimate_redials(tally, 3600.0);
    CHECK(e.abandoned == 3);
    CHECK(e.redialled == 1);
    CHECK(e.mean_delay() == 500.0);
}

TEST_CASE("calibration: the written scenarios load") {
    const sample s = calibrate_sample();
    // One folder per process, so that concurrent test runs do not collide.
    const auto folder = std::filesystem::temp_directory_path() /
                        ("ccsim_test_calibration_" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    write_calibration(s.result, s.log, folder);
    // A queue with calls of several priorities is one queue per priority once loaded.
    std::size_t queues = s.result.queues.size();
    for (std::size_t q = 0; q < s.result.queues.size(); ++q) {
        const auto classes = std::count_if(s.result.classes.begin(), s.result.classes.end(),
                                           [&](const class_estimate& k) { return k.queue == q; });
        if (classes > 0) queues += static_cast<std::size_t>(classes) - 1;
    }
    CHECK(queues > s.result.queues.size());  // the sample week has priorities
    for (const char* name : {"scenario.toml", "forecast_scenario.toml", "period.toml"}) {
        const io::loaded_scenario loaded = io::load_scenario((folder / name).string());
        CHECK(loaded.model.queues.size() == queues);
        CHECK(loaded.model.calendar.days == 7);
    }
    // The period scenario offers each interval's observed calls of each priority.
    const io::loaded_scenario period = io::load_scenario((folder / "period.toml").string());
    double written = 0.0, observed = 0.0;
    for (const auto& q : period.model.queues)
        for (double v : q.calls) written += v;
    for (const auto& d : s.result.days) observed += d.counts.offered;
    CHECK(written == doctest::Approx(observed));
    std::filesystem::remove_all(folder);
}

TEST_CASE("agent availability: busy time plus idle time while nobody waited") {
    // One agent, 30-min slots, gaps up to a slot. Calls 0-100 and 300-400 s; a caller waited
    // over 150-250 s, so of the 200 s idle gap 100 s count as available. Calls 2000-2100 and
    // 5000-5100: the 2900 s gap is longer than a slot (a break): not available.
    agent_availability a(1800.0, 1800.0);
    a.add_service(0, 0.0, 100.0);
    a.add_service(0, 300.0, 400.0);
    a.add_service(0, 2000.0, 2100.0);
    a.add_service(0, 5000.0, 5100.0);
    a.add_wait(150.0, 200.0);
    a.add_wait(180.0, 250.0);  // overlapping waits count once
    a.add_wait(5000.0, 5000.0);
    const auto per_slot = a.available_seconds();
    // Slot 0: 200 busy + 100 idle-free (100-150, 250-300) + 1400 idle-free from 400 to 1800.
    CHECK(per_slot.at(0) == doctest::Approx(200.0 + 100.0 + 1400.0));
    // Slot 1: the rest of that gap (1800-2000) and the call 2000-2100.
    CHECK(per_slot.at(1) == doctest::Approx(200.0 + 100.0));
    CHECK(per_slot.at(2) == doctest::Approx(100.0));  // only the call
}

TEST_CASE("priority classes: a routing delay where agents were free, shares of the queue") {
    // Two priorities of one queue over one slot a day for 3 days. Priority "0" callers are
    // always answered at once (agents free: the slots are quiet), priority "1" callers wait
    // 40 s or hang up after 20 s: exponential MLE = (waits of all) / answered.
    call_log_tally tally(1800.0, 15.0);
    const auto call = [&](const char* priority, double at, double wait, bool answered) {
        io::call_record r;
        r.arrival = at;
        r.queue = "line";
        r.priority = priority;
        r.wait = wait;
        r.outcome = answered ? io::call_outcome::answered : io::call_outcome::abandoned;
        r.handle = 60.0;
        r.service_start = at + wait;
        tally.add(r);
    };
    for (int day = 0; day < 3; ++day) {
        const double t0 = day * 86400.0 + 36000.0;
        for (int i = 0; i < 6; ++i) call("0", t0 + i * 60.0, 0.0, true);
        call("1", t0 + 10.0, 40.0, true);
        call("1", t0 + 70.0, 40.0, true);
        call("1", t0 + 130.0, 20.0, false);
    }
    const auto classes = estimate_classes(tally);
    REQUIRE(classes.size() == 2);
    CHECK(classes[0].priority == "0");
    CHECK_FALSE(classes[0].routing_delay);
    CHECK(classes[0].share == doctest::Approx(18.0 / 27.0));
    REQUIRE(classes[1].routing_delay);
    CHECK(*classes[1].routing_delay == doctest::Approx((40.0 + 40.0 + 20.0) / 2.0));
    CHECK(classes[1].name == "priority 1");
}
