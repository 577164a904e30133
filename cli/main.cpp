// ccsim: one executable, one subcommand per question a planner asks. This file only
// dispatches and maps the exception tree to exit codes (see core/errors.hpp).
#include <fmt/format.h>
#include <cerrno>
#include <iostream>
#include <string>
#include <vector>

#include "cli/batch_command.hpp"
#include "cli/calibrate_command.hpp"
#include "cli/erlang_command.hpp"
#include "cli/merge_command.hpp"
#include "cli/plan_command.hpp"
#include "cli/simulate_command.hpp"
#include "cli/staff_command.hpp"
#include "cli/whatif_command.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/version.hpp"

namespace {

using command_runner = int (*)(const std::vector<std::string>&);

struct command {
    const char* name;
    command_runner run;
    const char* summary;
};

constexpr command commands[] = {
    {"erlang", ccsim::cli::run_erlang_command,
     "closed-form figures (Erlang C / A) for one interval, or the agents a target needs"},
    {"staff", ccsim::cli::run_staff_command, "agents required in every interval of a forecast CSV"},
    {"simulate", ccsim::cli::run_simulate_command,
     "simulate a scenario's horizon (a day, a week...) or one queue, figures with confidence "
     "intervals"},
    {"whatif", ccsim::cli::run_whatif_command,
     "compare variants of a scenario (--vary KEY=V1,V2) with paired differences"},
    {"batch", ccsim::cli::run_batch_command,
     "simulate every scenario file in folders; one summary, failures isolated, --resume"},
    {"merge", ccsim::cli::run_merge_command,
     "combine the shard folders of a batch, simulate or whatif run with --shard I/N"},
    {"plan", ccsim::cli::run_plan_command,
     "the least-cost roster of shifts and weekly tours, verified and corrected by simulation"},
    {"calibrate", ccsim::cli::run_calibrate_command,
     "volumes, forecast, handle-time and patience fits and a scenario from a call log"},
};

void print_usage(std::ostream& out) {
    out << "Usage: ccsim COMMAND [OPTIONS]   (ccsim COMMAND --help for its options)\n\n"
           "Commands:\n";
    for (const command& c : commands) out << fmt::format("  {:<10}{}\n", c.name, c.summary);
    out << "\n  --version   print the version\n  --help      print this help\n";
}

int dispatch(int argc, char** argv) {
    if (argc < 2) {
        print_usage(std::cerr);
        return ccsim::exit_bad_input;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return ccsim::exit_ok;
    }
    if (name == "--version") {
        std::cout << "ccsim " << ccsim::version << "\n";
        return ccsim::exit_ok;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    std::vector<std::string> names;
    for (const command& c : commands) {
        if (name == c.name) return c.run(args);
        names.emplace_back(c.name);
    }
    const std::string hint = ccsim::closest_match(name, names);
    throw ccsim::config_error(fmt::format("unknown command '{}'{}; see ccsim --help", name,
                                          hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
}

// Results printed to a full disk or a closed pipe must not end in exit 0.
int flushed(int code) {
    errno = 0;
    std::cout.flush();
    if (std::cout) return code;
    throw ccsim::output_error("standard output", "cannot write", errno != 0 ? errno : EIO);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return flushed(dispatch(argc, argv));
    } catch (const ccsim::output_error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return ccsim::exit_bad_input;
    } catch (const ccsim::config_error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return ccsim::exit_bad_input;
    } catch (const ccsim::scenario_error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return ccsim::exit_bad_input;
    } catch (const ccsim::domain_error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return ccsim::exit_infeasible;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return ccsim::exit_internal;
    }
}
