#include "io/run_settings.hpp"

namespace ccsim::io {

sim::run_options resolve_run(const run_settings& first, const run_settings& then,
                             int default_threads) {
    sim::run_options run;
    run.replications =
        first.replications.value_or(then.replications.value_or(default_replications));
    run.seed = first.seed.value_or(then.seed.value_or(default_seed));
    run.threads = first.threads.value_or(then.threads.value_or(default_threads));
    return run;
}

}  // namespace ccsim::io
