#include "io/scenario_channels.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <string_view>

#include "core/calendar.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/opening_hours.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

using sim::channel_kind;

std::string_view channel_name(channel_kind c) {
    switch (c) {
        case channel_kind::voice:
            return "voice";
        case channel_kind::chat:
            return "chat";
        case channel_kind::backoffice:
            return "backoffice";
        case channel_kind::outbound:
            return "outbound";
    }
    return "voice";
}

channel_kind channel_of(const std::string& word) {
    if (word == "chat") return channel_kind::chat;
    if (word == "backoffice") return channel_kind::backoffice;
    if (word == "outbound") return channel_kind::outbound;
    return channel_kind::voice;
}

// The keys only some channels have; any other channel rejects them.
struct channel_key {
    std::string_view key;
    std::array<bool, 4> allowed;  // voice, chat, backoffice, outbound
};
constexpr channel_key channel_keys[] = {
    {"fcr", {true, false, false, false}},          {"routing_delay", {true, false, false, false}},
    {"repeat_delay", {true, false, false, false}}, {"escalate_after", {true, false, false, false}},
    {"escalate_to", {true, false, false, false}},  {"follow_up", {true, false, false, false}},
    {"patience", {true, true, false, false}},      {"redial", {true, true, false, false}},
    {"threshold", {true, true, false, false}},     {"reply", {false, false, true, false}},
    {"reply_within", {false, false, true, false}}, {"resolve_within", {false, false, true, false}},
    {"hours", {true, true, false, true}},          {"reach", {false, false, false, true}},
    {"attempt_time", {false, false, false, true}}, {"retry_delay", {false, false, false, true}},
    {"max_attempts", {false, false, false, true}}, {"due_within", {false, false, false, true}},
};

void check_channel_keys(const checked_table& q, channel_kind channel, const std::string& name) {
    for (const channel_key& k : channel_keys) {
        if (!q.has(k.key) || k.allowed[static_cast<std::size_t>(channel)]) continue;
        std::vector<std::string> owners;
        for (std::size_t c = 0; c < k.allowed.size(); ++c)
            if (k.allowed[c]) owners.emplace_back(channel_name(static_cast<channel_kind>(c)));
        std::string rule = fmt::format("is a key of {} queues, but queue '{}' has channel = '{}'",
                                       fmt::join(owners, " and "), name, channel_name(channel));
        if (k.key == "hours")
            rule +=
                "; back-office items are taken at any time and worked during the serving "
                "groups' shifts";
        q.fail(k.key, rule);
    }
}

// "Mon 2026-03-02 20:00" style, for a clock time of the horizon.
std::string moment(const sim::scenario& s, seconds t) {
    const auto day = static_cast<std::size_t>(std::max(0.0, t.count()) / seconds_per_day);
    const seconds clock{t.count() - static_cast<double>(day) * seconds_per_day};
    return fmt::format("{} {}", s.calendar.day_label(std::min(day, s.calendar.days - 1)),
                       format_time_of_day(clock));
}

// A queue's hours: each of its periods within one of the centre's (the interval grid and the
// roster's closing rule are the centre's).
std::vector<std::pair<seconds, seconds>> read_hours(const checked_table& q,
                                                    const sim::scenario& s) {
    const checked_table hours = q.table("hours");
    check_opening_times(hours);
    std::vector<std::pair<seconds, seconds>> periods = opening_periods(hours, s);
    for (const auto& period : periods) {
        // Named copies, not a structured binding: clang before 16 (the fuzz build) cannot
        // capture those in a lambda.
        const seconds from = period.first, to = period.second;
        const bool inside = std::any_of(
            s.open_periods.begin(), s.open_periods.end(),
            [&](const auto& centre) { return centre.first <= from && to <= centre.second; });
        if (!inside)
            q.fail("hours",
                   fmt::format("must lie within the centre's opening hours ([day] open and "
                               "close); the period from {} to {} does not",
                               moment(s, from), moment(s, to)));
    }
    return periods;
}

std::size_t queue_named(const checked_table& at, std::string_view key, const sim::scenario& s,
                        channel_kind wanted, std::string_view what) {
    const toml::node* node = at.node(key);
    const std::string name = node->as_string()->get();
    std::vector<std::string> names;
    for (const sim::queue_spec& q : s.queues) names.push_back(q.name);
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
        const std::string hint = closest_match(name, names);
        at.fail(key, hint.empty()
                         ? fmt::format("names no queue; queues are {}", fmt::join(names, ", "))
                         : fmt::format("names no queue; did you mean '{}'?", hint));
    }
    const auto index = static_cast<std::size_t>(found - names.begin());
    if (s.queues[index].channel != wanted)
        at.fail(key,
                fmt::format("must name {} (channel = '{}'); queue '{}' has channel = '{}'", what,
                            channel_name(wanted), name, channel_name(s.queues[index].channel)));
    return index;
}

}  // namespace

void read_queue_channel(const checked_table& q, sim::queue_spec& spec, const sim::scenario& s,
                        const timed_reader& read_timed) {
    spec.channel = channel_of(q.text("channel"));
    check_channel_keys(q, spec.channel, spec.name);
    spec.target = q.given_number("target");
    switch (spec.channel) {
        case channel_kind::voice:
            spec.repeats.resolved = q.number("fcr");
            spec.repeats.delay = read_timed(q.table("repeat_delay"));
            spec.repeats.escalate_after = static_cast<int>(q.integer("escalate_after"));
            break;
        case channel_kind::chat:
            // Chat's standard is a first response within 20 s unless the file says otherwise.
            if (!q.has("threshold")) spec.threshold = seconds{20.0};
            break;
        case channel_kind::backoffice:
            spec.back_office.reply = read_timed(q.table("reply"));
            spec.back_office.reply_within = q.duration("reply_within");
            spec.back_office.resolve_within = q.duration("resolve_within");
            if (!(spec.back_office.resolve_within >= spec.back_office.reply_within))
                q.fail("resolve_within",
                       fmt::format("must not be shorter than reply_within ({})",
                                   format_duration(spec.back_office.reply_within)));
            spec.patience.reset();
            break;
        case channel_kind::outbound: {
            sim::outbound_model& o = spec.outbound;
            o.reach = q.number("reach");
            o.attempt_time = q.duration("attempt_time");
            o.retry_delay = read_timed(q.table("retry_delay"));
            o.max_attempts = static_cast<int>(q.integer("max_attempts"));
            o.due_within = q.duration("due_within");
            spec.patience.reset();
            break;
        }
    }
    if (q.has("hours")) spec.open_periods = read_hours(q, s);
}

void link_queues(const std::vector<checked_table>& queues, sim::scenario& s) {
    for (std::size_t i = 0; i < queues.size(); ++i) {
        const checked_table& q = queues[i];
        sim::queue_spec& spec = s.queues[i];
        if (q.has("escalate_to")) {
            spec.repeats.escalate_to =
                queue_named(q, "escalate_to", s, channel_kind::backoffice, "a back-office queue");
            if (spec.repeats.resolved >= 1.0)
                q.fail("escalate_to",
                       "needs fcr below 1: with every first contact resolved nobody calls again "
                       "to be escalated");
        }
        if (q.has("follow_up")) {
            const checked_table f = q.table("follow_up");
            spec.follow_up = sim::follow_up_model{
                f.number("share"), f.duration("due_within"),
                queue_named(f, "to", s, channel_kind::outbound, "an outbound queue")};
        }
    }
}

void read_group_channel(const checked_table& g, sim::group_spec& group, const sim::scenario& s) {
    group.max_chats = static_cast<int>(g.integer("max_chats"));
    group.blend = g.flag("blend");
    group.reserve = static_cast<int>(g.integer("reserve"));
    if (const toml::node* node = g.node("concurrency")) {
        for (const toml::node& f : *node->as_array()) group.concurrency.push_back(*as_number(f));
        if (group.concurrency.size() != static_cast<std::size_t>(group.max_chats))
            g.fail("concurrency",
                   fmt::format("needs one factor for each number of chats an agent may hold: "
                               "{} (max_chats), got {}",
                               group.max_chats, group.concurrency.size()));
    }
    const bool serves_chat = std::any_of(
        group.skills.begin(), group.skills.end(),
        [&](const sim::skill& k) { return s.queues[k.queue].channel == channel_kind::chat; });
    if (!serves_chat && (g.has("max_chats") || g.has("concurrency")))
        g.fail(g.has("max_chats") ? "max_chats" : "concurrency",
               fmt::format("is for groups that serve chat; group '{}' has no chat queue among "
                           "its skills",
                           group.name));
}

}  // namespace ccsim::io
