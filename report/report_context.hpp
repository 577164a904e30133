#pragma once
// What every report builder is told besides the results: the language, and when the report
// was written (the caller's clock; libraries read none).
#include <string>

#include "report/language.hpp"

namespace ccsim::report {

struct report_context {
    language lang = language::en;
    std::string written;  // "2026-03-02 14:05 UTC"
};

}  // namespace ccsim::report
