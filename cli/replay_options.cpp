#include "cli/replay_options.hpp"

#include <fmt/format.h>
#include <cmath>
#include <map>

#include "cli/call_log_options.hpp"
#include "core/errors.hpp"
#include "io/scenario_calendar.hpp"
#include "sim/model/dated_replay.hpp"

namespace ccsim::cli {

namespace {

constexpr const char* replay_only[] = {"from",    "to",           "queue-map", "no-modelled",
                                       "columns", "max-bad-rows", "preset"};

civil_date date_option(const char* option, const std::string& text) {
    const std::optional<civil_date> date = parse_date(text);
    if (!date)
        throw config_error(
            fmt::format("--{}: must be a date such as 1999-02-01 (got '{}')", option, text));
    return *date;
}

// `s` on the replayed dates. A date the scenario has no day for is named at the log's first
// call on it (file:line), or as the option's when no call falls on it.
sim::scenario laid_on(const sim::scenario& s, const io::replay_log& log, civil_date first,
                      std::size_t days) {
    try {
        return sim::on_dates(s, first, days);
    } catch (const config_error& whole) {
        std::map<std::int64_t, std::optional<std::string>> problem;  // by date: on_dates' error
        for (const io::logged_call& call : log.calls) {
            const auto date = static_cast<std::int64_t>(std::floor(call.arrival / seconds_per_day));
            if (date < first.days || date >= first.days + static_cast<std::int64_t>(days)) continue;
            auto [it, added] = problem.try_emplace(date);
            if (added) {
                try {
                    sim::on_dates(s, civil_date{date}, 1);
                } catch (const config_error& e) {
                    it->second = e.what();
                }
            }
            if (it->second)
                throw scenario_error({log.summary.file, call.line, 0}, "arrival", *it->second);
        }
        throw config_error(fmt::format("--replay: {}", whole.what()));
    }
}

}  // namespace

void add_replay_options(po::options_description& options) {
    po::options_description replay("Replay of a call log (docs/calibration.md)");
    // clang-format off
    replay.add_options()
        ("replay", po::value<std::string>(),
         "offer the log's calls (arrivals, handle times, patience where known) to the "
         "scenario's agents, over the log's dates, and compare observed, replayed and modelled")
        ("from", po::value<std::string>(), "first date replayed (default: the log's first)")
        ("to", po::value<std::string>(), "last date replayed (default: the log's last)")
        ("queue-map", po::value<std::string>(),
         "log queue -> scenario queue where the names differ: LOG=QUEUE,... (LOG=- leaves "
         "its calls out)")
        ("no-modelled", po::bool_switch(),
         "skip the modelled run (the scenario's forecast over the same dates)");
    // clang-format on
    add_call_log_options(replay);
    options.add(replay);
}

std::optional<replay_options> read_replay_options(const po::variables_map& values) {
    const std::string* log = given(values, "replay");
    if (!log) {
        for (const char* option : replay_only)
            if (values.count(option) && !values[option].defaulted())
                throw config_error(fmt::format("--{}: only with --replay LOG", option));
        return std::nullopt;
    }
    replay_options o;
    o.log_file = *log;
    o.log = read_call_log_options(values);
    if (const std::string* v = given(values, "from")) o.from = date_option("from", *v);
    if (const std::string* v = given(values, "to")) o.to = date_option("to", *v);
    if (o.from && o.to && *o.to < *o.from)
        throw config_error(
            fmt::format("--to: must not be before --from ({})", format_date(*o.from)));
    if (const std::string* v = given(values, "queue-map")) o.queues = io::parse_queue_mapping(*v);
    o.modelled = !values["no-modelled"].as<bool>();
    return o;
}

replay_plan plan_replay(const sim::scenario& s, const replay_options& o) {
    const io::replay_log log = io::read_replay_log(o.log_file, o.log);
    const civil_date first = o.from.value_or(log.first_date());
    const civil_date last = o.to.value_or(log.last_date());
    if (last < first)
        throw config_error(fmt::format("--replay: the dates run from {} to {}: nothing to replay",
                                       format_date(first), format_date(last)));
    const auto days = static_cast<std::size_t>(last.days - first.days + 1);
    if (days > io::max_horizon_days)
        throw config_error(fmt::format("--replay: {} to {} is {} days; at most {}",
                                       format_date(first), format_date(last), days,
                                       io::max_horizon_days));
    replay_plan plan;
    plan.modelled = laid_on(s, log, first, days);
    io::replay_input in = io::replay_input_for(log, plan.modelled, o.queues);
    long replayed_calls = 0;
    for (const auto& trace : in.traces) replayed_calls += static_cast<long>(trace.size());
    if (replayed_calls == 0)
        throw config_error(fmt::format("--replay: {} has no call from {} to {}", o.log_file,
                                       format_date(first), format_date(last)));

    plan.replayed = io::replayed_scenario(plan.modelled, in);
    plan.observed = std::move(in.observed);
    plan.dates = fmt::format("{} to {}", format_date(first), format_date(last));
    plan.log_report = io::call_log_report(log.summary);
    for (const auto& [reason, count] : in.left_out)
        plan.log_report += fmt::format("  not replayed: {} calls {}\n", count, reason);
    return plan;
}

}  // namespace ccsim::cli
