#include "sim/router.hpp"

#include <algorithm>
#include <map>

namespace ccsim::sim {

router::router(const scenario& s) : offers_(s.queues.size()), levels_(s.groups.size()) {
    std::vector<std::map<int, std::vector<std::uint32_t>>> by_preference(s.queues.size());
    for (std::uint32_t g = 0; g < s.groups.size(); ++g) {
        std::map<int, std::vector<std::uint32_t>> by_priority;
        for (const skill& k : s.groups[g].skills) {
            auto& level = by_priority[k.priority];
            const auto q = static_cast<std::uint32_t>(k.queue);
            if (std::find(level.begin(), level.end(), q) == level.end()) level.push_back(q);
            auto& groups = by_preference[k.queue][k.preference];
            if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
        }
        for (auto& [priority, queues] : by_priority) levels_[g].push_back(std::move(queues));
    }
    for (std::size_t q = 0; q < s.queues.size(); ++q)
        for (const auto& [preference, groups] : by_preference[q]) {
            offers_[q].groups.insert(offers_[q].groups.end(), groups.begin(), groups.end());
            offers_[q].level_end.push_back(static_cast<std::uint32_t>(offers_[q].groups.size()));
        }
    // Most queues are served by one group: the common case skips the levels.
    for (const offer_order& order : offers_)
        only_group_.push_back(order.groups.size() == 1 ? order.groups.front() : no_group);
}

}  // namespace ccsim::sim
