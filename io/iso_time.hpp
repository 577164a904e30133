#pragma once
#include <optional>
#include <string_view>

#include "core/duration.hpp"

namespace ccsim::io {

/// "2026-03-02T08:30" or "2026-03-02T08:30:00" (a space may replace the T) as seconds since
/// 1970-01-01T00:00 in the file's own local time (no zones: forecasts are wall-clock).
std::optional<seconds> parse_iso_date_time(std::string_view text);

}  // namespace ccsim::io
