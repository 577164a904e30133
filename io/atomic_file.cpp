#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>

#include "core/errors.hpp"

namespace ccsim::io {

namespace {

constexpr std::string_view cannot_write = "cannot write the file";

// Writes all of `text` to `path` (created or truncated); returns 0 or the errno of the first
// failure, the close included (NFS and full disks report there).
int write_whole(const std::filesystem::path& path, std::string_view text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return errno;
    int failure = 0;
    for (std::size_t done = 0; done < text.size() && failure == 0;) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n > 0)
            done += static_cast<std::size_t>(n);
        else if (n < 0 && errno != EINTR)
            failure = errno;
    }
    if (::close(fd) != 0 && failure == 0) failure = errno;
    return failure;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
    std::error_code status_failure;
    const std::filesystem::file_status status = std::filesystem::status(path, status_failure);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        if (std::filesystem::is_directory(status))
            throw output_error(path.string(), cannot_write, EISDIR);
        if (const int failure = write_whole(path, text))
            throw output_error(path.string(), cannot_write, failure);
        return;
    }
    std::filesystem::path temporary = path;
    temporary += fmt::format(".tmp{}", ::getpid());
    if (const int failure = write_whole(temporary, text)) {
        ::unlink(temporary.c_str());  // a partial temporary (full disk) must not stay behind
        throw output_error(path.string(), cannot_write, failure);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int failure = errno;
        ::unlink(temporary.c_str());
        throw output_error(path.string(), cannot_write, failure);
    }
}

}  // namespace ccsim::io
