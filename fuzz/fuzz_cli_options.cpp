// Command-line option parsing: the input is a command line (one argument per line, or split
// at blanks when it has no newline), parsed with the options simulate, whatif, batch, erlang
// and staff share, then read into values; each value parser also reads the whole input.
#include <sstream>
#include <vector>

#include "cli/option_values.hpp"
#include "cli/run_options.hpp"
#include "cli/target_options.hpp"
#include "fuzz_input.hpp"

namespace {

std::vector<std::string> arguments(const std::string& text) {
    std::vector<std::string> args;
    std::istringstream in(text);
    std::string arg;
    if (text.find('\n') != std::string::npos) {
        while (std::getline(in, arg, '\n')) args.push_back(arg);
    } else {
        while (in >> arg) args.push_back(arg);
    }
    return args;
}

constexpr ccsim::cli::command_help help{"fuzz", "fuzz [OPTIONS]", "option parsing"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ccsim::cli;
    const std::string text = ccsim::fuzz::text_of(data, size);
    ccsim::fuzz::expecting_input_errors([&] {
        po::options_description options("Options");
        add_replication_options(options);
        add_target_options(options);
        const std::optional<po::variables_map> values =
            parse_or_help(help, arguments(text), options);
        if (!values) return;
        read_replication_options(*values);
        read_targets(*values);
        read_staffing_options(*values);
    });
    using ccsim::fuzz::expecting_input_errors;
    expecting_input_errors([&] { duration_option("d", text); });
    expecting_input_errors([&] { positive_duration_option("d", text); });
    expecting_input_errors([&] { non_negative_option("n", text, 1e6); });
    expecting_input_errors([&] { positive_option("n", text, 1e6); });
    expecting_input_errors([&] { fraction_option("f", text); });
    expecting_input_errors([&] { shrinkage_option("f", text); });
    expecting_input_errors([&] { count_option("c", text, 1, 10'000'000); });
    expecting_input_errors([&] { report_format_option(text); });
    return 0;
}
