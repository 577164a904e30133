#include "core/errors.hpp"

#include <fmt/format.h>
#include <system_error>

namespace ccsim {

std::string to_string(const file_location& where) {
    std::string text = where.file;
    if (where.line > 0) text += fmt::format(":{}", where.line);
    if (where.line > 0 && where.column > 0) text += fmt::format(":{}", where.column);
    return text;
}

namespace {
std::string compose(const file_location& where, const std::string& key, const std::string& rule,
                    const std::string& value) {
    std::string text = to_string(where);
    if (!text.empty()) text += ": ";
    if (!key.empty()) text += key + ": ";
    text += rule;
    if (!value.empty()) text += fmt::format(" (got {})", value);
    return text;
}
}  // namespace

scenario_error::scenario_error(file_location where, std::string key, std::string rule,
                               std::string value)
    : error(compose(where, key, rule, value)), where_(std::move(where)), key_(std::move(key)) {}

output_error::output_error(const std::string& path, std::string_view what, int system_error)
    : error(fmt::format("{}: {}: {}", path, what, std::generic_category().message(system_error))) {}

}  // namespace ccsim
