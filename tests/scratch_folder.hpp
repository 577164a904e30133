#pragma once
// A fresh folder under the system's temporary folder for one test, removed at its end.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace ccsim::test {

/// temp/ccsim_test_NAME_PID: one per test and process, so that concurrent test runs do not
/// collide.
struct scratch_folder {
    std::filesystem::path path;
    explicit scratch_folder(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               ("ccsim_test_" + name + "_" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~scratch_folder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;

    /// Writes TEXT to RELATIVE inside the folder, creating its folders; returns its path.
    std::filesystem::path write(const std::string& relative, const std::string& text) const {
        const std::filesystem::path file = path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }
};

}  // namespace ccsim::test
