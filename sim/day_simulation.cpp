#include "sim/day_simulation.hpp"

#include <algorithm>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cassert>
#include <cmath>

namespace ccsim::sim {

namespace {

double draw_day_factor(const scenario& s, std::uint64_t seed, std::uint64_t replication) {
    if (s.busyness_cv <= 0.0) return 1.0;
    random_engine engine = make_stream(seed, stream_purpose::busyness, 0, replication);
    const double alpha = 1.0 / (s.busyness_cv * s.busyness_cv);
    return boost::random::gamma_distribution<double>(alpha, 1.0 / alpha)(engine);
}

distribution_shape shape_or_exponential(const std::optional<timed_distribution>& d) {
    return d ? d->shape : distribution_shape{};
}

}  // namespace

day_simulation::queue_state::queue_state(const queue_spec& spec, const scenario& s,
                                         double day_factor, std::uint64_t seed,
                                         std::uint64_t replication, std::uint32_t index)
    : arrivals(spec.calls, s.day_start, s.interval, s.warmup, day_factor),
      arrival_stream(make_stream(seed, stream_purpose::arrivals, index, replication)),
      handle_stream(make_stream(seed, stream_purpose::handle_times, index, replication)),
      patience_stream(make_stream(seed, stream_purpose::patience, index, replication)),
      retrial_stream(make_stream(seed, stream_purpose::retrials, index, replication)),
      handle(spec.handle_time),
      patience(shape_or_exponential(spec.patience)),
      redial_delay(spec.redial.delay.shape) {}

day_simulation::day_simulation(const contact_centre& centre, std::uint64_t seed,
                               std::uint64_t replication)
    : centre_(centre),
      scenario_(centre.model()),
      stats_(scenario_.queues.size(), scenario_.groups.size(), scenario_.interval_count),
      roster_(build_roster(scenario_, seed, replication)),
      spreader_(scenario_.day_start.count(), scenario_.interval.count(), scenario_.interval_count) {
    stats_.day_factor = draw_day_factor(scenario_, seed, replication);
    queues_.reserve(scenario_.queues.size());
    for (std::size_t q = 0; q < scenario_.queues.size(); ++q)
        queues_.emplace_back(scenario_.queues[q], scenario_, stats_.day_factor, seed, replication,
                             static_cast<std::uint32_t>(q));
    groups_.assign(scenario_.groups.size(), group_state{none, none, 0, 0, level_meter(spreader_)});
    agents_.resize(roster_.agents.size());
    for (std::size_t a = 0; a < agents_.size(); ++a) {
        agents_[a].group = roster_.agents[a].group;
        agents_[a].shift_end = roster_.agents[a].shift_end;
    }
}

replication_statistics day_simulation::run() {
    for (std::uint32_t q = 0; q < queues_.size(); ++q) schedule_first_attempt(q);
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
                    complete(e.id);
                    break;
                case event_class::roster:
                    end_break(e.id);
                    break;
                case event_class::abandonment:
                    abandon(e.id, e.tag);
                    break;
                case event_class::arrival:  // a redial
                    if (calls_[e.id].generation == e.tag) arrive(e.id);
                    break;
            }
            continue;
        }
        if (external_source_ == none) break;
        now_ = time_of_bits(static_cast<std::uint64_t>(external_key_ >> 64));
        ++stats_.events;
        if (external_source_ == from_roster)
            apply(roster_.events[next_roster_++]);
        else
            first_attempt(external_source_);
        find_next_external();
    }
    finish();
    return std::move(stats_);
}

void day_simulation::find_next_external() {
    external_source_ = none;
    if (next_roster_ < roster_.events.size()) {
        // Roster events come before anything scheduled at the same instant in their class.
        external_key_ =
            make_key(roster_.events[next_roster_].time, event_order(event_class::roster, 0));
        external_source_ = from_roster;
    }
    for (std::uint32_t q = 0; q < queues_.size(); ++q) {
        const queue_state& qs = queues_[q];
        if (qs.next_arrival == never) continue;  // this queue's day is over
        if (external_source_ == none || qs.next_key < external_key_) {
            external_key_ = qs.next_key;
            external_source_ = q;
        }
    }
}

void day_simulation::schedule_first_attempt(std::uint32_t queue) {
    queue_state& qs = queues_[queue];
    const std::vector<traced_call>& trace = scenario_.queues[queue].trace;
    if (!trace.empty())
        qs.next_arrival =
            qs.next_traced < trace.size() ? trace[qs.next_traced].arrival.count() : never;
    else
        qs.next_arrival = qs.arrivals.next(qs.arrival_stream);
    qs.next_key =
        make_key(qs.next_arrival, event_order(event_class::arrival, calendar_.next_sequence()));
}

void day_simulation::first_attempt(std::uint32_t queue) {
    queue_state& qs = queues_[queue];
    const queue_spec& spec = scenario_.queues[queue];
    const std::uint32_t id = new_call();
    call& c = calls_[id];
    c.queue = queue;
    c.arrival = now_;
    c.redials = 0;
    // Every first attempt draws its handle time and patience from its queue's own streams,
    // in arrival order, whatever happens to it later: variants stay in step.
    const traced_call* traced = spec.trace.empty() ? nullptr : &spec.trace[qs.next_traced++];
    c.handle = traced ? traced->handle.count()
                      : qs.handle(qs.handle_stream) * mean_handle_time(queue, now_);
    c.patience = traced && traced->patience ? traced->patience->count()
                 : spec.patience ? qs.patience(qs.patience_stream) * spec.patience->mean.count()
                                 : never;
    schedule_first_attempt(queue);
    arrive(id);
}

double day_simulation::mean_handle_time(std::uint32_t queue, double arrival) const {
    // The mean handle time is the forecast's for the interval the call arrives in.
    const double offset = (arrival - scenario_.day_start.count()) / scenario_.interval.count();
    const std::size_t interval =
        std::min(scenario_.interval_count - 1, static_cast<std::size_t>(std::max(0.0, offset)));
    return scenario_.queues[queue].aht[interval].count();
}

void day_simulation::arrive(std::uint32_t call_id) {
    call& c = calls_[call_id];
    const std::uint32_t q = c.queue;
    ++stats_.arrivals;
    c.bucket = bucket_of(now_);
    if (!is_open(now_)) {
        if (c.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(c.bucket)).outside_hours;
        free_call(call_id);
        return;
    }
    if (c.bucket >= 0) {
        queue_counters& counters = stats_.at(q, static_cast<std::size_t>(c.bucket));
        ++counters.offered;
        if (c.redials > 0) ++counters.redials;
    }
    const std::uint32_t agent_id = longest_idle_agent(q);
    if (agent_id != none) {
        remove_idle(agent_id);
        start_service(agent_id, call_id);
        return;
    }
    queue_state& qs = queues_[q];
    c.waiting = true;
    qs.fifo.push({call_id, c.generation});
    ++qs.waiting;
    if (c.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(c.bucket)).queued;
    record_queue_length(q, c.bucket);  // the call arrived now: its interval is now's
    if (c.patience < never)
        calendar_.schedule(now_ + c.patience, event_class::abandonment, call_id, c.generation);
}

void day_simulation::start_service(std::uint32_t agent_id, std::uint32_t call_id) {
    const call& c = calls_[call_id];
    const queue_spec& spec = scenario_.queues[c.queue];
    const double wait = now_ - c.arrival;
    if (c.bucket >= 0) {
        const auto bucket = static_cast<std::size_t>(c.bucket);
        queue_counters& counters = stats_.at(c.queue, bucket);
        ++counters.answered;
        counters.answered_wait += wait;
        if (wait <= spec.threshold.count()) ++counters.answered_within;
        stats_.waits_at(c.queue, bucket).add(wait);
    }
    agent& a = agents_[agent_id];
    const double handle = c.handle * scenario_.groups[a.group].handle_time_factor;
    a.busy = true;
    set_busy(a.group, +1);
    record_busy_time(a.group, now_, now_ + handle);  // known now: no meter needed
    calendar_.schedule(now_ + handle, event_class::completion, agent_id);
    free_call(call_id);
}

void day_simulation::complete(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    a.busy = false;
    set_busy(a.group, -1);
    if (a.leaving) {  // the shift ended during this call
        // At closing time the last agents work the queue off; during opening hours the
        // next shift has arrived and the agent goes home.
        if (!is_open(now_)) {
            const std::uint32_t call_id = longest_waiting_call(a.group);
            if (call_id != none) {
                start_service(agent_id, call_id);
                return;
            }
        }
        a.leaving = false;
        a.logged_in = false;
        set_logged_in(a.group, -1);
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

void day_simulation::abandon(std::uint32_t call_id, std::uint32_t generation) {
    call& c = calls_[call_id];
    if (c.generation != generation || !c.waiting) return;  // answered meanwhile
    const std::uint32_t q = c.queue;
    const queue_spec& spec = scenario_.queues[q];
    queue_state& qs = queues_[q];
    c.waiting = false;
    ++c.generation;  // its queue entry is now stale
    --qs.waiting;
    const double wait = now_ - c.arrival;
    if (c.bucket >= 0) {
        queue_counters& counters = stats_.at(q, static_cast<std::size_t>(c.bucket));
        ++counters.abandoned;
        counters.abandoned_wait += wait;
        if (wait <= spec.threshold.count()) ++counters.abandoned_within;
    }
    const redial_model& redial = spec.redial;
    if (redial.probability > 0.0 && static_cast<int>(c.redials) < redial.max_redials &&
        boost::random::uniform_01<double>()(qs.retrial_stream) < redial.probability) {
        // The redial draws from the retrial stream, leaving first attempts' streams in step.
        ++c.redials;
        c.arrival = now_ + qs.redial_delay(qs.retrial_stream) * redial.delay.mean.count();
        c.handle = qs.handle(qs.retrial_stream) * mean_handle_time(q, c.arrival);
        c.patience =
            spec.patience ? qs.patience(qs.retrial_stream) * spec.patience->mean.count() : never;
        calendar_.schedule(c.arrival, event_class::arrival, call_id, c.generation);
        return;
    }
    free_call(call_id);
}

void day_simulation::apply(const roster_event& e) {
    agent& a = agents_[e.agent];
    switch (e.action) {
        case roster_action::shift_start:
            a.logged_in = true;
            set_logged_in(a.group, +1);
            take_work_or_idle(e.agent);
            break;
        case roster_action::shift_end:
            a.pending_break = 0.0;
            if (a.busy) {
                a.leaving = true;  // finish the call in progress (and at closing, the queue)
            } else if (a.logged_in) {
                remove_idle(e.agent);
                a.logged_in = false;
                set_logged_in(a.group, -1);
            }
            break;
        case roster_action::break_start:
            if (!a.logged_in) break;
            if (a.busy) {
                a.pending_break = e.break_length;  // finish the call in progress first
            } else {
                remove_idle(e.agent);
                a.logged_in = false;
                set_logged_in(a.group, -1);
                calendar_.schedule(now_ + e.break_length, event_class::roster, e.agent);
            }
            break;
    }
}

void day_simulation::end_break(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    if (now_ >= a.shift_end || a.logged_in) return;  // the shift ended during the break
    a.logged_in = true;
    set_logged_in(a.group, +1);
    take_work_or_idle(agent_id);
}

std::uint32_t day_simulation::longest_idle_agent(std::uint32_t queue) const {
    std::uint32_t best = none;
    for (const std::uint32_t g : centre_.groups_for_queue()[queue]) {
        const std::uint32_t head = groups_[g].idle_head;
        if (head != none && (best == none || agents_[head].idle_since < agents_[best].idle_since))
            best = head;
    }
    return best;
}

std::uint32_t day_simulation::longest_waiting_call(std::uint32_t group) {
    for (const std::vector<std::uint32_t>& level : centre_.priority_levels()[group]) {
        std::uint32_t best_queue = none;
        double best_arrival = never;
        for (const std::uint32_t q : level) {
            call_fifo& fifo = queues_[q].fifo;
            while (!fifo.empty()) {  // drop entries of callers who hung up
                const queued_call& head = fifo.front();
                const call& c = calls_[head.id];
                if (c.generation == head.generation && c.waiting) break;
                fifo.pop();
            }
            if (!fifo.empty() && calls_[fifo.front().id].arrival < best_arrival) {
                best_arrival = calls_[fifo.front().id].arrival;
                best_queue = q;
            }
        }
        if (best_queue != none) {
            queue_state& qs = queues_[best_queue];
            const std::uint32_t id = qs.fifo.front().id;
            qs.fifo.pop();
            --qs.waiting;
            calls_[id].waiting = false;
            return id;
        }
    }
    return none;
}

void day_simulation::take_work_or_idle(std::uint32_t agent_id) {
    const std::uint32_t call_id = longest_waiting_call(agents_[agent_id].group);
    if (call_id != none)
        start_service(agent_id, call_id);
    else
        make_idle(agent_id);
}

std::uint32_t day_simulation::new_call() {
    if (free_calls_.empty()) {
        calls_.push_back({});
        return static_cast<std::uint32_t>(calls_.size() - 1);
    }
    const std::uint32_t id = free_calls_.back();
    free_calls_.pop_back();
    return id;
}

void day_simulation::free_call(std::uint32_t call_id) {
    call& c = calls_[call_id];
    ++c.generation;
    c.waiting = false;
    free_calls_.push_back(call_id);
}

void day_simulation::make_idle(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    group_state& g = groups_[a.group];
    a.idle_since = now_;
    a.previous_idle = g.idle_tail;
    a.next_idle = none;
    if (g.idle_tail != none)
        agents_[g.idle_tail].next_idle = agent_id;
    else
        g.idle_head = agent_id;
    g.idle_tail = agent_id;
}

void day_simulation::remove_idle(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    group_state& g = groups_[a.group];
    if (a.previous_idle != none)
        agents_[a.previous_idle].next_idle = a.next_idle;
    else
        g.idle_head = a.next_idle;
    if (a.next_idle != none)
        agents_[a.next_idle].previous_idle = a.previous_idle;
    else
        g.idle_tail = a.previous_idle;
    a.previous_idle = a.next_idle = none;
}

void day_simulation::set_logged_in(std::uint32_t group, int delta) {
    group_state& g = groups_[group];
    g.logged_in += delta;
    assert(g.logged_in >= 0);
    g.logged_in_meter.change(now_, g.logged_in, [&](std::size_t bucket, double seconds) {
        stats_.time_at(group, bucket).staffed += seconds;
    });
}

void day_simulation::set_busy(std::uint32_t group, int delta) {
    group_state& g = groups_[group];
    g.busy += delta;
    assert(g.busy >= 0 && g.busy <= g.logged_in);
}

void day_simulation::record_busy_time(std::uint32_t group, double from, double to) {
    spreader_.spread(from, to, [&](std::size_t bucket, double seconds) {
        stats_.time_at(group, bucket).busy += seconds;
    });
}

bool day_simulation::is_open(double t) {
    const auto& periods = scenario_.open_periods;
    while (open_period_ < periods.size() && periods[open_period_].second.count() <= t)
        ++open_period_;
    return open_period_ < periods.size() && t >= periods[open_period_].first.count();
}

std::int32_t day_simulation::bucket_of(double t) const {
    const double offset = (t - scenario_.day_start.count()) / scenario_.interval.count();
    if (offset < 0.0) return -1;
    return static_cast<std::int32_t>(
        std::min(static_cast<double>(scenario_.interval_count), std::floor(offset)));
}

void day_simulation::record_queue_length(std::uint32_t queue, std::int32_t bucket) {
    if (bucket < 0) return;
    std::uint32_t& longest = stats_.at(queue, static_cast<std::size_t>(bucket)).longest_queue;
    longest = std::max(longest, queues_[queue].waiting);
}

void day_simulation::finish() {
    for (std::uint32_t g = 0; g < groups_.size(); ++g) set_logged_in(g, 0);
    for (std::uint32_t q = 0; q < queues_.size(); ++q) {
        queues_[q].fifo.for_each([&](const queued_call& entry) {
            const call& c = calls_[entry.id];
            if (c.generation == entry.generation && c.waiting && c.bucket >= 0)
                ++stats_.at(q, static_cast<std::size_t>(c.bucket)).waiting_at_end;
        });
    }
}

}  // namespace ccsim::sim
