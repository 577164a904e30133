#include "cli/run_options.hpp"

#include <fmt/format.h>
#include <iostream>
#include <limits>
#include <thread>

#include "cli/option_values.hpp"
#include "core/errors.hpp"

namespace ccsim::cli {

void add_replication_options(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("replications", po::value<std::string>(),
         "independent replications of the horizon (a day, a week...) to simulate (default: the scenario's, else 20)")
        ("seed", po::value<std::string>(), "random seed (default: the scenario's, else 1)")
        ("threads", po::value<std::string>(),
         "threads to spread replications over (default: all cores; results do not change)")
        ("confidence", po::value<std::string>()->default_value("0.95"),
         "confidence level of the intervals")
        ("allow-huge", po::bool_switch(),
         "run even when the expected work (items x replications) is above the limit of 1e10");
    // clang-format on
}

replication_options read_replication_options(const po::variables_map& values) {
    replication_options o;
    if (const std::string* v = given(values, "replications"))
        o.replications =
            count_option("replications", *v, 1, static_cast<int>(limits::replications));
    if (const std::string* v = given(values, "seed"))
        o.seed = static_cast<std::uint64_t>(
            count_option("seed", *v, 0L, std::numeric_limits<long>::max()));
    if (const std::string* v = given(values, "threads"))
        o.threads = count_option("threads", *v, 1, static_cast<int>(limits::threads));
    o.confidence = fraction_option("confidence", values["confidence"].as<std::string>());
    o.allow_huge = values["allow-huge"].as<bool>();
    return o;
}

void check_run_work(const sim::run_work& work, bool allow_huge) {
    if (work.huge() && !allow_huge)
        throw config_error(fmt::format(
            "this run would simulate {}, above the limit of {:g}; check the volumes and "
            "--replications, or give --allow-huge to run it anyway",
            describe(work), limits::work_limit));
    if (work.notable())
        std::cerr << fmt::format("note: this run simulates {}; it may take a long time\n",
                                 describe(work));
}

int default_threads() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(cores);
}

sim::run_options resolve_run(const replication_options& command_line,
                             const io::run_settings& file) {
    return io::resolve_run({command_line.replications, command_line.seed, command_line.threads},
                           file, default_threads());
}

}  // namespace ccsim::cli
