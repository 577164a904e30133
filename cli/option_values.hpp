#pragma once
// Converts option text to values, with errors that name the option, the rule and the value.
#include <optional>
#include <string>

#include "core/duration.hpp"
#include "report/output_format.hpp"

namespace ccsim::cli {

seconds duration_option(const std::string& option, const std::string& text);
/// A duration that must be > 0.
seconds positive_duration_option(const std::string& option, const std::string& text);
/// A number >= 0.
double non_negative_option(const std::string& option, const std::string& text);
/// A number > 0.
double positive_option(const std::string& option, const std::string& text);
/// A share strictly between 0 and 1.
double fraction_option(const std::string& option, const std::string& text);
/// A share in [0, 1).
double shrinkage_option(const std::string& option, const std::string& text);
/// A whole number >= minimum.
long count_option(const std::string& option, const std::string& text, long minimum);
/// table, csv or json (the commands without reports).
report::output_format format_option(const std::string& text);
/// table, csv, json or html.
report::output_format report_format_option(const std::string& text);

}  // namespace ccsim::cli
