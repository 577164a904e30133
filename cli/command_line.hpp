#pragma once
// Shared plumbing for subcommands: parsing argv with Boost.Program_options and turning its
// errors into config_error with a "did you mean" for misspelt options.
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ccsim::cli {

namespace po = boost::program_options;

/// What `ccsim COMMAND --help` says besides the options.
struct command_help {
    const char* name;   // "simulate"
    const char* usage;  // the usage line(s), after "Usage: "
    const char* about;  // what the command does
};

/// Parses `args` (without the program and subcommand names), adding --help itself. With
/// --help it prints the usage, description and options and returns nullopt: the command has
/// nothing more to do. Throws config_error for a bad command line.
std::optional<po::variables_map> parse_or_help(
    const command_help& help, const std::vector<std::string>& args,
    po::options_description& options, const po::positional_options_description& positional = {});

/// The text of an optional string option, if given.
inline const std::string* given(const po::variables_map& values, const char* name) {
    return values.count(name) ? &values[name].as<std::string>() : nullptr;
}

/// Whether the user wrote the option (a default value does not count).
inline bool written(const po::variables_map& values, const char* name) {
    return values.count(name) > 0 && !values[name].defaulted();
}

}  // namespace ccsim::cli
