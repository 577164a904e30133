// The forecast CSV reader, with and without an interval given.
#include "fuzz_input.hpp"
#include "io/forecast_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = ccsim::fuzz::text_of(data, size);
    ccsim::fuzz::expecting_input_errors([&] { ccsim::io::parse_forecast_csv(text, "fuzz.csv"); });
    ccsim::fuzz::expecting_input_errors(
        [&] { ccsim::io::parse_forecast_csv(text, "fuzz.csv", ccsim::seconds{900.0}); });
    return 0;
}
