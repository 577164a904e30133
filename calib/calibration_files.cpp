#include "calib/calibration_files.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"

namespace ccsim::calib {

namespace {

std::string clock_text(double slot, std::size_t s) {
    return format_time_of_day(seconds{slot * static_cast<double>(s)});
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

double queue_aht(const calibration& c, std::size_t q) {
    return c.handle[q].calls > 0.0 ? c.handle[q].mean : 0.0;
}

// The mean AHT over queues with answered calls, for a queue that had none.
double fallback_aht(const calibration& c) {
    double sum = 0.0, n = 0.0;
    for (const auto& h : c.handle) {
        sum += h.mean * h.calls;
        n += h.calls;
    }
    if (n <= 0.0) throw domain_error("the call log has no answered calls: no handle time to fit");
    return sum / n;
}

std::string distribution_table(const fitted_distribution& d, bool with_mean) {
    std::string out = fmt::format("{{ distribution = \"{}\"", family_name(d.kind));
    if (with_mean) out += fmt::format(", mean = \"{:.1f}s\"", d.mean());
    if (d.kind != family::exponential) out += fmt::format(", cv = {:.4f}", d.cv());
    return out + " }";
}

// The forecast rows of one week (days from `first_day`) rearranged Monday first.
std::array<std::vector<double>, weekday_count> by_weekday(
    const std::vector<std::vector<double>>& week, std::int64_t first_day) {
    std::array<std::vector<double>, weekday_count> out;
    for (std::size_t i = 0; i < week.size(); ++i)
        out[static_cast<std::size_t>(
            weekday_of(civil_date{first_day + static_cast<std::int64_t>(i)}))] = week[i];
    return out;
}

// Every slot's value, first day first.
std::vector<double> flat(const day_slot_counts& v) {
    std::vector<double> out;
    for (const auto& day : v.days) out.insert(out.end(), day.begin(), day.end());
    return out;
}

// Each queue's part of its file names: file_part of its name, with a number added when two
// names would give the same part ("a b" and "a_b").
std::string file_stem(const calibration& c, std::size_t q) {
    const std::string stem = file_part(c.queues[q]);
    int same = 0;
    for (std::size_t i = 0; i < q; ++i)
        if (file_part(c.queues[i]) == stem) ++same;
    return same == 0 ? stem : fmt::format("{}_{}", stem, same + 1);
}

std::string handle_times_file(const calibration& c, std::size_t q) {
    return "handle_times_" + file_stem(c, q) + ".txt";
}

// One observed handle time per line, as the engine's empirical distribution reads them.
std::string handle_times_text(const weighted_sample& s, const std::string& queue) {
    std::string out = fmt::format("# queue {}: observed handle times in seconds\n", queue);
    for (const auto& v : s)
        for (long i = 0; i < std::lround(v.w); ++i) out += fmt::format("{:g}\n", v.x);
    return out;
}

std::string volumes_csv(const calibration& c) {
    std::string out = "queue,weekday,interval_start,mean_calls,sd_between_weeks,weeks\n";
    const auto row = [&](const std::string& name, const weekday_slot_table& t) {
        for (std::size_t w = 0; w < weekday_count; ++w)
            for (std::size_t s = 0; s < t.mean[w].size(); ++s)
                out += fmt::format(
                    "{},{},{},{:.3f},{:.3f},{}\n", name, weekday_name(static_cast<weekday>(w)),
                    clock_text(c.settings.slot, s), t.mean[w][s], t.spread[w][s], t.weeks[w]);
    };
    for (std::size_t q = 0; q < c.queues.size(); ++q) row(c.queues[q], c.weekly[q]);
    row("all", c.weekly_total);
    return out;
}

std::string staffing_csv(const calibration& c) {
    std::string out = "weekday,interval_start,agents_served,agents_busy,agents_available\n";
    const auto& served = c.staffing.typical_week(staffing_basis::served);
    const auto& busy = c.staffing.typical_week(staffing_basis::busy);
    const auto& available = c.staffing.typical_week(staffing_basis::available);
    for (std::size_t w = 0; w < weekday_count; ++w)
        for (std::size_t s = 0; s < served[w].size(); ++s)
            out += fmt::format(
                "{},{},{:.3f},{:.3f},{:.3f}\n", weekday_name(static_cast<weekday>(w)),
                clock_text(c.settings.slot, s), served[w][s], busy[w][s], available[w][s]);
    return out;
}

// Observed calls on every slot of the log's period (from `first_day`), as a dated forecast,
// with the queue's observed mean handle time of the slot (the queue's mean where the slot had
// no answered call).
std::string dated_forecast_csv(const calibration& c, std::size_t q, std::int64_t first_day,
                               const std::vector<double>& calls, double aht,
                               const std::string& comment) {
    std::string out = "# " + comment + "\ninterval_start,calls,aht_s\n";
    const auto slots = static_cast<std::size_t>(std::lround(seconds_per_day / c.settings.slot));
    for (std::size_t i = 0; i < calls.size(); ++i) {
        // The engine needs a positive AHT: a slot whose calls all lasted 0 s takes 1 s.
        const double observed = c.period_aht[q][i];
        out += fmt::format("{}T{},{:g},{:.1f}\n",
                           format_day(first_day + static_cast<std::int64_t>(i / slots)),
                           clock_text(c.settings.slot, i % slots), calls[i],
                           observed > 0.0 ? std::max(1.0, observed) : aht);
    }
    return out;
}

std::string days_csv(const calibration& c) {
    std::string out =
        "date,weekday,offered,answered,abandoned,answered_within_threshold,service_level,"
        "abandon_rate,mean_wait_s\n";
    for (const observed_day& d : c.days) {
        const outcome_counts& k = d.counts;
        out += fmt::format("{},{},{:g},{:g},{:g},{:g},{:.4f},{:.4f},{:.1f}\n", format_day(d.day),
                           weekday_name(weekday_of(civil_date{d.day})), k.offered, k.answered,
                           k.abandoned, k.within_threshold, k.within_threshold / k.offered,
                           k.abandoned / k.offered, k.wait_sum / k.offered);
    }
    return out;
}

std::string patience_csv(const calibration& c) {
    std::string out = "queue,time_s,at_risk,events,survival\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q)
        for (const survival_step& s : c.patience[q].kaplan_meier)
            out += fmt::format("{},{:g},{:g},{:g},{:.6f}\n", c.queues[q], s.time, s.at_risk,
                               s.events, s.survival);
    return out;
}

std::string handle_quantiles_csv(const calibration& c) {
    std::string out = "queue,p,empirical_s,fitted_s,fitted_family\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const handle_time_fit& h = c.handle[q];
        for (const quantile_row& r : h.quantiles)
            out += fmt::format("{},{:g},{:g},{:.1f},{}\n", c.queues[q], r.p, r.empirical, r.fitted,
                               family_name(h.fits[h.best].kind));
    }
    return out;
}

nlohmann::json fit_json(const fitted_distribution& d) {
    return {{"family", family_name(d.kind)},
            {"a", d.a},
            {"b", d.b},
            {"mean_s", d.mean()},
            {"cv", d.cv()},
            {"log_likelihood", d.log_likelihood},
            {"aic", d.aic()}};
}

nlohmann::json error_json(const forecast_error& e) {
    return {{"wape", e.wape},
            {"rmse_per_hour", e.rmse},
            {"calls_per_hour", e.calls_per_hour},
            {"poisson_noise_wape", e.poisson_wape},
            {"hours", e.hours}};
}

std::string fit_json_text(const calibration& c, const io::call_log_summary& log) {
    nlohmann::json j;
    j["log"] = {{"file", log.file}, {"rows", log.rows}, {"used", log.used}, {"bad", log.bad}};
    for (const auto& [reason, count] : log.ignored) j["log"]["ignored"][reason] = count;
    for (const auto& b : log.first_bad)
        j["log"]["first_bad"].push_back({{"line", b.line}, {"reason", b.reason}});
    j["period"] = {
        {"first", format_day(c.volumes.front().first_day)},
        {"last", format_day(c.volumes.front().first_day +
                            static_cast<std::int64_t>(c.volumes.front().days.size()) - 1)}};
    j["slot_s"] = c.settings.slot;
    j["threshold_s"] = c.settings.threshold;
    j["busyness_cv"] = c.busyness_cv;
    j["forecast"]["method"] = c.method.describe();
    j["forecast"]["method_chosen_by_backtest"] = c.evaluation.method_backtested;
    j["forecast"]["first_day"] = format_day(c.forecast_first_day);
    if (c.evaluation.evaluated) {
        j["forecast"]["holdout_first_day"] = format_day(c.evaluation.holdout_first_day);
        j["forecast"]["method_error"] = error_json(c.evaluation.method);
        j["forecast"]["last_week_baseline_error"] = error_json(c.evaluation.last_week);
        j["forecast"]["pooled_average_baseline_error"] = error_json(c.evaluation.pooled);
    }
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        nlohmann::json queue;
        queue["name"] = c.queues[q];
        const handle_time_fit& h = c.handle[q];
        queue["handle_time"]["calls"] = h.calls;
        queue["handle_time"]["mean_s"] = h.mean;
        for (std::size_t i = 0; i < h.fits.size(); ++i) {
            nlohmann::json f = fit_json(h.fits[i]);
            f["ks_distance"] = h.ks[i];
            queue["handle_time"]["fits"].push_back(f);
        }
        if (!h.fits.empty()) queue["handle_time"]["best"] = family_name(h.fits[h.best].kind);
        const patience_fit& p = c.patience[q];
        queue["patience"] = {{"abandoned", p.abandoned},
                             {"answered", p.answered},
                             {"naive_mean_wait_of_abandoners_s", p.naive_mean},
                             {"kaplan_meier_restricted_mean_s", p.restricted_mean},
                             {"longest_wait_s", p.longest_wait}};
        for (const auto& f : p.fits) queue["patience"]["fits"].push_back(fit_json(f));
        if (!p.fits.empty()) {
            queue["patience"]["best"] = family_name(p.fits[p.best].kind);
        }
        for (const auto& [t, h0] : p.early_hazard)
            queue["patience"]["mean_hazard_per_s"].push_back({{"until_s", t}, {"hazard", h0}});
        j["queues"].push_back(queue);
    }
    j["redial"] = {{"window_s", c.settings.redial_window},
                   {"identified_abandonments", c.redial.abandoned},
                   {"redialled", c.redial.redialled},
                   {"probability", c.redial.probability()},
                   {"into_another_queue", c.redial.other_queue},
                   {"longest_run", c.redial.longest_run},
                   {"mean_delay_s", c.redial.mean_delay()}};
    for (const auto& f : c.redial_delay.fits) j["redial"]["delay_fits"].push_back(fit_json(f));
    if (!c.redial_delay.fits.empty())
        j["redial"]["delay_best"] = family_name(c.redial_delay.fits[c.redial_delay.best].kind);
    for (std::size_t q = 0; q < c.queues.size(); ++q)
        j["queues"][q]["redial"] = {{"probability", c.redials[q].probability},
                                    {"calls", c.redials[q].offered},
                                    {"redials", c.redials[q].redials},
                                    {"fresh_share", c.redials[q].fresh_share()}};
    j["staffing"] = {{"basis", c.settings.staffing == staffing_basis::served ? "served" : "busy"},
                     {"busy_share_of_served_time", c.staffing.busy_share()}};
    for (const auto& [priority, k] : c.priorities)
        j["priorities"].push_back({{"priority", priority},
                                   {"offered", k.offered},
                                   {"service_level", k.within_threshold / k.offered},
                                   {"abandon_rate", k.abandoned / k.offered},
                                   {"mean_wait_s", k.wait_sum / k.offered}});
    return j.dump(2) + "\n";
}

std::string forecast_error_csv(const calibration& c) {
    std::string out = "method,wape,rmse_per_hour,calls_per_hour,hours\n";
    if (!c.evaluation.evaluated) return out;
    const auto row = [&](const char* name, const forecast_error& e) {
        out += fmt::format("{},{:.4f},{:.2f},{:.2f},{}\n", name, e.wape, e.rmse, e.calls_per_hour,
                           e.hours);
    };
    row("calibrated", c.evaluation.method);
    row("same_weekday_hour_last_week", c.evaluation.last_week);
    row("pooled_average_same_weekday_hour", c.evaluation.pooled);
    return out;
}

// A queue's [[queue]] table: name, forecast file, threshold, handle time and patience.
std::string queue_table(const calibration& c, std::size_t q, const std::string& name,
                        const std::string& forecast, redials_as redials) {
    std::string out =
        fmt::format("\n[[queue]]\nname = {}\nforecast = \"{}\"\nthreshold = \"{}\"\n", quoted(name),
                    forecast, format_duration(seconds{c.settings.threshold}));
    const handle_time_fit& h = c.handle[q];
    if (c.settings.empirical_handle_times && h.mean > 0.0)
        out += fmt::format("handle_time = {{ distribution = \"empirical\", file = \"{}\" }}\n",
                           handle_times_file(c, q));
    else if (!h.fits.empty())
        out += fmt::format("handle_time = {}\n", distribution_table(h.fits[h.best], false));
    const patience_fit& p = c.patience[q];
    if (p.fits.empty())
        out += "patience = \"none\"   # nobody abandoned in the log\n";
    else
        out += fmt::format("patience = {}\n", distribution_table(p.fits[p.best], true));
    const queue_redials& r = c.redials[q];
    if (redials == redials_as::feedback && r.probability > 0.0 && !c.redial_delay.fits.empty())
        out += fmt::format("redial = {{ probability = {:.4f}, max = {}, delay = {} }}\n",
                           r.probability, std::clamp(c.redial.longest_run, 1, 1000),
                           distribution_table(c.redial_delay.fits[c.redial_delay.best], true));
    return out;
}

std::string routing_delay_table(double mean) {
    return fmt::format("{{ distribution = \"exponential\", mean = \"{:.1f}s\" }}", mean);
}

// The typical week's queues: a queue with calls of several priorities gets `classes` with
// each priority's share and routing delay.
std::string queue_tables(const calibration& c, const std::string& prefix, redials_as redials) {
    std::string out;
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        out += queue_table(c, q, c.queues[q], prefix + file_stem(c, q) + ".csv", redials);
        std::vector<std::string> classes;
        for (const class_estimate& k : c.classes) {
            if (k.queue != q) continue;
            std::string entry =
                fmt::format("{{ name = {}, share = {:.12g}", quoted(k.name), k.share);
            if (k.routing_delay)
                entry += ", routing_delay = " + routing_delay_table(*k.routing_delay);
            classes.push_back(entry + " }");
        }
        if (!classes.empty())
            out += fmt::format("classes = [\n  {},\n]\n", fmt::join(classes, ",\n  "));
    }
    return out;
}

std::string class_file(const calibration& c, const class_estimate& k) {
    return "period_" + file_stem(c, k.queue) + "_" + file_part(k.name) + ".csv";
}

// Whether queue q is split into a queue per priority (period.toml) or classes.
bool has_classes(const calibration& c, std::size_t q) {
    return std::any_of(c.classes.begin(), c.classes.end(),
                       [&](const class_estimate& k) { return k.queue == q; });
}

// A priority's own queue in period.toml, as queue_classes names a class: "PS/priority 2".
std::string class_queue(const calibration& c, const class_estimate& k) {
    return c.queues[k.queue] + "/" + k.name;
}

// The names of the queues a scenario's agents answer.
std::vector<std::string> skill_names(const calibration& c, bool classes_apart) {
    std::vector<std::string> names;
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        if (!classes_apart || !has_classes(c, q)) {
            names.push_back(quoted(c.queues[q]));
            continue;
        }
        for (const class_estimate& k : c.classes)
            if (k.queue == q) names.push_back(quoted(class_queue(c, k)));
    }
    return names;
}

// One group answering every queue, with a head count per interval of the whole grid.
std::string group_table(const std::vector<std::string>& skills, const std::vector<double>& heads,
                        const std::string& comment) {
    std::string out = fmt::format("\n[[group]]\nname = \"agents\"\nskills = [{}]\n# {}\n",
                                  fmt::join(skills, ", "), comment);
    out += "agents_by_interval = [";
    for (std::size_t i = 0; i < heads.size(); ++i)
        out += fmt::format("{}{}", i == 0 ? "" : ", ", std::lround(heads[i]));
    return out + "]\n";
}

std::string heading(const std::string& title) {
    return fmt::format(
        "# {}\n# Written by ccsim calibrate; docs/calibration.md says how each value is "
        "estimated.\n",
        title);
}

}  // namespace

std::string file_part(const std::string& name) {
    std::string out;
    for (char ch : name)
        out += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_') ? ch : '_';
    return out;
}

std::string weekday_forecast_csv(const std::array<std::vector<double>, weekday_count>& calls,
                                 double aht, double slot, const std::string& comment) {
    std::string out = "# " + comment + "\nweekday,interval_start,calls,aht_s\n";
    for (std::size_t w = 0; w < weekday_count; ++w) {
        const std::size_t slots = static_cast<std::size_t>(std::lround(seconds_per_day / slot));
        for (std::size_t s = 0; s < slots; ++s)
            out += fmt::format("{},{},{:.3f},{:.1f}\n", weekday_name(static_cast<weekday>(w)),
                               clock_text(slot, s), s < calls[w].size() ? calls[w][s] : 0.0, aht);
    }
    return out;
}

std::string scenario_toml(const calibration& c, const std::string& title, const std::string& prefix,
                          redials_as redials) {
    std::string out = heading(title);
    out += "\n[calendar]\nstart = \"Mon\"   # a typical week\n\n[day]\n";
    out += fmt::format("interval = \"{}\"\nstart = \"00:00\"\nbusyness_cv = {:.4f}\n",
                       format_duration(seconds{c.settings.slot}), c.busyness_cv);
    out += queue_tables(c, prefix, redials);
    std::vector<double> heads;
    for (const auto& day : c.staffing.typical_week(c.settings.staffing))
        heads.insert(heads.end(), day.begin(), day.end());
    return out + group_table(skill_names(c, false), heads,
                             fmt::format("{} per interval, Mon 00:00 first, averaged over the "
                                         "log's dates",
                                         basis_description(c.settings.staffing)));
}

std::string period_toml(const calibration& c, const std::string& title) {
    const day_slot_counts& v = c.volumes.front();
    std::string out = heading(title);
    out += fmt::format(
        "\n[calendar]\nstart = \"{}\"\nend = \"{}\"\n\n[day]\ninterval = \"{}\"\nstart = "
        "\"00:00\"\n",
        format_day(v.first_day),
        format_day(v.first_day + static_cast<std::int64_t>(v.days.size()) - 1),
        format_duration(seconds{c.settings.slot}));
    out +=
        "# The calls each interval had are its expected calls: no busyness factor. A queue\n"
        "# with calls of several priorities is one queue per priority, each with its own\n"
        "# calls per interval.\n";
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        if (!has_classes(c, q)) {
            out += queue_table(c, q, c.queues[q], "period_" + file_stem(c, q) + ".csv",
                               redials_as::calls);
            continue;
        }
        for (const class_estimate& k : c.classes) {
            if (k.queue != q) continue;
            out += queue_table(c, q, class_queue(c, k), class_file(c, k), redials_as::calls);
            if (k.routing_delay)
                out += "routing_delay = " + routing_delay_table(*k.routing_delay) + "\n";
        }
    }
    return out + group_table(skill_names(c, true), c.staffing.period(c.settings.staffing),
                             fmt::format("{} in each interval of the log",
                                         basis_description(c.settings.staffing)));
}

void write_calibration(const calibration& c, const io::call_log_summary& log,
                       const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw config_error(
            fmt::format("--out: cannot create folder '{}': {}", folder.string(), ec.message()));
    const double fallback = fallback_aht(c);
    const auto& first = c.volumes.front();
    const std::string period =
        fmt::format("{} to {}", format_day(first.first_day),
                    format_day(first.first_day + static_cast<std::int64_t>(first.days.size()) - 1));
    std::array<std::vector<double>, weekday_count> forecast_total;
    for (std::size_t q = 0; q < c.queues.size(); ++q) {
        const double aht = c.handle[q].calls > 0.0 ? queue_aht(c, q) : fallback;
        io::write_file_atomically(
            folder / ("typical_week_" + file_stem(c, q) + ".csv"),
            weekday_forecast_csv(
                c.fresh[q].mean, aht, c.settings.slot,
                fmt::format("queue {}: mean fresh calls (redials left out) per weekday and "
                            "interval over {} ({})",
                            c.queues[q], period, log.file)));
        if (c.settings.empirical_handle_times && c.handle[q].mean > 0.0)
            io::write_file_atomically(folder / handle_times_file(c, q),
                                      handle_times_text(c.handle_times[q], c.queues[q]));
        if (!has_classes(c, q))
            io::write_file_atomically(
                folder / ("period_" + file_stem(c, q) + ".csv"),
                dated_forecast_csv(c, q, first.first_day, flat(c.volumes[q]), aht,
                                   fmt::format("queue {}: the calls of each interval of {} ({})",
                                               c.queues[q], period, log.file)));
        for (const class_estimate& k : c.classes)
            if (k.queue == q)
                io::write_file_atomically(
                    folder / class_file(c, k),
                    dated_forecast_csv(
                        c, q, first.first_day, k.calls, aht,
                        fmt::format("queue {}, {}: the calls of each interval of {} ({})",
                                    c.queues[q], k.name, period, log.file)));
        const auto week = by_weekday(c.forecast[q], c.forecast_first_day);
        io::write_file_atomically(
            folder / ("forecast_" + file_stem(c, q) + ".csv"),
            weekday_forecast_csv(week, aht, c.settings.slot,
                                 fmt::format("queue {}: forecast for the week from {}", c.queues[q],
                                             format_day(c.forecast_first_day))));
        for (std::size_t w = 0; w < weekday_count; ++w) {
            forecast_total[w].resize(week[w].size(), 0.0);
            for (std::size_t s = 0; s < week[w].size(); ++s) forecast_total[w][s] += week[w][s];
        }
    }
    io::write_file_atomically(
        folder / "forecast.csv",
        weekday_forecast_csv(forecast_total, fallback, c.settings.slot,
                             fmt::format("all queues: forecast for the week from {} ({})",
                                         format_day(c.forecast_first_day), c.method.describe())));
    io::write_file_atomically(folder / "volumes.csv", volumes_csv(c));
    io::write_file_atomically(folder / "staffing.csv", staffing_csv(c));
    io::write_file_atomically(folder / "days.csv", days_csv(c));
    io::write_file_atomically(folder / "patience_km.csv", patience_csv(c));
    io::write_file_atomically(folder / "handle_quantiles.csv", handle_quantiles_csv(c));
    io::write_file_atomically(folder / "forecast_error.csv", forecast_error_csv(c));
    io::write_file_atomically(folder / "fit.json", fit_json_text(c, log));
    io::write_file_atomically(
        folder / "scenario.toml",
        scenario_toml(c, fmt::format("The log {} ({}) as a typical week", log.file, period),
                      "typical_week_", redials_as::feedback));
    io::write_file_atomically(
        folder / "period.toml",
        period_toml(
            c, fmt::format("The log {} ({}) as it was, interval by interval", log.file, period)));
    io::write_file_atomically(
        folder / "forecast_scenario.toml",
        scenario_toml(c,
                      fmt::format("The week from {}, forecast from {} ({})",
                                  format_day(c.forecast_first_day), log.file, period),
                      "forecast_", redials_as::calls));
}

}  // namespace ccsim::calib
