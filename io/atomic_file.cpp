#include "io/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <cstdio>
#include <fstream>

#include "core/errors.hpp"

namespace ccsim::io {

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
    std::filesystem::path temporary = path;
    temporary += fmt::format(".tmp{}", ::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw error(fmt::format("{}: cannot write the file", temporary.string()));
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) throw error(fmt::format("{}: cannot write the file", temporary.string()));
    }
    std::error_code failure;
    std::filesystem::rename(temporary, path, failure);
    if (failure) {
        std::filesystem::remove(temporary, failure);
        throw error(fmt::format("{}: cannot write the file", path.string()));
    }
}

}  // namespace ccsim::io
