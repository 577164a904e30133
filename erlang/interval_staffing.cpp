#include "erlang/interval_staffing.hpp"

#include <algorithm>
#include <limits>

#include "erlang/staffing_sequence.hpp"

namespace ccsim::erlang {

staffing_plan plan_intervals(const std::vector<interval_demand>& demand,
                             const staffing_targets& targets, const staffing_options& options) {
    staffing_plan plan;
    plan.intervals.reserve(demand.size());
    staffing_totals& t = plan.totals;
    double served_calls = 0.0, within = 0.0, answered = 0.0, abandoned = 0.0, wait = 0.0;
    double busy_hours = 0.0;
    staffing_sequence sequence(targets, options);  // neighbouring intervals guide each other
    for (const interval_demand& d : demand) {
        const offered_traffic traffic =
            offered_traffic::from_volume(d.calls, d.length, d.aht, d.patience);
        interval_requirement row{d, sequence.solve(traffic)};
        const queue_metrics& m = row.answer.metrics;
        const double hours = d.length.count() / 3600.0;
        t.calls += d.calls;
        t.agent_hours += static_cast<double>(row.answer.agents) * hours;
        t.scheduled_hours += static_cast<double>(row.answer.scheduled) * hours;
        t.peak_agents = std::max(t.peak_agents, row.answer.agents);
        t.peak_scheduled = std::max(t.peak_scheduled, row.answer.scheduled);
        plan.intervals.push_back(row);
        if (d.calls == 0.0) continue;  // weighs nothing; its shares are undefined
        within += d.calls * m.service_level;
        answered += d.calls * m.answer_rate;
        abandoned += d.calls * m.p_abandon;
        wait += d.calls * m.answer_rate * m.asa.count();
        busy_hours += m.load * m.answer_rate * hours;
        served_calls += d.calls;
    }
    if (served_calls == 0.0) {  // no calls at all: nothing to average
        const double undefined = std::numeric_limits<double>::quiet_NaN();
        t.service_level = t.answer_rate = t.p_abandon = undefined;
        t.asa = seconds{undefined};
    } else {
        t.service_level = within / served_calls;
        t.answer_rate = answered / served_calls;
        t.p_abandon = abandoned / served_calls;
        t.asa = seconds{answered > 0.0 ? wait / answered : 0.0};
    }
    t.occupancy = t.agent_hours > 0.0 ? busy_hours / t.agent_hours : 0.0;
    return plan;
}

}  // namespace ccsim::erlang
