#include "cli/erlang_chat.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "cli/option_values.hpp"
#include "cli/print_record.hpp"
#include "cli/target_options.hpp"
#include "cli/warnings.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "erlang/chat_shortcut.hpp"
#include "erlang/chat_staffing.hpp"
#include "report/metrics_record.hpp"

namespace ccsim::cli {

namespace {

struct chat_options {
    double chats = 0.0;  // offered per interval
    seconds interval{1800.0};
    seconds aht{0.0};  // a chat's mean duration while its agent holds it alone
    std::optional<seconds> patience;
    erlang::chat_concurrency concurrency;
    std::optional<long> agents;
    erlang::staffing_targets targets;
    erlang::staffing_options staffing;
    report::output_format format = report::output_format::table;
};

erlang::chat_concurrency read_concurrency(const po::variables_map& values) {
    erlang::chat_concurrency c;
    c.factors.clear();  // filled from --concurrency, or 1 at every level
    if (const std::string* text = given(values, "concurrency")) {
        for (std::string_view part : split(*text, ',')) {
            const std::optional<double> factor = parse_number(trim(part));
            if (!factor)
                throw config_error(fmt::format(
                    "--concurrency: must be factors separated by commas, such as 1.0,1.2,1.45 "
                    "(got '{}')",
                    *text));
            c.factors.push_back(*factor);
        }
    }
    if (const std::string* slots = given(values, "max-chats")) {
        c.max_chats = count_option("max-chats", *slots, 1, 64);
    } else {
        // One factor per level given, or a single slot.
        c.max_chats = c.factors.empty() ? 1 : static_cast<int>(c.factors.size());
    }
    if (c.factors.empty())
        c.factors.assign(static_cast<std::size_t>(c.max_chats), 1.0);  // no slowdown
    if (const std::string problem = c.problem(); !problem.empty())
        throw config_error("--concurrency: " + problem);
    return c;
}

chat_options read(const po::variables_map& values) {
    chat_options o;
    const std::string* calls = given(values, "calls");
    const std::string* aht = given(values, "aht");
    if (!calls) throw config_error("ccsim erlang: --calls is required (chats per interval)");
    if (!aht)
        throw config_error("ccsim erlang: --aht is required (mean chat duration, handled alone)");
    o.chats = non_negative_option("calls", *calls, limits::calls_per_interval);
    o.interval = positive_duration_option("interval", values["interval"].as<std::string>());
    warn_bare_seconds("interval", values["interval"].as<std::string>(), 60.0);
    o.aht = positive_duration_option("aht", *aht);
    if (const std::string* p = given(values, "patience"))
        o.patience = positive_duration_option("patience", *p);
    o.concurrency = read_concurrency(values);
    // The chain counts whole agents: a fraction of an agent holds no chat.
    if (const std::string* n = given(values, "agents"))
        o.agents = count_option("agents", *n, 0L, limits::agents);
    if (values.count("fractional"))
        throw config_error("--fractional: not available with --channel chat (whole agents only)");
    o.targets = read_targets(values);
    o.staffing = read_staffing_options(values);
    o.format = format_option(values["format"].as<std::string>());
    if (!o.agents && o.targets.empty())
        throw config_error(std::string("ccsim erlang: give --agents to evaluate a staffing, or ") +
                           no_target_hint + " to solve for one");
    return o;
}

std::string factors_text(const erlang::chat_concurrency& c) {
    std::string text;
    for (double f : c.factors) {
        if (!text.empty()) text += ',';
        text += fmt::format("{:g}", f);
    }
    return text;
}

report::record describe(const chat_options& o, const erlang::chat_metrics& c, long scheduled) {
    report::record row;
    row.push_back({"model", "model", std::string(o.patience ? "chat_erlang_a" : "chat_erlang_c")});
    row.push_back({"chats", "chats", o.chats, 2});
    row.push_back({"interval_s", "interval s", o.interval.count(), 0});
    row.push_back({"aht_s", "AHT s (alone)", o.aht.count(), 1});
    row.push_back({"patience_s", "patience s",
                   o.patience ? report::field_value{o.patience->count()} : report::field_value{},
                   1});
    row.push_back({"max_chats", "max chats", static_cast<long>(o.concurrency.max_chats)});
    row.push_back({"concurrency", "duration factors", factors_text(o.concurrency)});
    row.push_back({"threshold_s", "threshold s", c.queue.threshold.count(), 1});
    row.push_back({"load_erlangs", "load (Erlang, alone)", c.queue.load});
    row.push_back({"agents", "agents", static_cast<long>(c.queue.agents)});
    row.push_back({"scheduled_agents",
                   fmt::format("scheduled ({:g}% shrinkage)", o.staffing.shrinkage * 100.0),
                   scheduled});
    row.push_back({"stable", "stable", c.queue.stable});
    report::append_metrics(row, c.queue);  // occupancy: of the slots
    row.push_back({"mean_concurrency", "mean concurrency", c.mean_concurrency, 3});
    row.push_back({"agent_occupancy", "agent occupancy", c.agent_occupancy});
    row.push_back({"chats_in_service", "chats in service", c.chats_in_service, 3});
    row.push_back(
        {"mean_chat_duration_s", "mean chat duration s", c.mean_chat_duration.count(), 1});
    if (!o.targets.empty())
        row.push_back({"meets_targets", "meets targets", o.targets.met_by(c.queue)});
    return row;
}

// The shortcut (Erlang C or A with AHT f(k) / k per agent) beside the exact figures: its
// service level at the same agents, and when solving, its staffing and what that staffing
// really gives.
void add_shortcut(report::record& row, const chat_options& o,
                  const erlang::offered_traffic& traffic, const erlang::chat_metrics& exact,
                  bool solving) {
    using erlang::chat_shortcut;
    const seconds threshold = exact.queue.threshold;
    const erlang::queue_metrics at_same =
        erlang::evaluate_chat_shortcut(traffic, static_cast<long>(exact.queue.agents),
                                       o.concurrency, chat_shortcut::agents_as_servers, threshold);
    row.push_back(
        {"shortcut_aht_s", "shortcut AHT s (AHT f(k)/k)",
         erlang::chat_shortcut_traffic(traffic, o.concurrency, chat_shortcut::agents_as_servers)
             .aht.count(),
         1});
    row.push_back({"shortcut_service_level",
                   fmt::format("shortcut SL {} at these agents", format_duration(threshold)),
                   at_same.service_level});
    if (!solving) return;
    try {
        const erlang::staffing_answer shortcut = erlang::solve_chat_shortcut_staffing(
            traffic, o.concurrency, chat_shortcut::agents_as_servers, o.targets, o.staffing);
        const erlang::chat_metrics real =
            erlang::evaluate_chat(traffic, shortcut.agents, o.concurrency, threshold);
        row.push_back({"shortcut_agents", "shortcut agents", shortcut.agents});
        row.push_back({"shortcut_agents_service_level",
                       fmt::format("SL {} at shortcut agents", format_duration(threshold)),
                       real.queue.service_level});
        row.push_back({"shortcut_agents_meet_targets", "shortcut agents meet targets",
                       o.targets.met_by(real.queue)});
    } catch (const domain_error&) {
        // The shortcut finds no staffing although the chat model does: said as an empty value.
        row.push_back({"shortcut_agents", "shortcut agents", report::field_value{}});
    }
}

}  // namespace

void add_chat_options(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("max-chats", po::value<std::string>(),
         "chat: sessions an agent holds at once (default: one per --concurrency factor, or 1)")
        ("concurrency", po::value<std::string>(),
         "chat: mean duration multiplier while 1, 2, ... chats are open, e.g. 1,1.2,1.45 "
         "(default 1 at every level)");
    // clang-format on
}

int run_chat_erlang(const po::variables_map& values) {
    const chat_options o = read(values);
    const auto traffic =
        erlang::offered_traffic::from_volume(o.chats, o.interval, o.aht, o.patience);
    report::record row;
    if (o.agents) {
        const seconds threshold =
            o.targets.service_level ? o.targets.service_level->threshold : o.staffing.threshold;
        const erlang::chat_metrics c =
            erlang::evaluate_chat(traffic, *o.agents, o.concurrency, threshold);
        row = describe(
            o, c, erlang::scheduled_agents(static_cast<double>(*o.agents), o.staffing.shrinkage));
        add_shortcut(row, o, traffic, c, false);
    } else {
        const erlang::chat_staffing_answer answer =
            erlang::solve_chat_staffing(traffic, o.concurrency, o.targets, o.staffing);
        row = describe(o, answer.metrics, answer.scheduled);
        add_shortcut(row, o, traffic, answer.metrics, true);
    }
    print_record(row, o.format);
    return exit_ok;
}

}  // namespace ccsim::cli
