#pragma once
// One replication of a contact centre over its horizon: the event loop and the model's state.
// Internal to the engine; contact_centre is the public entry point.
//
// Events come from three places, merged by (time, class, sequence): the calendar (service
// completions, the end of chats and back-office steps, break ends, abandonments, redials,
// repeats and retries), each queue's next first attempt, and the roster process (shift starts
// and ends, breaks, closing times). Handlers dispatch on the queue's channel with a switch
// (sim/channels/ holds each channel's rules and measures); routing decisions are the router's.
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "sim/agents/agent_pool.hpp"
#include "sim/agents/roster.hpp"
#include "sim/channels/item_queue.hpp"
#include "sim/channels/work_item.hpp"
#include "sim/contact_centre.hpp"
#include "sim/engine/arrival_source.hpp"
#include "sim/engine/event_calendar.hpp"
#include "sim/engine/random_streams.hpp"
#include "sim/engine/variate.hpp"
#include "sim/stats/interval_spreader.hpp"
#include "sim/stats/replication_statistics.hpp"

namespace ccsim::sim {

class replication {
  public:
    replication(const contact_centre& centre, std::uint64_t seed, std::uint64_t index);
    replication_statistics run();

  private:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    static constexpr double never = std::numeric_limits<double>::infinity();

    struct queue_state {
        queue_state(const queue_spec& spec, const scenario& s,
                    const std::vector<double>& interval_factors, std::uint64_t seed,
                    std::uint64_t replication, std::uint32_t index);
        arrival_source arrivals;
        random_engine arrival_stream, handle_stream, patience_stream, retrial_stream;
        random_engine outcome_stream;  // repeat callers, follow-ups, outbound reach
        unit_variate handle, patience, redial_delay, repeat_delay, reply, retry_delay;
        double next_arrival = never;
        event_key next_key;  // (time, class, sequence) of the pending first attempt
        const std::vector<std::pair<seconds, seconds>>* hours = nullptr;
        std::size_t open_period = 0;  // the first of its opening periods not ended yet
    };

    struct group_state {
        level_meter logged_in_meter, chatting_meter, sessions_meter;
        // Busy time from chats: agents holding chats and no whole-agent item (a blending agent
        // on a call while it holds chats is busy once, not twice).
        level_meter chat_busy_meter;
        int chatting_only = 0;
        level_meter not_ready_meter;  // agents in a not-ready spell
        int not_ready = 0;
    };

    // Event handlers.
    void first_attempt(std::uint32_t queue);
    void arrive(std::uint32_t item_id);
    void complete(std::uint32_t agent_id, std::uint32_t item_id);
    void item_done(std::uint32_t item_id, std::uint32_t generation);
    void abandon(std::uint32_t item_id, std::uint32_t generation);
    void hang_up(std::uint32_t item_id, double left_at);  // counted, then a redial or gone
    void delay_routing(std::uint32_t item_id);            // the call is offered after its delay
    void route(std::uint32_t item_id, std::uint32_t generation);  // its routing delay is over
    void apply(const roster_event& e);
    void end_break(std::uint32_t agent_id);
    void agent_timer(std::uint32_t agent_id, std::uint32_t tag);  // a roster-class calendar event
    void close(std::uint32_t queue);

    // Offering an item, by channel.
    void offer_whole(std::uint32_t queue, std::uint32_t item_id);  // a call or a back-office item
    void offer_call(std::uint32_t queue, std::uint32_t item_id);   // a call: an agent or the line
    void offer_chat(std::uint32_t queue, std::uint32_t item_id);
    void offer_outbound(std::uint32_t queue, std::uint32_t item_id);
    void wait_in_line(std::uint32_t queue, std::uint32_t item_id, double key);

    // Service, by channel.
    void start_service(std::uint32_t agent_id, std::uint32_t item_id);
    void start_voice(std::uint32_t agent_id, std::uint32_t item_id);
    void start_chat(std::uint32_t agent_id, std::uint32_t item_id);
    void start_back_office(std::uint32_t agent_id, std::uint32_t item_id);
    void start_outbound(std::uint32_t agent_id, std::uint32_t item_id);
    void end_case(std::uint32_t item_id);  // an answered call's story after its service
    void retime_chats(std::uint32_t agent_id, int sessions_before);
    void pause_back_office(std::uint32_t agent_id);

    // The agent after a change: more work, a break, home, or available for work.
    void after_work(std::uint32_t agent_id);
    void take_work_or_idle(std::uint32_t agent_id);
    void take_call_or_idle(std::uint32_t agent_id);  // voice-only groups' short path
    bool take_outbound(std::uint32_t agent_id);
    void make_available(std::uint32_t agent_id);
    void offer_outbound_work(std::uint32_t group);
    bool outbound_waiting(std::uint32_t group);
    void go_home(std::uint32_t agent_id);
    // Not-ready time (groups with not_ready): the ready clock runs while the agent is logged
    // in and not in a spell; its tick is a spell falling due.
    void start_ready_clock(std::uint32_t agent_id);
    void stop_ready_clock(std::uint32_t agent_id);  // and ends a spell, drops time owed
    void not_ready_due(std::uint32_t agent_id);
    void start_not_ready(std::uint32_t agent_id, double length);
    void end_not_ready(std::uint32_t agent_id);
    void set_not_ready(std::uint32_t group, int delta);
    std::uint32_t next_timer_tag(std::uint32_t agent_id);
    void close_queues_nobody_serves(std::uint32_t group);
    void flush_waiting(std::uint32_t queue);
    void record_backlog(std::size_t day);

    // State helpers.
    std::uint32_t new_item(std::uint32_t queue, double arrival);
    void schedule_first_attempt(std::uint32_t queue);
    void find_next_external();
    void set_logged_in(std::uint32_t group, int delta);
    void meter_sessions(std::uint32_t group);
    /// The agent takes or ends a whole-agent item; its chats (blending) stop or resume
    /// counting as busy time, the item's own time being recorded with it.
    void take_whole(std::uint32_t agent_id);
    bool release_whole(std::uint32_t agent_id);
    void record_busy_time(std::uint32_t group, double from, double to);
    bool is_open(double t);
    bool is_open(std::uint32_t queue, double t);
    std::int32_t bucket_of(double t) const;
    double mean_handle_time(std::uint32_t queue, double arrival) const;
    bool due_in_horizon(double due) const { return due <= horizon_end_; }
    /// Notes the queue's length, and the total's, in `bucket`, the interval of the current
    /// time (called when a queue grows: only then can a maximum change).
    void record_queue_length(std::uint32_t queue, std::int32_t bucket);
    /// Notes every queue's length, and the total's, at the interval boundaries up to `t`:
    /// what waits as an interval begins counts in it (the queue carried over).
    void record_total_length(std::size_t bucket);  // several queues in the total
    void record_boundaries(double t);
    void note_lengths(std::size_t bucket);
    void finish();

    const contact_centre& centre_;
    const scenario& scenario_;
    const router& router_;
    replication_statistics stats_;
    event_calendar calendar_;
    roster_process roster_;
    agent_pool agents_;
    std::vector<queue_state> queues_;
    std::vector<waiting_line> lines_;
    std::vector<group_state> groups_;
    // Durations drawn from their own stream: the wrap-up of groups with after-call work, the
    // routing delay of queues with one (none for the others, so a scenario without them draws
    // exactly what it drew before).
    struct duration_draws {
        random_engine stream;
        unit_variate duration;
        double mean = 0.0;
    };
    std::vector<std::unique_ptr<duration_draws>> after_call_;  // a pointer: hot, 8 bytes
    std::vector<std::unique_ptr<duration_draws>> routing_;     // per queue: its routing delay
    // Groups with not-ready time: ready times (exponential, mean `mean_ready`) and spell
    // lengths from the group's own stream (none for the others: nothing drawn, nothing changed).
    struct not_ready_state {
        random_engine stream;
        unit_variate length;
        double mean_length = 0.0, mean_ready = 0.0;
    };
    std::vector<std::unique_ptr<not_ready_state>> not_ready_;
    // Per agent, when any group has not-ready time: the tag of its one live timer (the ready
    // clock's tick, or its spell's end); any other tag is stale. Tag 0 is a break's end.
    std::vector<std::uint32_t> timer_tag_;
    item_slab items_;
    interval_spreader spreader_;
    std::vector<std::uint32_t> chats_;  // per agent, max_slots_ entries: the chats it holds
    std::vector<std::uint32_t> held_;   // per agent: the back-office item in hand, or none
    std::size_t max_slots_ = 1;
    double horizon_end_ = 0.0;     // the end of the last day: deadlines beyond it are censored
    std::size_t open_period_ = 0;  // the first of the centre's opening periods not ended yet
    // The earliest event kept outside the calendar: a roster event or a queue's next first
    // attempt. Recomputed only when one of those is consumed.
    static constexpr std::uint32_t from_roster = none - 1;
    event_key external_key_;
    std::uint32_t external_source_ = none;  // a queue, from_roster, or none
    double roster_next_ = never;            // the roster's next event time, kept current
    double now_ = 0.0;
    std::vector<std::uint32_t> total_members_;  // the queues "all queues" totals
    std::vector<char> in_total_;                // per queue: one of total_members_
    bool several_in_total_ = false;
    double next_boundary_ = 0.0;            // the next interval boundary's time, or never
    std::size_t next_boundary_bucket_ = 0;  // the bucket that begins there
};

}  // namespace ccsim::sim
