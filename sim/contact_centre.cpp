#include "sim/contact_centre.hpp"

#include <algorithm>
#include <map>

#include "sim/day_simulation.hpp"

namespace ccsim::sim {

contact_centre::contact_centre(scenario s) : scenario_(std::move(s)) {
    validate(scenario_);
    eligible_.resize(scenario_.queues.size());
    levels_.resize(scenario_.groups.size());
    for (std::uint32_t g = 0; g < scenario_.groups.size(); ++g) {
        std::map<int, std::vector<std::uint32_t>> by_priority;
        for (const skill& k : scenario_.groups[g].skills) {
            auto& level = by_priority[k.priority];
            const auto q = static_cast<std::uint32_t>(k.queue);
            if (std::find(level.begin(), level.end(), q) == level.end()) level.push_back(q);
            auto& groups = eligible_[k.queue];
            if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
        }
        for (auto& [priority, queues] : by_priority) levels_[g].push_back(std::move(queues));
    }
}

replication_statistics contact_centre::simulate_day(std::uint64_t seed,
                                                    std::uint64_t replication) const {
    return day_simulation(*this, seed, replication).run();
}

}  // namespace ccsim::sim
