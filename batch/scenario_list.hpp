#pragma once
// The scenarios of a batch: files named directly and *.toml files found in folders, in a
// stable order, each with the folder its results go to.
#include <filesystem>
#include <string>
#include <vector>

namespace ccsim::batch {

struct scenario_item {
    std::filesystem::path file;
    std::string shown;  // the file as the user named it (or found it under a folder given)
    std::string name;   // its results folder under the output folder
};

/// Inputs in the order given; a folder is searched recursively for *.toml files, sorted by
/// path. A file's name is its stem; a file found in a folder is named by its path relative to
/// that folder without the extension, '/' replaced by '_' ("north_hotline"). A name used
/// before gets a suffix: "default_2". Throws config_error when an input does not exist
/// ("X: no such file or folder") or when no scenario file is found.
std::vector<scenario_item> collect_scenarios(const std::vector<std::string>& inputs);

}  // namespace ccsim::batch
