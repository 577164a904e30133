#include "cli/run_options.hpp"

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
         "confidence level of the intervals");
    // clang-format on
}

replication_options read_replication_options(const po::variables_map& values) {
    replication_options o;
    if (const std::string* v = given(values, "replications"))
        o.replications = static_cast<int>(count_option("replications", *v, 1));
    if (const std::string* v = given(values, "seed"))
        o.seed = static_cast<std::uint64_t>(count_option("seed", *v, 0));
    if (const std::string* v = given(values, "threads"))
        o.threads = static_cast<int>(count_option("threads", *v, 1));
    o.confidence = fraction_option("confidence", values["confidence"].as<std::string>());
    if (o.replications && *o.replications > 10000000)
        throw config_error("--replications: must be <= 10000000 (got " +
                           std::to_string(*o.replications) + ")");
    return o;
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
