#pragma once
// A bare number where a duration is expected means seconds ("30" is 30 s): legal, and a
// classic slip for minutes. Readers warn when such a number is implausibly short for what it
// sets (an interval under a minute, a break under a minute, a shift under an hour).
#include <string>
#include <string_view>

namespace ccsim {

/// Advice when `written` is a bare number (no unit) of fewer than `plausible` seconds:
/// "'30' is read as 30 seconds; write \"30min\" for minutes, or \"30s\" to keep seconds";
/// empty otherwise (a unit given, or a plausible value).
std::string bare_seconds_advice(std::string_view written, double plausible);

}  // namespace ccsim
