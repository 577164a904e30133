// The scenario loader: TOML syntax, the schema's checks, the calendar, the grid, rosters.
// Files the input names (forecast, include) resolve against the scenarios folder; device and
// system paths are skipped, for a read of /dev/zero would never end.
#include "fuzz_input.hpp"
#include "io/scenario_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = ccsim::fuzz::text_of(data, size);
    if (text.find("/dev") != std::string::npos || text.find("/proc") != std::string::npos ||
        text.find("/sys") != std::string::npos)
        return -1;
    ccsim::fuzz::expecting_input_errors(
        [&] { ccsim::io::load_scenario_text(text, "fuzz.toml", CCSIM_FUZZ_SCENARIOS); });
    return 0;
}
