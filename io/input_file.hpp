#pragma once
// Reading an input file whole, with the reason when it cannot be: a folder given where a file
// is expected says so (an ifstream opens a folder and reads nothing, which used to surface as
// "file is empty" or "needs at least one [[queue]] table").
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ccsim::io {

/// Why `path` cannot be read as a `what` ("forecast file"): "is a folder, not a forecast
/// file", "cannot open the forecast file"; nullopt when it can be read.
std::optional<std::string> unreadable(const std::filesystem::path& path, std::string_view what);

/// The file's text; nullopt when unreadable() gives a reason.
std::optional<std::string> read_input_file(const std::filesystem::path& path);

}  // namespace ccsim::io
