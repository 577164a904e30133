#pragma once
// `ccsim staff SCENARIO.toml`: the agents each interval needs, by Erlang per interval (sipp)
// and, with the iterative staffing algorithm, by simulation (isa), each staffing simulated
// with the same random numbers, and the time-stability report: how much the simulated service
// level spreads across the open intervals. Per-interval Erlang treats each interval as a
// stationary queue; where that fails (sharp peaks, long handle times, the end of the day) its
// service level swings from interval to interval, which ISA's is built not to.
#include <optional>

#include "io/plan_settings.hpp"
#include "plan/isa.hpp"
#include "plan/requirements.hpp"
#include "report/record.hpp"

namespace ccsim::plan {

struct staffing_study {
    io::requirement_method method = io::requirement_method::sipp;
    interval_targets targets;
    requirements sipp;
    staffing_check sipp_check;  // simulated with the sipp staffing
    // With isa:
    std::optional<requirements> isa;
    std::optional<staffing_check> isa_check;
    int isa_iterations = 0;
    bool isa_converged = false;
    sim::run_options run;
};

staffing_study study_staffing(const sim::scenario& s, const interval_targets& targets,
                              io::requirement_method method, const isa_options& options);

/// One record per open interval and pool: calls, agents, simulated service level and answer
/// rate (and the sipp figures beside ISA's).
std::vector<report::record> study_interval_records(const sim::scenario& s,
                                                   const staffing_study& study);

/// The time-stability report: one record per staffing (sipp, isa): agent-hours, the open
/// intervals meeting the targets, and the spread of the simulated service level.
std::vector<report::record> study_stability_records(const sim::scenario& s,
                                                    const staffing_study& study);

}  // namespace ccsim::plan
