#pragma once
// The report of a what-if comparison (`ccsim whatif --format html`): each variant's service
// standards side by side, every figure's paired difference from the base with its
// confidence interval, the service level per interval of every variant on one chart, and how
// the comparison was run.
#include <cstdint>
#include <string>
#include <vector>

#include "report/comparison_records.hpp"
#include "report/report_context.hpp"
#include "report/report_document.hpp"
#include "sim/model/scenario.hpp"
#include "sim/paired_comparison.hpp"

namespace ccsim::report {

struct comparison_report_input {
    std::string base_file;
    const sim::comparison* result = nullptr;
    std::vector<const sim::scenario*> scenarios;  // [0] the base, then each variant
    variant_labels labels;
    int replications = 0;
    std::uint64_t seed = 0;
    bool independent_seeds = false;
};

document comparison_report(const comparison_report_input& in, const report_context& c);

}  // namespace ccsim::report
