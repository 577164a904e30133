#include "cli/warnings.hpp"

#include <fmt/format.h>
#include <iostream>

#include "core/bare_seconds.hpp"

namespace ccsim::cli {

void warn(std::string_view message) {
    std::cerr << fmt::format("warning: {}\n", message);
}

void warn_all(const std::vector<std::string>& messages) {
    for (const std::string& m : messages) warn(m);
}

void warn_bare_seconds(std::string_view option, std::string_view text, double plausible) {
    if (const std::string advice = bare_seconds_advice(text, plausible); !advice.empty())
        warn(fmt::format("--{}: {}", option, advice));
}

}  // namespace ccsim::cli
