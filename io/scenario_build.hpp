#pragma once
// From a merged scenario document to the engine's scenario: checks the document against the
// schema, reads its forecasts and sample files, and applies the checks that need context
// (a shift's end after its start, skills that name queues...).
#include "io/scenario_file.hpp"
#include "io/scenario_include.hpp"

namespace ccsim::io {

loaded_scenario build_scenario(const scenario_document& document);

}  // namespace ccsim::io
