#include "sim/replication.hpp"

#include <algorithm>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cassert>
#include <cmath>

#include "sim/channels/voice.hpp"

namespace ccsim::sim {

namespace {

// One busyness factor per day of the horizon, each from its own stream (day d: index d).
std::vector<double> draw_day_factors(const scenario& s, std::uint64_t seed,
                                     std::uint64_t replication) {
    std::vector<double> factors(s.calendar.days, 1.0);
    if (s.busyness_cv <= 0.0) return factors;
    const double alpha = 1.0 / (s.busyness_cv * s.busyness_cv);
    for (std::size_t d = 0; d < factors.size(); ++d) {
        random_engine engine = make_stream(seed, stream_purpose::busyness,
                                           static_cast<std::uint32_t>(d), replication);
        factors[d] = boost::random::gamma_distribution<double>(alpha, 1.0 / alpha)(engine);
    }
    return factors;
}

std::vector<double> interval_factors(const scenario& s, const std::vector<double>& day_factors) {
    std::vector<double> factors(s.interval_count);
    for (std::size_t i = 0; i < s.interval_count; ++i)
        factors[i] = day_factors[s.day_of_interval(i)];
    return factors;
}

distribution_shape shape_or_exponential(const std::optional<timed_distribution>& d) {
    return d ? d->shape : distribution_shape{};
}

arrival_source make_source(const queue_spec& spec, const scenario& s,
                           const std::vector<double>& factors) {
    if (!spec.trace.empty()) return arrival_source(trace_arrivals(spec.trace));
    return arrival_source(poisson_arrivals(spec.calls, s.day_start, s.interval, s.warmup, factors));
}

}  // namespace

replication::queue_state::queue_state(const queue_spec& spec, const scenario& s,
                                      const std::vector<double>& interval_factors,
                                      std::uint64_t seed, std::uint64_t replication,
                                      std::uint32_t index)
    : arrivals(make_source(spec, s, interval_factors)),
      arrival_stream(make_stream(seed, stream_purpose::arrivals, index, replication)),
      handle_stream(make_stream(seed, stream_purpose::handle_times, index, replication)),
      patience_stream(make_stream(seed, stream_purpose::patience, index, replication)),
      retrial_stream(make_stream(seed, stream_purpose::retrials, index, replication)),
      handle(spec.handle_time),
      patience(shape_or_exponential(spec.patience)),
      redial_delay(spec.redial.delay.shape) {}

replication::replication(const contact_centre& centre, std::uint64_t seed, std::uint64_t index)
    : centre_(centre),
      scenario_(centre.model()),
      router_(centre.routing()),
      stats_(scenario_.queues.size(), scenario_.groups.size(), scenario_.interval_count),
      roster_(scenario_, centre.roster(), seed, index),
      agents_(centre.roster().group_of_agent(), scenario_.groups.size()),
      lines_(scenario_.queues.size()),
      spreader_(scenario_.day_start.count(), scenario_.interval.count(), scenario_.interval_count) {
    stats_.day_factors = draw_day_factors(scenario_, seed, index);
    const std::vector<double> factors = interval_factors(scenario_, stats_.day_factors);
    queues_.reserve(scenario_.queues.size());
    for (std::size_t q = 0; q < scenario_.queues.size(); ++q)
        queues_.emplace_back(scenario_.queues[q], scenario_, factors, seed, index,
                             static_cast<std::uint32_t>(q));
    groups_.assign(scenario_.groups.size(), group_state{level_meter(spreader_)});
}

replication_statistics replication::run() {
    for (std::uint32_t q = 0; q < queues_.size(); ++q) schedule_first_attempt(q);
    roster_next_ = roster_.next_time();
    find_next_external();
    while (true) {
        // The next event is the earlier of the calendar's and the external one, compared by
        // (time, class, sequence).
        if (!calendar_.empty() &&
            (external_source_ == none || calendar_.next().key < external_key_)) {
            const event e = calendar_.pop();
            now_ = e.time();
            ++stats_.events;
            switch (e.kind()) {
                case event_class::completion:
                    complete(e.id, e.tag);
                    break;
                case event_class::roster:
                    end_break(e.id);
                    break;
                case event_class::abandonment:
                    abandon(e.id, e.tag);
                    break;
                case event_class::arrival:  // a redial
                    if (items_[e.id].generation == e.tag) arrive(e.id);
                    break;
            }
            continue;
        }
        if (external_source_ == none) break;
        now_ = time_of_bits(external_key_.time_bits);
        ++stats_.events;
        if (external_source_ == from_roster) {
            apply(roster_.pop());
            roster_next_ = roster_.next_time();
        } else
            first_attempt(external_source_);
        find_next_external();
    }
    finish();
    return std::move(stats_);
}

void replication::find_next_external() {
    external_source_ = none;
    if (roster_next_ < never) {
        // Roster events come before anything scheduled at the same instant in their class.
        external_key_ = make_key(roster_next_, event_order(event_class::roster, 0));
        external_source_ = from_roster;
    }
    for (std::uint32_t q = 0; q < queues_.size(); ++q) {
        const queue_state& qs = queues_[q];
        if (qs.next_arrival == never) continue;  // this queue's horizon is over
        if (external_source_ == none || qs.next_key < external_key_) {
            external_key_ = qs.next_key;
            external_source_ = q;
        }
    }
}

void replication::schedule_first_attempt(std::uint32_t queue) {
    queue_state& qs = queues_[queue];
    qs.next_arrival = qs.arrivals.next(qs.arrival_stream);
    qs.next_key =
        make_key(qs.next_arrival, event_order(event_class::arrival, calendar_.next_sequence()));
}

void replication::first_attempt(std::uint32_t queue) {
    queue_state& qs = queues_[queue];
    const queue_spec& spec = scenario_.queues[queue];
    const std::uint32_t id = items_.allocate();
    work_item& item = items_[id];
    item.queue = queue;
    item.arrival = now_;
    item.redials = 0;
    // Every first attempt draws its handle time and patience from its queue's own streams,
    // in arrival order, whatever happens to it later: variants stay in step.
    const traced_call* traced = qs.arrivals.traced();
    item.handle = traced ? traced->handle.count()
                         : qs.handle(qs.handle_stream) * mean_handle_time(queue, now_);
    item.patience = traced && traced->patience ? traced->patience->count()
                    : spec.patience ? qs.patience(qs.patience_stream) * spec.patience->mean.count()
                                    : never;
    schedule_first_attempt(queue);
    arrive(id);
}

double replication::mean_handle_time(std::uint32_t queue, double arrival) const {
    // The mean handle time is the forecast's for the interval the call arrives in.
    const double offset = (arrival - scenario_.day_start.count()) / scenario_.interval.count();
    const std::size_t interval =
        std::min(scenario_.interval_count - 1, static_cast<std::size_t>(std::max(0.0, offset)));
    return scenario_.queues[queue].aht[interval].count();
}

void replication::arrive(std::uint32_t item_id) {
    work_item& item = items_[item_id];
    const std::uint32_t q = item.queue;
    ++stats_.arrivals;
    item.bucket = bucket_of(now_);
    if (!is_open(now_)) {
        if (item.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(item.bucket)).outside_hours;
        items_.release(item_id);
        return;
    }
    switch (scenario_.queues[q].channel) {
        case channel_kind::voice: {
            if (item.bucket >= 0)
                voice::count_offered(stats_.at(q, static_cast<std::size_t>(item.bucket)), item);
            const std::uint32_t agent_id = router_.agent_for(q, agents_);
            if (agent_id != no_agent) {
                agents_.remove_idle(agent_id);
                start_service(agent_id, item_id);
                return;
            }
            waiting_line& line = lines_[q];
            item.waiting = true;
            line.fifo.push({item_id, item.generation});
            ++line.waiting;
            if (item.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(item.bucket)).queued;
            record_queue_length(q, item.bucket);  // the call arrived now: its interval is now's
            if (item.patience < never)
                calendar_.schedule(now_ + item.patience, event_class::abandonment, item_id,
                                   item.generation);
            return;
        }
    }
}

void replication::start_service(std::uint32_t agent_id, std::uint32_t item_id) {
    const work_item& item = items_[item_id];
    const queue_spec& spec = scenario_.queues[item.queue];
    agent& a = agents_[agent_id];
    double service = 0.0;
    switch (spec.channel) {
        case channel_kind::voice:
            if (item.bucket >= 0) {
                const auto bucket = static_cast<std::size_t>(item.bucket);
                voice::count_answered(stats_.at(item.queue, bucket),
                                      stats_.waits_at(item.queue, bucket), now_ - item.arrival,
                                      spec);
            }
            service = voice::service_time(item, scenario_.groups[a.group]);
            break;
    }
    // A plain voice call's story ends when it is answered: nothing happens to it after its
    // service, so its slot is freed now and its completion only frees the agent. (Channels
    // and features whose items live on past service keep them until completion.)
    const std::uint32_t lives_on = no_item;
    items_.release(item_id);
    agents_.take(agent_id);
    record_busy_time(a.group, now_, now_ + service);  // known now: no meter needed
    calendar_.schedule(now_ + service, event_class::completion, agent_id, lives_on);
}

void replication::complete(std::uint32_t agent_id, std::uint32_t item_id) {
    if (item_id != no_item) items_.release(item_id);  // an item whose story went on until now
    agents_.release(agent_id);
    agent& a = agents_[agent_id];
    if (a.leaving) {  // the shift ended during this call
        // After closing time the agents on shift work the queue off; during opening hours
        // the next shift has arrived and the agent goes home.
        if (!is_open(now_)) {
            const std::uint32_t next = router_.item_for(a.group, lines_, items_);
            if (next != no_item) {
                start_service(agent_id, next);
                return;
            }
        }
        go_home(agent_id);
        return;
    }
    if (a.pending_break > 0.0) {  // the break was due during this call: take it in full now
        const double length = a.pending_break;
        a.pending_break = 0.0;
        a.logged_in = false;
        set_logged_in(a.group, -1);
        calendar_.schedule(now_ + length, event_class::roster, agent_id);
        return;
    }
    take_work_or_idle(agent_id);
}

void replication::abandon(std::uint32_t item_id, std::uint32_t generation) {
    work_item& item = items_[item_id];
    if (item.generation != generation || !item.waiting) return;  // answered meanwhile
    const std::uint32_t q = item.queue;
    const queue_spec& spec = scenario_.queues[q];
    queue_state& qs = queues_[q];
    item.waiting = false;
    ++item.generation;  // its queue entry is now stale
    --lines_[q].waiting;
    if (item.bucket >= 0)
        voice::count_abandoned(stats_.at(q, static_cast<std::size_t>(item.bucket)),
                               now_ - item.arrival, spec);
    const redial_model& redial = spec.redial;
    if (redial.probability > 0.0 && static_cast<int>(item.redials) < redial.max_redials &&
        boost::random::uniform_01<double>()(qs.retrial_stream) < redial.probability) {
        // The redial draws from the retrial stream, leaving first attempts' streams in step.
        ++item.redials;  // at most max_redials (an int): fits
        item.arrival = now_ + qs.redial_delay(qs.retrial_stream) * redial.delay.mean.count();
        item.handle = qs.handle(qs.retrial_stream) * mean_handle_time(q, item.arrival);
        item.patience =
            spec.patience ? qs.patience(qs.retrial_stream) * spec.patience->mean.count() : never;
        calendar_.schedule(item.arrival, event_class::arrival, item_id, item.generation);
        return;
    }
    items_.release(item_id);
}

void replication::apply(const roster_event& e) {
    if (e.action == roster_action::closing) {
        for (std::uint32_t q = 0; q < lines_.size(); ++q) {
            if (lines_[q].waiting == 0) continue;
            const auto& groups = router_.groups_for(q);
            if (std::none_of(groups.begin(), groups.end(),
                             [&](std::uint32_t g) { return agents_.group(g).on_shift > 0; }))
                flush_waiting(q);
        }
        return;
    }
    agent& a = agents_[e.agent];
    switch (e.action) {
        case roster_action::shift_start:
            if (a.on_shift) {  // still at work from the previous shift: carry on
                if (now_ > a.shift_end)
                    stats_.time_at(a.group, static_cast<std::size_t>(std::max(
                                                0, bucket_of(a.shift_end - 1e-6))))
                        .overtime += now_ - a.shift_end;
                a.leaving = false;
                a.shift_end = e.value;
                break;
            }
            a.on_shift = true;
            ++agents_.group(a.group).on_shift;
            a.shift_end = e.value;
            a.logged_in = true;
            set_logged_in(a.group, +1);
            take_work_or_idle(e.agent);
            break;
        case roster_action::shift_end:
            a.pending_break = 0.0;
            if (a.busy()) {
                a.leaving = true;  // finish the call in progress (and at closing, the queue)
            } else if (a.on_shift) {
                if (a.logged_in) agents_.remove_idle(e.agent);
                go_home(e.agent);
            }
            break;
        case roster_action::break_start:
            if (!a.logged_in) break;
            if (a.busy()) {
                a.pending_break = e.value;  // finish the call in progress first
            } else {
                agents_.remove_idle(e.agent);
                a.logged_in = false;
                set_logged_in(a.group, -1);
                calendar_.schedule(now_ + e.value, event_class::roster, e.agent);
            }
            break;
        case roster_action::closing:
            break;
    }
}

void replication::end_break(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    if (now_ >= a.shift_end || a.logged_in || !a.on_shift) return;  // the shift ended meanwhile
    a.logged_in = true;
    set_logged_in(a.group, +1);
    take_work_or_idle(agent_id);
}

void replication::go_home(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    if (a.logged_in) {
        a.logged_in = false;
        set_logged_in(a.group, -1);
    }
    a.leaving = false;
    if (now_ > a.shift_end) {
        // Overtime belongs to the interval in which the shift ended.
        const std::int32_t bucket = bucket_of(a.shift_end - 1e-6);
        stats_.time_at(a.group, static_cast<std::size_t>(std::max(0, bucket))).overtime +=
            now_ - a.shift_end;
    }
    a.on_shift = false;
    --agents_.group(a.group).on_shift;
    if (!is_open(now_)) close_queues_nobody_serves(a.group);
}

void replication::close_queues_nobody_serves(std::uint32_t group) {
    if (agents_.group(group).on_shift > 0) return;
    for (const std::vector<std::uint32_t>& level : router_.priority_levels(group))
        for (const std::uint32_t q : level) {
            if (lines_[q].waiting == 0) continue;
            const auto& groups = router_.groups_for(q);
            if (std::none_of(groups.begin(), groups.end(),
                             [&](std::uint32_t g) { return agents_.group(g).on_shift > 0; }))
                flush_waiting(q);
        }
}

void replication::flush_waiting(std::uint32_t queue) {
    // Closed, and nobody left who could serve these calls: they end here, unserved.
    waiting_line& line = lines_[queue];
    while (!line.fifo.empty()) {
        const queued_item entry = line.fifo.front();
        line.fifo.pop();
        const work_item& item = items_[entry.id];
        if (item.generation != entry.generation || !item.waiting) continue;
        if (item.bucket >= 0) ++stats_.at(queue, static_cast<std::size_t>(item.bucket)).waiting_at_end;
        items_.release(entry.id);
    }
    line.waiting = 0;
}

void replication::take_work_or_idle(std::uint32_t agent_id) {
    const std::uint32_t item_id = router_.item_for(agents_[agent_id].group, lines_, items_);
    if (item_id != no_item)
        start_service(agent_id, item_id);
    else
        agents_.make_idle(agent_id, now_);
}

void replication::set_logged_in(std::uint32_t group, int delta) {
    group_counts& counts = agents_.group(group);
    counts.logged_in += delta;
    assert(counts.logged_in >= 0);
    groups_[group].logged_in_meter.change(
        now_, counts.logged_in,
        [&](std::size_t bucket, double seconds) { stats_.time_at(group, bucket).staffed += seconds; });
}

void replication::record_busy_time(std::uint32_t group, double from, double to) {
    spreader_.spread(from, to, [&](std::size_t bucket, double seconds) {
        stats_.time_at(group, bucket).busy += seconds;
    });
}

bool replication::is_open(double t) {
    const auto& periods = scenario_.open_periods;
    while (open_period_ < periods.size() && periods[open_period_].second.count() <= t)
        ++open_period_;
    return open_period_ < periods.size() && t >= periods[open_period_].first.count();
}

std::int32_t replication::bucket_of(double t) const {
    const double offset = (t - scenario_.day_start.count()) / scenario_.interval.count();
    if (offset < 0.0) return -1;
    return static_cast<std::int32_t>(
        std::min(static_cast<double>(scenario_.interval_count), std::floor(offset)));
}

void replication::record_queue_length(std::uint32_t queue, std::int32_t bucket) {
    if (bucket < 0) return;
    std::uint32_t& longest = stats_.at(queue, static_cast<std::size_t>(bucket)).longest_queue;
    longest = std::max(longest, lines_[queue].waiting);
}

void replication::finish() {
    for (std::uint32_t g = 0; g < groups_.size(); ++g) set_logged_in(g, 0);
    for (std::uint32_t q = 0; q < lines_.size(); ++q) {
        lines_[q].fifo.for_each([&](const queued_item& entry) {
            const work_item& item = items_[entry.id];
            if (item.generation == entry.generation && item.waiting && item.bucket >= 0)
                ++stats_.at(q, static_cast<std::size_t>(item.bucket)).waiting_at_end;
        });
    }
    stats_.absent = roster_.absent();
}

}  // namespace ccsim::sim
