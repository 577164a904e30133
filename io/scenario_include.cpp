#include "io/scenario_include.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <set>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/input_file.hpp"
#include "io/scenario_schema.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace fs = std::filesystem;

namespace {

struct file_in_chain {
    std::string identity;  // canonical path, to recognise a file however it is named
    std::string name;      // as named, for messages
};

std::string identity_of(const fs::path& file) {
    std::error_code ignored;
    const fs::path canonical = fs::weakly_canonical(file, ignored);
    return (canonical.empty() ? file : canonical).string();
}

// The text of line `number` (from 1), without its end.
std::string_view line_of(std::string_view text, std::size_t number) {
    std::size_t start = 0;
    for (std::size_t n = 1; n < number && start != std::string_view::npos; ++n) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > text.size()) return {};
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// A time of day written bare (open = 08:00) is not TOML, and the parser's words ("expected
// ':'") do not say what to do: the advice, when the line holds a key = H:MM value unquoted.
std::string unquoted_time_advice(std::string_view line) {
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) return {};
    const std::string_view key = trim(line.substr(0, equals));
    const std::string_view value = trim(line.substr(equals + 1));
    std::size_t digits = 0;
    while (digits < value.size() && value[digits] >= '0' && value[digits] <= '9') ++digits;
    if (digits < 1 || digits > 2 || digits + 1 >= value.size() || value[digits] != ':') return {};
    const std::string_view time = value.substr(0, value.find_first_of(" \t#,}"));
    return fmt::format("; times of day are quoted strings: write {} = \"{}\"", key, time);
}

toml::table parse_toml(const std::string& text, const std::string& name) {
    try {
        return toml::parse(text, std::string_view(name));
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        throw scenario_error(
            {name, static_cast<int>(begin.line), static_cast<int>(begin.column)}, "",
            std::string(e.description()) + unquoted_time_advice(line_of(text, begin.line)));
    }
}

// Moves `node` into `table` under `key`, keeping the key's and the value's source (a copy would
// lose both: toml++ copies values, not where they were written).
void put(toml::table& table, const toml::key& key, toml::node& node) {
    table.erase(key.str());
    node.visit([&](auto& value) { table.insert(key, std::move(value)); });
}

void merge_tables(toml::table& base, toml::table& over, const std::string& path,
                  std::span<const key_spec> keys, const std::string& base_file);

void merge_elements(toml::array& base, toml::array& over, const std::string& path,
                    const key_spec& spec, const std::string& base_file) {
    std::vector<std::string> base_names;  // "" where an element has no name (checked later)
    for (std::size_t i = 0; i < base.size(); ++i)
        base_names.push_back(base[i].is_table() ? element_name(base[i], i, spec).value_or("") : "");
    std::set<std::string> seen;
    for (std::size_t j = 0; j < over.size(); ++j) {
        toml::node& element = over[j];
        const std::string element_key = fmt::format("{}[{}]", path, j + 1);
        if (!element.is_table())
            throw scenario_error(location_of(element), element_key, "must be a table",
                                 written(element));
        const toml::node* name_node = element.as_table()->get("name");
        if (name_node && !name_node->is_string())
            throw scenario_error(location_of(*name_node), element_key + ".name", "must be a string",
                                 written(*name_node));
        const std::optional<std::string> name = element_name(element, j, spec);
        const toml::node& at = name_node ? *name_node : element;
        if (!name)
            throw scenario_error(location_of(at), element_key, "missing required key 'name'");
        if (!seen.insert(*name).second)
            throw scenario_error(location_of(at), path, "duplicate name",
                                 fmt::format("'{}'", *name));
        const auto found = std::find(base_names.begin(), base_names.end(), *name);
        if (found == base_names.end()) {
            std::vector<std::string> defined;
            std::copy_if(base_names.begin(), base_names.end(), std::back_inserter(defined),
                         [](const std::string& n) { return !n.empty(); });
            throw scenario_error(
                location_of(at), join_key(path, *name),
                fmt::format(
                    "overrides a {} that {} does not define; it defines {}", spec.name, base_file,
                    defined.empty() ? "none" : fmt::format("{}", fmt::join(defined, ", "))));
        }
        toml::table& target =
            *base[static_cast<std::size_t>(found - base_names.begin())].as_table();
        merge_tables(target, *element.as_table(), join_key(path, *name), spec.keys, base_file);
    }
}

void merge_tables(toml::table& base, toml::table& over, const std::string& path,
                  std::span<const key_spec> keys, const std::string& base_file) {
    for (auto&& [key, node] : over) {
        const key_spec* spec = find_key(keys, key.str());
        toml::node* old = base.get(key.str());
        if (spec && old && spec->kind == value_kind::table && old->is_table() && node.is_table()) {
            merge_tables(*old->as_table(), *node.as_table(), join_key(path, key.str()), spec->keys,
                         base_file);
        } else if (spec && old && spec->kind == value_kind::date_table && old->is_table() &&
                   node.is_table()) {
            // Dates merge one by one: an override changes single days of a base roster.
            for (auto&& [date, value] : *node.as_table()) put(*old->as_table(), date, value);
        } else if (spec && old && spec->kind == value_kind::table_array && old->is_array() &&
                   node.is_array()) {
            merge_elements(*old->as_array(), *node.as_array(), join_key(path, key.str()), *spec,
                           base_file);
        } else {
            // New keys, plain values and plain arrays: the override wins whole.
            put(base, key, node);
        }
    }
}

toml::table load(const std::string& text, const std::string& name, const fs::path& folder,
                 std::vector<file_in_chain>& chain, scenario_document& document) {
    if (std::find(document.sources.begin(), document.sources.end(), name) == document.sources.end())
        document.sources.push_back(name);
    document.folders.emplace(name, folder);
    toml::table table = parse_toml(text, name);
    const toml::node* include = table.get("include");
    if (!include) return table;
    if (!include->is_string())
        throw scenario_error(location_of(*include), "include", "must be a string",
                             written(*include));
    const fs::path base_path = (folder / include->as_string()->get()).lexically_normal();
    const std::string base_name = base_path.string();
    const std::string identity = identity_of(base_path);
    const auto repeat = std::find_if(
        chain.begin(), chain.end(), [&](const file_in_chain& f) { return f.identity == identity; });
    if (repeat != chain.end()) {
        std::vector<std::string> cycle;
        for (auto it = repeat; it != chain.end(); ++it) cycle.push_back(it->name);
        cycle.push_back(base_name);
        throw scenario_error(location_of(*include), "include",
                             fmt::format("include cycle: {}", fmt::join(cycle, " -> ")),
                             written(*include));
    }
    const std::optional<std::string> base_text = read_input_file(base_path);
    if (!base_text)
        throw scenario_error(
            location_of(*include), "include",
            unreadable(base_path, "included file").value_or("cannot read the file"),
            written(*include));
    chain.push_back({identity, base_name});
    toml::table merged = load(*base_text, base_name, base_path.parent_path(), chain, document);
    chain.pop_back();
    table.erase("include");
    merge_tables(merged, table, "", scenario_keys(), base_name);
    return merged;
}

}  // namespace

fs::path scenario_document::resolve(const toml::node& node, std::string_view written) const {
    const fs::path path(written);
    if (path.is_absolute() || !node.source().path) return path;
    const auto folder = folders.find(*node.source().path);
    if (folder == folders.end()) return path;
    return (folder->second / path).lexically_normal();
}

scenario_document read_scenario_document(const fs::path& file) {
    const std::optional<std::string> text = read_input_file(file);
    if (!text)
        throw scenario_error({file.string(), 0, 0}, "",
                             unreadable(file, "scenario file").value_or("cannot read the file"));
    scenario_document document;
    document.file = file.string();
    std::vector<file_in_chain> chain{{identity_of(file), document.file}};
    document.table = load(*text, document.file, file.parent_path(), chain, document);
    return document;
}

scenario_document parse_scenario_document(const std::string& text, const std::string& name,
                                          const fs::path& base_dir) {
    scenario_document document;
    document.file = name;
    std::vector<file_in_chain> chain{{identity_of(base_dir / name), name}};
    document.table = load(text, name, base_dir, chain, document);
    return document;
}

}  // namespace ccsim::io
