#pragma once
// Composition of scenario files: `include = "base.toml"` reads a base scenario, relative to the
// including file, and the including file's values override it. Tables (a tour's dates too)
// merge key by key, the table arrays [[queue]], [[group]], [[group.shift]] and [[group.tour]]
// merge element by element by name, and plain arrays and weekday tables of times are replaced
// whole. Every value keeps the file, line and column it came from.
#include <toml++/toml.h>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

/// A scenario file with its includes merged in, not yet checked.
struct scenario_document {
    toml::table table;
    std::string file;                  // the top file, as named
    std::vector<std::string> sources;  // every scenario file read, the top file first
    std::map<std::string, std::filesystem::path> folders;  // file -> folder its paths are in

    /// A path written in the file as `node`, made relative to that file's folder. A node made
    /// in memory (by --vary) keeps its path as given, relative to the working directory.
    std::filesystem::path resolve(const toml::node& node, std::string_view written) const;
};

/// Reads a scenario file and its includes. Throws scenario_error for syntax errors, missing
/// includes, include cycles and overrides of elements the base does not define.
scenario_document read_scenario_document(const std::filesystem::path& file);

/// The same for text in memory: `name` appears in errors, `base_dir` is where its include and
/// relative paths are looked up.
scenario_document parse_scenario_document(const std::string& text, const std::string& name,
                                          const std::filesystem::path& base_dir);

}  // namespace ccsim::io
