#pragma once
// A scenario file's [plan] table (docs/scenarios.md): the shift templates the planner may use
// for each planned group, the weekly rules of its tours, the handover rule, the targets and the
// verification settings, as plain values checked against the scenario they belong to.
#include <optional>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "io/checked_table.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::io {

/// A break of a shift template: `length` starting between `earliest` and `latest` after the
/// shift's start, every `step`. Unpaid breaks are not paid hours.
struct plan_break {
    seconds length{0.0};
    seconds earliest{0.0};
    seconds latest{0.0};
    seconds step{0.0};
    bool paid = true;
};

/// A shift template: a shift of `length` starting at any of `starts` (times of day), with
/// breaks placed by the planner within their windows.
struct plan_template {
    std::string name;
    std::vector<seconds> starts;  // sorted, distinct times of day
    seconds length{0.0};
    std::vector<plan_break> breaks;  // in order, windows that cannot overlap
    double cost_per_hour = 1.0;      // per paid hour
    double cost_per_shift = 0.0;     // added for every shift worked
    int min_agents = 0;              // on each day it may be worked
    std::optional<int> max_agents;   // likewise
    bool part_time = false;
    std::vector<bool> days;  // by horizon day: whether it may be worked

    /// Paid hours of one shift: its length less its unpaid breaks.
    double paid_hours() const;
    /// Cost of one shift.
    double cost() const { return cost_per_shift + cost_per_hour * paid_hours(); }
};

/// A planned group: its templates and the rules of its people's weeks.
struct plan_group {
    std::string name;
    std::size_t group = 0;  // index in the scenario's groups
    std::vector<plan_template> templates;
    int working_days = 5;  // per week, when the plan makes weekly tours
    bool consecutive_days_off = true;
    bool same_start = false;        // a person starts at the same time every day worked
    std::optional<int> max_agents;  // people (a week's tours), or agents on a day otherwise
    double part_time_share = 1.0;   // most shifts on part-time templates, as a share of all
};

enum class requirement_method { sipp, isa };

struct plan_settings {
    requirement_method method = requirement_method::sipp;
    std::vector<plan_group> groups;
    // Whether people work weekly tours (a 7-day horizon with weekdays); otherwise each day's
    // shifts are planned as head counts.
    bool weekly = false;
    seconds handover{0.0};  // a shift starting when another ends overlaps it by at least this
    std::optional<double> service_level;  // per interval, of each queue's threshold
    std::optional<double> answer_rate;
    double shrinkage = 0.0;
    int min_on_phones = 1;  // agents on the phones in every open interval, at least
    int rounds = 5;         // correction rounds after the first plan
    std::optional<int> replications;
    seconds time_limit{60.0};
    double gap = 0.0;  // relative gap at which the solver may stop
};

/// Names of the groups [plan] plans (the planner gives them their rosters), read before the
/// groups themselves; empty without a [plan] table.
std::vector<std::string> planned_group_names(const checked_table& root);

/// Reads [plan] against a scenario whose groups, calendar and grid are set. Throws
/// scenario_error at the value for anything that does not fit.
plan_settings read_plan(const checked_table& plan, const sim::scenario& s);

}  // namespace ccsim::io
