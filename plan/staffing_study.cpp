#include "plan/staffing_study.hpp"

#include <cmath>
#include <limits>

namespace ccsim::plan {

namespace {

report::field_value number_or_empty(double v) {
    if (!std::isfinite(v)) return std::monostate{};
    return v;
}

bool meets(const interval_targets& t, double service_level, double answer_rate) {
    if (t.service_level && std::isfinite(service_level) && service_level < *t.service_level - 1e-12)
        return false;
    if (t.answer_rate && std::isfinite(answer_rate) && answer_rate < *t.answer_rate - 1e-12)
        return false;
    return true;
}

report::record stability_record(const sim::scenario& s, const char* name, const requirements& need,
                                const staffing_check& check, const interval_targets& targets) {
    double agent_hours = 0.0;
    for (const std::vector<double>& pool : need.agents)
        for (double n : pool) agent_hours += std::ceil(n - 1e-9) * s.interval.count() / 3600.0;
    long met = 0, judged = 0;
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        if (!need.open[i] || !std::isfinite(check.service_level[i])) continue;
        ++judged;
        met += meets(targets, check.service_level[i], check.answer_rate[i]);
    }
    const stability sl = stability_of(check.service_level);
    const stability ar = stability_of(check.answer_rate);
    return {{"staffing", "staffing", std::string(name)},
            {"agent_hours", "agent-hours", agent_hours, 1},
            {"intervals", "intervals", judged},
            {"intervals_met", "met", met},
            {"service_level_min", "SL min", sl.intervals ? sl.min : std::nan(""), 3},
            {"service_level_max", "SL max", sl.intervals ? sl.max : std::nan(""), 3},
            {"service_level_mean", "SL mean", sl.intervals ? sl.mean : std::nan(""), 3},
            {"service_level_sd", "SL sd", sl.intervals ? sl.sd : std::nan(""), 3},
            {"answer_rate_min", "AR min", ar.intervals ? ar.min : std::nan(""), 3}};
}

}  // namespace

staffing_study study_staffing(const sim::scenario& s, const interval_targets& targets,
                              io::requirement_method method, const isa_options& options) {
    staffing_study study;
    study.method = method;
    study.targets = targets;
    study.run = options.run;
    study.sipp = sipp_requirements(s, targets);
    study.sipp_check = simulate_staffing(s, study.sipp, options.run);
    if (method == io::requirement_method::isa) {
        isa_result isa = isa_requirements(s, targets, options);
        study.isa = std::move(isa.need);
        study.isa_check = std::move(isa.check);
        study.isa_iterations = isa.iterations;
        study.isa_converged = isa.converged;
    }
    return study;
}

std::vector<report::record> study_interval_records(const sim::scenario& s,
                                                   const staffing_study& study) {
    std::vector<report::record> rows;
    const requirements& need = study.isa ? *study.isa : study.sipp;
    const staffing_check& check = study.isa_check ? *study.isa_check : study.sipp_check;
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        if (!need.open[i]) continue;
        for (std::size_t p = 0; p < need.pools.size(); ++p) {
            report::record r{{"interval", "interval", interval_label(s, i)}};
            if (need.pools.size() > 1) r.push_back({"pool", "pool", static_cast<long>(p + 1)});
            r.push_back({"calls", "calls", pooled_demand(s, need.pools[p], i).calls, 1});
            r.push_back({"agents", "agents", std::ceil(need.agents[p][i] - 1e-9), 0});
            // The simulated figures are of all queues together: shown on the first pool's row.
            const auto shown = [&](const std::vector<double>& v) {
                return p == 0 ? number_or_empty(v[i]) : report::field_value(std::monostate{});
            };
            r.push_back({"service_level", "SL", shown(check.service_level), 3});
            r.push_back({"answer_rate", "AR", shown(check.answer_rate), 3});
            if (study.isa) {
                r.push_back(
                    {"sipp_agents", "sipp agents", std::ceil(study.sipp.agents[p][i] - 1e-9), 0});
                r.push_back(
                    {"sipp_service_level", "sipp SL", shown(study.sipp_check.service_level), 3});
                r.push_back(
                    {"sipp_answer_rate", "sipp AR", shown(study.sipp_check.answer_rate), 3});
            }
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

std::vector<report::record> study_stability_records(const sim::scenario& s,
                                                    const staffing_study& study) {
    std::vector<report::record> rows{
        stability_record(s, "sipp", study.sipp, study.sipp_check, study.targets)};
    if (study.isa)
        rows.push_back(stability_record(s, "isa", *study.isa, *study.isa_check, study.targets));
    return rows;
}

}  // namespace ccsim::plan
