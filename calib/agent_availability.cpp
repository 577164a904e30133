#include "calib/agent_availability.hpp"

#include <algorithm>
#include <cmath>

namespace ccsim::calib {

namespace {

using spell = std::pair<double, double>;

// The periods during which at least one caller waited: the union of the waits, sorted.
std::vector<spell> union_of(std::vector<spell> waits) {
    std::sort(waits.begin(), waits.end());
    std::vector<spell> out;
    for (const spell& w : waits) {
        if (!out.empty() && w.first <= out.back().second)
            out.back().second = std::max(out.back().second, w.second);
        else
            out.push_back(w);
    }
    return out;
}

// Adds each piece of [from, to) to the slots it falls in.
void spread(std::unordered_map<std::int64_t, double>& per_slot, double slot, double from,
            double to) {
    while (from < to) {
        const auto s = static_cast<std::int64_t>(std::floor(from / slot));
        const double end = std::min(to, static_cast<double>(s + 1) * slot);
        per_slot[s] += end - from;
        from = end;
    }
}

}  // namespace

agent_availability::agent_availability(double slot, double longest_gap)
    : slot_(slot), longest_gap_(longest_gap) {}

void agent_availability::add_service(int agent, double start, double end) {
    if (static_cast<std::size_t>(agent) >= services_.size())
        services_.resize(static_cast<std::size_t>(agent) + 1);
    services_[static_cast<std::size_t>(agent)].emplace_back(start, end);
}

void agent_availability::add_wait(double from, double to) {
    if (to > from) waits_.emplace_back(from, to);
}

std::unordered_map<std::int64_t, double> agent_availability::available_seconds() const {
    const std::vector<spell> queueing = union_of(waits_);
    std::unordered_map<std::int64_t, double> per_slot;
    for (std::vector<spell> calls : services_) {
        std::sort(calls.begin(), calls.end());
        for (const spell& c : calls) spread(per_slot, slot_, c.first, c.second);
        for (std::size_t i = 1; i < calls.size(); ++i) {
            const double idle_from = calls[i - 1].second, idle_to = calls[i].first;
            if (idle_to <= idle_from || idle_to - idle_from > longest_gap_) continue;
            // The idle gap minus the periods in it during which somebody waited.
            double t = idle_from;
            auto q =
                std::lower_bound(queueing.begin(), queueing.end(), spell{idle_from, idle_from},
                                 [](const spell& a, const spell& b) { return a.second < b.first; });
            for (; q != queueing.end() && q->first < idle_to && t < idle_to; ++q) {
                if (q->second <= t) continue;
                spread(per_slot, slot_, t, std::max(t, std::min(q->first, idle_to)));
                t = std::max(t, q->second);
            }
            spread(per_slot, slot_, t, idle_to);
        }
    }
    return per_slot;
}

}  // namespace ccsim::calib
