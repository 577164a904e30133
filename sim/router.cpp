#include "sim/router.hpp"

#include <algorithm>
#include <map>

namespace ccsim::sim {

router::router(const scenario& s)
    : offers_(s.queues.size()),
      levels_(s.groups.size()),
      outbound_(s.groups.size()),
      blend_(s.groups.size()),
      chat_levels_(s.groups.size()),
      blend_levels_(s.groups.size()) {
    for (const queue_spec& q : s.queues) channels_.push_back(q.channel);
    std::vector<std::map<int, std::vector<std::uint32_t>>> by_preference(s.queues.size());
    for (std::uint32_t g = 0; g < s.groups.size(); ++g) {
        const group_spec& group = s.groups[g];
        blend_[g] = group.blend;
        chat_levels_[g] = group.max_chats - 1;
        blend_levels_[g] = group.blend ? group.max_chats : 0;
        std::map<int, std::vector<std::uint32_t>> by_priority;
        for (const skill& k : group.skills) {
            const auto q = static_cast<std::uint32_t>(k.queue);
            auto& groups = by_preference[k.queue][k.preference];
            if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
            if (channels_[q] == channel_kind::outbound) {
                if (std::find(outbound_[g].begin(), outbound_[g].end(), q) == outbound_[g].end())
                    outbound_[g].push_back(q);
                continue;
            }
            auto& level = by_priority[k.priority];
            if (std::find(level.begin(), level.end(), q) == level.end()) level.push_back(q);
        }
        for (auto& [priority, queues] : by_priority) levels_[g].push_back(std::move(queues));
    }
    for (std::size_t q = 0; q < s.queues.size(); ++q)
        for (const auto& [preference, groups] : by_preference[q]) {
            offers_[q].groups.insert(offers_[q].groups.end(), groups.begin(), groups.end());
            offers_[q].level_end.push_back(static_cast<std::uint32_t>(offers_[q].groups.size()));
            for (const std::uint32_t g : groups) offers_[q].blends |= blend_[g];
        }
    // Most queues are served by one group that does not blend: the common case skips levels.
    for (const offer_order& order : offers_)
        only_group_.push_back(order.groups.size() == 1 && !order.blends ? order.groups.front()
                                                                        : no_group);
}

}  // namespace ccsim::sim
