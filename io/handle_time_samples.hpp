#pragma once
// Observed handle times for an empirical distribution: a text or CSV file with one handle
// time in seconds per line (the first field of a CSV line). A first line that is not a number
// is a header; blank lines and lines starting with # are skipped.
#include <filesystem>
#include <string>
#include <vector>

namespace ccsim::io {

/// The samples as written. Throws scenario_error with the file's line for a value that is not
/// a number >= 0, for a file without samples, and for one whose samples are all 0.
std::vector<double> read_handle_time_samples(const std::filesystem::path& file);

/// The same for text in memory; `name` appears in errors.
std::vector<double> parse_handle_time_samples(const std::string& text, const std::string& name);

}  // namespace ccsim::io
