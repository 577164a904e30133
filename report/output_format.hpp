#pragma once
// The ways a command prints its results: an aligned text table, CSV, JSON, or an HTML report
// with charts (simulate, staff, whatif, batch).
#include <optional>
#include <string_view>

namespace ccsim::report {

enum class output_format { table, csv, json, html };

/// "table", "csv", "json" or "html"; nullopt for anything else.
std::optional<output_format> parse_output_format(std::string_view text);

}  // namespace ccsim::report
