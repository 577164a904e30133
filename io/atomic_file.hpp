#pragma once
// Writes a file so that readers see either the old file or the complete new one, never a
// half-written one: the text goes to a temporary file in the same folder, which is then
// renamed over the target. A run killed midway leaves no truncated results behind, and a
// failed write (a read-only folder, a full disk) leaves no temporary behind either.
#include <filesystem>
#include <string_view>

namespace ccsim::io {

/// Throws ccsim::output_error naming the path and the system's reason ("No space left on
/// device") when the file cannot be written. A target that exists and is not a regular file
/// (/dev/stdout, /dev/full, a pipe) is written in place: it cannot be replaced by a rename.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace ccsim::io
