#pragma once
// Rosters replayed into agent capacity, as one process of the engine. A roster_plan, built
// once per scenario, turns every group's shifts (daily head counts) and tours (people with
// weekly patterns) into roster lines of identical agents and, per day, which line works which
// shift. A roster_process, one per replication, draws absence per agent and day and hands out
// shift starts, breaks and shift ends in time order, generating each day's events only when
// the clock gets there: its memory follows the agents, not the horizon. Closing times (the
// ends of the opening periods) come from the same process, after every roster change at the
// same instant: each queue's own closing times (where its calls left waiting may end), and
// the centre's (where the day's back-office backlog is taken).
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "sim/agents/agent_pool.hpp"
#include "sim/engine/random_streams.hpp"
#include "sim/model/scenario.hpp"

namespace ccsim::sim {

/// At equal times: shift ends, then breaks, then shift starts, then closing.
enum class roster_action : std::uint8_t { shift_end = 0, break_start = 1, shift_start = 2, closing = 3 };

struct roster_event {
    double time;
    std::uint32_t agent;  // closing: the queue that closes, or no_agent for the centre
    roster_action action;
    double value;  // shift_start: the shift's end; break_start: the break's length
};

/// Identical agents who work the same shifts on the same days: a shift's daily head count,
/// or a tour.
struct roster_line {
    std::uint32_t group;
    std::uint32_t stream;  // absence stream index within the group (shifts first, then tours)
    std::uint32_t first_agent;
    std::uint32_t agents;
};

class roster_plan {
  public:
    explicit roster_plan(const scenario& s);

    std::size_t agent_count() const { return group_of_agent_.size(); }
    const std::vector<std::uint32_t>& group_of_agent() const { return group_of_agent_; }
    const std::vector<roster_line>& lines() const { return lines_; }
    std::size_t days() const { return by_day_.size(); }
    /// Earliest shift start relative to its day's midnight (negative with a warm-up).
    double earliest_start() const { return earliest_start_; }

    struct assignment {
        std::uint32_t line;
        std::uint32_t shift;
    };
    /// Which line works which shift on `day`, lines in roster order.
    const std::vector<assignment>& on_day(std::size_t day) const { return by_day_[day]; }
    /// Closing times, sorted: (time, queue), queue no_agent for the centre's own.
    const std::vector<std::pair<double, std::uint32_t>>& closings() const { return closings_; }

  private:
    std::vector<roster_line> lines_;
    std::vector<std::uint32_t> group_of_agent_;
    std::vector<std::vector<assignment>> by_day_;
    std::vector<std::pair<double, std::uint32_t>> closings_;
    double earliest_start_ = 0.0;
};

class roster_process {
  public:
    roster_process(const scenario& s, const roster_plan& plan, std::uint64_t seed,
                   std::uint64_t replication);

    /// Time of the next event, +infinity when there are none left.
    double next_time();
    /// The next event (call next_time() first: it generates days as the clock reaches them).
    roster_event pop();

    std::uint64_t absent() const { return absent_; }  // agent-days absent so far
    std::size_t pending() const { return pending_.size() - head_; }  // events generated, not popped

  private:
    struct pending_event {
        roster_event event;
        std::uint64_t sequence;  // generation order: ties of time and action keep it
    };
    void generate_day(std::size_t day);
    bool is_absent(const roster_line& line);

    const scenario& scenario_;
    const roster_plan& plan_;
    std::uint64_t seed_, replication_;
    std::vector<pending_event> pending_;  // sorted from head_ on
    std::size_t head_ = 0;
    std::size_t next_day_ = 0;
    std::size_t next_closing_ = 0;
    std::uint64_t sequence_ = 0;
    std::uint64_t absent_ = 0;
    std::vector<std::optional<random_engine>> absence_;  // per line, made on first use
};

}  // namespace ccsim::sim
