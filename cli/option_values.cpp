#include "cli/option_values.hpp"

#include <fmt/format.h>
#include <cmath>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace ccsim::cli {

namespace {
[[noreturn]] void reject(const std::string& option, std::string_view rule,
                         const std::string& text) {
    throw config_error(fmt::format("--{}: {} (got '{}')", option, rule, text));
}

// A finite number, negative zero read as zero; nan, inf and 1e999 break `rule`.
double number(const std::string& option, const std::string& text, std::string_view rule) {
    const std::optional<double> value = parse_number(trim(text));
    if (!value || !std::isfinite(*value)) reject(option, rule, text);
    return *value + 0.0;
}

// A duration in [0, limits::duration_seconds]; `low_open` excludes 0.
seconds bounded_duration(const std::string& option, const std::string& text, bool low_open) {
    const std::optional<seconds> value = parse_duration(text);
    if (!value) reject(option, fmt::format("must be {}", duration_rule), text);
    const std::string rule =
        fmt::format("must be a duration {} 0 and at most {}",
                    low_open ? ">" : ">=", format_duration(seconds{limits::duration_seconds}));
    const double s = value->count();
    if (low_open ? !(s > 0.0) : s < 0.0) reject(option, rule, text);
    if (s > limits::duration_seconds) reject(option, rule, text);
    return *value;
}
}  // namespace

seconds duration_option(const std::string& option, const std::string& text) {
    return bounded_duration(option, text, false);
}

seconds positive_duration_option(const std::string& option, const std::string& text) {
    return bounded_duration(option, text, true);
}

double non_negative_option(const std::string& option, const std::string& text, double maximum) {
    const std::string rule = fmt::format("must be a number in [0, {}]", maximum);
    const double value = number(option, text, rule);
    if (value < 0.0 || value > maximum) reject(option, rule, text);
    return value;
}

double positive_option(const std::string& option, const std::string& text, double maximum) {
    const std::string rule = fmt::format("must be a number in (0, {}]", maximum);
    const double value = number(option, text, rule);
    if (!(value > 0.0) || value > maximum) reject(option, rule, text);
    return value;
}

double fraction_option(const std::string& option, const std::string& text) {
    constexpr std::string_view rule = "must be a share strictly between 0 and 1, such as 0.9";
    const double value = number(option, text, rule);
    if (!(value > 0.0 && value < 1.0)) reject(option, rule, text);
    return value;
}

double shrinkage_option(const std::string& option, const std::string& text) {
    constexpr std::string_view rule = "must be a share in [0, 1), such as 0.3";
    const double value = number(option, text, rule);
    if (!(value >= 0.0 && value < 1.0)) reject(option, rule, text);
    return value;
}

long whole_option(const std::string& option, const std::string& text, long minimum, long maximum) {
    const std::string rule = fmt::format("must be a whole number from {} to {}", minimum, maximum);
    // Read as a long (64 bits): a value beyond even that fails to parse, and is out of range.
    const std::optional<long> value = parse_integer(trim(text));
    if (!value || *value < minimum || *value > maximum) reject(option, rule, text);
    return *value;
}

report::output_format format_option(const std::string& text) {
    const std::optional<report::output_format> format = report::parse_output_format(text);
    if (!format || *format == report::output_format::html)
        reject("format", "must be table, csv or json", text);
    return *format;
}

report::output_format report_format_option(const std::string& text) {
    const std::optional<report::output_format> format = report::parse_output_format(text);
    if (!format) reject("format", "must be table, csv, json or html", text);
    return *format;
}

}  // namespace ccsim::cli
