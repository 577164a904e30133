#include "calib/call_log_tally.hpp"

#include <algorithm>
#include <cmath>

#include "core/calendar.hpp"

namespace ccsim::calib {

void second_histogram::add(double seconds) {
    counts_[std::lround(seconds)] += 1.0;
    count_ += 1.0;
    sum_ += seconds;
}

weighted_sample second_histogram::sample() const {
    weighted_sample s;
    s.reserve(counts_.size());
    for (const auto& [x, w] : counts_) s.push_back({static_cast<double>(x), w});
    return s;
}

void outcome_counts::add(const io::call_record& call, double threshold) {
    offered += 1.0;
    wait_sum += call.wait;
    if (call.outcome == io::call_outcome::answered) {
        answered += 1.0;
        // As the engine counts: answered with a wait <= T.
        if (call.wait <= threshold) within_threshold += 1.0;
    } else {
        abandoned += 1.0;
    }
}

call_log_tally::call_log_tally(double slot, double threshold)
    : slot_(slot),
      threshold_(threshold),
      slots_per_day_(static_cast<int>(std::lround(seconds_per_day / slot))),
      // A gap of more than a slot between two calls of an agent is a break or a shift's end.
      availability_(slot, slot) {}

std::size_t call_log_tally::queue_of(std::string_view name) {
    const auto [it, added] = queue_index_.try_emplace(std::string(name), queues_.size());
    if (added) queues_.push_back(queue_tally{std::string(name), {}, {}, {}});
    return it->second;
}

void call_log_tally::add(const io::call_record& call) {
    const std::size_t q = queue_of(call.queue);
    const auto slot = static_cast<std::int64_t>(std::floor(call.arrival / slot_));
    std::vector<double>& counts = arrivals_[slot];
    if (counts.size() < queues_.size()) counts.resize(queues_.size(), 0.0);
    counts[q] += 1.0;
    const auto day = static_cast<std::int64_t>(std::floor(call.arrival / seconds_per_day));
    first_day_ = std::min(first_day_, day);
    last_day_ = std::max(last_day_, day);
    days_[day].add(call, threshold_);
    priorities_[std::string(call.priority)].add(call, threshold_);
    const auto [known, new_class] =
        class_index_.try_emplace({q, std::string(call.priority)}, classes_.size());
    if (new_class) classes_.push_back({q, std::string(call.priority)});
    auto& per_class = class_calls_[slot];
    if (per_class.size() < classes_.size()) per_class.resize(classes_.size());
    class_slot& k = per_class[known->second];
    k.calls += 1.0;
    k.wait_sum += call.wait;
    if (call.outcome == io::call_outcome::answered) {
        k.answered += 1.0;
        if (call.wait <= 0.0) k.answered_at_once += 1.0;
    }
    queue_tally& tally = queues_[q];
    availability_.add_wait(call.arrival, call.arrival + call.wait);
    if (call.outcome == io::call_outcome::answered) {
        tally.handle.add(call.handle);
        auto& handled = handled_[slot];
        if (handled.size() < queues_.size()) handled.resize(queues_.size());
        handled[q].first += 1.0;
        handled[q].second += call.handle;
        tally.answered_waits.add(call.wait);
        if (!call.agent.empty()) {
            const auto [it, added] = agent_index_.try_emplace(
                std::string(call.agent), static_cast<int>(agent_index_.size()));
            add_service(call.service_start, call.service_start + call.handle, it->second);
            availability_.add_service(it->second, call.service_start,
                                      call.service_start + call.handle);
        }
    } else {
        tally.abandoned_waits.add(call.wait);
    }
    if (!call.customer.empty())
        customers_[std::string(call.customer)].push_back(
            {call.arrival, call.outcome == io::call_outcome::abandoned, q});
}

// The agent served in every slot the service touches, and was busy for the overlap.
void call_log_tally::add_service(double start, double end, int agent) {
    const auto first = static_cast<std::int64_t>(std::floor(start / slot_));
    const auto last = static_cast<std::int64_t>(std::floor(std::max(start, end - 1e-9) / slot_));
    for (std::int64_t s = first; s <= last; ++s) {
        slot_activity& a = activity_[s];
        const double lo = static_cast<double>(s) * slot_;
        a.busy += std::max(0.0, std::min(end, lo + slot_) - std::max(start, lo));
        const auto at = std::lower_bound(a.agents.begin(), a.agents.end(), agent);
        if (at == a.agents.end() || *at != agent) a.agents.insert(at, agent);
    }
}

double call_log_tally::arrivals(std::size_t q, std::int64_t slot) const {
    const auto it = arrivals_.find(slot);
    return it == arrivals_.end() || q >= it->second.size() ? 0.0 : it->second[q];
}

class_slot call_log_tally::class_calls(std::size_t c, std::int64_t slot) const {
    const auto it = class_calls_.find(slot);
    return it == class_calls_.end() || c >= it->second.size() ? class_slot{} : it->second[c];
}

double call_log_tally::mean_handle(std::size_t q, std::int64_t slot) const {
    const auto it = handled_.find(slot);
    if (it == handled_.end() || q >= it->second.size() || it->second[q].first <= 0.0) return 0.0;
    return it->second[q].second / it->second[q].first;
}

const slot_activity& call_log_tally::activity(std::int64_t slot) const {
    static const slot_activity none;
    const auto it = activity_.find(slot);
    return it == activity_.end() ? none : it->second;
}

}  // namespace ccsim::calib
