#include "cli/erlang_command.hpp"

#include <fmt/format.h>

#include "cli/command_line.hpp"
#include "cli/erlang_back_office.hpp"
#include "cli/erlang_chat.hpp"
#include "cli/option_values.hpp"
#include "cli/print_record.hpp"
#include "cli/target_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/staffing.hpp"
#include "report/metrics_record.hpp"
#include "report/record.hpp"

namespace ccsim::cli {

namespace {

struct erlang_options {
    double calls = 0.0;
    seconds interval{1800.0};
    seconds aht{0.0};
    std::optional<seconds> patience;
    std::optional<double> agents;
    erlang::staffing_targets targets;
    erlang::staffing_options staffing;
    report::output_format format = report::output_format::table;
};

void setup(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("channel", po::value<std::string>()->default_value("voice"),
         "voice (Erlang C / A), chat (concurrent sessions) or backoffice (deadlines)")
        ("calls", po::value<std::string>(), "calls (chats) offered per interval (required)")
        ("interval", po::value<std::string>()->default_value("30min"), "interval length")
        ("aht", po::value<std::string>(), "average handle time (required), e.g. 180s")
        ("patience", po::value<std::string>(),
         "mean patience before hanging up (exponential): Erlang A; without it Erlang C")
        ("agents", po::value<std::string>(),
         "agents on the phones to evaluate (may be fractional); without it, solve for agents")
        ("format", po::value<std::string>()->default_value("table"), "table, csv or json");
    // clang-format on
    add_target_options(options);
    add_chat_options(options);
    add_back_office_options(options);
}

erlang_options read(const po::variables_map& values) {
    erlang_options o;
    const std::string* calls = given(values, "calls");
    const std::string* aht = given(values, "aht");
    if (!calls) throw config_error("ccsim erlang: --calls is required (calls per interval)");
    if (!aht) throw config_error("ccsim erlang: --aht is required (average handle time)");
    o.calls = non_negative_option("calls", *calls, limits::calls_per_interval);
    o.interval = positive_duration_option("interval", values["interval"].as<std::string>());
    warn_bare_seconds("interval", values["interval"].as<std::string>(), 60.0);
    o.aht = positive_duration_option("aht", *aht);
    if (const std::string* p = given(values, "patience"))
        o.patience = positive_duration_option("patience", *p);
    if (const std::string* n = given(values, "agents"))
        o.agents = non_negative_option("agents", *n, static_cast<double>(limits::agents));
    if (const double load = o.calls * o.aht.count() / o.interval.count();
        load > limits::offered_load)
        throw config_error(fmt::format(
            "--calls x --aht / --interval: an offered load of {:g} Erlang is above the limit of "
            "{:g} Erlang (got {:g} calls x {} / {})",
            load, limits::offered_load, o.calls, format_duration(o.aht),
            format_duration(o.interval)));
    o.targets = read_targets(values);
    o.staffing = read_staffing_options(values);
    o.format = format_option(values["format"].as<std::string>());
    if (!o.agents && o.targets.empty())
        throw config_error(std::string("ccsim erlang: give --agents to evaluate a staffing, or ") +
                           no_target_hint + " to solve for one");
    return o;
}

report::record describe(const erlang_options& o, const erlang::queue_metrics& m, long scheduled,
                        const erlang::staffing_answer* solved) {
    report::record row;
    row.push_back({"model", "model", std::string(o.patience ? "erlang_a" : "erlang_c")});
    row.push_back({"calls", "calls", o.calls, 2});
    row.push_back({"interval_s", "interval s", o.interval.count(), 0});
    row.push_back({"aht_s", "AHT s", o.aht.count(), 1});
    row.push_back({"patience_s", "patience s",
                   o.patience ? report::field_value{o.patience->count()} : report::field_value{},
                   1});
    row.push_back({"threshold_s", "threshold s", m.threshold.count(), 1});
    row.push_back({"load_erlangs", "load (Erlang)", m.load});
    if (m.agents == static_cast<double>(static_cast<long>(m.agents)))
        row.push_back({"agents", "agents", static_cast<long>(m.agents)});
    else
        row.push_back({"agents", "agents", m.agents});
    row.push_back({"scheduled_agents",
                   fmt::format("scheduled ({:g}% shrinkage)", o.staffing.shrinkage * 100.0),
                   scheduled});
    if (solved && solved->fractional_agents) {
        row.push_back({"fractional_agents", "fractional agents", *solved->fractional_agents});
        row.push_back(
            {"fractional_scheduled", "fractional scheduled", *solved->fractional_scheduled});
    }
    row.push_back({"stable", "stable", m.stable});
    row.push_back({"blocking", "Erlang B blocking", erlang::erlang_b(m.agents, m.load)});
    report::append_metrics(row, m);
    if (!o.targets.empty()) row.push_back({"meets_targets", "meets targets", o.targets.met_by(m)});
    return row;
}

int run(const erlang_options& o) {
    const auto traffic =
        erlang::offered_traffic::from_volume(o.calls, o.interval, o.aht, o.patience);

    report::record row;
    if (o.agents) {
        const seconds threshold =
            o.targets.service_level ? o.targets.service_level->threshold : o.staffing.threshold;
        const erlang::queue_metrics m = erlang::evaluate(traffic, *o.agents, threshold);
        row = describe(o, m, erlang::scheduled_agents(*o.agents, o.staffing.shrinkage), nullptr);
    } else {
        const erlang::staffing_answer answer =
            erlang::solve_staffing(traffic, o.targets, o.staffing);
        row = describe(o, answer.metrics, answer.scheduled, &answer);
    }
    print_record(row, o.format);
    return exit_ok;
}

}  // namespace

constexpr command_help erlang_help{
    "erlang",
    "ccsim erlang --calls N --aht D [--interval D] [--patience D] "
    "(--agents N | --sl F ...) [--format table|csv|json]\n"
    "       ccsim erlang --channel chat --max-chats K [--concurrency F1,F2,...] --calls N "
    "--aht D ...\n"
    "       ccsim erlang --channel backoffice --items N --shift HH:MM-HH:MM --resolve-work D "
    "[--agents N] ...",
    "Closed-form queueing figures for one interval: Erlang C, or Erlang A with "
    "--patience.\nWith --agents it evaluates that staffing; without, it finds the "
    "least agents meeting\nevery target given. Durations: 15s, 2.5min, 30min, 1h (a "
    "bare number is seconds).\n--channel chat: agents hold up to --max-chats chats, each "
    "lasting AHT x the factor of\nthe agent's load; the threshold is on the first response; "
    "the voice shortcut\n(AHT x f(k) / k) is shown beside it. --channel backoffice: the agents "
    "on a daily\nshift for --items a day with reply and resolution deadlines (a fluid "
    "estimate)."};

int run_erlang_command(const std::vector<std::string>& args) {
    po::options_description options("Options");
    setup(options);
    const std::optional<po::variables_map> parsed = parse_or_help(erlang_help, args, options);
    if (!parsed) return exit_ok;
    const po::variables_map& values = *parsed;
    const std::string& channel = values["channel"].as<std::string>();
    if (channel != "voice" && channel != "chat" && channel != "backoffice")
        throw config_error("--channel: must be voice, chat or backoffice (got '" + channel + "')");
    // An option of another channel is a mistake worth naming, not something to ignore.
    for (const char* name : chat_only_options)
        if (written(values, name) && channel != "chat")
            throw config_error(fmt::format("--{}: only with --channel chat", name));
    for (const char* name : back_office_only_options)
        if (written(values, name) && channel != "backoffice")
            throw config_error(fmt::format("--{}: only with --channel backoffice", name));
    if (channel == "chat") return run_chat_erlang(values);
    if (channel == "backoffice") return run_back_office_erlang(values);
    return run(read(values));
}

}  // namespace ccsim::cli
