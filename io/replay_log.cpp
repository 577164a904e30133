#include "io/replay_log.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace ccsim::io {

namespace {

civil_date date_of(double time) {
    return civil_date{static_cast<std::int64_t>(std::floor(time / seconds_per_day))};
}

template <class Read>
replay_log read_with(const Read& read) {
    replay_log log;
    std::map<std::string, std::uint32_t, std::less<>> index;
    log.summary = read([&](const call_record& r) {
        // One entry per queue and priority: a priority may have a queue of its own.
        std::string key = std::string(r.queue) + '\0' + std::string(r.priority);
        auto found = index.find(key);
        if (found == index.end()) {
            found = index.emplace(std::move(key), static_cast<std::uint32_t>(index.size())).first;
            log.queues.emplace_back(r.queue);
            log.priorities.emplace_back(r.priority);
        }
        log.calls.push_back({r.arrival, r.wait, r.handle, found->second, r.line, r.outcome});
    });
    return log;
}

std::string trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

}  // namespace

namespace {

// The call arriving first (or last, with `last`); throws when there is none.
const logged_call& extreme_arrival(const replay_log& log, bool last) {
    if (log.calls.empty())
        throw scenario_error({log.summary.file, 0, 0}, "call log", "has no usable call");
    const auto [first_call, last_call] = std::minmax_element(
        log.calls.begin(), log.calls.end(),
        [](const logged_call& a, const logged_call& b) { return a.arrival < b.arrival; });
    return last ? *last_call : *first_call;
}

}  // namespace

civil_date replay_log::first_date() const {
    return date_of(extreme_arrival(*this, false).arrival);
}

civil_date replay_log::last_date() const {
    return date_of(extreme_arrival(*this, true).arrival);
}

replay_log read_replay_log(const std::filesystem::path& path, const call_log_options& options) {
    return read_with([&](const auto& on_call) { return read_call_log(path, options, on_call); });
}

replay_log parse_replay_log(const std::string& text, const std::string& name,
                            const call_log_options& options) {
    return read_with(
        [&](const auto& on_call) { return parse_call_log(text, name, options, on_call); });
}

queue_mapping parse_queue_mapping(std::string_view text) {
    queue_mapping mapping;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        const std::string_view entry = text.substr(from, comma - from);
        const std::size_t eq = entry.find('=');
        if (eq == std::string_view::npos)
            throw config_error(fmt::format(
                "--queue-map: '{}' must be LOG_QUEUE=SCENARIO_QUEUE (or LOG_QUEUE=- to leave its "
                "calls out)",
                entry));
        const std::string log_queue = trimmed(entry.substr(0, eq));
        std::string scenario_queue = trimmed(entry.substr(eq + 1));
        if (log_queue.empty() || scenario_queue.empty())
            throw config_error(
                fmt::format("--queue-map: '{}' needs a name on both sides of '='", entry));
        if (scenario_queue == "-") scenario_queue.clear();
        if (!mapping.emplace(log_queue, scenario_queue).second)
            throw config_error(
                fmt::format("--queue-map: log queue '{}' is mapped twice", log_queue));
        from = comma + 1;
    }
    return mapping;
}

void observed_counts::merge(const observed_counts& other) {
    offered += other.offered;
    answered += other.answered;
    abandoned += other.abandoned;
    answered_within += other.answered_within;
    answered_wait += other.answered_wait;
}

replay_input replay_input_for(const replay_log& log, const sim::scenario& s,
                              const queue_mapping& mapping) {
    // Each log queue's scenario queue, or none when the mapping leaves it out.
    std::vector<std::optional<std::size_t>> target(log.queues.size());
    std::vector<std::string> names;
    for (const sim::queue_spec& q : s.queues) names.push_back(q.name);
    std::vector<bool> resolved(log.queues.size(), false);

    replay_input in;
    in.traces.resize(s.queues.size());
    // A call log is the voice queues' whole story: a voice queue without calls in it had none.
    // Other channels keep their forecast unless a log queue maps to them.
    in.traced.resize(s.queues.size());
    for (std::size_t q = 0; q < s.queues.size(); ++q)
        in.traced[q] = s.queues[q].channel == sim::channel_kind::voice;
    in.observed.assign(s.queues.size(), std::vector<observed_counts>(s.interval_count));
    const double origin = static_cast<double>(s.calendar.first_date.value().days) * seconds_per_day;
    for (const logged_call& call : log.calls) {
        const std::string& log_queue = log.queues[call.queue];
        if (!resolved[call.queue]) {
            resolved[call.queue] = true;
            const auto mapped = mapping.find(log_queue);
            const std::string& name = mapped == mapping.end() ? log_queue : mapped->second;
            auto found = std::find(names.begin(), names.end(), name);
            // A scenario written by `ccsim calibrate` has a class per priority: QUEUE/priority P.
            const std::string& priority = log.priorities[call.queue];
            if (found == names.end() && !priority.empty())
                found = std::find(names.begin(), names.end(), name + "/priority " + priority);
            if (found != names.end()) {
                target[call.queue] = static_cast<std::size_t>(found - names.begin());
                in.traced[*target[call.queue]] = true;
            } else if (!name.empty())
                throw scenario_error(
                    {log.summary.file, call.line, 0}, "queue",
                    fmt::format(
                        "log queue '{}' {}has no queue in the scenario (its queues: {}); "
                        "map it with --queue-map {}=QUEUE, or leave its calls out with "
                        "--queue-map {}=-",
                        log_queue,
                        mapped == mapping.end() ? "" : fmt::format("(mapped to '{}') ", name),
                        fmt::join(names, ", "), log_queue, log_queue),
                    log_queue);
        }
        if (!target[call.queue]) {
            ++in.left_out[fmt::format("queue {} left out by --queue-map", log_queue)];
            continue;
        }
        const double clock = call.arrival - origin;
        if (clock < s.day_start.count() || clock >= s.day_end().count()) {
            ++in.left_out["arrived outside the replayed dates"];
            continue;
        }
        const std::size_t q = *target[call.queue];
        sim::traced_call traced{seconds{clock}, std::nullopt, std::nullopt, seconds{0.0}};
        const auto interval =
            std::min(s.interval_count - 1,
                     static_cast<std::size_t>((clock - s.day_start.count()) / s.interval.count()));
        observed_counts& o = in.observed[q][interval];
        o.offered += 1.0;
        if (call.outcome == call_outcome::answered) {
            traced.handle = seconds{call.handle};
            traced.patience_above = seconds{call.wait};
            o.answered += 1.0;
            o.answered_wait += call.wait;
            if (call.wait <= s.queues[q].threshold.count()) o.answered_within += 1.0;
        } else {
            traced.patience = seconds{call.wait};
            o.abandoned += 1.0;
        }
        in.traces[q].push_back(traced);
    }
    for (auto& trace : in.traces)
        std::stable_sort(trace.begin(), trace.end(),
                         [](const auto& a, const auto& b) { return a.arrival < b.arrival; });
    return in;
}

sim::scenario replayed_scenario(sim::scenario s, replay_input& in) {
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        if (!in.traced[q]) continue;
        sim::queue_spec& spec = s.queues[q];
        spec.trace = std::move(in.traces[q]);
        spec.calls.assign(spec.calls.size(), 0.0);  // nothing of its own when the trace is empty
        spec.redial.probability = 0.0;
        spec.repeats.resolved = 1.0;
    }
    return s;
}

}  // namespace ccsim::io
