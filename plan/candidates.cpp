#include "plan/candidates.hpp"

namespace ccsim::plan {

std::vector<candidate> make_candidates(const sim::scenario& s, const io::plan_settings& plan) {
    std::vector<candidate> result;
    for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        const io::plan_group& group = plan.groups[g];
        for (std::size_t d = 0; d < s.calendar.days; ++d)
            for (std::size_t t = 0; t < group.templates.size(); ++t) {
                const io::plan_template& tpl = group.templates[t];
                if (d >= tpl.days.size() || !tpl.days[d]) continue;
                std::vector<std::vector<seconds>> offsets;
                for (const io::plan_break& b : tpl.breaks) {
                    std::vector<seconds>& at = offsets.emplace_back();
                    // A small tolerance keeps the last start when the step divides the window.
                    for (seconds o = b.earliest; o <= b.latest + seconds{1e-6}; o += b.step)
                        at.push_back(o);
                }
                for (std::size_t k = 0; k < tpl.starts.size(); ++k)
                    result.push_back({g, t, k, d, tpl.starts[k], tpl.length, offsets});
            }
    }
    return result;
}

}  // namespace ccsim::plan
