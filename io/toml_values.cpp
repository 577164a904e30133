#include "io/toml_values.hpp"

#include <fmt/format.h>
#include <cmath>
#include <sstream>

namespace ccsim::io {

file_location location_of(const toml::source_region& source) {
    return {source.path ? *source.path : std::string(), static_cast<int>(source.begin.line),
            static_cast<int>(source.begin.column)};
}

file_location location_of(const toml::node& node) {
    return location_of(node.source());
}

namespace {

std::string written_float(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    std::string text = fmt::format("{}", value);
    // TOML tells 3.0 from 3; so must the message, or "must be a whole number (got 3)" confuses.
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

}  // namespace

std::string written(const toml::node& node) {
    if (const auto* s = node.as_string()) return fmt::format("'{}'", s->get());
    if (const auto* i = node.as_integer()) return fmt::format("{}", i->get());
    if (const auto* f = node.as_floating_point()) return written_float(f->get());
    if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
    if (node.is_table()) return "a table";
    // A long array (a head count per interval of a week) fits one line: its first values and
    // how many there are.
    if (const auto* a = node.as_array(); a && a->size() > 8) {
        std::string shown;
        for (std::size_t i = 0; i < 3; ++i) shown += written((*a)[i]) + ", ";
        return fmt::format("[ {}... ] ({} values)", shown, a->size());
    }
    std::ostringstream out;
    node.visit([&](const auto& n) { out << n; });
    return out.str();
}

std::optional<double> as_number(const toml::node& node) {
    if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
    // Adding 0.0 reads -0.0 as 0, so that it never prints as "-0".
    if (const auto* f = node.as_floating_point()) return f->get() + 0.0;
    return std::nullopt;
}

std::optional<seconds> as_duration(const toml::node& node) {
    if (const auto* s = node.as_string()) return parse_duration(s->get());
    if (const std::optional<double> n = as_number(node); n && std::isfinite(*n)) return seconds{*n};
    return std::nullopt;
}

std::optional<seconds> as_time_of_day(const toml::node& node) {
    if (const auto* s = node.as_string()) return parse_time_of_day(s->get());
    if (const auto* t = node.as_time()) {
        const toml::time& v = t->get();
        return seconds{v.hour * 3600.0 + v.minute * 60.0 + v.second + v.nanosecond * 1e-9};
    }
    return std::nullopt;
}

std::optional<civil_date> as_date(const toml::node& node) {
    if (const auto* s = node.as_string()) return parse_date(s->get());
    if (const auto* d = node.as_date()) {
        const toml::date& v = d->get();
        return make_date(v.year, v.month, v.day);
    }
    return std::nullopt;
}

std::optional<weekday> as_weekday(const toml::node& node) {
    if (const auto* s = node.as_string()) return parse_weekday(s->get());
    return std::nullopt;
}

}  // namespace ccsim::io
