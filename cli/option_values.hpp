#pragma once
// Converts option text to values, with errors that name the option, the rule and the value.
// Every number is read into a wide type (double, long), checked against its range, and only
// then converted, so that 4294967298 is never read as 2 nor 1e308h as infinity.
#include <limits>
#include <optional>
#include <string>

#include "core/duration.hpp"
#include "core/limits.hpp"
#include "report/output_format.hpp"

namespace ccsim::cli {

/// A duration in [0, limits::duration_seconds].
seconds duration_option(const std::string& option, const std::string& text);
/// A duration in (0, limits::duration_seconds].
seconds positive_duration_option(const std::string& option, const std::string& text);
/// A number in [0, maximum].
double non_negative_option(const std::string& option, const std::string& text, double maximum);
/// A number in (0, maximum].
double positive_option(const std::string& option, const std::string& text, double maximum);
/// A share strictly between 0 and 1.
double fraction_option(const std::string& option, const std::string& text);
/// A share in [0, 1).
double shrinkage_option(const std::string& option, const std::string& text);

/// A whole number in [minimum, maximum], read as a long first.
long whole_option(const std::string& option, const std::string& text, long minimum, long maximum);

/// The same, converted to T once in range (the range must fit T).
template <class T>
T count_option(const std::string& option, const std::string& text, T minimum, T maximum) {
    static_assert(std::numeric_limits<T>::max() >= 0);
    return static_cast<T>(
        whole_option(option, text, static_cast<long>(minimum), static_cast<long>(maximum)));
}

/// table, csv or json (the commands without reports).
report::output_format format_option(const std::string& text);
/// table, csv, json or html.
report::output_format report_format_option(const std::string& text);

}  // namespace ccsim::cli
