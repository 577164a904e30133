#pragma once
// A contact-centre scenario as the engine sees it: plain values, no files. io/ builds one from
// a TOML file; the CLI's quick form and the tests build them directly.
//
// Clock: seconds since midnight of the first day. Intervals form one grid shared by every
// queue: interval i covers [day_start + i * interval, day_start + (i + 1) * interval).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/duration.hpp"
#include "core/service_level.hpp"

namespace ccsim::sim {

enum class distribution_kind { exponential, lognormal, gamma, erlang, deterministic, empirical };

/// The shape of a distribution with mean 1; a mean given elsewhere scales it. Handle times
/// take their mean from the forecast interval, so one shape serves the whole day.
struct distribution_shape {
    distribution_kind kind = distribution_kind::exponential;
    double cv = 1.0;              // coefficient of variation: lognormal and gamma
    int phases = 1;               // Erlang-k
    std::vector<double> samples;  // empirical: resampled, rescaled to mean 1 when built
};

struct timed_distribution {
    distribution_shape shape;
    seconds mean{0.0};
};

/// Abandoned callers call again with `probability` after `delay`, at most `max_redials` times.
struct redial_model {
    double probability = 0.0;
    timed_distribution delay{{}, seconds{600.0}};
    int max_redials = 0;
};

/// One first attempt replayed from a call log instead of sampled.
struct traced_call {
    seconds arrival{0.0};             // clock time
    seconds handle{0.0};              // handle time (before the serving group's factor)
    std::optional<seconds> patience;  // none: drawn from the queue's patience model
};

/// A call type with its own queue (hotline, orders, complaints...).
struct queue_spec {
    std::string name;
    std::vector<double> calls;  // expected calls offered per interval (the NHPP rates)
    std::vector<seconds> aht;   // mean handle time per interval
    distribution_shape handle_time;
    std::optional<timed_distribution> patience;  // none: callers never hang up
    redial_model redial;
    seconds threshold{15.0};  // the service level's answer threshold T for this queue
    // When not empty, first attempts are these calls (sorted by arrival) and `calls`, `aht`
    // and handle_time are not used for them: trace-driven simulation of a real log.
    std::vector<traced_call> trace;
};

struct skill {
    std::size_t queue = 0;
    int priority = 1;  // 1 is served first; equal priorities go to the longest-waiting call
};

struct break_spec {
    seconds start{0.0};  // clock time it is scheduled
    seconds length{0.0};
};

/// `agents` identical agents working [start, end) with the same breaks.
struct shift_spec {
    std::string name;
    seconds start{0.0};
    seconds end{0.0};
    int agents = 0;
    std::vector<break_spec> breaks;
};

struct group_spec {
    std::string name;
    std::vector<skill> skills;
    double handle_time_factor = 1.0;  // multiplies the handle time of calls this group takes
    double absenteeism = 0.0;         // each scheduled agent is absent with this probability
    std::vector<shift_spec> shifts;
};

/// What to simulate: one or more days (replications) of the same scenario.
struct scenario {
    std::string name;
    seconds day_start{0.0};  // start of interval 0 (clock seconds)
    seconds interval{1800.0};
    std::size_t interval_count = 0;
    // Opening hours as clock periods [open, close), sorted and disjoint (one per day for a
    // 12x7 centre). Calls arriving outside every period are counted apart, not offered.
    std::vector<std::pair<seconds, seconds>> open_periods;
    seconds warmup{0.0};       // simulated before day_start at interval 0's rates, not counted
    double busyness_cv = 0.0;  // day-to-day volume uncertainty: a gamma(mean 1) factor per day
    std::vector<queue_spec> queues;
    std::vector<group_spec> groups;
    // Targets the summary checks (the simulation itself does not depend on them).
    std::optional<double> service_level_target;  // share within each queue's threshold
    std::optional<double> answer_rate_target;

    seconds day_end() const { return day_start + interval * static_cast<double>(interval_count); }
};

/// Engine-level checks (indices, sizes, ranges). Throws config_error naming the field;
/// file loaders check earlier with file:line:column.
void validate(const scenario& s);

/// The quick form of `ccsim simulate`: one queue, constant rate, `agents` all day long.
struct stationary_queue {
    double calls_per_hour = 0.0;
    seconds aht{180.0};
    std::optional<seconds> patience;
    int agents = 0;
    seconds threshold{15.0};
    seconds horizon{86400.0};
    seconds warmup{3600.0};
    seconds interval{3600.0};
};
scenario make_stationary_scenario(const stationary_queue& q);

}  // namespace ccsim::sim
