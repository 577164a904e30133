#pragma once
// A contact-centre scenario as the engine sees it: plain values, no files. io/ builds one from
// a TOML file; the CLI's quick form and the tests build them directly.
//
// Clock: seconds since midnight of the horizon's first day (day 0); day d covers
// [d * 86400, (d + 1) * 86400). Intervals form one grid shared by every queue and running
// across the whole horizon: interval i covers [day_start + i * interval, day_start + (i + 1) *
// interval) and belongs to the day its start falls in.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "core/service_level.hpp"

namespace ccsim::sim {

enum class distribution_kind {
    exponential,
    lognormal,
    gamma,
    erlang,
    deterministic,
    empirical,
    weibull
};

/// The shape of a distribution with mean 1; a mean given elsewhere scales it. Handle times
/// take their mean from the forecast interval, so one shape serves the whole day.
struct distribution_shape {
    distribution_kind kind = distribution_kind::exponential;
    double cv = 1.0;              // coefficient of variation: lognormal, gamma and weibull
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
    seconds arrival{0.0};  // clock time
    // Handle time (before the serving group's factor); none (a call the log saw abandoned):
    // drawn from the queue's handle-time model.
    std::optional<seconds> handle;
    std::optional<seconds> patience;  // none: drawn from the queue's patience model...
    // ...conditioned on exceeding this: a caller the log saw answered after waiting w would
    // have waited at least w (a censored observation of patience).
    seconds patience_above{0.0};
};

/// How the items of a queue are offered, served and measured (docs/model.md, Channels); each
/// is a policy in sim/channels/, dispatched by a switch in the one event loop.
///   voice       a call takes the whole agent; answered within the threshold; may hang up
///   chat        a session takes one of the agent's slots (max_chats); its pace depends on
///               how many the agent holds; first response within the threshold
///   backoffice  an item (complaint, ticket) is replied to, then resolved, by deadlines;
///               worked earliest deadline first during shifts only, carried over nights
///   outbound    a follow-up call agents make between inbound work (blending)
enum class channel_kind : std::uint8_t { voice, chat, backoffice, outbound };

/// Answered callers whose problem is not solved call again (a repeat, not a redial), and after
/// `escalate_after` contacts the case becomes an item of a back-office queue.
struct repeat_model {
    double resolved = 1.0;  // first-contact resolution: P(an answered contact solves it)
    timed_distribution delay{{}, seconds{86400.0}};
    int escalate_after = 2;                  // contacts before escalation
    std::optional<std::size_t> escalate_to;  // a back-office queue; none: calls again forever
};

/// A share of answered calls creates an outbound task (a follow-up call) on another queue,
/// due within a time.
struct follow_up_model {
    double share = 0.0;
    seconds due_within{86400.0};
    std::size_t to = 0;  // an outbound queue
};

/// Back-office steps and deadlines: a reply (short), then the resolution work (the queue's
/// handle time), each by its deadline from the item's arrival.
struct back_office_model {
    timed_distribution reply{{}, seconds{300.0}};
    seconds reply_within{12 * 3600.0};
    seconds resolve_within{48 * 3600.0};
};

/// Outbound attempts reach the customer with `reach` probability; an unanswered attempt takes
/// `attempt_time` and is retried after `retry_delay`, at most `max_attempts` attempts in all.
struct outbound_model {
    double reach = 1.0;
    seconds attempt_time{30.0};
    timed_distribution retry_delay{{}, seconds{3600.0}};
    int max_attempts = 3;
    seconds due_within{86400.0};  // for tasks not created by a follow-up (the queue's volumes)
};

/// A queue of work items of one type (hotline, chat, complaints, follow-ups...).
struct queue_spec {
    std::string name;
    channel_kind channel = channel_kind::voice;
    std::vector<double> calls;  // expected items offered per interval (the NHPP rates)
    std::vector<seconds> aht;   // mean handle time per interval (back office: resolution work)
    distribution_shape handle_time;
    std::optional<timed_distribution> patience;  // none: callers never hang up
    // Voice: time from a call's arrival until it is offered to agents (an announcement, a
    // first try at a personal banker); the caller may hang up in it and its wait counts from
    // arrival. None: offered at once.
    std::optional<timed_distribution> routing_delay;
    redial_model redial;
    seconds threshold{15.0};  // the service level's answer threshold T for this queue
    // When not empty, first attempts are these calls (sorted by arrival) and `calls`, `aht`
    // and handle_time are not used for them: trace-driven simulation of a real log.
    std::vector<traced_call> trace;
    // This queue's own opening hours (sorted, disjoint clock periods); empty: the centre's.
    // Back-office items are accepted at any time (e-mails and web complaints do not wait for
    // opening), whatever the hours say; they are worked during shifts.
    std::vector<std::pair<seconds, seconds>> open_periods;
    repeat_model repeats;                      // voice
    std::optional<follow_up_model> follow_up;  // voice
    back_office_model back_office;             // backoffice
    outbound_model outbound;                   // outbound
    std::optional<double> target;  // the share its standard asks for (SL, reply, follow-up)
};

struct skill {
    std::size_t queue = 0;
    int priority = 1;  // 1 is served first; equal priorities go to the longest-waiting call
    // Which groups an arriving call is offered to first: the longest-idle agent among the
    // groups with the lowest preference that have one idle. A team-lead group with
    // preference 2 only takes a call when no preference-1 agent is free.
    int preference = 1;
};

struct break_spec {
    seconds start{0.0};  // from midnight of the day the shift is worked (day 0: clock time)
    seconds length{0.0};
};

/// A shift: [start, end) with breaks, on each day it is worked. Times count from midnight of
/// that day, so a shift worked on day 0 is in clock time; end may pass midnight (a night
/// shift), and a shift may last the whole horizon (the quick form's "all day").
/// `agents` identical agents work it on each day in `days` (a daily head count); tours add
/// agents who work it on their own days.
struct shift_spec {
    std::string name;
    seconds start{0.0};
    seconds end{0.0};
    int agents = 0;
    std::vector<break_spec> breaks;
    std::vector<std::uint32_t> days{0};  // days of the horizon (sorted) worked by `agents`
};

/// One shift of a tour on one day.
struct worked_day {
    std::uint32_t day = 0;
    std::uint32_t shift = 0;  // index into the group's shifts
};

/// A line of the wall chart: `agents` people who work the same shifts on the same days, with
/// days off in between (a weekly tour as a planner writes it, repeated over the horizon).
/// The same person works every day of the tour, so absence is drawn per agent and day.
struct tour_spec {
    std::string name;
    int agents = 1;
    std::vector<worked_day> work;  // sorted by day, at most one shift a day, never overlapping
};

/// Not-ready time (personal time, other tasks: logged in but taking no work). Each agent of
/// the group, while logged in, alternates ready time and not-ready spells: a spell falls due
/// after an exponential ready time, counted while the agent is ready or busy; one due while
/// the agent works starts when the work in hand ends, and time owed adds up. The ready time's
/// mean, length (1 - share) / share, makes `share` of logged-in time not ready in the long
/// run, whatever the work (docs/model.md).
struct not_ready_model {
    double share = 0.0;         // of logged-in time, in [0, 1)
    timed_distribution length;  // of one spell
    double mean_ready_seconds() const { return length.mean.count() * (1.0 - share) / share; }
};

struct group_spec {
    std::string name;
    std::vector<skill> skills;
    double handle_time_factor = 1.0;  // multiplies the handle time of calls this group takes
    double absenteeism = 0.0;         // each scheduled agent-day is absent with this probability
    std::vector<shift_spec> shifts;
    std::vector<tour_spec> tours{};
    // Chat: sessions an agent holds at once, and the duration multiplier while it holds k of
    // them (concurrency[k - 1]; empty: 1 for every k).
    int max_chats = 1;
    std::vector<double> concurrency{};
    // May an agent holding chats take a call (or other whole-agent work)? Without blending it
    // finishes its chats first.
    bool blend = false;
    // Outbound: agents make outbound calls only while no inbound item they serve waits and at
    // least `reserve` agents of the group stay idle for inbound work.
    int reserve = 0;
    // After-call work (wrap-up): after each voice call the agent stays busy for this long
    // before taking other work; the caller has left. None: free at once.
    std::optional<timed_distribution> after_call_work{};
    // Not-ready spells of its agents; none (or a share of 0): always ready when logged in.
    std::optional<not_ready_model> not_ready{};

    double concurrency_factor(int sessions) const {
        return concurrency.empty() || sessions < 1
                   ? 1.0
                   : concurrency[static_cast<std::size_t>(
                         std::min<int>(sessions, static_cast<int>(concurrency.size())) - 1)];
    }
};

/// Adds `agents` agents working `shift` on each of `days` (a convenience for code-built
/// scenarios); returns the shift's index.
std::size_t add_shift(group_spec& group, shift_spec shift);

/// What to simulate: a horizon of one or more days, replicated.
struct scenario {
    std::string name;
    horizon_calendar calendar;  // the horizon's days: count, dates or weekdays (labels)
    seconds day_start{0.0};     // start of interval 0 (clock seconds, >= 0)
    seconds interval{1800.0};
    std::size_t interval_count = 0;
    // Opening hours as clock periods [open, close), sorted and disjoint (one per day for a
    // 12x7 centre). Calls arriving outside every period are counted apart, not offered.
    std::vector<std::pair<seconds, seconds>> open_periods;
    seconds warmup{0.0};       // simulated before day_start at interval 0's rates, not counted
    double busyness_cv = 0.0;  // day-to-day volume uncertainty: a gamma(mean 1) factor per day
    // Every interval has the same inputs (the quick form): one long run may give its figures
    // confidence intervals by batch means.
    bool stationary = false;
    std::vector<queue_spec> queues;
    std::vector<group_spec> groups;
    // Targets the summary checks (the simulation itself does not depend on them).
    std::optional<double> service_level_target;  // share within each queue's threshold
    std::optional<double> answer_rate_target;

    seconds day_end() const { return day_start + interval * static_cast<double>(interval_count); }
    seconds interval_start(std::size_t i) const {
        return day_start + interval * static_cast<double>(i);
    }
    /// The day interval i belongs to (the day its start falls in).
    std::size_t day_of_interval(std::size_t i) const;
    std::size_t days() const { return calendar.days; }
};

/// Seconds of each interval during which the centre is open.
std::vector<double> open_seconds_per_interval(const scenario& s);

/// The queues that "all queues" totals: the voice queues (the centre's standards are on
/// calls), or every queue of a scenario without voice.
std::vector<bool> queues_in_total(const scenario& s);

/// The moment `open_time` seconds of opening hours after `from` have passed: time counts only
/// within `periods` (sorted, disjoint). Past the last period the time runs on unbroken.
double after_open_time(const std::vector<std::pair<seconds, seconds>>& periods, double from,
                       double open_time);

/// The number of days a grid touches, counted from day 0: what a calendar must cover.
std::size_t days_spanned(seconds day_start, seconds interval, std::size_t interval_count);

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
