#pragma once
// One result record printed as key-value lines, CSV or JSON (the `ccsim erlang` outputs).
#include "report/output_format.hpp"
#include "report/record.hpp"

namespace ccsim::cli {

void print_record(const report::record& row, report::output_format format);

}  // namespace ccsim::cli
