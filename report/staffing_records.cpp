#include "report/staffing_records.hpp"

#include "report/metrics_record.hpp"

namespace ccsim::report {

record staffing_interval_record(const std::string& label, const erlang::interval_requirement& r,
                                bool with_patience) {
    const erlang::staffing_answer& a = r.answer;
    const double hours = r.demand.length.count() / 3600.0;
    record row;
    row.push_back({"interval_start", "interval", label});
    row.push_back({"calls", "calls", r.demand.calls, 1});
    row.push_back({"aht_s", "AHT s", r.demand.aht.count(), 1});
    if (with_patience)
        row.push_back({"patience_s", "patience s",
                       r.demand.patience ? field_value{r.demand.patience->count()} : field_value{},
                       1});
    row.push_back({"load_erlangs", "load", a.metrics.load, 2});
    row.push_back({"agents", "agents", a.agents});
    row.push_back({"scheduled_agents", "scheduled", a.scheduled});
    if (a.fractional_agents) {
        row.push_back({"fractional_agents", "fractional", *a.fractional_agents, 3});
        row.push_back({"fractional_scheduled", "fract. sched.", *a.fractional_scheduled, 3});
    }
    row.push_back({"agent_hours", "agent h", static_cast<double>(a.agents) * hours, 2});
    row.push_back({"scheduled_hours", "sched. h", static_cast<double>(a.scheduled) * hours, 2});
    append_metrics(row, a.metrics);
    return row;
}

record staffing_totals_record(const erlang::staffing_totals& t) {
    record row;
    row.push_back({"calls", "calls", t.calls, 1});
    row.push_back({"agent_hours", "agent-hours", t.agent_hours, 2});
    row.push_back({"scheduled_hours", "scheduled agent-hours", t.scheduled_hours, 2});
    row.push_back({"peak_agents", "peak agents", t.peak_agents});
    row.push_back({"peak_scheduled_agents", "peak scheduled", t.peak_scheduled});
    row.push_back({"service_level", "SL /offered (call-weighted)", t.service_level});
    row.push_back({"answer_rate", "answer rate (call-weighted)", t.answer_rate});
    row.push_back({"p_abandon", "abandoned (call-weighted)", t.p_abandon});
    row.push_back({"asa_s", "ASA s (answered-weighted)", t.asa.count(), 2});
    row.push_back({"occupancy", "occupancy", t.occupancy});
    return row;
}

}  // namespace ccsim::report
