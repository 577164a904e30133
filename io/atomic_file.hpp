#pragma once
// Writes a file so that readers see either the old file or the complete new one, never a
// half-written one: the text goes to a temporary file in the same folder, which is then
// renamed over the target. A run killed midway leaves no truncated results behind.
#include <filesystem>
#include <string_view>

namespace ccsim::io {

/// Throws ccsim::error naming the path when the file cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace ccsim::io
