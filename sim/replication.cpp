#include "sim/replication.hpp"

#include <algorithm>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cassert>
#include <cmath>

#include "sim/channels/back_office.hpp"
#include "sim/channels/chat.hpp"
#include "sim/channels/outbound.hpp"
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
        random_engine engine =
            make_stream(seed, stream_purpose::busyness, static_cast<std::uint32_t>(d), replication);
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

double uniform(random_engine& engine) {
    return boost::random::uniform_01<double>()(engine);
}

// Answered contacts until the problem is solved: geometric with success `resolved`.
std::uint16_t contacts_needed(double resolved, random_engine& engine) {
    if (resolved >= 1.0) return 1;
    const double u = uniform(engine);
    if (resolved <= 0.0) return 1000;
    const double k = 1.0 + std::floor(std::log1p(-u) / std::log1p(-resolved));
    return static_cast<std::uint16_t>(std::min(1000.0, k));
}

// A traced caller's patience from the queue's model, above what the log says they waited.
double drawn_patience_above(unit_variate& patience, random_engine& engine,
                            const timed_distribution& model, const traced_call& call) {
    const double mean = model.mean.count();
    return patience.above(call.patience_above.count() / mean, engine) * mean;
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
      outcome_stream(make_stream(seed, stream_purpose::outcomes, index, replication)),
      handle(spec.handle_time),
      patience(shape_or_exponential(spec.patience)),
      redial_delay(spec.redial.delay.shape),
      repeat_delay(spec.repeats.delay.shape),
      reply(spec.back_office.reply.shape),
      retry_delay(spec.outbound.retry_delay.shape),
      hours(spec.open_periods.empty() ? &s.open_periods : &spec.open_periods) {}

replication::replication(const contact_centre& centre, std::uint64_t seed, std::uint64_t index)
    : centre_(centre),
      scenario_(centre.model()),
      router_(centre.routing()),
      stats_(scenario_.queues.size(), scenario_.groups.size(), scenario_.interval_count,
             scenario_.calendar.days),
      roster_(scenario_, centre.roster(), seed, index),
      agents_(centre.roster().group_of_agent(), centre.slots_per_group(),
              centre.levels_per_group()),
      lines_(scenario_.queues.size()),
      spreader_(scenario_.day_start.count(), scenario_.interval.count(), scenario_.interval_count),
      horizon_end_(static_cast<double>(scenario_.calendar.days) * seconds_per_day) {
    const std::vector<bool> in_total = queues_in_total(scenario_);
    in_total_.assign(in_total.begin(), in_total.end());
    for (std::uint32_t q = 0; q < in_total.size(); ++q)
        if (in_total[q]) total_members_.push_back(q);
    several_in_total_ = total_members_.size() > 1;
    next_boundary_ = scenario_.day_start.count();
    stats_.day_factors = draw_day_factors(scenario_, seed, index);
    const std::vector<double> factors = interval_factors(scenario_, stats_.day_factors);
    queues_.reserve(scenario_.queues.size());
    for (std::size_t q = 0; q < scenario_.queues.size(); ++q) {
        queues_.emplace_back(scenario_.queues[q], scenario_, factors, seed, index,
                             static_cast<std::uint32_t>(q));
        lines_[q].by_deadline = scenario_.queues[q].channel == channel_kind::backoffice;
    }
    groups_.assign(
        scenario_.groups.size(),
        group_state{level_meter(spreader_), level_meter(spreader_), level_meter(spreader_),
                    level_meter(spreader_), 0, level_meter(spreader_)});
    after_call_.resize(scenario_.groups.size());
    for (std::size_t g = 0; g < scenario_.groups.size(); ++g)
        if (const auto& acw = scenario_.groups[g].after_call_work)
            after_call_[g] = std::make_unique<duration_draws>(
                duration_draws{make_stream(seed, stream_purpose::after_call_work,
                                           static_cast<std::uint32_t>(g), index),
                               unit_variate(acw->shape), acw->mean.count()});
    routing_.resize(scenario_.queues.size());
    for (std::size_t q = 0; q < scenario_.queues.size(); ++q)
        if (const auto& delay = scenario_.queues[q].routing_delay)
            routing_[q] = std::make_unique<duration_draws>(
                duration_draws{make_stream(seed, stream_purpose::routing_delay,
                                           static_cast<std::uint32_t>(q), index),
                               unit_variate(delay->shape), delay->mean.count()});
    not_ready_.resize(scenario_.groups.size());
    for (std::size_t g = 0; g < scenario_.groups.size(); ++g) {
        const auto& nr = scenario_.groups[g].not_ready;
        if (!nr || nr->share <= 0.0) continue;  // a share of 0: as if not given
        not_ready_[g] = std::make_unique<not_ready_state>(not_ready_state{
            make_stream(seed, stream_purpose::not_ready, static_cast<std::uint32_t>(g), index),
            unit_variate(nr->length.shape), nr->length.mean.count(), nr->mean_ready_seconds()});
    }
    if (std::any_of(not_ready_.begin(), not_ready_.end(),
                    [](const auto& nr) { return nr != nullptr; }))
        timer_tag_.assign(agents_.size(), 0);
    if (centre.items_live_on()) items_.keep_stories();
    if (centre.has_chat()) {
        for (const group_spec& g : scenario_.groups)
            max_slots_ = std::max(max_slots_, static_cast<std::size_t>(g.max_chats));
        chats_.assign(agents_.size() * max_slots_, no_item);
    }
    if (centre.has_back_office()) held_.assign(agents_.size(), no_item);
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
            if (now_ >= next_boundary_) record_boundaries(now_);
            ++stats_.events;
            switch (e.kind()) {
                case event_class::completion:
                    complete(e.id, e.tag);
                    break;
                case event_class::item_done:
                    item_done(e.id, e.tag);
                    break;
                case event_class::roster:
                    agent_timer(e.id, e.tag);
                    break;
                case event_class::abandonment:
                    abandon(e.id, e.tag);
                    break;
                case event_class::arrival:  // a redial, a repeat call, an outbound retry
                    if (items_[e.id].generation == e.tag) arrive(e.id);
                    break;
                case event_class::routed:
                    route(e.id, e.tag);
                    break;
            }
            continue;
        }
        if (external_source_ == none) break;
        now_ = time_of_bits(external_key_.time_bits);
        if (now_ >= next_boundary_) record_boundaries(now_);
        ++stats_.events;
        if (external_source_ == from_roster) {
            apply(roster_.pop());
            roster_next_ = roster_.next_time();
        } else {
            first_attempt(external_source_);
        }
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

std::uint32_t replication::new_item(std::uint32_t queue, double arrival) {
    const std::uint32_t id = items_.allocate();
    work_item& item = items_[id];
    item.queue = queue;
    item.arrival = arrival;
    item.redials = 0;
    return id;
}

void replication::first_attempt(std::uint32_t queue) {
    queue_state& qs = queues_[queue];
    const queue_spec& spec = scenario_.queues[queue];
    const std::uint32_t id = new_item(queue, now_);
    work_item& item = items_[id];
    // Every first attempt draws its handle time and patience from its queue's own streams,
    // in arrival order, whatever happens to it later: variants stay in step.
    const traced_call* traced = qs.arrivals.traced();
    if (!traced) {
        item.handle = qs.handle(qs.handle_stream) * mean_handle_time(queue, now_);
        item.patience =
            spec.patience ? qs.patience(qs.patience_stream) * spec.patience->mean.count() : never;
    } else {
        item.handle = traced->handle ? traced->handle->count()
                                     : qs.handle(qs.handle_stream) * mean_handle_time(queue, now_);
        item.patience = traced->patience ? traced->patience->count()
                        : spec.patience  ? drawn_patience_above(qs.patience, qs.patience_stream,
                                                                *spec.patience, *traced)
                                         : never;
    }
    if (centre_.items_live_on()) {
        item_story& story = items_.story(id);
        story.created = now_;
        switch (spec.channel) {
            case channel_kind::voice:
                // The case's future is drawn now, from its own stream: how many answered
                // contacts it takes, and whether it gets a follow-up call.
                story.contacts_needed = contacts_needed(spec.repeats.resolved, qs.outcome_stream);
                if (spec.follow_up)
                    story.follow_up = uniform(qs.outcome_stream) < spec.follow_up->share;
                break;
            case channel_kind::chat:
                break;
            case channel_kind::backoffice:
                back_office::begin(spec, story, item,
                                   qs.reply(qs.handle_stream) * spec.back_office.reply.mean.count(),
                                   now_, horizon_end_);
                break;
            case channel_kind::outbound:
                outbound::begin(story, now_ + spec.outbound.due_within.count(), horizon_end_);
                break;
        }
    }
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

// A call to the longest-idle agent who may take it, else in line.
[[gnu::always_inline]] inline void replication::offer_call(std::uint32_t q, std::uint32_t item_id) {
    const std::uint32_t agent_id = router_.agent_for(q, agents_);
    if (agent_id != no_agent) {
        agents_.remove_idle(agent_id);
        start_voice(agent_id, item_id);
        return;
    }
    wait_in_line(q, item_id, 0.0);
}

// An agent of a voice-only group takes the next call, or goes idle if it is at work.
[[gnu::always_inline]] inline void replication::take_call_or_idle(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    const std::uint32_t item_id = router_.call_for(a.group, lines_, items_);
    if (item_id != no_item)
        start_voice(agent_id, item_id);
    else if (a.logged_in && !a.leaving)
        agents_.make_idle(agent_id, now_);
}

void replication::arrive(std::uint32_t item_id) {
    work_item& item = items_[item_id];
    const std::uint32_t q = item.queue;
    ++stats_.arrivals;
    const channel_kind channel = router_.channel(q);
    if (channel == channel_kind::voice && !centre_.queue_lives_on(q)) {  // a plain call
        item.bucket = bucket_of(now_);
        if (!is_open(q, now_)) {
            if (item.bucket >= 0)
                ++stats_.at(q, static_cast<std::size_t>(item.bucket)).outside_hours;
            items_.release(item_id);
            return;
        }
        if (item.bucket >= 0)
            voice::count_offered(stats_.at(q, static_cast<std::size_t>(item.bucket)), item);
        if (routing_[q]) [[unlikely]] {
            delay_routing(item_id);  // offered to agents when the delay ends
            return;
        }
        offer_call(q, item_id);
        return;
    }
    // An item back in line for its next step (a back-office resolution, an outbound retry)
    // stays counted in the interval it first arrived in; a call or chat attempt (a redial, a
    // repeat) counts where it arrives.
    const bool returning =
        (channel == channel_kind::backoffice && items_.story(item_id).step != 0) ||
        (channel == channel_kind::outbound && items_.story(item_id).attempts != 0);
    if (!returning) item.bucket = bucket_of(now_);
    // Back-office items and outbound tasks are accepted whenever they come; calls and chats
    // only while their queue is open.
    if ((channel == channel_kind::voice || channel == channel_kind::chat) && !is_open(q, now_)) {
        if (item.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(item.bucket)).outside_hours;
        items_.release(item_id);
        return;
    }
    if (item.bucket >= 0) {
        queue_counters& counters = stats_.at(q, static_cast<std::size_t>(item.bucket));
        switch (channel) {
            case channel_kind::voice:
                voice::count_offered(counters, item);
                if (centre_.items_live_on() && items_.story(item_id).contacts > 0 &&
                    item.redials == 0)
                    ++counters.repeats;
                break;
            case channel_kind::chat:
                voice::count_offered(counters, item);
                break;
            case channel_kind::backoffice:
                back_office::count_offered(counters, items_.story(item_id), scenario_.queues[q],
                                           horizon_end_);
                break;
            case channel_kind::outbound:
                if (items_.story(item_id).attempts == 0)
                    outbound::count_offered(counters, items_.story(item_id));
                break;
        }
    }
    switch (channel) {
        case channel_kind::voice:
            if (routing_[q]) [[unlikely]] {
                delay_routing(item_id);
                return;
            }
            [[fallthrough]];
        case channel_kind::backoffice:
            offer_whole(q, item_id);
            return;
        case channel_kind::chat:
            offer_chat(q, item_id);
            return;
        case channel_kind::outbound:
            offer_outbound(q, item_id);
            return;
    }
}

void replication::offer_whole(std::uint32_t q, std::uint32_t item_id) {
    if (router_.channel(q) == channel_kind::voice) return offer_call(q, item_id);
    const std::uint32_t agent_id = router_.agent_for(q, agents_);
    if (agent_id != no_agent) {
        agents_.remove_idle(agent_id);
        start_back_office(agent_id, item_id);
        return;
    }
    wait_in_line(q, item_id, items_.story(item_id).due);  // earliest deadline first
}

void replication::offer_chat(std::uint32_t q, std::uint32_t item_id) {
    const std::uint32_t agent_id = router_.chat_agent_for(q, agents_);
    if (agent_id != no_agent) {
        agents_.remove_idle(agent_id);
        start_service(agent_id, item_id);
        return;
    }
    wait_in_line(q, item_id, 0.0);
}

void replication::offer_outbound(std::uint32_t q, std::uint32_t item_id) {
    wait_in_line(q, item_id, 0.0);
    for (const std::uint32_t g : router_.groups_for(q)) offer_outbound_work(g);
}

void replication::wait_in_line(std::uint32_t q, std::uint32_t item_id, double key) {
    work_item& item = items_[item_id];
    waiting_line& line = lines_[q];
    item.waiting = true;
    line.push({item_id, item.generation}, key);
    ++line.waiting;
    if (item.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(item.bucket)).queued;
    record_queue_length(q, item.bucket);  // it arrived now: its interval is now's
    if (item.patience < never)
        calendar_.schedule(now_ + item.patience, event_class::abandonment, item_id,
                           item.generation);
}

void replication::start_service(std::uint32_t agent_id, std::uint32_t item_id) {
    switch (router_.channel(items_[item_id].queue)) {
        case channel_kind::voice:
            start_voice(agent_id, item_id);
            return;
        case channel_kind::chat:
            start_chat(agent_id, item_id);
            return;
        case channel_kind::backoffice:
            start_back_office(agent_id, item_id);
            return;
        case channel_kind::outbound:
            start_outbound(agent_id, item_id);
            return;
    }
}

void replication::start_voice(std::uint32_t agent_id, std::uint32_t item_id) {
    const work_item& item = items_[item_id];
    const queue_spec& spec = scenario_.queues[item.queue];
    agent& a = agents_[agent_id];
    if (item.bucket >= 0) {
        const auto bucket = static_cast<std::size_t>(item.bucket);
        voice::count_answered(stats_.at(item.queue, bucket), stats_.waits_at(item.queue, bucket),
                              now_ - item.arrival, spec);
    }
    double service = voice::service_time(item, scenario_.groups[a.group]);
    if (duration_draws* acw = after_call_[a.group].get())
        service += acw->duration(acw->stream) * acw->mean;  // busy, but the caller has gone
    // A plain call's story ends when it is answered: nothing happens to it after its service,
    // so its slot is freed now and its completion only frees the agent. A repeat caller's or a
    // follow-up's case goes on past the service: kept until completion.
    std::uint32_t lives_on = no_item;
    if (centre_.queue_lives_on(item.queue)) {
        lives_on = item_id;
        item_story& story = items_.story(item_id);
        ++story.contacts;
        if (story.contacts == 1 && item.bucket >= 0)
            ++stats_.at(item.queue, static_cast<std::size_t>(item.bucket)).first_contacts;
    } else {
        items_.release(item_id);
    }
    take_whole(agent_id);
    record_busy_time(a.group, now_, now_ + service);  // known now: no meter needed
    calendar_.schedule(now_ + service, event_class::completion, agent_id, lives_on);
}

void replication::start_outbound(std::uint32_t agent_id, std::uint32_t item_id) {
    work_item& item = items_[item_id];
    const queue_spec& spec = scenario_.queues[item.queue];
    queue_state& qs = queues_[item.queue];
    agent& a = agents_[agent_id];
    item_story& story = items_.story(item_id);
    ++story.attempts;
    const bool reached = uniform(qs.outcome_stream) < spec.outbound.reach;
    const double service = reached ? voice::service_time(item, scenario_.groups[a.group])
                                   : spec.outbound.attempt_time.count();
    // Whether it was reached is known now; counted when the call ends.
    story.step = reached ? 1 : 0;
    ++stats_.time_at(a.group, static_cast<std::size_t>(std::max(0, bucket_of(now_)))).attempts;
    if (item.bucket >= 0) ++stats_.at(item.queue, static_cast<std::size_t>(item.bucket)).attempts;
    take_whole(agent_id);
    record_busy_time(a.group, now_, now_ + service);
    calendar_.schedule(now_ + service, event_class::completion, agent_id, item_id);
}

void replication::start_back_office(std::uint32_t agent_id, std::uint32_t item_id) {
    agent& a = agents_[agent_id];
    item_story& story = items_.story(item_id);
    story.agent = agent_id;
    story.since = now_;
    held_[agent_id] = item_id;
    take_whole(agent_id);
    // The step's work left at this group's pace; paused (and put back in line) at a break or
    // the end of the shift.
    const double duration = story.remaining * scenario_.groups[a.group].handle_time_factor;
    ++items_[item_id].generation;
    calendar_.schedule(now_ + duration, event_class::item_done, item_id,
                       items_[item_id].generation);
}

void replication::start_chat(std::uint32_t agent_id, std::uint32_t item_id) {
    work_item& item = items_[item_id];
    const queue_spec& spec = scenario_.queues[item.queue];
    agent& a = agents_[agent_id];
    if (item.bucket >= 0) {
        const auto bucket = static_cast<std::size_t>(item.bucket);
        voice::count_answered(stats_.at(item.queue, bucket), stats_.waits_at(item.queue, bucket),
                              now_ - item.arrival, spec);
    }
    item_story& story = items_.story(item_id);
    story.agent = agent_id;
    story.remaining = item.handle * scenario_.groups[a.group].handle_time_factor;
    story.since = now_;
    const int before = a.sessions;
    std::uint32_t* held = &chats_[agent_id * max_slots_];
    *std::find(held, held + max_slots_, no_item) = item_id;
    agents_.take_session(agent_id);
    if (a.sessions == 1 && !a.whole) ++groups_[a.group].chatting_only;
    meter_sessions(a.group);
    retime_chats(agent_id, before);
    make_available(agent_id);
}

void replication::retime_chats(std::uint32_t agent_id, int sessions_before) {
    // Every chat the agent holds progresses at 1 / f(k) while it holds k: bring each up to
    // now at the old pace, then schedule its end at the new one.
    const agent& a = agents_[agent_id];
    const group_spec& group = scenario_.groups[a.group];
    const double before = group.concurrency_factor(sessions_before);
    const double after = group.concurrency_factor(a.sessions);
    std::uint32_t* held = &chats_[agent_id * max_slots_];
    for (std::size_t i = 0; i < max_slots_; ++i) {
        const std::uint32_t id = held[i];
        if (id == no_item) continue;
        const double end = chat::retime(items_.story(id), now_, before, after);
        work_item& item = items_[id];
        ++item.generation;  // its scheduled end is stale now
        calendar_.schedule(end, event_class::item_done, id, item.generation);
    }
}

void replication::complete(std::uint32_t agent_id, std::uint32_t item_id) {
    if (item_id != no_item) {
        switch (router_.channel(items_[item_id].queue)) {
            case channel_kind::outbound: {
                const work_item& item = items_[item_id];
                const queue_spec& spec = scenario_.queues[item.queue];
                item_story& story = items_.story(item_id);
                queue_counters* counters =
                    item.bucket >= 0 ? &stats_.at(item.queue, static_cast<std::size_t>(item.bucket))
                                     : nullptr;
                if (story.step == 1) {  // reached: the follow-up is done
                    if (counters) outbound::count_done(*counters, story, now_);
                    items_.release(item_id);
                } else if (story.attempts < spec.outbound.max_attempts) {
                    queue_state& qs = queues_[item.queue];
                    work_item& retry = items_[item_id];
                    retry.arrival = now_ + qs.retry_delay(qs.retrial_stream) *
                                               spec.outbound.retry_delay.mean.count();
                    ++retry.generation;
                    calendar_.schedule(retry.arrival, event_class::arrival, item_id,
                                       retry.generation);
                } else {
                    if (counters) ++counters->failed;
                    items_.release(item_id);
                }
                break;
            }
            default:
                end_case(item_id);
                break;
        }
    }
    const bool free = release_whole(agent_id);
    agent& a = agents_[agent_id];
    if (free && !a.leaving && a.pending_break == 0.0 && router_.voice_only(a.group)) {
        take_call_or_idle(agent_id);  // the common case: a hotline agent, free again
        return;
    }
    after_work(agent_id);
}

void replication::end_case(std::uint32_t item_id) {
    // An answered call whose case goes on: solved (perhaps with a follow-up call to make), or
    // the customer calls again, or after enough contacts it becomes a complaint.
    work_item& item = items_[item_id];
    const std::uint32_t q = item.queue;
    const queue_spec& spec = scenario_.queues[q];
    item_story& story = items_.story(item_id);
    queue_state& qs = queues_[q];
    if (story.contacts >= story.contacts_needed) {
        if (story.contacts == 1 && item.bucket >= 0)
            ++stats_.at(q, static_cast<std::size_t>(item.bucket)).first_resolved;
        if (story.follow_up) {
            const follow_up_model& f = *spec.follow_up;
            const auto to = static_cast<std::uint32_t>(f.to);
            const std::uint32_t task = new_item(to, now_);
            items_[task].handle =
                queues_[to].handle(queues_[to].handle_stream) * mean_handle_time(to, now_);
            items_[task].patience = never;
            outbound::begin(items_.story(task), now_ + f.due_within.count(), horizon_end_);
            items_.story(task).created = now_;
            arrive(task);
        }
        items_.release(item_id);
        return;
    }
    const repeat_model& r = spec.repeats;
    if (r.escalate_to && story.contacts >= r.escalate_after) {
        if (item.bucket >= 0) ++stats_.at(q, static_cast<std::size_t>(item.bucket)).escalated;
        const auto to = static_cast<std::uint32_t>(*r.escalate_to);
        const queue_spec& desk = scenario_.queues[to];
        queue_state& ds = queues_[to];
        item.queue = to;
        item.redials = 0;
        item.patience = never;
        item.arrival = now_;
        item.handle = ds.handle(ds.handle_stream) * mean_handle_time(to, now_);
        ++item.generation;
        story = {};
        story.created = now_;
        back_office::begin(desk, story, item,
                           ds.reply(ds.handle_stream) * desk.back_office.reply.mean.count(), now_,
                           horizon_end_);
        arrive(item_id);
        return;
    }
    // The customer calls again later, while the line is open: a repeat, the same case. The
    // delay counts the queue's opening hours (nobody calls back a closed line).
    item.redials = 0;
    item.arrival =
        after_open_time(*qs.hours, now_, qs.repeat_delay(qs.retrial_stream) * r.delay.mean.count());
    item.handle = qs.handle(qs.retrial_stream) * mean_handle_time(q, item.arrival);
    item.patience =
        spec.patience ? qs.patience(qs.retrial_stream) * spec.patience->mean.count() : never;
    ++item.generation;
    calendar_.schedule(item.arrival, event_class::arrival, item_id, item.generation);
}

void replication::item_done(std::uint32_t item_id, std::uint32_t generation) {
    work_item& item = items_[item_id];
    if (item.generation != generation) return;  // rescheduled or paused meanwhile
    item_story& story = items_.story(item_id);
    const std::uint32_t agent_id = story.agent;
    agent& a = agents_[agent_id];
    const std::uint32_t q = item.queue;
    queue_counters* counters =
        item.bucket >= 0 ? &stats_.at(q, static_cast<std::size_t>(item.bucket)) : nullptr;
    if (router_.channel(q) == channel_kind::chat) {
        std::uint32_t* held = &chats_[agent_id * max_slots_];
        *std::find(held, held + max_slots_, item_id) = no_item;
        const int before = a.sessions;
        items_.release(item_id);
        const bool free = agents_.release_session(agent_id);
        if (a.sessions == 0 && !a.whole) --groups_[a.group].chatting_only;
        meter_sessions(a.group);
        retime_chats(agent_id, before);
        (void)free;
        after_work(agent_id);
        return;
    }
    // A back-office step is done.
    record_busy_time(a.group, story.since, now_);
    held_[agent_id] = no_item;
    const queue_spec& spec = scenario_.queues[q];
    if (story.step == 0) {
        if (counters) back_office::count_replied(*counters, story, now_);
        back_office::to_resolution(spec, story, item, now_, horizon_end_);
        release_whole(agent_id);
        arrive(item_id);  // back in line for the resolution work (perhaps with the same agent)
    } else {
        if (counters) back_office::count_resolved(*counters, story, now_);
        items_.release(item_id);
        release_whole(agent_id);
    }
    after_work(agent_id);
}

void replication::pause_back_office(std::uint32_t agent_id) {
    // The agent stops (a break, the end of its shift): the step's work left goes back in line.
    const std::uint32_t item_id = held_.empty() ? no_item : held_[agent_id];
    if (item_id == no_item) return;
    agent& a = agents_[agent_id];
    item_story& story = items_.story(item_id);
    const double pace = scenario_.groups[a.group].handle_time_factor;
    story.remaining = std::max(0.0, story.remaining - (now_ - story.since) / pace);
    record_busy_time(a.group, story.since, now_);
    held_[agent_id] = no_item;
    work_item& item = items_[item_id];
    ++item.generation;  // its end event is stale now
    item.arrival = now_;
    release_whole(agent_id);
    wait_in_line(item.queue, item_id, story.due);
}

void replication::after_work(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    if (a.busy() && (a.whole || a.leaving)) {
        agents_.remove_idle(agent_id);
        return;  // still at work; nothing new while leaving except closing work below
    }
    if (a.leaving) {
        // After closing time the agents on shift work their queues off; during opening hours
        // the next shift has arrived and the agent goes home.
        if (!is_open(now_)) {
            const std::uint32_t next = router_.item_for(a.group, lines_, items_);
            if (next != no_item) {
                start_service(agent_id, next);
                return;
            }
        }
        if (!a.busy()) go_home(agent_id);
        return;
    }
    if (a.pending_break > 0.0) {  // the break was due during the work: take it in full now
        if (a.busy()) {
            agents_.remove_idle(agent_id);
            return;
        }
        const double length = a.pending_break;
        a.pending_break = 0.0;
        agents_.remove_idle(agent_id);
        if (a.owes_not_ready) {  // not-ready time owed: taken now, logged in
            a.owes_not_ready = false;
            return start_not_ready(agent_id, length);
        }
        a.logged_in = false;
        set_logged_in(a.group, -1);
        calendar_.schedule(now_ + length, event_class::roster, agent_id);
        return;
    }
    take_work_or_idle(agent_id);
}

void replication::take_work_or_idle(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    agents_.remove_idle(agent_id);
    if (router_.voice_only(a.group)) return take_call_or_idle(agent_id);  // the hotline's path
    const group_spec& group = scenario_.groups[a.group];
    while (true) {
        const can_take what{!a.whole && (a.sessions == 0 || group.blend),
                            !a.whole && a.sessions < a.slots};
        if (!what.whole && !what.chat) break;
        const std::uint32_t item_id = router_.item_for(a.group, lines_, items_, what);
        if (item_id == no_item) break;
        start_service(agent_id, item_id);
        if (a.whole) return;  // start_service made it available again where it should be
        agents_.remove_idle(agent_id);
    }
    if (!a.busy() && take_outbound(agent_id)) return;
    make_available(agent_id);
}

bool replication::take_outbound(std::uint32_t agent_id) {
    // Outbound calls only while nothing inbound waits for this agent (it found nothing) and at
    // least `reserve` agents of its group stay idle for inbound work.
    const agent& a = agents_[agent_id];
    const auto& outbound = router_.outbound_queues(a.group);
    if (outbound.empty()) return false;
    if (static_cast<int>(agents_.group(a.group).idle) < scenario_.groups[a.group].reserve)
        return false;
    for (const std::uint32_t q : outbound) {
        if (!is_open(q, now_)) continue;
        waiting_line& line = lines_[q];
        while (!line.empty()) {
            const queued_item head = line.front();
            line.pop();
            work_item& item = items_[head.id];
            if (item.generation != head.generation || !item.waiting) continue;
            item.waiting = false;
            --line.waiting;
            start_outbound(agent_id, head.id);
            return true;
        }
    }
    return false;
}

bool replication::outbound_waiting(std::uint32_t group) {
    for (const std::uint32_t q : router_.outbound_queues(group)) {
        if (!is_open(q, now_)) continue;
        waiting_line& line = lines_[q];
        while (!line.empty()) {  // drop stale entries
            const queued_item& head = line.front();
            const work_item& item = items_[head.id];
            if (item.generation == head.generation && item.waiting) return true;
            line.pop();
        }
    }
    return false;
}

void replication::offer_outbound_work(std::uint32_t group) {
    // Tasks wait: idle agents beyond the reserve take them, longest idle first.
    const auto reserve = static_cast<std::uint32_t>(scenario_.groups[group].reserve);
    while (agents_.group(group).idle > reserve && outbound_waiting(group)) {
        const std::uint32_t agent_id = agents_.idle_head(group);
        agents_.remove_idle(agent_id);
        take_outbound(agent_id);
    }
}

void replication::make_available(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    agents_.remove_idle(agent_id);
    if (!a.logged_in || a.leaving || a.whole) return;
    if (a.sessions == 0) {
        agents_.make_idle(agent_id, now_);
        return;
    }
    if (a.sessions < a.slots || scenario_.groups[a.group].blend)
        agents_.make_available(agent_id, now_);
}

void replication::abandon(std::uint32_t item_id, std::uint32_t generation) {
    work_item& item = items_[item_id];
    if (item.generation != generation || !item.waiting) return;  // answered meanwhile
    item.waiting = false;
    ++item.generation;  // its queue entry is now stale
    --lines_[item.queue].waiting;
    hang_up(item_id, now_);
}

void replication::hang_up(std::uint32_t item_id, double left_at) {
    work_item& item = items_[item_id];
    const std::uint32_t q = item.queue;
    const queue_spec& spec = scenario_.queues[q];
    queue_state& qs = queues_[q];
    if (item.bucket >= 0)
        voice::count_abandoned(stats_.at(q, static_cast<std::size_t>(item.bucket)),
                               left_at - item.arrival, spec);
    const redial_model& redial = spec.redial;
    if (redial.probability > 0.0 && static_cast<int>(item.redials) < redial.max_redials &&
        uniform(qs.retrial_stream) < redial.probability) {
        // The redial draws from the retrial stream, leaving first attempts' streams in step.
        ++item.redials;  // at most max_redials (<= 1000): fits
        item.arrival = left_at + qs.redial_delay(qs.retrial_stream) * redial.delay.mean.count();
        item.handle = qs.handle(qs.retrial_stream) * mean_handle_time(q, item.arrival);
        item.patience =
            spec.patience ? qs.patience(qs.retrial_stream) * spec.patience->mean.count() : never;
        calendar_.schedule(item.arrival, event_class::arrival, item_id, item.generation);
        return;
    }
    items_.release(item_id);
}

// A call whose queue has a routing delay: offered to agents when the delay is over, unless its
// caller hangs up first (decided now: nothing can answer the call before then). Kept out of
// line: the plain voice path must not grow.
[[gnu::noinline]] void replication::delay_routing(std::uint32_t item_id) {
    work_item& item = items_[item_id];
    duration_draws& delay = *routing_[item.queue];
    const double length = delay.duration(delay.stream) * delay.mean;
    if (item.patience <= length) {
        hang_up(item_id, now_ + item.patience);
        return;
    }
    calendar_.schedule(now_ + length, event_class::routed, item_id, item.generation);
}

void replication::route(std::uint32_t item_id, std::uint32_t generation) {
    work_item& item = items_[item_id];
    if (item.generation != generation) return;
    item.patience -= now_ - item.arrival;  // the line's patience clock starts now
    offer_call(item.queue, item_id);
}

void replication::apply(const roster_event& e) {
    if (e.action == roster_action::closing) {
        if (e.agent == no_agent)
            record_backlog(
                std::min(scenario_.calendar.days - 1,
                         static_cast<std::size_t>(std::max(0.0, (now_ - 1e-6) / seconds_per_day))));
        else
            close(e.agent);
        return;
    }
    agent& a = agents_[e.agent];
    switch (e.action) {
        case roster_action::shift_start:
            if (a.on_shift) {  // still at work from the previous shift: carry on
                if (now_ > a.shift_end)
                    stats_
                        .time_at(a.group, static_cast<std::size_t>(
                                              std::max(0, bucket_of(a.shift_end - 1e-6))))
                        .overtime += now_ - a.shift_end;
                a.leaving = false;
                a.shift_end = e.value;
                if (a.logged_in) start_ready_clock(e.agent);
                make_available(e.agent);
                break;
            }
            a.on_shift = true;
            ++agents_.group(a.group).on_shift;
            a.shift_end = e.value;
            a.logged_in = true;
            set_logged_in(a.group, +1);
            start_ready_clock(e.agent);
            take_work_or_idle(e.agent);
            break;
        case roster_action::shift_end:
            stop_ready_clock(e.agent);  // a spell in progress ends with the shift
            a.pending_break = 0.0;
            pause_back_office(e.agent);
            if (a.busy()) {
                a.leaving = true;  // finish the call or chats in hand (and at closing, the queue)
                agents_.remove_idle(e.agent);
            } else if (a.on_shift) {
                agents_.remove_idle(e.agent);
                go_home(e.agent);
            }
            break;
        case roster_action::break_start:
            if (!a.logged_in) break;
            stop_ready_clock(e.agent);  // the break takes the place of not-ready time
            pause_back_office(e.agent);
            if (a.busy()) {
                a.pending_break = e.value;  // finish the call or chats in hand first
                agents_.remove_idle(e.agent);
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

void replication::close(std::uint32_t q) {
    if (lines_[q].waiting == 0 || router_.channel(q) == channel_kind::outbound) return;
    const auto& groups = router_.groups_for(q);
    if (std::none_of(groups.begin(), groups.end(),
                     [&](std::uint32_t g) { return agents_.group(g).on_shift > 0; }))
        flush_waiting(q);
}

void replication::record_backlog(std::size_t day) {
    // The back office's (and outbound's) work in the system at the centre's close.
    for (std::uint32_t q = 0; q < lines_.size(); ++q) {
        const channel_kind channel = router_.channel(q);
        if (channel != channel_kind::backoffice && channel != channel_kind::outbound) continue;
        backlog_at_close& b = stats_.backlog_at(q, day);
        b = {};
        lines_[q].for_each([&](const queued_item& entry) {
            const work_item& item = items_[entry.id];
            if (item.generation != entry.generation || !item.waiting) return;
            ++b.items;
            b.oldest = std::max(b.oldest, now_ - items_.story(entry.id).created);
        });
        for (std::size_t a = 0; a < held_.size(); ++a) {
            if (held_[a] == no_item || items_[held_[a]].queue != q) continue;
            ++b.items;
            b.oldest = std::max(b.oldest, now_ - items_.story(held_[a]).created);
        }
    }
}

void replication::end_break(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    if (now_ >= a.shift_end || a.logged_in || !a.on_shift) return;  // the shift ended meanwhile
    a.logged_in = true;
    set_logged_in(a.group, +1);
    start_ready_clock(agent_id);
    take_work_or_idle(agent_id);
}

void replication::agent_timer(std::uint32_t agent_id, std::uint32_t tag) {
    if (tag == 0) return end_break(agent_id);
    if (tag != timer_tag_[agent_id]) return;  // the clock stopped or restarted meanwhile
    if (agents_[agent_id].not_ready)
        end_not_ready(agent_id);
    else
        not_ready_due(agent_id);
}

std::uint32_t replication::next_timer_tag(std::uint32_t agent_id) {
    std::uint32_t& tag = timer_tag_[agent_id];
    if (++tag == 0) tag = 1;  // 0 stays a break's end
    return tag;
}

void replication::start_ready_clock(std::uint32_t agent_id) {
    const agent& a = agents_[agent_id];
    not_ready_state* nr = not_ready_[a.group].get();
    if (!nr) return;
    // Exponential by inversion: a second use of the exponential variate here would change how
    // the compiler inlines the hot handle-time and patience draws (measured: +1.4% on the voice
    // path).
    const double ready = -std::log1p(-uniform(nr->stream)) * nr->mean_ready;
    calendar_.schedule(now_ + ready, event_class::roster, agent_id, next_timer_tag(agent_id));
}

void replication::stop_ready_clock(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    if (!not_ready_[a.group]) return;
    next_timer_tag(agent_id);  // the tick or the spell's end pending is stale now
    if (a.not_ready) {
        a.not_ready = false;
        set_not_ready(a.group, -1);
    }
    if (a.owes_not_ready) {
        a.owes_not_ready = false;
        a.pending_break = 0.0;
    }
}

void replication::not_ready_due(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    not_ready_state& nr = *not_ready_[a.group];
    const double length = nr.length(nr.stream) * nr.mean_length;
    agents_.remove_idle(agent_id);
    if (!a.busy()) return start_not_ready(agent_id, length);
    // Due during work (a call with its wrap-up, chats, a back-office step): owed, taken when
    // the work in hand ends; the agent takes nothing new meanwhile. The ready clock runs on,
    // so that time owed adds up rather than being lost.
    a.pending_break += length;
    a.owes_not_ready = true;
    start_ready_clock(agent_id);
}

void replication::start_not_ready(std::uint32_t agent_id, double length) {
    agent& a = agents_[agent_id];
    a.not_ready = true;
    set_not_ready(a.group, +1);
    // The ready clock stops during the spell: its tick, if pending, goes stale.
    calendar_.schedule(now_ + length, event_class::roster, agent_id, next_timer_tag(agent_id));
}

void replication::end_not_ready(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    a.not_ready = false;
    set_not_ready(a.group, -1);
    start_ready_clock(agent_id);
    take_work_or_idle(agent_id);
}

void replication::set_not_ready(std::uint32_t group, int delta) {
    group_state& g = groups_[group];
    g.not_ready += delta;
    assert(g.not_ready >= 0);
    g.not_ready_meter.change(now_, g.not_ready, [&](std::size_t bucket, double seconds) {
        stats_.time_at(group, bucket).not_ready += seconds;
    });
}

void replication::go_home(std::uint32_t agent_id) {
    agent& a = agents_[agent_id];
    agents_.remove_idle(agent_id);
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
            if (router_.channel(q) == channel_kind::backoffice || is_open(q, now_)) continue;
            close(q);
        }
}

void replication::flush_waiting(std::uint32_t queue) {
    // Closed, and nobody left who could serve these calls: they end here, unserved.
    waiting_line& line = lines_[queue];
    while (!line.empty()) {
        const queued_item entry = line.front();
        line.pop();
        const work_item& item = items_[entry.id];
        if (item.generation != entry.generation || !item.waiting) continue;
        if (item.bucket >= 0)
            ++stats_.at(queue, static_cast<std::size_t>(item.bucket)).waiting_at_end;
        items_.release(entry.id);
    }
    line.waiting = 0;
}

void replication::set_logged_in(std::uint32_t group, int delta) {
    group_counts& counts = agents_.group(group);
    counts.logged_in += delta;
    assert(counts.logged_in >= 0);
    groups_[group].logged_in_meter.change(now_, counts.logged_in,
                                          [&](std::size_t bucket, double seconds) {
                                              stats_.time_at(group, bucket).staffed += seconds;
                                          });
}

void replication::meter_sessions(std::uint32_t group) {
    const group_counts& counts = agents_.group(group);
    groups_[group].sessions_meter.change(now_, counts.sessions, [&](std::size_t bucket, double s) {
        stats_.time_at(group, bucket).sessions += s;
    });
    groups_[group].chatting_meter.change(now_, counts.chatting, [&](std::size_t bucket, double s) {
        stats_.time_at(group, bucket).chatting += s;
    });
    groups_[group].chat_busy_meter.change(
        now_, groups_[group].chatting_only,
        [&](std::size_t bucket, double s) { stats_.time_at(group, bucket).busy += s; });
}

void replication::take_whole(std::uint32_t agent_id) {
    const agent& a = agents_[agent_id];
    if (a.sessions > 0) {  // a blending agent holding chats: busy with the item from now
        --groups_[a.group].chatting_only;
        meter_sessions(a.group);
    }
    agents_.take_whole(agent_id);
}

bool replication::release_whole(std::uint32_t agent_id) {
    const bool free = agents_.release_whole(agent_id);
    const agent& a = agents_[agent_id];
    if (a.sessions > 0) {
        ++groups_[a.group].chatting_only;
        meter_sessions(a.group);
    }
    return free;
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

bool replication::is_open(std::uint32_t queue, double t) {
    queue_state& qs = queues_[queue];
    const auto& periods = *qs.hours;
    while (qs.open_period < periods.size() && periods[qs.open_period].second.count() <= t)
        ++qs.open_period;
    return qs.open_period < periods.size() && t >= periods[qs.open_period].first.count();
}

std::int32_t replication::bucket_of(double t) const {
    const double offset = (t - scenario_.day_start.count()) / scenario_.interval.count();
    if (offset < 0.0) return -1;
    return static_cast<std::int32_t>(
        std::min(static_cast<double>(scenario_.interval_count), std::floor(offset)));
}

// Only for calls that queue: out of line keeps the answer-at-once path small.
[[gnu::noinline]] void replication::record_queue_length(std::uint32_t queue, std::int32_t bucket) {
    if (bucket < 0) return;
    std::uint32_t& longest = stats_.at(queue, static_cast<std::size_t>(bucket)).longest_queue;
    longest = std::max(longest, lines_[queue].waiting);
    // With one queue in the total (a plain hotline) its maximum is the total's: finish()
    // copies it, and the voice path pays nothing more here.
    if (several_in_total_ && in_total_[queue])
        record_total_length(static_cast<std::size_t>(bucket));
}

[[gnu::noinline]] void replication::record_total_length(std::size_t bucket) {
    std::uint32_t total = 0;
    for (const std::uint32_t q : total_members_) total += lines_[q].waiting;
    stats_.longest_total[bucket] = std::max(stats_.longest_total[bucket], total);
}

// Rare (once per interval): kept out of line so that the event loop stays small.
[[gnu::noinline]] void replication::record_boundaries(double t) {
    // Nothing happened since the last event: the lengths now are those at each boundary.
    while (next_boundary_bucket_ <= scenario_.interval_count && next_boundary_ <= t) {
        note_lengths(next_boundary_bucket_);
        ++next_boundary_bucket_;
        next_boundary_ = next_boundary_bucket_ <= scenario_.interval_count
                             ? scenario_.interval_start(next_boundary_bucket_).count()
                             : never;
    }
}

void replication::note_lengths(std::size_t bucket) {
    std::uint32_t total = 0;
    for (std::uint32_t q = 0; q < lines_.size(); ++q) {
        std::uint32_t& longest = stats_.at(q, bucket).longest_queue;
        longest = std::max(longest, lines_[q].waiting);
        if (in_total_[q]) total += lines_[q].waiting;
    }
    stats_.longest_total[bucket] = std::max(stats_.longest_total[bucket], total);
}

void replication::finish() {
    record_boundaries(never);  // nothing changes any more: the lengths hold to the end
    if (total_members_.size() == 1)
        for (std::size_t b = 0; b < stats_.buckets(); ++b)
            stats_.longest_total[b] = stats_.at(total_members_.front(), b).longest_queue;
    for (std::uint32_t g = 0; g < groups_.size(); ++g) {
        set_logged_in(g, 0);
        meter_sessions(g);
        if (not_ready_[g]) set_not_ready(g, 0);
    }
    for (std::uint32_t q = 0; q < lines_.size(); ++q) {
        lines_[q].for_each([&](const queued_item& entry) {
            const work_item& item = items_[entry.id];
            if (item.generation == entry.generation && item.waiting && item.bucket >= 0)
                ++stats_.at(q, static_cast<std::size_t>(item.bucket)).waiting_at_end;
        });
    }
    // Back-office steps in hand when the horizon ends are still in the system.
    for (const std::uint32_t id : held_)
        if (id != no_item && items_[id].bucket >= 0)
            ++stats_.at(items_[id].queue, static_cast<std::size_t>(items_[id].bucket))
                  .waiting_at_end;
    stats_.absent = roster_.absent();
}

}  // namespace ccsim::sim
