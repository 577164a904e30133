// Failed writes (issue 14, item 3): an output_error naming the path and the system's reason,
// and no temporary file left behind, whatever failed.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"

using namespace ccsim;
namespace fs = std::filesystem;

namespace {

struct temporary_folder {
    fs::path path;
    temporary_folder() {
        path = fs::temp_directory_path() / ("ccsim_atomic_" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temporary_folder() {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {}));
    }
};

std::string write_error_of(const fs::path& path, const std::string& text = "x\n") {
    try {
        io::write_file_atomically(path, text);
    } catch (const output_error& e) {
        return e.what();
    }
    return "no error";
}

std::string contents(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("an atomic write replaces the file whole and leaves nothing else") {
    temporary_folder folder;
    const fs::path file = folder.path / "out.csv";
    io::write_file_atomically(file, "old\n");
    io::write_file_atomically(file, "new\n");
    CHECK(contents(file) == "new\n");
    CHECK(folder.entries() == 1);
}

TEST_CASE("a path under a regular file: ENOTDIR, named, no temporary") {
    temporary_folder folder;
    const fs::path file = folder.path / "plain";
    io::write_file_atomically(file, "x\n");
    CHECK(write_error_of(file / "out.csv") ==
          (file / "out.csv").string() + ": cannot write the file: Not a directory");
    CHECK(folder.entries() == 1);
}

TEST_CASE("a full disk: /dev/full fails with ENOSPC, for root too") {
    if (!fs::exists("/dev/full")) return;
    CHECK(write_error_of("/dev/full") ==
          "/dev/full: cannot write the file: No space left on device");
    CHECK(fs::is_character_file("/dev/full"));  // written in place, never renamed over
}

TEST_CASE("a folder where the file should be") {
    temporary_folder folder;
    CHECK(write_error_of(folder.path) ==
          folder.path.string() + ": cannot write the file: Is a directory");
    CHECK(folder.entries() == 0);
}

TEST_CASE("a read-only folder: EACCES and no temporary (skipped as root, who may write)") {
    if (::geteuid() == 0) return;
    temporary_folder folder;
    fs::permissions(folder.path, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(write_error_of(folder.path / "out.csv") ==
          (folder.path / "out.csv").string() + ": cannot write the file: Permission denied");
    fs::permissions(folder.path, fs::perms::owner_all);
    CHECK(folder.entries() == 0);
}
