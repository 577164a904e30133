#pragma once
// Closed-form figures as output records, with the keys documented in docs/cli.md.
#include "erlang/traffic.hpp"
#include "report/record.hpp"

namespace ccsim::report {

/// p_wait, service_level, service_level_answered, answer_rate, p_abandon, asa_s,
/// mean_wait_s, queue_length, occupancy.
void append_metrics(record& row, const erlang::queue_metrics& m);

}  // namespace ccsim::report
