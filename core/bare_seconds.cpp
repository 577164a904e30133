#include "core/bare_seconds.hpp"

#include <fmt/format.h>
#include <cmath>

#include "core/text.hpp"

namespace ccsim {

std::string bare_seconds_advice(std::string_view written, double plausible) {
    const std::string_view text = trim(written);
    const std::optional<double> value = parse_number(text);
    if (!value || !std::isfinite(*value) || *value <= 0.0 || *value >= plausible) return {};
    return fmt::format(
        "'{}' is read as {} seconds; write \"{}min\" if minutes were meant, or \"{}s\" to keep "
        "seconds",
        text, text, text, text);
}

}  // namespace ccsim
