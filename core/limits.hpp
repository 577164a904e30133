#pragma once
// The largest sizes ccsim accepts, in one place so that the loader, the command line and the
// docs (docs/scenarios.md, "Limits") agree. Each is generous for any real contact centre and
// small enough that a typo (2e9 calls, agents = 2147483647) is an error naming the key, the
// limit and the value, before anything is allocated or simulated.
#include <cstddef>

namespace ccsim::limits {

/// Agents in a group, a shift, a tour, an interval of agents_by_interval, --agents and
/// --max-agents: a very large department is a few thousand.
inline constexpr long agents = 100'000;

/// Calls (chats, items) a queue is offered in one interval, and the calls of --calls.
inline constexpr double calls_per_interval = 1'000'000.0;

/// The offered load (Erlang: calls x handle time / interval) the staffing search accepts; more
/// would need more agents than `agents`.
inline constexpr double offered_load = 1'000'000.0;

/// Any duration (handle times, patience, deadlines, intervals, shifts...): about 31 years.
inline constexpr double duration_seconds = 1e9;

/// Independent replications of a run.
inline constexpr long replications = 10'000'000;

/// Threads of a run.
inline constexpr long threads = 1024;

/// Queues and agent groups in one scenario.
inline constexpr std::size_t queues = 1000;
inline constexpr std::size_t groups = 1000;

/// Intervals in a horizon (days x intervals per day): a year of 5-minute intervals is 105,120.
inline constexpr std::size_t intervals = 1'000'000;

/// Rows of a forecast file.
inline constexpr std::size_t forecast_rows = 10'000'000;

/// The work of a run, as the calls expected over all replications: above `work_notice` ccsim
/// says so before it starts; above `work_limit` it refuses unless --allow-huge is given.
inline constexpr double work_notice = 1e8;
inline constexpr double work_limit = 1e10;

}  // namespace ccsim::limits
