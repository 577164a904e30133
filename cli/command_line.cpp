#include "cli/command_line.hpp"

#include <fmt/format.h>
#include <sstream>

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

parsed_command parse_command(const std::string& command, const std::vector<std::string>& args,
                             po::options_description& options,
                             const po::positional_options_description& positional) {
    options.add_options()("help,h", "show this help and exit");
    parsed_command parsed;
    try {
        po::store(
            po::command_line_parser(args)
                .options(options)
                .positional(positional)
                .style(po::command_line_style::unix_style ^ po::command_line_style::allow_guessing)
                .run(),
            parsed.values);
        po::notify(parsed.values);
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
    parsed.help = parsed.values.count("help") > 0;
    return parsed;
}

std::string help_text(const std::string& usage, const std::string& about,
                      const po::options_description& options) {
    std::ostringstream out;
    out << "Usage: " << usage << "\n\n" << about << "\n\n" << options;
    return out.str();
}

}  // namespace ccsim::cli
