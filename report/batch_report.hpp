#pragma once
// The report of a batch (`ccsim batch --format html`, OUT/report.html): one row per scenario
// with its standards met or not and a link to its own section; failed scenarios with their
// error; the service level of every scenario on one chart; per scenario its standards, key
// figures and days. Built from each scenario's summary.json (summary_json), so a resumed
// scenario reads as a fresh one.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/report_context.hpp"
#include "report/report_document.hpp"

namespace ccsim::report {

struct batch_entry {
    std::string file;    // as the batch shows it
    std::string folder;  // its result folder's name in OUT
    bool ok = false;
    bool resumed = false;            // results reused from an earlier run
    std::string message;             // why it failed
    nlohmann::ordered_json summary;  // its summary.json, when ok
};

document batch_report(const std::vector<batch_entry>& entries, const std::string& out_folder,
                      const report_context& c);

}  // namespace ccsim::report
