#pragma once
// Shared plumbing for subcommands: parsing argv with Boost.Program_options and turning its
// errors into config_error with a "did you mean" for misspelt options.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace ccsim::cli {

namespace po = boost::program_options;

struct parsed_command {
    po::variables_map values;
    bool help = false;
};

/// Parses `args` (without the program and subcommand names). Adds --help itself.
parsed_command parse_command(const std::string& command, const std::vector<std::string>& args,
                             po::options_description& options,
                             const po::positional_options_description& positional = {});

/// The --help text: usage line, description, options.
std::string help_text(const std::string& usage, const std::string& about,
                      const po::options_description& options);

/// The text of an optional string option, if given.
inline const std::string* given(const po::variables_map& values, const char* name) {
    return values.count(name) ? &values[name].as<std::string>() : nullptr;
}

}  // namespace ccsim::cli
