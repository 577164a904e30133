#include "calib/fit_report.hpp"

#include <fmt/format.h>
#include <cmath>
#include <numeric>

#include "core/calendar.hpp"
#include "core/duration.hpp"

namespace ccsim::calib {

namespace {

std::string volume_section(const calibration& c) {
    const auto& first = c.volumes.front();
    std::string out = fmt::format(
        "\nVolumes {} to {} ({} days), calls per day by weekday (mean over the weeks, sd between "
        "weeks):\n",
        format_day(first.first_day),
        format_day(first.first_day + static_cast<std::int64_t>(first.days.size()) - 1),
        first.days.size());
    const day_slot_counts total = sum_of(c.volumes);
    std::array<std::vector<double>, weekday_count> daily;
    for (std::size_t d = 0; d < total.days.size(); ++d)
        daily[static_cast<std::size_t>(total.weekday_of(d))].push_back(total.day_total(d));
    out += "  weekday  dates   mean calls  sd\n";
    for (std::size_t w = 0; w < weekday_count; ++w) {
        const auto& v = daily[w];
        if (v.empty()) continue;
        const double mean =
            std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        double sq = 0.0;
        for (double x : v) sq += (x - mean) * (x - mean);
        const double sd = v.size() > 1 ? std::sqrt(sq / static_cast<double>(v.size() - 1)) : 0.0;
        out += fmt::format("  {:<7}  {:>5}  {:>11.1f}  {:.1f}\n",
                           weekday_name(static_cast<weekday>(w)), v.size(), mean, sd);
    }
    out += fmt::format(
        "  busyness_cv (day-to-day, weekday effect and Poisson noise removed): {:.3f}\n",
        c.busyness_cv);
    return out;
}

std::string forecast_section(const calibration& c) {
    std::string out =
        fmt::format("\nForecast for the week from {}: {}{}\n", format_day(c.forecast_first_day),
                    c.method.describe(),
                    c.evaluation.method_backtested
                        ? " (chosen by the least WAPE forecasting the week before "
                          "the held-out week)"
                        : " (the default: the log is too short to choose on evidence)");
    if (!c.evaluation.evaluated) return out + "  not evaluated: the log has less than two weeks\n";
    const forecast_evaluation& e = c.evaluation;
    out += fmt::format(
        "  error per hour on the held-out week from {} ({} hours, {:.1f} calls/h; Poisson noise "
        "alone: WAPE {:.1f}%):\n",
        format_day(e.holdout_first_day), e.method.hours, e.method.calls_per_hour,
        100.0 * e.method.poisson_wape);
    out += "  method                                  WAPE     RMSE/h\n";
    const auto row = [&](const char* name, const forecast_error& f) {
        out += fmt::format("  {:<38}  {:>5.1f}%  {:>7.2f}\n", name, 100.0 * f.wape, f.rmse);
    };
    row("calibrated", e.method);
    row("same weekday and hour last week", e.last_week);
    row("pooled average of weekday and hour", e.pooled);
    const bool beats = e.method.wape < e.last_week.wape && e.method.wape < e.pooled.wape;
    out += fmt::format("  {}\n", beats ? "the calibrated forecast beats both baselines"
                                       : "the calibrated forecast does NOT beat both baselines");
    return out;
}

std::string handle_section(const calibration& c) {
    std::string out = "\nHandle times per queue (maximum likelihood; best by AIC; KS distance):\n";
    out +=
        "  queue     calls   mean_s  exponential (AIC, KS)  lognormal (AIC, KS)    gamma (AIC, KS) "
        "       best\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const handle_time_fit& h = c.handle[q];
        if (h.fits.empty()) {
            out += fmt::format("  {:<8}  {:>5}  no answered calls\n", c.queues[q], 0);
            continue;
        }
        out += fmt::format("  {:<8}  {:>5g}  {:>7.1f}", c.queues[q], h.calls, h.mean);
        for (std::size_t i = 0; i < h.fits.size(); ++i)
            out += fmt::format("  {:>10.0f}  {:.3f}    ", h.fits[i].aic(), h.ks[i]);
        out += fmt::format("  {} (cv {:.2f})\n", family_name(h.fits[h.best].kind),
                           h.fits[h.best].cv());
    }
    out += "  quantiles of the best fit (s), empirical / fitted:\n  queue   ";
    if (!c.handle.empty() && !c.handle.front().quantiles.empty())
        for (const auto& r : c.handle.front().quantiles)
            out += fmt::format("  p{:<9g}", 100.0 * r.p);
    out += "\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        out += fmt::format("  {:<8}", c.queues[q]);
        for (const auto& r : c.handle[q].quantiles)
            out += fmt::format("  {:>4g}/{:<5.0f}", r.empirical, r.fitted);
        out += "\n";
    }
    return out;
}

std::string patience_section(const calibration& c) {
    std::string out =
        "\nPatience per queue (answered callers' waits are censored observations):\n"
        "  queue     abandoned  answered  naive_mean_s  KM_restricted_mean_s  hazard/s(0-10s)  "
        "hazard/s(0-60s)\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const patience_fit& p = c.patience[q];
        double h10 = 0.0, h60 = 0.0;
        for (const auto& [t, h] : p.early_hazard) {
            if (t == 10.0) h10 = h;
            if (t == 60.0) h60 = h;
        }
        out += fmt::format("  {:<8}  {:>9g}  {:>8g}  {:>12.1f}  {:>20.1f}  {:>15.5f}  {:>15.5f}\n",
                           c.queues[q], p.abandoned, p.answered, p.naive_mean, p.restricted_mean,
                           h10, h60);
    }
    out += "  censored MLE fits (mean_s, cv, AIC); * best, written into the scenario:\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const patience_fit& p = c.patience[q];
        out += fmt::format("  {:<8}", c.queues[q]);
        if (p.fits.empty()) out += "  nobody abandoned: patience = \"none\"";
        for (std::size_t i = 0; i < p.fits.size(); ++i)
            out += fmt::format("  {}{} {:.0f}s cv {:.2f} AIC {:.0f}", i == p.best ? "*" : "",
                               family_name(p.fits[i].kind), p.fits[i].mean(), p.fits[i].cv(),
                               p.fits[i].aic());
        out += "\n";
    }
    return out;
}

std::string other_section(const calibration& c) {
    std::string out;
    if (c.redial.abandoned > 0.0) {
        double calls = 0.0, redials = 0.0;
        for (const queue_redials& r : c.redials) {
            calls += r.offered;
            redials += r.redials;
        }
        out += fmt::format(
            "\nRedials: {:g} of {:g} abandonments by identified customers ({:.1f}%) were followed "
            "by a call to the same queue within {} ({}{:g} by a call to another queue, left as "
            "fresh calls there)\n  in the scenario as each queue's redial, its volumes less the "
            "redials: {:.0f} of {:g} calls ({:.1f}%), the identified ones scaled to all "
            "abandoners\n",
            c.redial.redialled, c.redial.abandoned, 100.0 * c.redial.probability(),
            format_duration(seconds{c.settings.redial_window}),
            c.redial.redialled > 0.0 ? fmt::format("mean delay {:.0f} s; ", c.redial.mean_delay())
                                     : "",
            c.redial.other_queue, redials, calls, calls > 0.0 ? 100.0 * redials / calls : 0.0);
    } else
        out += "\nRedials: no identified customers abandoned\n";
    out += fmt::format(
        "\nStaffing: agents who served in an interval were busy on calls {:.1f}% of those "
        "intervals and available {:.1f}% (busy, or idle while nobody waited); the scenarios' "
        "agents_by_interval counts {}\n",
        100.0 * c.staffing.busy_share(), 100.0 * c.staffing.available_share(),
        basis_description(c.settings.staffing));
    out +=
        "\nBy priority (as the log writes it):\n  priority  offered  service_level  abandoned  "
        "mean_wait_s\n";
    for (const auto& [priority, k] : c.priorities)
        out += fmt::format("  {:<8}  {:>7g}  {:>13.3f}  {:>9.3f}  {:>11.1f}\n",
                           priority.empty() ? "-" : priority, k.offered,
                           k.within_threshold / k.offered, k.abandoned / k.offered,
                           k.wait_sum / k.offered);
    if (!c.classes.empty())
        out +=
            "\nPriorities apart (scenarios: a class per priority; period.toml: a queue per "
            "priority).\nRouting delay: from intervals in which a priority's calls (5 or more) "
            "were "
            "all answered at once, so agents were free; a priority whose calls there mostly "
            "waited is offered to agents only after an exponential delay:\n  queue      "
            "priority    share  quiet_calls  answered_at_once  routing_delay_s\n";
    for (const class_estimate& k : c.classes)
        out +=
            fmt::format("  {:<9}  {:<8}  {:>7.3f}  {:>11g}  {:>16.3f}  {:>15}\n", c.queues[k.queue],
                        k.priority.empty() ? "-" : k.priority, k.share, k.quiet_calls,
                        k.quiet_answered > 0.0 ? k.quiet_at_once / k.quiet_answered : 0.0,
                        k.routing_delay ? fmt::format("{:.1f}", *k.routing_delay) : "-");
    return out;
}

}  // namespace

std::string fit_report(const calibration& c, const io::call_log_summary& log) {
    std::string notes;
    for (const std::string& n : c.notes) notes += "  note: " + n + "\n";
    return io::call_log_report(log) + notes + volume_section(c) + forecast_section(c) +
           handle_section(c) + patience_section(c) + other_section(c);
}

}  // namespace ccsim::calib
