#pragma once
// The department's standards checked against a simulation, one row per standard and queue:
// calls answered and answered in time (voice), chats answered within their threshold, complaints
// replied to and resolved by their deadlines (back office), follow-ups made by their due time
// (outbound), and first-contact resolution where callers may call again. Each row holds the
// horizon's figure with its confidence interval, the target and the verdict. Renderers print
// these; they decide nothing.
#include <optional>
#include <string>
#include <vector>

#include "core/estimate.hpp"
#include "core/target_verdict.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/simulation_summary.hpp"

namespace ccsim::report {

struct standard_check {
    std::string scope;     // the queue, or "all voice" for the calls together
    std::string standard;  // "answered within 15s", "resolved within 48h"...
    std::string figure;    // the figure's key (service_level, resolved_within...)
    std::optional<double> target;
    estimate value;
    verdict result = verdict::undefined;  // undefined without a target
};

/// Whether the scenario has more than plain voice queues judged on the centre's targets:
/// another channel, a queue's own target, repeat callers or follow-ups. Only then do reports
/// show the standards table (for plain hotlines the targets section says it all).
bool has_department_standards(const sim::scenario& s);

std::vector<standard_check> check_standards(const sim::scenario& s,
                                            const sim::simulation_summary& r);

}  // namespace ccsim::report
