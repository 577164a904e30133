#include "cli/command_line.hpp"

#include <fmt/format.h>
#include <iostream>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace ccsim::cli {

namespace {
std::string suggestion(const std::string& bad, const po::options_description& options) {
    std::vector<std::string> names;
    for (const auto& option : options.options()) names.push_back("--" + option->long_name());
    const std::string hint = closest_match(bad, names);
    return hint.empty() ? std::string() : fmt::format("; did you mean '{}'?", hint);
}
}  // namespace

std::optional<po::variables_map> parse_or_help(
    const command_help& help, const std::vector<std::string>& args,
    po::options_description& options, const po::positional_options_description& positional) {
    const std::string command = help.name;
    options.add_options()("help,h", "show this help and exit");
    po::variables_map values;
    try {
        po::store(
            po::command_line_parser(args)
                .options(options)
                .positional(positional)
                .style(po::command_line_style::unix_style ^ po::command_line_style::allow_guessing)
                .run(),
            values);
        po::notify(values);
    } catch (const po::unknown_option& e) {
        throw config_error(fmt::format("ccsim {}: unknown option '{}'{}", command,
                                       e.get_option_name(),
                                       suggestion(e.get_option_name(), options)));
    } catch (const po::too_many_positional_options_error&) {
        throw config_error(
            fmt::format("ccsim {}: too many arguments (see ccsim {} --help)", command, command));
    } catch (const po::error& e) {
        throw config_error(fmt::format("ccsim {}: {}", command, e.what()));
    }
    if (values.count("help") == 0) return values;
    std::cout << "Usage: " << help.usage << "\n\n" << help.about << "\n\n" << options;
    return std::nullopt;
}

}  // namespace ccsim::cli
