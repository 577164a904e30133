#pragma once
// What one replication (one simulated horizon) records: counters per queue and interval, wait
// histograms, and agent time per group and interval. Streaming: the size depends on queues,
// groups and intervals, never on the number of calls.
//
// A call belongs to the interval in which it arrived (the WFM convention). Bucket
// `intervals` (one past the last) collects whatever happens after the last interval ends.
#include <cstdint>
#include <vector>

#include "sim/stats/wait_histogram.hpp"

namespace ccsim::sim {

struct queue_counters {
    std::uint64_t offered = 0;  // attempts arriving in opening hours (redials included)
    std::uint64_t redials = 0;  // of which redials of earlier abandoned attempts
    std::uint64_t answered = 0;
    std::uint64_t answered_within = 0;  // answered with wait <= the queue's threshold
    std::uint64_t abandoned = 0;
    std::uint64_t abandoned_within = 0;  // hung up with wait <= the threshold
    std::uint64_t queued = 0;            // found no free agent and had to wait
    std::uint64_t waiting_at_end = 0;    // still waiting when nothing else could happen
    std::uint64_t outside_hours = 0;     // arrived while closed: counted apart, not offered
    double answered_wait = 0.0;          // sum of waits of answered calls, seconds
    double abandoned_wait = 0.0;         // sum of waits of abandoned calls, seconds
    // Most calls waiting at once during the interval, those carried over from the previous
    // interval included.
    std::uint32_t longest_queue = 0;
    // Repeat callers (voice), by the interval of the attempt or contact counted.
    std::uint64_t repeats = 0;         // offered attempts that were repeat calls
    std::uint64_t first_contacts = 0;  // first contacts answered
    std::uint64_t first_resolved = 0;  // of which solved then (first-contact resolution)
    std::uint64_t escalated = 0;       // cases sent on to a back-office queue
    // Back office and outbound, by the interval the item arrived in. Shares of deadlines met
    // count only items whose deadline falls within the horizon (`*_due`, counted when the item
    // arrives: one never replied, resolved or done by such a deadline has missed it).
    std::uint64_t replied = 0, reply_due = 0, replied_within = 0;
    std::uint64_t resolved = 0, resolve_due = 0, resolved_within = 0;
    std::uint64_t done = 0, done_due = 0, done_within = 0;  // outbound tasks
    std::uint64_t failed = 0;    // outbound tasks given up after the last attempt
    std::uint64_t attempts = 0;  // outbound calls made

    void merge(const queue_counters& o);
};

/// A back-office or outbound queue at a day's close: items in the system and how long the
/// oldest has been there.
struct backlog_at_close {
    std::uint64_t items = 0;
    double oldest = 0.0;  // seconds
};

struct agent_time {
    double staffed = 0.0;    // agent-seconds logged in and not on break (overtime included)
    double busy = 0.0;       // agent-seconds handling work (a call, a step, at least one chat)
    double not_ready = 0.0;  // agent-seconds logged in but in a not-ready spell (in staffed)
    double overtime = 0.0;   // agent-seconds worked past the end of shifts ending in this bucket
    double sessions = 0.0;   // chat-seconds held (a chat held for a minute: 60)
    double chatting = 0.0;   // agent-seconds holding at least one chat
    std::uint64_t attempts = 0;  // outbound calls made by the group's agents
};

struct replication_statistics {
    std::size_t queues = 0;
    std::size_t groups = 0;
    std::size_t intervals = 0;             // buckets per queue or group: intervals + 1
    std::vector<queue_counters> counters;  // [queue * (intervals + 1) + bucket]
    std::vector<wait_histogram> waits;     // waits of answered calls, same index
    std::vector<agent_time> time;          // [group * (intervals + 1) + bucket]
    // [bucket]: most items waiting at once in the queues "all queues" totals (the sum of
    // their lengths, not the largest single queue's).
    std::vector<std::uint32_t> longest_total;
    std::uint64_t arrivals = 0;  // every arrival event, warm-up and outside hours included
    std::uint64_t events = 0;
    std::vector<double> day_factors;        // the busyness factor drawn for each day
    std::uint64_t absent = 0;               // agent-days absent
    std::vector<backlog_at_close> backlog;  // [queue * days + day]: back office and outbound
    std::size_t days = 1;

    replication_statistics(std::size_t queue_count, std::size_t group_count,
                           std::size_t interval_count, std::size_t day_count = 1);
    backlog_at_close& backlog_at(std::size_t queue, std::size_t day) {
        return backlog[queue * days + day];
    }
    const backlog_at_close& backlog_at(std::size_t queue, std::size_t day) const {
        return backlog[queue * days + day];
    }
    std::size_t buckets() const { return intervals + 1; }
    queue_counters& at(std::size_t queue, std::size_t bucket) {
        return counters[queue * buckets() + bucket];
    }
    const queue_counters& at(std::size_t queue, std::size_t bucket) const {
        return counters[queue * buckets() + bucket];
    }
    wait_histogram& waits_at(std::size_t queue, std::size_t bucket) {
        return waits[queue * buckets() + bucket];
    }
    agent_time& time_at(std::size_t group, std::size_t bucket) {
        return time[group * buckets() + bucket];
    }
    const agent_time& time_at(std::size_t group, std::size_t bucket) const {
        return time[group * buckets() + bucket];
    }
};

}  // namespace ccsim::sim
