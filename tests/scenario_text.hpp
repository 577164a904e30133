#pragma once
// Scenario files given as text in tests: loading one, the error it raises, and a variant with
// one piece replaced. Relative paths resolve in tests/data/scenarios.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "io/scenario_file.hpp"

namespace ccsim::test {

inline const std::string scenario_data = CCSIM_TEST_DATA "/scenarios";

/// The smallest useful scenario: one queue, one group, two hours in half hours. Tests vary it
/// with replaced(); error positions they expect count its lines.
inline const std::string minimal_scenario = R"([day]
interval = "30min"
open = "08:00"
close = "10:00"

[[queue]]
name = "hotline"
volumes = [10, 20, 30, 40]
aht = "3min"

[[group]]
name = "regular"
skills = ["hotline"]
agents = 5
)";

inline io::loaded_scenario load_text(const std::string& text) {
    return io::load_scenario_text(text, "s.toml", scenario_data);
}

/// The scenario_error the text raises, or "no error".
inline std::string error_of(const std::string& text) {
    try {
        load_text(text);
    } catch (const scenario_error& e) {
        return e.what();
    }
    return "no error";
}

/// `text` with the first `from` replaced by `to` (which must be there).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace ccsim::test
