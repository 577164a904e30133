#include "plan/naive_roster.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace ccsim::plan {

std::optional<double> naive_roster_cost(const model_request& request) {
    const sim::scenario& s = *request.scenario;
    const requirements& need = *request.need;
    requirements peak = need;
    std::vector<std::vector<double>> raise = request.raise;
    const std::size_t days = s.interval_count ? s.day_of_interval(s.interval_count - 1) + 1 : 0;
    for (std::size_t p = 0; p < need.pools.size(); ++p) {
        std::vector<double> day_peak(days, 0.0);
        for (std::size_t i = 0; i < s.interval_count; ++i)
            if (need.open[i]) {
                const double required = need.agents[p][i] + (raise.empty() ? 0.0 : raise[p][i]);
                double& top = day_peak[s.day_of_interval(i)];
                top = std::max(top, required);
            }
        for (std::size_t i = 0; i < s.interval_count; ++i)
            if (need.open[i]) peak.agents[p][i] = day_peak[s.day_of_interval(i)];
        if (!raise.empty()) std::fill(raise[p].begin(), raise[p].end(), 0.0);
    }
    io::plan_settings uncapped = *request.settings;
    for (io::plan_group& g : uncapped.groups) {
        g.max_agents.reset();
        for (io::plan_template& t : g.templates) t.max_agents.reset();
    }
    model_request naive = request;
    naive.need = &peak;
    naive.settings = &uncapped;
    naive.raise = std::move(raise);
    naive.allow_short = false;
    try {
        return solve_roster(naive).cost;
    } catch (const domain_error&) {
        return std::nullopt;
    }
}

}  // namespace ccsim::plan
