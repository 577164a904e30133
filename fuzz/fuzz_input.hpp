#pragma once
// What every fuzz target shares: the input as text, and the errors ccsim is allowed to raise
// for bad input (its own exception tree). Anything else escaping a target is a finding: an
// unexpected exception, a sanitizer report, a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.hpp"

namespace ccsim::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// Runs `body`, swallowing the errors bad input may raise.
template <class Body>
void expecting_input_errors(Body&& body) {
    try {
        body();
    } catch (const ccsim::error&) {
    }
}

}  // namespace ccsim::fuzz
