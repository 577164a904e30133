#include "io/scenario_paths.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/scenario_build.hpp"
#include "io/scenario_include.hpp"
#include "io/scenario_schema.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

constexpr std::string_view change_forms =
    "VALUE, *FACTOR, +AMOUNT or -AMOUNT (170s, *1.2, +2, -30s)";

[[noreturn]] void reject(std::string message) {
    throw change_error(std::move(message));
}

// The path so far, for messages: segments [0, end).
std::string joined(const std::vector<std::string_view>& segments, std::size_t end) {
    std::string path;
    for (std::size_t i = 0; i < end; ++i) path = join_key(path, segments[i]);
    return path;
}

[[noreturn]] void unknown(const std::vector<std::string_view>& segments, std::size_t at,
                          const std::vector<std::string>& candidates, const std::string& listing) {
    const std::string path = joined(segments, segments.size());
    const std::string hint = closest_match(segments[at], candidates);
    if (hint.empty()) reject(fmt::format("unknown key '{}'; {}", path, listing));
    std::vector<std::string_view> corrected = segments;
    corrected[at] = hint;
    reject(fmt::format("unknown key '{}'; did you mean '{}'?", path,
                       joined(corrected, corrected.size())));
}

std::string list_or_none(const std::vector<std::string>& names) {
    return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
}

// A change's operand: the factor of "*1.2", or the signed amount of "+2" / "-30s".
std::string_view operand(const value_change& change) {
    std::string_view text = trim(change.text);
    if (change.kind == change_kind::relative) text.remove_prefix(1);
    return text;
}

toml::table& descend(toml::table& table, const key_spec& spec, const std::string& path) {
    toml::node* node = table.get(spec.name);
    if (!node || (spec.or_none && node->is_string() && node->as_string()->get() == "none")) {
        // "none" patience turns into a table, so that --vary can give callers a patience.
        table.insert_or_assign(spec.name, toml::table{});
        node = table.get(spec.name);
    }
    if (!node->is_table()) check_value(*node, path, spec);  // throws the file's own error
    return *node->as_table();
}

void set_absolute(toml::table& table, const key_spec& spec, std::string_view text) {
    // Values go in as the file would write them, so that the usual checks judge them.
    const std::string value(trim(text));
    if (spec.kind == value_kind::boolean && (value == "true" || value == "false")) {
        table.insert_or_assign(spec.name, value == "true");
        return;
    }
    if (spec.kind == value_kind::integer) {
        if (const auto v = parse_integer(value)) {
            table.insert_or_assign(spec.name, static_cast<std::int64_t>(*v));
            return;
        }
    }
    if (spec.kind == value_kind::number || spec.kind == value_kind::integer) {
        if (const auto v = parse_number(value)) {
            table.insert_or_assign(spec.name, *v);
            return;
        }
    }
    table.insert_or_assign(spec.name, value);
}

double base_number(const toml::node* node, const key_spec& spec, const std::string& path,
                   const value_change& change) {
    if (node) {
        check_value(*node, path, spec);
        if (spec.kind == value_kind::duration) return as_duration(*node)->count();
        if (spec.kind == value_kind::time_of_day) return as_time_of_day(*node)->count();
        return *as_number(*node);
    }
    std::optional<double> fallback;
    if (spec.kind == value_kind::duration) {
        if (auto d = parse_duration(spec.fallback)) fallback = d->count();
    } else if (spec.kind == value_kind::time_of_day) {
        if (auto t = parse_time_of_day(spec.fallback)) fallback = t->count();
    } else {
        fallback = parse_number(spec.fallback);
    }
    if (!fallback)
        reject(
            fmt::format("'{}' has no value in the scenario for '{}' to change; give a value "
                        "instead",
                        path, change.text));
    return *fallback;
}

// What a value that cannot be scaled or added to is, for messages; empty for the others.
std::string_view word_kind(value_kind kind) {
    switch (kind) {
        case value_kind::string:
            return "a word";
        case value_kind::date:
            return "a date";
        case value_kind::day_or_date:
            return "a date or a weekday";
        case value_kind::boolean:
            return "true or false";
        default:
            return {};
    }
}

void set_changed(toml::table& table, const key_spec& spec, const std::string& path,
                 const value_change& change) {
    const std::string_view text = operand(change);
    if (const std::string_view word = word_kind(spec.kind); !word.empty())
        reject(fmt::format("'{}' is {}; give it whole instead of '{}'", path, word, change.text));
    if (spec.kind == value_kind::time_of_day && change.kind == change_kind::relative)
        reject(fmt::format("'{}' is a time of day; move it with +DURATION or -DURATION, not '{}'",
                           path, change.text));
    const bool timed = spec.kind == value_kind::duration || spec.kind == value_kind::time_of_day;
    std::optional<double> amount;
    if (change.kind == change_kind::relative || !timed) {
        amount = parse_number(text);
    } else if (const auto d = parse_duration(text)) {
        amount = d->count();
    }
    if (!amount)
        reject(fmt::format("'{}' is a {}; '{}' does not fit it", path,
                           spec.kind == value_kind::duration ? "duration" : "number", change.text));
    const double base = base_number(table.get(spec.name), spec, path, change);
    const double result = change.kind == change_kind::relative ? base * *amount : base + *amount;
    switch (spec.kind) {
        case value_kind::integer:
            table.insert_or_assign(spec.name, static_cast<std::int64_t>(std::llround(result)));
            return;
        case value_kind::time_of_day:
            if (result < 0.0 || result > 86400.0)
                reject(fmt::format("'{}' moves from {} to outside 00:00-24:00", path,
                                   format_time_of_day(seconds{base})));
            table.insert_or_assign(spec.name, format_time_of_day(seconds{result}));
            return;
        default:
            // Durations as a number of seconds: exact, and still a duration to the checks.
            table.insert_or_assign(spec.name, result);
            return;
    }
}

void set_value(toml::table& table, const key_spec& spec, const std::string& path,
               const value_change& change) {
    if (change.kind == change_kind::absolute)
        set_absolute(table, spec, change.text);
    else
        set_changed(table, spec, path, change);
}

[[noreturn]] void not_a_table(const toml::node& node, const std::string& path) {
    throw scenario_error(location_of(node), path, "must be a table", written(node));
}

const key_spec& key_at(const std::vector<std::string_view>& segments, std::size_t i,
                       std::span<const key_spec> keys) {
    if (const key_spec* spec = find_key(keys, segments[i])) return *spec;
    const std::string where = joined(segments, i);
    const std::string names = fmt::format("{}", fmt::join(key_names(keys), ", "));
    unknown(segments, i, key_names(keys),
            where.empty() ? fmt::format("keys are {}", names)
                          : fmt::format("keys of {} are {}", where, names));
}

std::vector<std::string> element_names(const toml::table& table, const key_spec& spec) {
    std::vector<std::string> names;
    const toml::array* array = table.get_as<toml::array>(spec.name);
    for (std::size_t e = 0; array && e < array->size(); ++e)
        if (const auto name = element_name((*array)[e], e, spec)) names.push_back(*name);
    return names;
}

// The element of a table array named by segments[i]: "queue.hotline" -> the hotline table.
toml::table& element_at(toml::table& table, const key_spec& spec,
                        const std::vector<std::string_view>& segments, std::size_t i) {
    const std::vector<std::string> names = element_names(table, spec);
    const auto found = std::find(names.begin(), names.end(), segments[i]);
    if (found == names.end()) {
        const std::string where = joined(segments, i - 1);
        unknown(segments, i, names,
                fmt::format("the {}s of {} are {}", spec.name,
                            where.empty() ? "the scenario" : where, list_or_none(names)));
    }
    toml::node& element =
        (*table.get_as<toml::array>(spec.name))[static_cast<std::size_t>(found - names.begin())];
    if (!element.is_table()) not_a_table(element, joined(segments, i + 1));
    return *element.as_table();
}

// The elements of the table array `name` of `group`, each with its key path.
std::vector<std::pair<toml::table*, std::string>> elements_of(toml::table& group,
                                                              const key_spec& spec,
                                                              const std::string& group_path) {
    std::vector<std::pair<toml::table*, std::string>> result;
    toml::node* node = group.get(spec.name);
    if (!node) return result;
    if (!node->is_array()) check_value(*node, join_key(group_path, spec.name), spec);
    toml::array& array = *node->as_array();
    for (std::size_t e = 0; e < array.size(); ++e) {
        toml::node& element = array[e];
        const std::string path = element_path(join_key(group_path, spec.name), element, e, spec);
        if (!element.is_table()) not_a_table(element, path);
        result.emplace_back(element.as_table(), path);
    }
    return result;
}

// A group on shifts has its agents in its shifts and tours: change each of them. With tours,
// a shift without `agents` is one only tours work and keeps none.
void change_every_line(toml::table& group, std::span<const key_spec> keys,
                       const std::string& group_path, const value_change& change) {
    const key_spec& shift = *find_key(keys, "shift");
    const key_spec& tour = *find_key(keys, "tour");
    const bool tours = group.contains("tour");
    for (auto& [table, path] : elements_of(group, shift, group_path))
        if (!tours || table->contains("agents"))
            set_value(*table, *find_key(shift.keys, "agents"), join_key(path, "agents"), change);
    for (auto& [table, path] : elements_of(group, tour, group_path))
        set_value(*table, *find_key(tour.keys, "agents"), join_key(path, "agents"), change);
}

// A list of days ([day] closed, a shift's days) is given whole: days separated by spaces
// ("Mon-Fri 2026-03-07"), or "none".
void set_day_list(toml::table& table, const key_spec& spec, const std::string& path,
                  const value_change& change) {
    if (change.kind != change_kind::absolute)
        reject(
            fmt::format("'{}' is a list of days; give it whole (days separated by spaces, or "
                        "none) instead of '{}'",
                        path, change.text));
    toml::array days;
    if (trim(change.text) != "none")
        for (const std::string_view word : split(change.text, ' '))
            if (!trim(word).empty()) days.push_back(std::string(trim(word)));
    table.insert_or_assign(spec.name, std::move(days));
}

// "day.open.Sat": one weekday's time. A single time becomes a table of every weekday first.
void set_weekday_time(toml::table& table, const key_spec& spec,
                      const std::vector<std::string_view>& segments, std::size_t at,
                      const value_change& change) {
    const std::optional<weekday> day = parse_weekday(segments[at]);
    if (!day) {
        const std::string hint = closest_weekday(segments[at]);
        std::vector<std::string_view> corrected = segments;
        corrected[at] = hint;
        reject(hint.empty() ? fmt::format("unknown key '{}'; the keys of {} are weekdays Mon ... "
                                          "Sun",
                                          joined(segments, segments.size()), joined(segments, at))
                            : fmt::format("unknown key '{}'; did you mean '{}'?",
                                          joined(segments, segments.size()),
                                          joined(corrected, corrected.size())));
    }
    if (at + 1 != segments.size())
        unknown(segments, at + 1, {},
                fmt::format("'{}' is a value, not a table", joined(segments, at + 1)));
    toml::node* node = table.get(spec.name);
    if (!node || !node->is_table()) {
        const double all_week = base_number(node, spec, joined(segments, at), change);
        toml::table week;
        for (int w = 0; w < weekday_count; ++w)
            week.insert(weekday_name(static_cast<weekday>(w)),
                        format_time_of_day(seconds{all_week}));
        table.insert_or_assign(spec.name, std::move(week));
        node = table.get(spec.name);
    }
    toml::table& week = *node->as_table();
    std::string key(weekday_name(*day));
    for (const auto& [written_key, value] : week)
        if (parse_weekday(written_key.str()) == day) key = std::string(written_key.str());
    key_spec each = spec;
    each.name = key;
    each.by_weekday = false;
    each.fallback = {};  // a weekday the table leaves out has no time to change
    set_value(week, each, joined(segments, segments.size()), change);
}

// "day.open=+30min" on a table of times by weekday moves every weekday's time.
void change_every_weekday(toml::table& week, const key_spec& spec, const std::string& path,
                          const value_change& change) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : week) keys.emplace_back(key.str());
    for (const std::string& key : keys) {
        key_spec each = spec;
        each.name = key;
        each.by_weekday = false;
        set_value(week, each, join_key(path, key), change);
    }
}

// "group.G.tour.T.dates.2026-03-07": one date of a tour, made when the tour has none.
void set_date_entry(toml::table& table, const key_spec& spec,
                    const std::vector<std::string_view>& segments, std::size_t at,
                    const value_change& change) {
    const std::string where = joined(segments, at);
    if (at == segments.size())
        reject(fmt::format("'{}' is a table; name one of its dates: {}.2026-03-05", where, where));
    if (!parse_date(segments[at]))
        reject(fmt::format("unknown key '{}'; the keys of {} are dates YYYY-MM-DD",
                           joined(segments, segments.size()), where));
    if (at + 1 != segments.size())
        unknown(segments, at + 1, {},
                fmt::format("'{}' is a value, not a table", joined(segments, at + 1)));
    toml::node* node = table.get(spec.name);
    if (!node) {
        table.insert_or_assign(spec.name, toml::table{});
        node = table.get(spec.name);
    }
    if (!node->is_table()) check_value(*node, where, spec);  // throws the file's own error
    const std::string key(segments[at]);
    key_spec each = spec;
    each.kind = spec.element;
    each.name = key;
    set_value(*node->as_table(), each, joined(segments, segments.size()), change);
}

// A head count per interval (agents_by_interval): "*1.1" and "+2" change every interval's
// count, rounded to whole agents and never below none; a whole number sets every interval.
void change_each_count(toml::table& table, const key_spec& spec, const std::string& path,
                       const value_change& change) {
    toml::node* node = table.get(spec.name);
    if (!node)
        reject(
            fmt::format("'{}' has no value in the scenario for '{}' to change", path, change.text));
    if (!node->is_array()) check_value(*node, path, spec);  // throws the file's own error
    toml::array& counts = *node->as_array();
    for (std::size_t i = 0; i < counts.size(); ++i) {
        key_spec each = spec;
        each.kind = value_kind::integer;
        each.name = "count";
        each.fallback = {};
        toml::table one;
        one.insert("count", counts[i]);
        set_value(one, each, fmt::format("{}[{}]", path, i), change);
        const toml::node* changed = one.get("count");
        if (!changed->is_integer())
            reject(fmt::format("'{}' holds whole numbers of agents; '{}' does not fit them", path,
                               change.text));
        const std::int64_t count = std::max<std::int64_t>(0, changed->as_integer()->get());
        counts.replace(counts.cbegin() + static_cast<std::ptrdiff_t>(i), count);
    }
}

}  // namespace

value_change parse_value_change(std::string_view text) {
    const std::string_view t = trim(text);
    if (t.empty()) reject(fmt::format("a change needs a value: {}", change_forms));
    const std::string_view rest = t.substr(1);
    const bool signed_rest = !rest.empty() && (rest.front() == '+' || rest.front() == '-');
    if (t.front() == '*') {
        const std::optional<double> factor = parse_number(trim(rest));
        if (!factor || !std::isfinite(*factor) || signed_rest)
            reject(fmt::format("'{}' is not a factor; write {}", t, change_forms));
        return {change_kind::relative, std::string(t)};
    }
    if (t.front() == '+' || t.front() == '-') {
        if (!parse_duration(rest) || signed_rest)
            reject(fmt::format("'{}' is not an amount; write {}", t, change_forms));
        return {change_kind::additive, std::string(t)};
    }
    return {change_kind::absolute, std::string(t)};
}

void apply_change(toml::table& document, std::string_view path, const value_change& change) {
    const std::vector<std::string_view> segments = split(path, '.');
    std::span<const key_spec> keys = scenario_keys();
    toml::table* table = &document;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const key_spec& spec = key_at(segments, i, keys);
        const std::string here = joined(segments, i + 1);
        const bool last = i + 1 == segments.size();
        if (spec.kind == value_kind::array) {
            if (spec.element == value_kind::day_or_range && last) {
                set_day_list(*table, spec, here, change);
                return;
            }
            if (spec.element == value_kind::integer && last) {
                change_each_count(*table, spec, here, change);
                return;
            }
            reject(fmt::format("'{}' is a list and cannot be varied", here));
        }
        if (spec.kind == value_kind::date_table) {
            set_date_entry(*table, spec, segments, i + 1, change);
            return;
        }
        if (spec.by_weekday) {
            toml::node* node = table->get(spec.name);
            if (!last) {
                set_weekday_time(*table, spec, segments, i + 1, change);
                return;
            }
            if (node && node->is_table() && change.kind != change_kind::absolute) {
                change_every_weekday(*node->as_table(), spec, here, change);
                return;
            }
        }
        if (spec.kind == value_kind::table || spec.kind == value_kind::table_array) {
            if (spec.kind == value_kind::table) {
                if (!last) table = &descend(*table, spec, here);
            } else {
                if (last)
                    reject(fmt::format("'{}' holds tables; name one: {}", here,
                                       list_or_none(element_names(*table, spec))));
                table = &element_at(*table, spec, segments, ++i);
            }
            keys = spec.keys;
            if (i + 1 == segments.size())
                reject(fmt::format("'{}' is a table; name one of its keys: {}",
                                   joined(segments, i + 1), fmt::join(key_names(keys), ", ")));
            continue;
        }
        if (!last) unknown(segments, i + 1, {}, fmt::format("'{}' is a value, not a table", here));
        if (spec.name == "name" || spec.name == "include")
            reject(fmt::format("'{}' cannot be varied", here));
        if (spec.name == "agents" && find_key(keys, "shift") && !table->contains("agents") &&
            (table->contains("shift") || table->contains("tour"))) {
            change_every_line(*table, keys, joined(segments, i), change);
            return;
        }
        set_value(*table, spec, here, change);
        return;
    }
}

loaded_scenario load_scenario_with_changes(
    const std::filesystem::path& file,
    const std::vector<std::pair<std::string, value_change>>& changes) {
    scenario_document document = read_scenario_document(file);
    for (const auto& [path, change] : changes) apply_change(document.table, path, change);
    return build_scenario(document);
}

}  // namespace ccsim::io
