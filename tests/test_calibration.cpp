// Calibration of the Anonymous Bank sample week: per-day figures against awk over the same
// file, the fits' internal consistency, redials on a constructed log, and the scenario that
// the files describe loading as a scenario.
#include <doctest/doctest.h>

#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <random>
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
        // Answered waits push the estimate of patience above the abandoners' mean wait.
        CHECK(p.fits[0].mean() >= p.naive_mean);
        CHECK(p.restricted_mean >= p.naive_mean * 0.999);
    }
}

TEST_CASE("calibration: redials within the window after an abandonment") {
    call_log_tally tally(1800.0, 15.0);
    const auto call = [&](const char* customer, double t, bool abandoned, const char* queue = "q") {
        io::call_record r;
        r.queue = queue;
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
    call("d", 100.0, true);  // called another queue next: not a redial of this one
    call("d", 200.0, false, "other");
    const redial_estimate e = estimate_redials(tally, 3600.0);
    CHECK(e.abandoned == 4);
    CHECK(e.redialled == 1);
    CHECK(e.mean_delay() == 500.0);
    CHECK(e.other_queue == 1);
    CHECK(e.longest_run == 1);
}

namespace {

// A week of 6,000 callers (08:00-20:00), `identified` of them with a customer id. Every
// attempt is abandoned with probability 0.4; an abandoned attempt is redialled with
// probability 0.3 after a delay uniform on [60 s, 1200 s] (mean 630 s), again and again.
struct synthetic_log {
    calibration result;
    double first_attempts = 0.0;
    std::vector<double> first_by_slot;  // the week's 336 slots
};

synthetic_log redialling_week(double identified, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    call_log_tally tally(1800.0, 15.0);
    synthetic_log log;
    log.first_by_slot.assign(7 * 48, 0.0);
    const double monday = 10581 * 86400.0;  // 1998-12-21, a Monday
    for (int i = 0; i < 6000; ++i) {
        const double day = std::floor(7.0 * u(rng));
        double t = monday + day * 86400.0 + 8 * 3600.0 + 12 * 3600.0 * u(rng);
        const std::string customer = u(rng) < identified ? fmt::format("c{}", i) : "";
        log.first_attempts += 1.0;
        log.first_by_slot[static_cast<std::size_t>((t - monday) / 1800.0)] += 1.0;
        for (;;) {
            io::call_record r;
            r.queue = "q";
            r.customer = customer;
            r.arrival = t;
            r.agent = "a";
            if (u(rng) < 0.4) {
                r.outcome = io::call_outcome::abandoned;
                r.wait = 30.0;
                tally.add(r);
                if (u(rng) < 0.3) {
                    t += 60.0 + 1140.0 * u(rng);
                    continue;
                }
            } else {
                r.wait = 5.0;
                r.handle = 100.0;
                r.service_start = t + 5.0;
                tally.add(r);
            }
            break;
        }
    }
    log.result = calibrate(tally, calibration_settings{});
    return log;
}

}  // namespace

TEST_CASE("calibration: redials as feedback, every caller identified: offered = fresh + redials") {
    const synthetic_log log = redialling_week(1.0, 7);
    const calibration& c = log.result;
    REQUIRE(c.redials.size() == 1);
    const queue_redials& r = c.redials[0];
    // Every redial is seen: the fresh calls are exactly the first attempts, slot by slot.
    CHECK(r.offered - r.redials == log.first_attempts);
    double fresh = 0.0;
    for (std::size_t w = 0; w < 7; ++w)
        for (std::size_t s = 0; s < 48; ++s) {
            const auto weekday = static_cast<std::size_t>(
                weekday_of(civil_date{10581 + static_cast<std::int64_t>(w)}));
            CHECK(c.fresh[0].mean[weekday][s] == log.first_by_slot[w * 48 + s]);
            fresh += c.fresh[0].mean[weekday][s];
        }
    CHECK(fresh == log.first_attempts);
    // About 2,700 abandonments: the probability's standard error is 0.009.
    CHECK(r.probability == doctest::Approx(0.3).epsilon(0.1));
    CHECK(c.redial.longest_run >= 2);  // redials of redials
    REQUIRE_FALSE(c.redial_delay.fits.empty());
    CHECK(c.redial_delay.fits[c.redial_delay.best].mean() == doctest::Approx(630.0).epsilon(0.05));
    // The typical week takes redials as feedback; the coming week, for staffing by interval,
    // takes every call as a first attempt.
    const std::string typical = scenario_toml(c, "t", "typical_week_", redials_as::feedback);
    CHECK(typical.find(
              fmt::format("redial = {{ probability = {:.4f}, max = {}, delay = {{ distribution",
                          r.probability, c.redial.longest_run)) != std::string::npos);
    CHECK(scenario_toml(c, "t", "forecast_", redials_as::calls).find("redial") ==
          std::string::npos);
    // The typical week loads with the redial model as written.
    const auto folder = std::filesystem::temp_directory_path() /
                        ("ccsim_test_redials_" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    io::call_log_summary summary;
    summary.file = "synthetic.csv";
    write_calibration(c, summary, folder);
    const io::loaded_scenario loaded = io::load_scenario((folder / "scenario.toml").string());
    REQUIRE(loaded.model.queues.size() == 1);
    const sim::redial_model& redial = loaded.model.queues[0].redial;
    CHECK(redial.probability == doctest::Approx(r.probability).epsilon(1e-3));
    CHECK(redial.max_redials == c.redial.longest_run);
    CHECK(redial.delay.mean.count() ==
          doctest::Approx(c.redial_delay.fits[c.redial_delay.best].mean()).epsilon(1e-3));
    std::filesystem::remove_all(folder);
}

TEST_CASE("calibration: redials as feedback, half the callers anonymous") {
    // The identified half shows the probability; their redials, scaled by the identified share
    // of abandonments, stand for everyone's: about 820 redials, 410 seen, so the estimate of
    // the fresh calls is within about 2 x sqrt(410) = 40 calls.
    const synthetic_log log = redialling_week(0.5, 11);
    const queue_redials& r = log.result.redials[0];
    CHECK(r.probability == doctest::Approx(0.3).epsilon(0.15));
    CHECK(std::abs(r.offered - r.redials - log.first_attempts) < 150.0);
    CHECK(r.redials > 600.0);  // the seen ones alone would be about 410
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
