#include "io/scenario_schema.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "io/day_pattern.hpp"
#include "io/scenario_calendar.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

using enum value_kind;

// Builds a key_spec one property at a time, so that each table below reads like the docs.
struct entry : key_spec {
    constexpr entry(std::string_view key_name, value_kind key_kind) : key_spec() {
        name = key_name;
        kind = key_kind;
    }
    constexpr entry& otherwise(std::string_view value) {
        fallback = value;
        return *this;
    }
    constexpr entry& at_least(double value) {
        low = bound{value, true};
        return *this;
    }
    constexpr entry& above(double value) {
        low = bound{value, false};
        return *this;
    }
    constexpr entry& at_most(double value) {
        high = bound{value, true};
        return *this;
    }
    constexpr entry& below(double value) {
        high = bound{value, false};
        return *this;
    }
    constexpr entry& needed() {
        required = true;
        return *this;
    }
    constexpr entry& holding(std::span<const key_spec> children) {
        keys = children;
        return *this;
    }
    constexpr entry& one_of(std::span<const std::string_view> words) {
        choices = words;
        return *this;
    }
    constexpr entry& of(value_kind each) {
        element = each;
        return *this;
    }
    constexpr entry& at_least_one() {
        min_count = 1;
        return *this;
    }
    constexpr entry& at_most_count(std::size_t count) {
        max_count = count;
        return *this;
    }
    constexpr entry& or_the_word_none() {
        or_none = true;
        return *this;
    }
    constexpr entry& or_a_name() {
        or_name = true;
        return *this;
    }
    constexpr entry& unnamed_called(std::string_view prefix) {
        unnamed = prefix;
        return *this;
    }
    constexpr entry& unlimited() {
        wide = true;
        return *this;
    }
    constexpr entry& or_by_weekday() {
        by_weekday = true;
        return *this;
    }
    constexpr entry& warn_bare_below(double seconds) {
        slip_below = seconds;
        return *this;
    }
};

constexpr std::string_view handle_time_kinds[] = {
    "exponential", "lognormal", "gamma", "weibull", "erlang", "deterministic", "empirical"};
constexpr std::string_view waiting_kinds[] = {"exponential", "lognormal", "gamma",
                                              "weibull",     "erlang",    "deterministic"};

constexpr key_spec run_keys[] = {
    entry("replications", integer)
        .otherwise("20")
        .at_least(1)
        .at_most(static_cast<double>(limits::replications)),
    entry("seed", integer).otherwise("1").at_least(0).unlimited(),
    entry("threads", integer).at_least(1).at_most(static_cast<double>(limits::threads)),
};

constexpr key_spec calendar_keys[] = {
    entry("start", day_or_date),
    entry("days", integer).at_least(1).at_most(max_horizon_days),
    entry("end", date),
};

constexpr key_spec day_keys[] = {
    entry("interval", duration).above(0).warn_bare_below(60),
    entry("open", time_of_day).otherwise("00:00").or_by_weekday(),
    entry("close", time_of_day).otherwise("24:00").or_by_weekday(),
    entry("closed", array).of(day_or_range),
    entry("start", time_of_day),
    entry("busyness_cv", number).otherwise("0").at_least(0),
    entry("warmup", duration).otherwise("0s").at_least(0),
};

constexpr key_spec target_keys[] = {
    entry("service_level", number).above(0).below(1),
    entry("answer_rate", number).above(0).below(1),
};

constexpr key_spec handle_time_keys[] = {
    entry("distribution", string).otherwise("exponential").one_of(handle_time_kinds),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
    entry("file", string),
};

constexpr key_spec patience_keys[] = {
    entry("distribution", string).otherwise("exponential").one_of(waiting_kinds),
    entry("mean", duration).above(0).needed(),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
};

// Not-ready time of a group's agents: the share of logged-in time, one spell's length and shape.
constexpr key_spec not_ready_keys[] = {
    entry("share", number).at_least(0).below(1).needed(),
    entry("length", duration).above(0).needed().warn_bare_below(60),
    entry("distribution", string).otherwise("exponential").one_of(waiting_kinds),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
};

constexpr key_spec delay_keys[] = {
    entry("distribution", string).otherwise("exponential").one_of(waiting_kinds),
    entry("mean", duration).otherwise("10min").above(0),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
};

// A customer class within a voice queue (io/queue_classes.hpp).
constexpr key_spec class_keys[] = {
    entry("name", string).needed(),
    entry("share", number).above(0).at_most(1).needed(),
    entry("priority", integer).otherwise("1").at_least(1).at_most(1000),
    entry("patience", table).holding(patience_keys),
    entry("routing_delay", table).holding(patience_keys),
};

constexpr key_spec redial_keys[] = {
    entry("probability", number).otherwise("0").at_least(0).at_most(1),
    entry("delay", table).holding(delay_keys),
    entry("max", integer).otherwise("1").at_least(0).at_most(1000),
};

constexpr std::string_view channel_kinds[] = {"voice", "chat", "backoffice", "outbound"};

// A queue's own opening hours, as [day] gives the centre's.
constexpr key_spec hours_keys[] = {
    entry("open", time_of_day).needed().or_by_weekday(),
    entry("close", time_of_day).needed().or_by_weekday(),
    entry("closed", array).of(day_or_range),
};

constexpr key_spec repeat_delay_keys[] = {
    entry("distribution", string).otherwise("exponential").one_of(waiting_kinds),
    entry("mean", duration).otherwise("1d").above(0),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
};

constexpr key_spec follow_up_keys[] = {
    entry("share", number).otherwise("1").at_least(0).at_most(1),
    entry("due_within", duration).otherwise("24h").above(0),
    entry("to", string).needed(),
};

constexpr key_spec reply_keys[] = {
    entry("distribution", string).otherwise("exponential").one_of(waiting_kinds),
    entry("mean", duration).otherwise("5min").above(0),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
};

constexpr key_spec retry_delay_keys[] = {
    entry("distribution", string).otherwise("exponential").one_of(waiting_kinds),
    entry("mean", duration).otherwise("1h").above(0),
    entry("cv", number).otherwise("1.0").above(0).at_most(100),
    entry("phases", integer).otherwise("2").at_least(1).at_most(1000),
};

constexpr key_spec queue_keys[] = {
    entry("name", string).needed(),
    entry("channel", string).otherwise("voice").one_of(channel_kinds),
    entry("forecast", string),
    entry("volumes", array)
        .of(number)
        .at_least(0)
        .at_most(limits::calls_per_interval)
        .at_least_one(),
    entry("aht", duration).above(0),
    entry("volume_scale", number).otherwise("1.0").at_least(0).at_most(1000),
    entry("aht_scale", number).otherwise("1.0").above(0).at_most(1000),
    entry("threshold", duration).otherwise("15s").at_least(0),
    entry("handle_time", table).holding(handle_time_keys),
    entry("patience", table).holding(patience_keys).or_the_word_none(),
    entry("routing_delay", table).holding(patience_keys),
    entry("classes", array).of(table).holding(class_keys).at_least_one(),
    entry("redial", table).holding(redial_keys),
    entry("hours", table).holding(hours_keys),
    entry("target", number).above(0).at_most(1),
    // Voice: repeat callers, escalation and follow-up calls.
    entry("fcr", number).otherwise("1").at_least(0).at_most(1),
    entry("repeat_delay", table).holding(repeat_delay_keys),
    entry("escalate_after", integer).otherwise("2").at_least(1).at_most(100),
    entry("escalate_to", string),
    entry("follow_up", table).holding(follow_up_keys),
    // Back office: the reply step and the deadlines.
    entry("reply", table).holding(reply_keys),
    entry("reply_within", duration).otherwise("12h").above(0),
    entry("resolve_within", duration).otherwise("48h").above(0),
    // Outbound: attempts.
    entry("reach", number).otherwise("1").above(0).at_most(1),
    entry("attempt_time", duration).otherwise("30s").at_least(0),
    entry("retry_delay", table).holding(retry_delay_keys),
    entry("max_attempts", integer).otherwise("3").at_least(1).at_most(100),
    entry("due_within", duration).otherwise("24h").above(0),
};

constexpr key_spec skill_keys[] = {
    entry("queue", string).needed(),
    entry("priority", integer).otherwise("1").at_least(1).at_most(1000),
    entry("preference", integer).otherwise("1").at_least(1).at_most(1000),
};

constexpr key_spec break_keys[] = {
    entry("start", time_of_day).needed(),
    entry("length", duration).above(0).needed().warn_bare_below(60),
};

constexpr key_spec shift_keys[] = {
    entry("name", string),
    entry("start", time_of_day).needed(),
    entry("end", time_of_day).needed(),
    // Required unless the group has tours (checked when the roster is read).
    entry("agents", integer)
        .otherwise("0")
        .at_least(0)
        .at_most(static_cast<double>(limits::agents)),
    entry("days", array).of(day_or_range),
    entry("breaks", array).of(table).holding(break_keys),
};

constexpr key_spec tour_keys[] = {
    entry("name", string),
    entry("agents", integer)
        .otherwise("1")
        .at_least(0)
        .at_most(static_cast<double>(limits::agents)),
    entry("Mon", string),
    entry("Tue", string),
    entry("Wed", string),
    entry("Thu", string),
    entry("Fri", string),
    entry("Sat", string),
    entry("Sun", string),
    entry("dates", date_table).of(string),
};

constexpr key_spec group_keys[] = {
    entry("name", string).needed(),
    entry("skills", array).of(table).holding(skill_keys).or_a_name().needed().at_least_one(),
    entry("handle_time_factor", number).otherwise("1.0").above(0).at_most(1000),
    entry("absenteeism", number).otherwise("0").at_least(0).below(1),
    // Wrap-up after each call: a distribution with a mean, as patience is written.
    entry("after_call_work", table).holding(patience_keys),
    entry("not_ready", table).holding(not_ready_keys),
    entry("agents", integer).at_least(0).at_most(static_cast<double>(limits::agents)),
    entry("agents_by_interval", array)
        .of(integer)
        .at_least(0)
        .at_most(static_cast<double>(limits::agents))
        .at_least_one(),
    entry("shift", table_array).holding(shift_keys).unnamed_called("shift"),
    entry("tour", table_array).holding(tour_keys).unnamed_called("tour"),
    // Chat sessions held at once, and the duration multiplier while k are held.
    entry("max_chats", integer).otherwise("1").at_least(1).at_most(16),
    entry("concurrency", array).of(number).above(0).at_least_one(),
    entry("blend", boolean).otherwise("false"),
    entry("reserve", integer)
        .otherwise("0")
        .at_least(0)
        .at_most(static_cast<double>(limits::agents)),
};

// [plan]: the planner's shift templates and rules (docs/scenarios.md, docs/planning.md).
constexpr std::string_view plan_methods[] = {"sipp", "isa"};
constexpr std::string_view break_pay[] = {"paid", "unpaid"};
constexpr std::string_view contracts[] = {"full-time", "part-time"};
constexpr std::string_view days_off_rules[] = {"consecutive", "any"};
constexpr std::string_view weekly_start_rules[] = {"free", "same"};

constexpr key_spec plan_break_keys[] = {
    entry("length", duration).above(0).needed().warn_bare_below(60),
    entry("earliest", duration).at_least(0).needed(),
    entry("latest", duration).at_least(0),
    entry("step", duration).above(0),
    entry("pay", string).otherwise("paid").one_of(break_pay),
};

constexpr key_spec plan_template_keys[] = {
    entry("name", string),
    entry("starts", array).of(time_of_day).at_least_one(),
    entry("first_start", time_of_day),
    entry("last_start", time_of_day),
    entry("start_step", duration).above(0),
    entry("length", duration).above(0).needed().warn_bare_below(3600),
    entry("breaks", array).of(table).holding(plan_break_keys),
    entry("cost_per_hour", number).otherwise("1").at_least(0),
    entry("cost_per_shift", number).otherwise("0").at_least(0),
    entry("min_agents", integer)
        .otherwise("0")
        .at_least(0)
        .at_most(static_cast<double>(limits::agents)),
    entry("max_agents", integer).at_least(0).at_most(static_cast<double>(limits::agents)),
    entry("contract", string).otherwise("full-time").one_of(contracts),
    entry("days", array).of(day_or_range),
};

constexpr key_spec plan_group_keys[] = {
    entry("name", string).needed(),
    entry("working_days", integer).otherwise("5").at_least(1).at_most(7),
    entry("days_off", string).otherwise("consecutive").one_of(days_off_rules),
    entry("weekly_start", string).otherwise("free").one_of(weekly_start_rules),
    entry("max_agents", integer).at_least(0).at_most(static_cast<double>(limits::agents)),
    entry("part_time_share", number).otherwise("1").at_least(0).at_most(1),
    entry("template", table_array)
        .holding(plan_template_keys)
        .unnamed_called("template")
        .needed()
        .at_least_one(),
};

constexpr key_spec plan_keys[] = {
    entry("method", string).otherwise("sipp").one_of(plan_methods),
    entry("service_level", number).above(0).below(1),
    entry("answer_rate", number).above(0).below(1),
    entry("shrinkage", number).otherwise("0").at_least(0).below(1),
    entry("handover", duration).at_least(0),
    entry("min_on_phones", integer)
        .otherwise("1")
        .at_least(0)
        .at_most(static_cast<double>(limits::agents)),
    entry("rounds", integer).otherwise("5").at_least(0).at_most(100),
    entry("replications", integer).at_least(1).at_most(static_cast<double>(limits::replications)),
    entry("time_limit", duration).otherwise("60s").above(0),
    entry("gap", number).otherwise("0").at_least(0).below(1),
    entry("group", table_array).holding(plan_group_keys).needed().at_least_one(),
};

constexpr key_spec top_keys[] = {
    entry("name", string),
    entry("include", string),
    entry("run", table).holding(run_keys),
    entry("calendar", table).holding(calendar_keys),
    entry("day", table).holding(day_keys),
    entry("targets", table).holding(target_keys),
    entry("queue", table_array)
        .holding(queue_keys)
        .needed()
        .at_least_one()
        .at_most_count(limits::queues),
    entry("group", table_array)
        .holding(group_keys)
        .needed()
        .at_least_one()
        .at_most_count(limits::groups),
    entry("plan", table).holding(plan_keys),
};

[[noreturn]] void fail(const toml::node& node, const std::string& key, std::string rule) {
    throw scenario_error(location_of(node), key, std::move(rule), written(node));
}

std::string format_bound(double value) {
    return fmt::format("{}", value);
}

bool in_range(double value, const key_spec& spec) {
    if (spec.low && !(spec.low->inclusive ? value >= spec.low->value : value > spec.low->value))
        return false;
    if (spec.high && !(spec.high->inclusive ? value <= spec.high->value : value < spec.high->value))
        return false;
    return true;
}

std::string choice_rule(const key_spec& spec, std::string_view given) {
    std::vector<std::string> words(spec.choices.begin(), spec.choices.end());
    std::string rule = fmt::format("must be one of {}", fmt::join(words, ", "));
    if (const std::string hint = closest_match(given, words); !hint.empty())
        rule += fmt::format("; did you mean '{}'?", hint);
    return rule;
}

// A misspelt weekday gets a hint; anything else the plain rule.
std::string day_rule(const key_spec& spec, const toml::node& node) {
    const std::string hint = node.is_string() ? closest_weekday(node.as_string()->get()) : "";
    if (hint.empty()) return kind_rule(spec);
    return fmt::format("{}; did you mean '{}'?", kind_rule(spec), hint);
}

void check_table(const toml::table& table, const std::string& path, std::span<const key_spec> keys);

// The entries of a table in the order the file wrote them.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(
    const toml::table& table) {
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (const auto& [key, node] : table) entries.emplace_back(&key, &node);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const auto& pa = a.first->source().begin;
        const auto& pb = b.first->source().begin;
        return std::pair{pa.line, pa.column} < std::pair{pb.line, pb.column};
    });
    return entries;
}

// { "2026-03-05" = "off" }: each key a date, each value of the element kind.
void check_date_table(const toml::table& table, const std::string& path, const key_spec& spec) {
    key_spec each = spec;
    each.kind = spec.element;
    for (const auto& [key, node] : in_file_order(table)) {
        const std::string key_path = join_key(path, key->str());
        if (!parse_date(key->str()))
            throw scenario_error(location_of(key->source()), key_path,
                                 "unknown key; the keys are dates YYYY-MM-DD");
        check_value(*node, key_path, each);
    }
}

// { Mon = "08:00", Sun = "09:00" }: each key a weekday, at most once; each value as `spec`.
void check_weekday_table(const toml::table& table, const std::string& path, const key_spec& spec) {
    key_spec each = spec;
    each.by_weekday = false;
    std::set<weekday> seen;
    for (const auto& [key, node] : in_file_order(table)) {
        const std::string key_path = join_key(path, key->str());
        const std::optional<weekday> day = parse_weekday(key->str());
        if (!day) {
            const std::string hint = closest_weekday(key->str());
            throw scenario_error(location_of(key->source()), key_path,
                                 hint.empty()
                                     ? "unknown key; the keys are weekdays Mon ... Sun"
                                     : fmt::format("unknown key; did you mean '{}'?", hint));
        }
        if (!seen.insert(*day).second)
            throw scenario_error(location_of(key->source()), key_path,
                                 fmt::format("gives {} a second time", weekday_name(*day)));
        check_value(*node, key_path, each);
    }
}

void check_array(const toml::array& array, const std::string& path, const key_spec& spec) {
    if (array.size() < spec.min_count) fail(array, path, "must not be empty");
    key_spec each = spec;
    each.kind = spec.element;
    for (std::size_t i = 0; i < array.size(); ++i) {
        const toml::node& element = array[i];
        if (spec.element != table) {
            // A plain value is reported under the array's key; its position tells which one.
            check_value(element, path, each);
        } else if (const auto* t = element.as_table()) {
            check_table(*t, fmt::format("{}[{}]", path, i + 1), spec.keys);
        } else if (!(spec.or_name && element.is_string())) {
            fail(element, path, spec.or_name ? "must be a name or a table" : "must be a table");
        }
    }
}

void check_table_array(const toml::node& node, const std::string& path, const key_spec& spec) {
    const toml::array* array = node.as_array();
    if (!array) fail(node, path, "must be an array of tables");
    if (array->size() < spec.min_count)
        fail(node, path, fmt::format("needs at least one [[{}]] table", path));
    if (spec.max_count && array->size() > *spec.max_count)
        throw scenario_error(
            location_of(node), path,
            fmt::format("must have at most {} [[{}]] tables", *spec.max_count, path),
            fmt::format("{}", array->size()));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& element = (*array)[i];
        if (!element.is_table())
            fail(element, fmt::format("{}[{}]", path, i + 1), "must be a table");
        check_table(*element.as_table(), element_path(path, element, i, spec), spec.keys);
        const auto name = element_name(element, i, spec);
        const toml::node* at = element.as_table()->get("name");
        if (name && !seen.insert(*name).second)
            throw scenario_error(location_of(at ? *at : element), path, "duplicate name",
                                 fmt::format("'{}'", *name));
        // Reports label the total of all queues (and of all groups) "all".
        if (name && *name == "all" && (path == "queue" || path == "group"))
            throw scenario_error(location_of(at ? *at : element), path + ".all.name",
                                 fmt::format("the name 'all' is reserved for the total of all "
                                             "{}s; choose another",
                                             path),
                                 "'all'");
    }
}

void check_table(const toml::table& table, const std::string& path,
                 std::span<const key_spec> keys) {
    // Read in file order, so that the first problem reported is the first one written.
    for (const auto& [key, node] : in_file_order(table)) {
        const std::string key_path = join_key(path, key->str());
        const key_spec* spec = find_key(keys, key->str());
        if (!spec) {
            const std::vector<std::string> names = key_names(keys);
            std::string hint = closest_match(key->str(), names);
            // "Monday" for a tour's "Mon".
            if (const std::string day = closest_weekday(key->str());
                hint.empty() && !day.empty() && find_key(keys, day))
                hint = day;
            throw scenario_error(
                location_of(key->source()), key_path,
                hint.empty()
                    ? fmt::format("unknown key; allowed keys are {}", fmt::join(names, ", "))
                    : fmt::format("unknown key; did you mean '{}'?", hint));
        }
        check_value(*node, key_path, *spec);
    }
    for (const key_spec& spec : keys) {
        if (!spec.required || table.contains(spec.name)) continue;
        if (spec.kind == table_array) {
            const std::string key_path = join_key(path, spec.name);
            throw scenario_error(location_of(table), key_path,
                                 fmt::format("needs at least one [[{}]] table", key_path));
        }
        throw scenario_error(location_of(table), path,
                             fmt::format("missing required key '{}'", spec.name));
    }
}

}  // namespace

std::span<const key_spec> scenario_keys() {
    return top_keys;
}

const key_spec* find_key(std::span<const key_spec> keys, std::string_view name) {
    for (const key_spec& spec : keys)
        if (spec.name == name) return &spec;
    return nullptr;
}

std::vector<std::string> key_names(std::span<const key_spec> keys) {
    std::vector<std::string> names;
    for (const key_spec& spec : keys) names.emplace_back(spec.name);
    return names;
}

std::string join_key(std::string_view parent, std::string_view name) {
    if (parent.empty()) return std::string(name);
    return fmt::format("{}.{}", parent, name);
}

std::optional<std::string> element_name(const toml::node& element, std::size_t index,
                                        const key_spec& array) {
    if (const auto* table = element.as_table()) {
        if (const toml::node* name = table->get("name")) {
            if (const auto* text = name->as_string()) return text->get();
            return std::nullopt;
        }
    }
    if (!array.unnamed.empty()) return fmt::format("{}{}", array.unnamed, index + 1);
    return std::nullopt;
}

std::string element_path(std::string_view array_path, const toml::node& element, std::size_t index,
                         const key_spec& array) {
    if (const auto name = element_name(element, index, array)) return join_key(array_path, *name);
    return fmt::format("{}[{}]", array_path, index + 1);
}

std::string range_rule(const key_spec& spec) {
    if (spec.low && spec.high)
        return fmt::format("must be in {}{}, {}{}", spec.low->inclusive ? '[' : '(',
                           format_bound(spec.low->value), format_bound(spec.high->value),
                           spec.high->inclusive ? ']' : ')');
    if (spec.low)
        return fmt::format("must be {} {}", spec.low->inclusive ? ">=" : ">",
                           format_bound(spec.low->value));
    if (spec.high)
        return fmt::format("must be {} {}", spec.high->inclusive ? "<=" : "<",
                           format_bound(spec.high->value));
    return {};
}

// A share written as a percentage (service_level = 90) gets the fraction it meant. From 2 on:
// 1.5 is likelier a slip of the finger than 1.5%.
std::string share_advice(double value, const key_spec& spec) {
    const bool share = spec.high && spec.high->value == 1.0 && spec.low && spec.low->value == 0.0;
    if (!share || !(value >= 2.0 && value <= 100.0)) return {};
    return fmt::format("; a share is a fraction: write {} for {}%", value / 100.0, value);
}

std::string kind_rule(const key_spec& spec) {
    switch (spec.kind) {
        case string:
            return "must be a string";
        case number:
            return "must be a number";
        case integer:
            return "must be a whole number";
        case duration:
            return fmt::format("must be {}", duration_rule);
        case time_of_day:
            return "must be a time of day HH:MM";
        case date:
            return "must be a date YYYY-MM-DD";
        case day_or_date:
            return "must be a date YYYY-MM-DD or a weekday such as Mon";
        case day_or_range:
            return "must be a weekday (Mon), a range of weekdays (Mon-Fri) or a date (2026-03-05)";
        case table:
            return spec.or_none ? "must be a table or 'none'" : "must be a table";
        case table_array:
            return "must be an array of tables";
        case date_table:
            return "must be a table keyed by dates";
        case array:
            return "must be an array";
        case boolean:
            return "must be true or false";
    }
    return {};
}

void check_value(const toml::node& node, const std::string& key_path, const key_spec& spec) {
    switch (spec.kind) {
        case string:
            if (!node.is_string()) fail(node, key_path, kind_rule(spec));
            if (!spec.choices.empty()) {
                const std::string& text = node.as_string()->get();
                if (std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end())
                    fail(node, key_path, choice_rule(spec, text));
            }
            return;
        case number: {
            const std::optional<double> value = as_number(node);
            if (!value) fail(node, key_path, kind_rule(spec));
            if (!std::isfinite(*value)) fail(node, key_path, "must be a finite number");
            if (!in_range(*value, spec))
                fail(node, key_path, range_rule(spec) + share_advice(*value, spec));
            return;
        }
        case integer: {
            if (!node.is_integer()) fail(node, key_path, kind_rule(spec));
            const std::int64_t value = node.as_integer()->get();
            if (!in_range(static_cast<double>(value), spec)) fail(node, key_path, range_rule(spec));
            if (!spec.wide && value > std::numeric_limits<int>::max())
                fail(node, key_path,
                     fmt::format("must be at most {}", std::numeric_limits<int>::max()));
            return;
        }
        case duration: {
            const std::optional<seconds> value = as_duration(node);
            if (!value) fail(node, key_path, kind_rule(spec));
            if (!in_range(value->count(), spec)) fail(node, key_path, range_rule(spec));
            if (value->count() > limits::duration_seconds)
                fail(node, key_path,
                     fmt::format("must be at most {}",
                                 format_duration(seconds{limits::duration_seconds})));
            return;
        }
        case time_of_day:
            if (const auto* t = node.as_table(); t && spec.by_weekday) {
                check_weekday_table(*t, key_path, spec);
                return;
            }
            if (!as_time_of_day(node)) fail(node, key_path, kind_rule(spec));
            return;
        case date:
            if (!as_date(node)) fail(node, key_path, kind_rule(spec));
            return;
        case day_or_date:
            if (!as_date(node) && !as_weekday(node)) fail(node, key_path, day_rule(spec, node));
            return;
        case day_or_range:
            if (!as_day_pattern(node)) fail(node, key_path, day_pattern_rule(node));
            return;
        case table:
            if (const auto* t = node.as_table()) {
                check_table(*t, key_path, spec.keys);
            } else if (!(spec.or_none && node.is_string() && node.as_string()->get() == "none")) {
                fail(node, key_path, kind_rule(spec));
            }
            return;
        case table_array:
            check_table_array(node, key_path, spec);
            return;
        case date_table:
            if (!node.is_table()) fail(node, key_path, kind_rule(spec));
            check_date_table(*node.as_table(), key_path, spec);
            return;
        case array:
            if (!node.is_array()) fail(node, key_path, kind_rule(spec));
            check_array(*node.as_array(), key_path, spec);
            return;
        case boolean:
            if (!node.is_boolean()) fail(node, key_path, kind_rule(spec));
            return;
    }
}

void check_document(const toml::table& document) {
    check_table(document, "", scenario_keys());
}

}  // namespace ccsim::io
