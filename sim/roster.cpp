#include "sim/roster.hpp"

#include <algorithm>
#include <boost/random/bernoulli_distribution.hpp>

#include "sim/random_streams.hpp"

namespace ccsim::sim {

roster build_roster(const scenario& s, std::uint64_t seed, std::uint64_t replication) {
    roster r;
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
        const group_spec& group = s.groups[g];
        for (std::size_t k = 0; k < group.shifts.size(); ++k) {
            const shift_spec& shift = group.shifts[k];
            random_engine engine =
                make_stream(seed, stream_purpose::absence, static_cast<std::uint32_t>(g * 4096 + k),
                            replication);
            boost::random::bernoulli_distribution<double> absent(group.absenteeism);
            for (int a = 0; a < shift.agents; ++a) {
                if (group.absenteeism > 0.0 && absent(engine)) {
                    ++r.absent;
                    continue;
                }
                const auto id = static_cast<std::uint32_t>(r.agents.size());
                const double start = shift.start.count(), end = shift.end.count();
                r.agents.push_back({static_cast<std::uint32_t>(g), start, end});
                r.events.push_back({start, id, roster_action::shift_start, 0.0});
                r.events.push_back({end, id, roster_action::shift_end, 0.0});
                for (const break_spec& b : shift.breaks)
                    if (b.start.count() > start && b.start.count() < end)
                        r.events.push_back(
                            {b.start.count(), id, roster_action::break_start, b.length.count()});
            }
        }
    }
    std::stable_sort(r.events.begin(), r.events.end(),
                     [](const roster_event& a, const roster_event& b) {
                         if (a.time != b.time) return a.time < b.time;
                         return a.action < b.action;
                     });
    return r;
}

}  // namespace ccsim::sim
