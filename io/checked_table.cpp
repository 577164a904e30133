#include "io/checked_table.hpp"

#include <fmt/format.h>
#include <cassert>
#include <stdexcept>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

template <typename T>
T must(std::optional<T> value, std::string_view key) {
    // check_document passed every value and the schema's defaults are well formed.
    if (!value)
        throw std::logic_error("scenario key without a value or default: " + std::string(key));
    return *value;
}

}  // namespace

checked_table::checked_table(const toml::table* table, const toml::node* owner, std::string path,
                             std::span<const key_spec> keys)
    : table_(table), owner_(owner), path_(std::move(path)), keys_(keys) {}

const toml::node* checked_table::node(std::string_view name) const {
    return table_ ? table_->get(name) : nullptr;
}

std::string_view checked_table::fallback(std::string_view name) const {
    const key_spec* spec = find_key(keys_, name);
    assert(spec && "a key the schema does not know");
    return spec ? spec->fallback : std::string_view();
}

std::optional<double> checked_table::given_number(std::string_view name) const {
    const toml::node* n = node(name);
    return n ? as_number(*n) : std::nullopt;
}

std::optional<long> checked_table::given_integer(std::string_view name) const {
    const toml::node* n = node(name);
    if (!n || !n->is_integer()) return std::nullopt;
    return static_cast<long>(n->as_integer()->get());
}

std::optional<seconds> checked_table::given_duration(std::string_view name) const {
    const toml::node* n = node(name);
    return n ? as_duration(*n) : std::nullopt;
}

std::optional<seconds> checked_table::given_time_of_day(std::string_view name) const {
    const toml::node* n = node(name);
    return n ? as_time_of_day(*n) : std::nullopt;
}

std::optional<std::string> checked_table::given_text(std::string_view name) const {
    const toml::node* n = node(name);
    if (!n || !n->is_string()) return std::nullopt;
    return n->as_string()->get();
}

double checked_table::number(std::string_view name) const {
    if (auto v = given_number(name)) return *v;
    return must(parse_number(fallback(name)), key(name));
}

long checked_table::integer(std::string_view name) const {
    if (auto v = given_integer(name)) return *v;
    return must(parse_integer(fallback(name)), key(name));
}

bool checked_table::flag(std::string_view name) const {
    if (const toml::node* n = node(name); n && n->is_boolean()) return n->as_boolean()->get();
    return must(fallback(name) == "true"    ? std::optional<bool>(true)
                : fallback(name) == "false" ? std::optional<bool>(false)
                                            : std::nullopt,
                key(name));
}

seconds checked_table::duration(std::string_view name) const {
    if (auto v = given_duration(name)) return *v;
    return must(parse_duration(fallback(name)), key(name));
}

seconds checked_table::time_of_day(std::string_view name) const {
    if (auto v = given_time_of_day(name)) return *v;
    return must(parse_time_of_day(fallback(name)), key(name));
}

std::string checked_table::text(std::string_view name) const {
    if (auto v = given_text(name)) return *v;
    const std::string_view f = fallback(name);
    return must(f.empty() ? std::nullopt : std::optional<std::string>(f), key(name));
}

checked_table checked_table::table(std::string_view name) const {
    const key_spec* spec = find_key(keys_, name);
    assert(spec && spec->kind == value_kind::table);
    const toml::node* n = node(name);
    const toml::table* sub = n ? n->as_table() : nullptr;
    return checked_table(sub, sub ? sub : (table_ ? table_ : owner_), key(name),
                         spec ? spec->keys : std::span<const key_spec>());
}

std::vector<checked_table> checked_table::elements(std::string_view name) const {
    std::vector<checked_table> result;
    const key_spec* spec = find_key(keys_, name);
    assert(spec && spec->kind == value_kind::table_array);
    const toml::node* n = node(name);
    if (!spec || !n || !n->is_array()) return result;
    const toml::array& array = *n->as_array();
    for (std::size_t i = 0; i < array.size(); ++i)
        result.emplace_back(array[i].as_table(), &array[i],
                            element_path(key(name), array[i], i, *spec), spec->keys);
    return result;
}

std::vector<checked_table> checked_table::array_elements(std::string_view name) const {
    std::vector<checked_table> result;
    const key_spec* spec = find_key(keys_, name);
    assert(spec && spec->kind == value_kind::array);
    const toml::node* n = node(name);
    if (!spec || !n || !n->is_array()) return result;
    const toml::array& array = *n->as_array();
    for (std::size_t i = 0; i < array.size(); ++i)
        result.emplace_back(array[i].as_table(), &array[i], fmt::format("{}[{}]", key(name), i + 1),
                            spec->keys);
    return result;
}

file_location checked_table::where() const {
    if (table_) return location_of(*table_);
    if (owner_) return location_of(*owner_);
    return {};
}

void checked_table::fail(std::string_view name, std::string rule) const {
    if (const toml::node* n = node(name))
        throw scenario_error(location_of(*n), key(name), std::move(rule), written(*n));
    throw scenario_error(where(), key(name), std::move(rule));
}

void checked_table::fail_here(std::string rule) const {
    throw scenario_error(where(), path_, std::move(rule));
}

}  // namespace ccsim::io
