#include "io/input_file.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace ccsim::io {

std::optional<std::string> unreadable(const std::filesystem::path& path, std::string_view what) {
    std::error_code failure;
    if (std::filesystem::is_directory(path, failure))
        return fmt::format("is a folder, not a {}", what);
    if (!std::ifstream(path, std::ios::binary)) return fmt::format("cannot open the {}", what);
    return std::nullopt;
}

std::optional<std::string> read_input_file(const std::filesystem::path& path) {
    std::error_code failure;
    if (std::filesystem::is_directory(path, failure)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace ccsim::io
