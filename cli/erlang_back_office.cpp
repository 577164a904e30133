#include "cli/erlang_back_office.hpp"

#include <fmt/format.h>
#include <cmath>

#include "cli/option_values.hpp"
#include "cli/print_record.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "erlang/back_office_staffing.hpp"
#include "erlang/staffing.hpp"

namespace ccsim::cli {

namespace {

struct back_office_options {
    erlang::back_office_work work;
    erlang::back_office_order order = erlang::back_office_order::edf;
    std::optional<double> agents;
    double shrinkage = 0.0;
    long max_agents = 100000;
    report::output_format format = report::output_format::table;
};

// "08:00-20:00"; an end at or before the start runs past midnight ("22:00-06:00"), and an
// end equal to the start means the whole day.
erlang::daily_window window_option(const std::string& option, const std::string& text) {
    const auto reject = [&] {
        throw config_error(fmt::format(
            "--{}: must be a period of the day such as 08:00-20:00 (22:00-06:00 runs past "
            "midnight, 00:00-24:00 is all day) (got '{}')",
            option, text));
    };
    const std::vector<std::string_view> parts = split(text, '-');
    if (parts.size() != 2) reject();
    const std::optional<seconds> from = parse_time_of_day(trim(parts[0]));
    const std::optional<seconds> to = parse_time_of_day(trim(parts[1]));
    if (!from || !to || from->count() >= 86400.0) reject();
    seconds length = *to - *from;
    if (length.count() <= 0.0) length += seconds{86400.0};
    return {*from, length};
}

back_office_options read(const po::variables_map& values) {
    back_office_options o;
    for (const char* name : not_back_office_options)
        if (written(values, name))
            throw config_error(fmt::format(
                "--{}: not used with --channel backoffice (its volume is --items per day, its "
                "targets the deadlines)",
                name));
    const std::string* items = given(values, "items");
    const std::string* shift = given(values, "shift");
    const std::string* resolve = given(values, "resolve-work");
    if (!items) throw config_error("ccsim erlang: --items is required (items arriving per day)");
    if (!shift)
        throw config_error(
            "ccsim erlang: --shift is required (the desk's hours, e.g. 08:00-20:00)");
    if (!resolve)
        throw config_error(
            "ccsim erlang: --resolve-work is required (agent time to resolve an item)");
    erlang::back_office_work& w = o.work;
    w.items_per_day = non_negative_option("items", *items, limits::calls_per_interval);
    w.shift = window_option("shift", *shift);
    w.arrivals = window_option("arrivals", values["arrivals"].as<std::string>());
    w.resolve_work = positive_duration_option("resolve-work", *resolve);
    w.reply_work = duration_option("reply-work", values["reply-work"].as<std::string>());
    if (w.reply_work.count() < 0.0)
        throw config_error(fmt::format("--reply-work: must be a duration >= 0 (got '{}')",
                                       values["reply-work"].as<std::string>()));
    w.reply_within =
        positive_duration_option("reply-within", values["reply-within"].as<std::string>());
    w.resolve_within =
        positive_duration_option("resolve-within", values["resolve-within"].as<std::string>());
    const std::string& order = values["order"].as<std::string>();
    if (order == "fifo")
        o.order = erlang::back_office_order::fifo;
    else if (order != "edf")
        throw config_error("--order: must be edf or fifo (got '" + order + "')");
    if (const std::string* n = given(values, "agents"))
        o.agents = non_negative_option("agents", *n, static_cast<double>(limits::agents));
    o.shrinkage = shrinkage_option("shrinkage", values["shrinkage"].as<std::string>());
    o.max_agents =
        count_option("max-agents", values["max-agents"].as<std::string>(), 1L, limits::agents);
    o.format = format_option(values["format"].as<std::string>());
    return o;
}

std::string window_text(const erlang::daily_window& w) {
    return format_time_of_day(w.start) + "-" +
           (w.start + w.length == seconds{86400.0}
                ? std::string("24:00")
                : format_time_of_day(seconds{std::fmod((w.start + w.length).count(), 86400.0)}));
}

report::field_value whole_or_none(const std::optional<long>& n) {
    return n ? report::field_value{*n} : report::field_value{};
}

report::record describe(const back_office_options& o, double agents, long scheduled) {
    const erlang::back_office_work& w = o.work;
    const erlang::back_office_figures f = erlang::evaluate_back_office(w, agents);
    constexpr double hour = 3600.0;
    report::record row;
    row.push_back({"model", "model", std::string("backoffice_fluid")});
    row.push_back({"items_per_day", "items per day", w.items_per_day, 2});
    row.push_back({"arrivals", "arrivals", window_text(w.arrivals)});
    row.push_back({"shift", "shift", window_text(w.shift)});
    row.push_back({"reply_work_s", "reply work s", w.reply_work.count(), 1});
    row.push_back({"resolve_work_s", "resolve work s", w.resolve_work.count(), 1});
    row.push_back({"reply_within_h", "reply within h", w.reply_within.count() / hour, 2});
    row.push_back({"resolve_within_h", "resolve within h", w.resolve_within.count() / hour, 2});
    row.push_back({"order", "order",
                   std::string(o.order == erlang::back_office_order::edf ? "edf" : "fifo")});
    row.push_back({"work_per_day_h", "work per day h", w.work_per_day() / hour, 2});
    row.push_back({"stable_agents", "agents for a bounded backlog", erlang::stable_agents(w)});
    row.push_back({"edf_agents", "agents meeting deadlines, EDF",
                   whole_or_none(erlang::back_office_agents(w, erlang::back_office_order::edf))});
    row.push_back({"fifo_agents", "agents meeting deadlines, FIFO",
                   whole_or_none(erlang::back_office_agents(w, erlang::back_office_order::fifo))});
    if (agents == std::floor(agents))
        row.push_back({"agents", "agents", static_cast<long>(agents)});
    else
        row.push_back({"agents", "agents", agents});
    row.push_back({"scheduled_agents",
                   fmt::format("scheduled ({:g}% shrinkage)", o.shrinkage * 100.0), scheduled});
    row.push_back({"utilisation", "utilisation", f.utilisation});
    row.push_back({"stable", "stable", f.stable});
    row.push_back({"backlog_at_shift_start_h", "backlog at shift start h",
                   f.backlog_at_shift_start / hour, 2});
    row.push_back(
        {"backlog_at_shift_end_h", "backlog at shift end h", f.backlog_at_shift_end / hour, 2});
    row.push_back({"largest_backlog_h", "largest backlog h", f.largest_backlog / hour, 2});
    row.push_back(
        {"fifo_turnaround_h", "longest wait, FIFO h", f.fifo_turnaround.count() / hour, 2});
    row.push_back({"meets_deadlines",
                   fmt::format("meets deadlines ({})",
                               o.order == erlang::back_office_order::edf ? "EDF" : "FIFO"),
                   o.order == erlang::back_office_order::edf ? f.meets_edf : f.meets_fifo});
    return row;
}

}  // namespace

void add_back_office_options(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("items", po::value<std::string>(), "backoffice: items arriving per day (required)")
        ("arrivals", po::value<std::string>()->default_value("00:00-24:00"),
         "backoffice: when items arrive, spread evenly, every day")
        ("shift", po::value<std::string>(), "backoffice: the agents' hours every day, e.g. 08:00-20:00 (required)")
        ("reply-work", po::value<std::string>()->default_value("0"),
         "backoffice: agent time of the reply, e.g. 10min")
        ("resolve-work", po::value<std::string>(),
         "backoffice: agent time of the resolution (required), e.g. 1h")
        ("reply-within", po::value<std::string>()->default_value("12h"),
         "backoffice: reply deadline after arrival")
        ("resolve-within", po::value<std::string>()->default_value("48h"),
         "backoffice: resolution deadline after arrival")
        ("order", po::value<std::string>()->default_value("edf"),
         "backoffice: edf (earliest deadline first) or fifo (whole items in arrival order)");
    // clang-format on
}

int run_back_office_erlang(const po::variables_map& values) {
    const back_office_options o = read(values);
    report::record row;
    if (o.agents) {
        row = describe(o, *o.agents, erlang::scheduled_agents(*o.agents, o.shrinkage));
    } else {
        const erlang::back_office_staffing_answer answer =
            erlang::solve_back_office_staffing(o.work, o.order, o.shrinkage, o.max_agents);
        row = describe(o, static_cast<double>(answer.agents), answer.scheduled);
    }
    print_record(row, o.format);
    return exit_ok;
}

}  // namespace ccsim::cli
