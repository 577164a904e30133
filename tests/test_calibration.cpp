// Calibration of the Anonymous Bank sample week: per-day figures against awk over the same
// file, the fits' internal consistency, redials on a constructed log, and the scenario that
// the files describe loading as a scenario.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

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
    for (const char* name : {"scenario.toml", "forecast_scenario.toml"}) {
        const io::loaded_scenario loaded = io::load_scenario((folder / name).string());
        CHECK(loaded.model.queues.size() == s.result.queues.size());
        CHECK(loaded.model.calendar.days == 7);
    }
    std::filesystem::remove_all(folder);
}
