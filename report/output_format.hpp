#pragma once
// The three ways a command prints its records: an aligned text table, CSV, JSON.
#include <optional>
#include <string_view>

namespace ccsim::report {

enum class output_format { table, csv, json };

/// "table", "csv" or "json"; nullopt for anything else.
std::optional<output_format> parse_output_format(std::string_view text);

}  // namespace ccsim::report
