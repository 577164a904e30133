#include "io/duration_slips.hpp"

#include <fmt/format.h>

#include "core/bare_seconds.hpp"
#include "core/errors.hpp"
#include "io/scenario_schema.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

// The value as its author wrote it, when it is a number or a string.
std::string as_written(const toml::node& node) {
    if (const auto* s = node.as_string()) return s->get();
    if (const auto* i = node.as_integer()) return fmt::format("{}", i->get());
    if (const auto* f = node.as_floating_point()) return fmt::format("{}", f->get());
    return {};
}

void look_in(const toml::table& table, const std::string& path, std::span<const key_spec> keys,
             std::vector<std::string>& out) {
    for (const key_spec& spec : keys) {
        const toml::node* node = table.get(spec.name);
        if (!node) continue;
        const std::string here = join_key(path, spec.name);
        if (spec.kind == value_kind::table) {
            if (const toml::table* t = node->as_table()) look_in(*t, here, spec.keys, out);
        } else if (spec.kind == value_kind::table_array ||
                   (spec.kind == value_kind::array && spec.element == value_kind::table)) {
            const toml::array* array = node->as_array();
            for (std::size_t e = 0; array && e < array->size(); ++e)
                if (const toml::table* t = (*array)[e].as_table())
                    look_in(*t,
                            spec.kind == value_kind::table_array
                                ? element_path(here, (*array)[e], e, spec)
                                : fmt::format("{}[{}]", here, e + 1),
                            spec.keys, out);
        } else if (spec.kind == value_kind::duration && spec.slip_below > 0.0) {
            const std::string advice = bare_seconds_advice(as_written(*node), spec.slip_below);
            if (!advice.empty())
                out.push_back(
                    fmt::format("{}: {}: {}", to_string(location_of(*node)), here, advice));
        }
    }
}

}  // namespace

std::vector<std::string> duration_slips(const toml::table& document) {
    std::vector<std::string> out;
    look_in(document, "", scenario_keys(), out);
    return out;
}

}  // namespace ccsim::io
