#pragma once
// The back office (complaints, tickets) as a fluid: work arriving per day against the agents'
// capacity during shift hours, and whether deadlines measured in hours can hold
// (docs/model.md, "Back office for a deadline").
//
// Every day is alike: `items_per_day` arrive spread evenly over the arrival window, each
// bringing a reply step (reply_work of agent time, due reply_within after arrival) and a
// resolution step (resolve_work, due resolve_within after arrival); n agents work during the
// shift window only, and work left at the shift's end carries over to the next day. The fluid
// treats work as divisible (an item's own work is small against its deadline) and ignores
// randomness: it is the requirement of the average day, not a service-level guarantee.
#include <string>

#include "core/duration.hpp"

namespace ccsim::erlang {

/// A period of each day: from `start` (seconds since midnight) for `length` (> 0, at most a
/// day); it may run past midnight.
struct daily_window {
    seconds start{0.0};
    seconds length{86400.0};

    /// Time within the window from midnight of day 0 to t, counting every day (negative for
    /// t < 0): the window's cumulative time, so that covered_before(b) - covered_before(a) is
    /// the window's time in [a, b).
    seconds covered_before(seconds t) const;
};

struct back_office_work {
    double items_per_day = 0.0;
    daily_window arrivals;  // when items come in (web complaints: round the clock)
    daily_window shift;     // when the agents are on duty, every day
    seconds reply_work{0.0};
    seconds resolve_work{0.0};
    seconds reply_within{12 * 3600.0};
    seconds resolve_within{48 * 3600.0};

    /// Agent time a day's items need, in seconds.
    double work_per_day() const { return items_per_day * (reply_work + resolve_work).count(); }

    /// What is wrong, without naming any option or key, or empty when usable.
    std::string problem() const;
};

/// The order in which waiting work is taken.
enum class back_office_order {
    fifo,  // each item in arrival order, worked through (reply, then resolution) in one go
    edf,   // earliest deadline first over steps: replies (due sooner) ahead of resolutions
};

/// For a usable `work` (problem() empty), as every function here: the least (real-valued)
/// number of agents with which the fluid meets every deadline under `order`: the largest ratio,
/// over all time windows [t1, t2], of the work arriving in the window and due by t2 to the shift
/// time in it (EDF meets every deadline exactly when no window holds more such work than its
/// capacity; FIFO is EDF with one deadline, the sooner, for the item's whole work). Infinite when
/// some window with work due has no shift time in it (no staffing can help). This does not include
/// the stability bound.
double deadline_agents(const back_office_work& work, back_office_order order);

/// The least whole number of agents whose daily capacity exceeds the daily work
/// (n x shift length > work per day): fewer, and the backlog grows without bound. 0 when no
/// work arrives.
long stable_agents(const back_office_work& work);

struct back_office_figures {
    double agents = 0.0;
    double utilisation = 0.0;  // work per day / (agents x shift length)
    bool stable = false;       // utilisation < 1
    // The fluid's periodic backlog, in seconds of agent work (infinite when unstable):
    double backlog_at_shift_start = 0.0;
    double backlog_at_shift_end = 0.0;  // carried over to the next day
    double largest_backlog = 0.0;
    bool meets_fifo = false;  // every deadline held under each order
    bool meets_edf = false;
    seconds fifo_turnaround{0.0};  // FIFO: the longest time from arrival to being worked
};

/// The fluid's figures for `agents` >= 0.
back_office_figures evaluate_back_office(const back_office_work& work, double agents);

}  // namespace ccsim::erlang
