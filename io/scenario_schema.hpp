#pragma once
// The keys a scenario file may hold: for each table its keys with their kinds, defaults and
// ranges. This one table drives the unknown-key, type and range checks, the defaults of the
// loader, the merge of included files and the key paths of --vary, so they cannot disagree.
#include <toml++/toml.h>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

enum class value_kind {
    string,
    number,        // an integer or a float
    integer,       // a whole number
    duration,      // "15s", "30min" or a number of seconds
    time_of_day,   // "08:30"
    date,          // 2026-03-02 (a TOML local date) or "2026-03-02"
    day_or_date,   // a date, or a weekday "Mon" (full names and any case too)
    day_or_range,  // a weekday "Mon", a range "Mon-Fri" or a date
    table,
    table_array,  // [[queue]]: tables addressed, and merged, by name
    date_table,   // { "2026-03-05" = ... }: a table keyed by dates, each value of kind `element`
    array,        // a plain array, replaced whole by an override
    boolean,      // true or false
};

struct bound {
    double value = 0.0;
    bool inclusive = true;
};

struct key_spec {
    std::string_view name;
    value_kind kind = value_kind::string;
    std::string_view fallback;  // the default as a file would write it; empty: none or inferred
    std::optional<bound> low;   // arrays: for each element
    std::optional<bound> high;
    bool required = false;
    std::span<const key_spec> keys;             // tables, table arrays, table elements of arrays
    std::span<const std::string_view> choices;  // strings limited to these words
    value_kind element = value_kind::number;    // arrays and date tables: the kind of each value
    bool or_none = false;                       // a table that may also be the string "none"
    bool or_name = false;       // array elements: a table, or only a name (a string)
    std::string_view unnamed;   // table arrays: unnamed elements are called unnamed1, unnamed2...
    std::size_t min_count = 0;  // arrays and table arrays: the fewest elements
    std::optional<std::size_t> max_count;  // table arrays: the most elements (core/limits.hpp)
    bool wide = false;                     // integers: beyond int (a seed); others must fit an int
    bool by_weekday = false;  // also a table of such values keyed by weekday ({ Mon = ... })
    double slip_below = 0.0;  // durations: a bare number of seconds below this is warned about
};

/// The top-level keys of a scenario file.
std::span<const key_spec> scenario_keys();

const key_spec* find_key(std::span<const key_spec> keys, std::string_view name);
std::vector<std::string> key_names(std::span<const key_spec> keys);

/// "parent.name", or "name" at the top level.
std::string join_key(std::string_view parent, std::string_view name);

/// The name an element of a table array goes by: its `name`, or "shift2" for an unnamed second
/// shift; nullopt when it has neither.
std::optional<std::string> element_name(const toml::node& element, std::size_t index,
                                        const key_spec& array);

/// The key path of an element of a table array: "queue.hotline", or "queue[2]" (counting from
/// 1) when it has no name.
std::string element_path(std::string_view array_path, const toml::node& element, std::size_t index,
                         const key_spec& array);

/// Checks a merged document: unknown keys, kinds, ranges, required keys and duplicate names.
/// Throws scenario_error for the first problem, tables read in file order.
void check_document(const toml::table& document);

/// Checks one value, and everything inside it, against its key.
void check_value(const toml::node& node, const std::string& key_path, const key_spec& spec);

/// The rule a value breaks when out of range: "must be > 0", "must be in [0, 1)".
std::string range_rule(const key_spec& spec);

/// The rule a value breaks when of the wrong kind: "must be a number".
std::string kind_rule(const key_spec& spec);

}  // namespace ccsim::io
