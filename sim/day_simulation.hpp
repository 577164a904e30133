#pragma once
// One replication of a contact centre: the event loop and the model's state. Internal to
// the engine; contact_centre is the public entry point.
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/arrival_process.hpp"
#include "sim/call_fifo.hpp"
#include "sim/contact_centre.hpp"
#include "sim/event_calendar.hpp"
#include "sim/random_streams.hpp"
#include "sim/replication_statistics.hpp"
#include "sim/roster.hpp"
#include "sim/variate.hpp"

namespace ccsim::sim {

class day_simulation {
  public:
    day_simulation(const contact_centre& centre, std::uint64_t seed, std::uint64_t replication);
    replication_statistics run();

  private:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    static constexpr double never = std::numeric_limits<double>::infinity();

    struct call {
        double arrival;   // this attempt's arrival time
        double handle;    // handle time before the serving group's factor
        double patience;  // seconds it will wait at most (infinity: never hangs up)
        std::uint32_t queue;
        std::uint32_t generation;  // bumped whenever the call leaves a queue or is freed
        std::int32_t bucket;       // interval of arrival; -1 during the warm-up (not counted)
        std::uint32_t redials;     // redials made so far
        bool waiting;
    };

    struct agent {
        double idle_since = 0.0;
        double shift_end = 0.0;
        double pending_break = 0.0;  // > 0: go on a break this long after the current call
        std::uint32_t group = 0;
        std::uint32_t previous_idle = none, next_idle = none;
        bool logged_in = false;  // on shift and not on a break
        bool busy = false;
        bool leaving = false;  // the shift ended during a call
    };

    struct queue_state {
        queue_state(const queue_spec& spec, const scenario& s, double day_factor,
                    std::uint64_t seed, std::uint64_t replication, std::uint32_t index);
        call_fifo fifo;
        std::uint32_t waiting = 0;
        arrival_process arrivals;
        random_engine arrival_stream, handle_stream, patience_stream, retrial_stream;
        unit_variate handle, patience, redial_delay;
        double next_arrival = never;
        event_key next_key = 0;       // (time, class, sequence) of the pending first attempt
        std::size_t next_traced = 0;  // next call of a trace-driven queue
    };

    struct group_state {
        std::uint32_t idle_head = none, idle_tail = none;
        int logged_in = 0, busy = 0;
        level_meter logged_in_meter;
    };

    // Event handlers.
    void arrive(std::uint32_t call_id);
    void complete(std::uint32_t agent_id);
    void abandon(std::uint32_t call_id, std::uint32_t generation);
    void apply(const roster_event& e);
    void end_break(std::uint32_t agent_id);

    // Routing.
    std::uint32_t longest_idle_agent(std::uint32_t queue) const;
    std::uint32_t longest_waiting_call(std::uint32_t group);
    void take_work_or_idle(std::uint32_t agent_id);
    void start_service(std::uint32_t agent_id, std::uint32_t call_id);

    // State helpers.
    std::uint32_t new_call();
    void free_call(std::uint32_t call_id);
    void schedule_first_attempt(std::uint32_t queue);
    void make_idle(std::uint32_t agent_id);
    void remove_idle(std::uint32_t agent_id);
    void set_logged_in(std::uint32_t group, int delta);
    void set_busy(std::uint32_t group, int delta);
    void record_busy_time(std::uint32_t group, double from, double to);
    bool is_open(double t);
    std::int32_t bucket_of(double t) const;
    double mean_handle_time(std::uint32_t queue, double arrival) const;
    void first_attempt(std::uint32_t queue);
    void find_next_external();
    /// Notes the queue's length in `bucket`, the interval of the current time.
    void record_queue_length(std::uint32_t queue, std::int32_t bucket);
    void finish();

    const contact_centre& centre_;
    const scenario& scenario_;
    replication_statistics stats_;
    event_calendar calendar_;
    roster roster_;
    std::size_t next_roster_ = 0;
    std::vector<queue_state> queues_;
    std::vector<group_state> groups_;
    std::vector<agent> agents_;
    std::vector<call> calls_;
    std::vector<std::uint32_t> free_calls_;
    interval_spreader spreader_;
    std::size_t open_period_ = 0;  // the first opening period that has not ended yet
    // The earliest event kept outside the calendar: a roster event or a queue's next first
    // attempt. Recomputed only when one of those is consumed.
    static constexpr std::uint32_t from_roster = none - 1;
    event_key external_key_ = 0;
    std::uint32_t external_source_ = none;  // a queue, from_roster, or none
    double now_ = 0.0;
};

}  // namespace ccsim::sim
