// A short engine run of any scenario that loads: one replication on one thread, for scenarios
// small enough to simulate in milliseconds (few items, intervals and agents); larger ones are
// skipped rather than slowing the fuzzer down. The engine's asserts and the sanitizers judge.
#include <numeric>

#include "core/limits.hpp"
#include "fuzz_input.hpp"
#include "io/scenario_file.hpp"
#include "sim/contact_centre.hpp"
#include "sim/run_work.hpp"
#include "sim/simulation.hpp"

namespace {

constexpr double most_items = 2000.0;
constexpr std::size_t most_intervals = 500;

bool small_enough(const ccsim::sim::scenario& s) {
    if (ccsim::sim::work_of(s, 1).items() > most_items) return false;
    if (s.interval_count > most_intervals) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = ccsim::fuzz::text_of(data, size);
    if (text.find("/dev") != std::string::npos || text.find("/proc") != std::string::npos ||
        text.find("/sys") != std::string::npos)
        return -1;
    ccsim::fuzz::expecting_input_errors([&] {
        ccsim::io::loaded_scenario loaded =
            ccsim::io::load_scenario_text(text, "fuzz.toml", CCSIM_FUZZ_SCENARIOS);
        if (!small_enough(loaded.model)) return;
        const ccsim::sim::contact_centre centre(std::move(loaded.model));
        ccsim::sim::simulate(centre, ccsim::sim::run_options{1, 1, 1});
    });
    return 0;
}
