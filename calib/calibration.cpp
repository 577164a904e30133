#include "calib/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.hpp"

namespace ccsim::calib {

namespace {

day_slot_counts volumes_of(const call_log_tally& tally, std::size_t q) {
    day_slot_counts c;
    c.first_day = tally.first_day();
    c.slots_per_day = tally.slots_per_day();
    const auto days = static_cast<std::size_t>(tally.last_day() - tally.first_day() + 1);
    c.days.assign(days, std::vector<double>(static_cast<std::size_t>(c.slots_per_day), 0.0));
    for (std::size_t d = 0; d < days; ++d)
        for (int s = 0; s < c.slots_per_day; ++s)
            c.days[d][static_cast<std::size_t>(s)] = tally.arrivals(
                q, (c.first_day + static_cast<std::int64_t>(d)) * c.slots_per_day + s);
    return c;
}

staffing_estimate estimate_staffing(const call_log_tally& tally) {
    staffing_estimate e;
    const auto slots = static_cast<std::size_t>(tally.slots_per_day());
    const auto available = tally.availability().available_seconds();
    std::array<double, weekday_count> dates{};
    for (auto& week : e.weekly)
        for (auto& day : week) day.assign(slots, 0.0);
    for (std::int64_t day = tally.first_day(); day <= tally.last_day(); ++day) {
        const auto w = static_cast<std::size_t>(weekday_of(civil_date{day}));
        dates[w] += 1.0;
        for (std::size_t s = 0; s < slots; ++s) {
            const std::int64_t slot = day * tally.slots_per_day() + static_cast<std::int64_t>(s);
            const slot_activity& a = tally.activity(slot);
            const auto ready = available.find(slot);
            const std::array<double, 3> heads = {
                static_cast<double>(a.agents.size()), a.busy / tally.slot(),
                ready == available.end() ? 0.0 : ready->second / tally.slot()};
            for (std::size_t b = 0; b < heads.size(); ++b) {
                e.weekly[b][w][s] += heads[b];
                e.dated[b].push_back(heads[b]);
            }
            e.served_agent_seconds += heads[0] * tally.slot();
            e.busy_seconds += a.busy;
            e.available_seconds += heads[2] * tally.slot();
        }
    }
    for (auto& week : e.weekly)
        for (std::size_t w = 0; w < weekday_count; ++w)
            for (double& v : week[w])
                if (dates[w] > 0.0) v /= dates[w];
    return e;
}

std::vector<std::vector<double>> forecast_all(const std::vector<day_slot_counts>& volumes,
                                              std::size_t first, const forecast_method& m) {
    std::vector<std::vector<double>> total;
    for (const auto& v : volumes) {
        const auto week = forecast_week(v, first, m);
        if (total.empty()) {
            total = week;
            continue;
        }
        for (std::size_t d = 0; d < week.size(); ++d)
            for (std::size_t s = 0; s < week[d].size(); ++s) total[d][s] += week[d][s];
    }
    return total;
}

// The method with the least WAPE forecasting the week before the held-out one from the weeks
// before that; the held-out week itself is not looked at.
forecast_method choose_method(const std::vector<day_slot_counts>& volumes,
                              const day_slot_counts& total, std::size_t test_first) {
    forecast_method best;
    double best_wape = std::numeric_limits<double>::infinity();
    for (const forecast_method& m : forecast_candidates()) {
        const double w = hourly_error(total, test_first, forecast_all(volumes, test_first, m)).wape;
        if (w < best_wape - 1e-12) {
            best_wape = w;
            best = m;
        }
    }
    return best;
}

// The engine redials after an abandonment with one probability for every caller, identified
// or not; the log shows only the identified ones' redials. Taking anonymous abandoners to redial
// as often, each identified redial stands for 1 / (identified share of the queue's
// abandonments) redials, and the queue's fresh calls are its calls less those.
void add_redials_as_feedback(const call_log_tally& tally, calibration& c) {
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const redial_estimate& e = c.redial;
        const double identified = e.abandoned_by_queue[q];
        const double all = tally.queues()[q].abandoned_waits.count();
        const double stands_for = identified > 0.0 ? all / identified : 0.0;
        queue_redials r;
        r.probability = identified > 0.0 ? e.redialled_by_queue[q] / identified : 0.0;
        r.redials = e.redialled_by_queue[q] * stands_for;
        day_slot_counts fresh = c.volumes[q];
        for (std::size_t d = 0; d < fresh.days.size(); ++d)
            for (std::size_t s = 0; s < fresh.days[d].size(); ++s) {
                r.offered += fresh.days[d][s];
                fresh.days[d][s] -= e.arrivals[q].days[d][s] * stands_for;
            }
        weekday_slot_table weekly = weekly_volumes(fresh);
        // A slot can lose more than it had where few identified redials stand for many: the
        // mean over its dates is kept >= 0.
        for (auto& day : weekly.mean)
            for (double& v : day) v = std::max(0.0, v);
        c.redials.push_back(r);
        c.fresh.push_back(std::move(weekly));
    }
    // Sorted: the customers come in hash order, the fit must not depend on it.
    if (c.redial.redialled > 0.0) c.redial_delay = fit_handle_times(sorted_merged(c.redial.delays));
}

}  // namespace

const char* basis_name(staffing_basis b) {
    switch (b) {
        case staffing_basis::served:
            return "served";
        case staffing_basis::busy:
            return "busy";
        case staffing_basis::available:
            return "available";
    }
    return "available";
}

const char* basis_description(staffing_basis b) {
    switch (b) {
        case staffing_basis::served:
            return "agents who served a call (an upper bound)";
        case staffing_basis::busy:
            return "agents busy on calls (agent-seconds of service / interval: a lower bound)";
        case staffing_basis::available:
            return "agents available (busy, or idle while nobody waited)";
    }
    return "";
}

std::vector<class_estimate> estimate_classes(const call_log_tally& tally) {
    const auto& classes = tally.classes();
    std::vector<std::size_t> per_queue(tally.queues().size(), 0);
    for (const call_class& k : classes) ++per_queue[k.queue];
    std::vector<class_estimate> out;
    std::vector<std::size_t> kept;  // tally class index of each estimate
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (per_queue[classes[c].queue] < 2) continue;
        class_estimate e;
        e.queue = classes[c].queue;
        e.priority = classes[c].priority;
        e.name = "priority " + (e.priority.empty() ? std::string("none") : e.priority);
        out.push_back(std::move(e));
        kept.push_back(c);
    }
    if (out.empty()) return out;
    std::vector<double> queue_calls(tally.queues().size(), 0.0);
    for (std::int64_t day = tally.first_day(); day <= tally.last_day(); ++day)
        for (int s = 0; s < tally.slots_per_day(); ++s) {
            const std::int64_t slot = day * tally.slots_per_day() + s;
            std::vector<class_slot> here(classes.size());
            bool quiet = false;  // agents evidently free: a class of 5+ calls all answered at once
            for (std::size_t c = 0; c < classes.size(); ++c) {
                here[c] = tally.class_calls(c, slot);
                quiet =
                    quiet || (here[c].calls >= 5.0 && here[c].answered_at_once == here[c].calls);
            }
            for (std::size_t i = 0; i < out.size(); ++i) {
                const class_slot& k = here[kept[i]];
                out[i].calls.push_back(k.calls);
                queue_calls[out[i].queue] += k.calls;
                if (!quiet) continue;
                out[i].quiet_calls += k.calls;
                out[i].quiet_answered += k.answered;
                out[i].quiet_at_once += k.answered_at_once;
                out[i].quiet_wait_sum += k.wait_sum;
            }
        }
    for (class_estimate& e : out) {
        double total = 0.0;
        for (double v : e.calls) total += v;
        e.share = queue_calls[e.queue] > 0.0 ? total / queue_calls[e.queue] : 0.0;
        // Exponential delay by maximum likelihood: answered waits are delays observed,
        // abandoned ones delays longer than the wait (censored).
        if (e.quiet_answered > 0.0 && e.quiet_at_once < 0.5 * e.quiet_answered)
            e.routing_delay = e.quiet_wait_sum / e.quiet_answered;
    }
    return out;
}

handle_time_fit fit_handle_times(const weighted_sample& handle_times) {
    handle_time_fit fit;
    fit.calls = total_weight(handle_times);
    if (fit.calls <= 0.0) return fit;
    fit.mean = weighted_mean(handle_times);
    // The two-parameter families need two distinct values.
    if (sorted_merged(handle_times).size() < 2)
        fit.fits = {fit_exponential(handle_times)};
    else
        fit.fits = {fit_exponential(handle_times), fit_lognormal(handle_times),
                    fit_gamma(handle_times)};
    for (const auto& f : fit.fits) fit.ks.push_back(ks_distance(handle_times, f));
    fit.best = static_cast<std::size_t>(&best_by_aic(fit.fits) - fit.fits.data());
    const weighted_sample sorted = sorted_merged(handle_times);
    for (double p : {0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99})
        fit.quantiles.push_back({p, empirical_quantile(sorted, p), fit.fits[fit.best].quantile(p)});
    return fit;
}

patience_fit fit_patience(const censored_sample& waits) {
    patience_fit fit;
    fit.abandoned = total_weight(waits.events);
    fit.answered = total_weight(waits.censored);
    fit.naive_mean = weighted_mean(waits.events);
    for (const auto& v : waits.events) fit.longest_wait = std::max(fit.longest_wait, v.x);
    for (const auto& v : waits.censored) fit.longest_wait = std::max(fit.longest_wait, v.x);
    fit.kaplan_meier = kaplan_meier(waits);
    fit.restricted_mean = restricted_mean(fit.kaplan_meier, fit.longest_wait);
    for (double t : {5.0, 10.0, 30.0, 60.0, 120.0})
        fit.early_hazard.emplace_back(t, hazard_rate_until(fit.kaplan_meier, t));
    const bool two_values = sorted_merged(waits.events).size() >= 2;
    for (family f : {family::exponential, family::lognormal, family::gamma, family::weibull})
        if (f == family::exponential || two_values)
            if (auto d = fit_censored(waits, f)) fit.fits.push_back(*d);
    if (fit.fits.empty()) return fit;
    fit.best = static_cast<std::size_t>(&best_by_aic(fit.fits) - fit.fits.data());
    return fit;
}

redial_estimate estimate_redials(const call_log_tally& tally, double window) {
    redial_estimate e;
    const std::size_t queues = tally.queues().size();
    e.abandoned_by_queue.assign(queues, 0.0);
    e.redialled_by_queue.assign(queues, 0.0);
    day_slot_counts empty;
    empty.first_day = tally.first_day();
    empty.slots_per_day = tally.slots_per_day();
    const auto days = static_cast<std::size_t>(tally.last_day() - tally.first_day() + 1);
    empty.days.assign(days, std::vector<double>(static_cast<std::size_t>(empty.slots_per_day)));
    e.arrivals.assign(queues, empty);
    for (const auto& [customer, calls_in_file_order] : tally.customers()) {
        auto calls = calls_in_file_order;
        std::sort(calls.begin(), calls.end());
        int run = 0;                             // redials in a row up to the last redial
        std::size_t last_redial = calls.size();  // none yet
        for (std::size_t i = 0; i < calls.size(); ++i) {
            if (!calls[i].abandoned) continue;
            e.abandoned += 1.0;
            e.abandoned_by_queue[calls[i].queue] += 1.0;
            // The customer's next call, if any comes later.
            std::size_t j = i + 1;
            while (j < calls.size() && calls[j].arrival <= calls[i].arrival) ++j;
            const bool within = j < calls.size() && calls[j].arrival - calls[i].arrival <= window;
            if (within && calls[j].queue != calls[i].queue) e.other_queue += 1.0;
            if (!within || calls[j].queue != calls[i].queue) continue;
            const double delay = calls[j].arrival - calls[i].arrival;
            e.redialled += 1.0;
            e.redialled_by_queue[calls[i].queue] += 1.0;
            e.delay_sum += delay;
            e.delays.push_back({delay, 1.0});
            // Counted where the redial arrives, on the volumes' grid.
            const auto slot =
                static_cast<std::int64_t>(std::floor(calls[j].arrival / tally.slot()));
            const std::int64_t day = slot / tally.slots_per_day() - tally.first_day();
            e.arrivals[calls[i].queue].days[static_cast<std::size_t>(day)][static_cast<std::size_t>(
                slot % tally.slots_per_day())] += 1.0;
            // A run goes on when the abandoned call was itself a redial.
            run = i == last_redial ? run + 1 : 1;
            last_redial = j;
            e.longest_run = std::max(e.longest_run, run);
        }
    }
    return e;
}

calibration calibrate(const call_log_tally& tally, const calibration_settings& settings) {
    if (tally.empty()) throw domain_error("the call log has no usable calls");
    calibration c;
    c.settings = settings;
    for (std::size_t q = 0; q < tally.queues().size(); ++q) {
        const queue_tally& qt = tally.queues()[q];
        // Reports and scenarios call the total of all queues "all".
        if (qt.name == "all") {
            c.queues.push_back("all_log");
            c.notes.push_back(
                "the log's queue 'all' is called 'all_log': ccsim reserves 'all' for "
                "the total of all queues");
        } else {
            c.queues.push_back(qt.name);
        }
        c.volumes.push_back(volumes_of(tally, q));
        auto& aht = c.period_aht.emplace_back();
        for (std::int64_t day = tally.first_day(); day <= tally.last_day(); ++day)
            for (int s = 0; s < tally.slots_per_day(); ++s)
                aht.push_back(tally.mean_handle(q, day * tally.slots_per_day() + s));
        c.weekly.push_back(weekly_volumes(c.volumes.back()));
        c.handle_times.push_back(qt.handle.sample());
        c.handle.push_back(fit_handle_times(c.handle_times.back()));
        if (qt.handle.count() > 0.0) c.handle.back().mean = qt.handle.sum() / qt.handle.count();
        c.patience.push_back(
            fit_patience(censored_sample{qt.abandoned_waits.sample(), qt.answered_waits.sample()}));
        c.patience.back().naive_mean = qt.abandoned_waits.count() > 0.0
                                           ? qt.abandoned_waits.sum() / qt.abandoned_waits.count()
                                           : 0.0;
    }
    const day_slot_counts total = sum_of(c.volumes);
    c.weekly_total = weekly_volumes(total);
    c.busyness_cv = busyness_cv(total);

    const std::size_t days = total.days.size();
    // A default for logs too short to choose on evidence: a light shrinkage of the pooled
    // profile, smoothed (documented in docs/calibration.md).
    c.method = forecast_method{100.0, true, false};
    if (days >= 21) {
        c.method = choose_method(c.volumes, total, days - 14);
        c.evaluation.method_backtested = true;
    }
    if (days >= 14) {
        const std::size_t first = days - 7;
        c.evaluation.evaluated = true;
        c.evaluation.holdout_first_day = total.first_day + static_cast<std::int64_t>(first);
        c.evaluation.method = hourly_error(total, first, forecast_all(c.volumes, first, c.method));
        c.evaluation.last_week = hourly_error(total, first, last_week_baseline(total, first));
        c.evaluation.pooled = hourly_error(total, first, pooled_average_baseline(total, first));
    }
    c.forecast_first_day = total.first_day + static_cast<std::int64_t>(days);
    for (const auto& v : c.volumes) c.forecast.push_back(forecast_week(v, days, c.method));

    c.redial = estimate_redials(tally, settings.redial_window);
    add_redials_as_feedback(tally, c);
    c.staffing = estimate_staffing(tally);
    c.classes = estimate_classes(tally);
    for (const auto& [day, counts] : tally.days()) c.days.push_back({day, counts});
    for (const auto& [priority, counts] : tally.priorities())
        c.priorities.emplace_back(priority, counts);
    return c;
}

}  // namespace ccsim::calib
