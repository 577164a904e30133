#include "plan/planned_roster.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/calendar.hpp"

namespace ccsim::plan {

namespace {

std::string clock_name(seconds t) {
    const auto minutes = static_cast<long>(std::lround(t.count() / 60.0));
    return fmt::format("{:02}{:02}", minutes / 60, minutes % 60);
}

std::string letter_suffix(std::size_t k) {
    std::string text;
    for (std::size_t n = k + 1; n > 0; n = (n - 1) / 26)
        text.insert(text.begin(), static_cast<char>('a' + (n - 1) % 26));
    return text;
}

}  // namespace

planned_roster make_planned_roster(const sim::scenario& s, const io::plan_settings& plan,
                                   const roster_solution& solution) {
    planned_roster r;
    r.lines = roster_lines(s, plan, solution);
    r.kinds.resize(plan.groups.size());
    r.at.resize(r.lines.size());
    for (std::size_t l = 0; l < r.lines.size(); ++l) {
        const roster_line& line = r.lines[l];
        r.at[l].resize(line.days.size());
        for (std::size_t d = 0; d < line.days.size(); ++d) {
            if (!line.days[d]) continue;
            const candidate& c = solution.candidates[line.days[d]->candidate];
            const io::plan_template& tpl = plan.groups[c.plan_group].templates[c.tpl];
            shift_kind kind{c.plan_group, c.tpl, c.start, c.length, line.days[d]->breaks, {}, {}};
            for (const io::plan_break& b : tpl.breaks) kind.break_lengths.push_back(b.length);
            std::vector<shift_kind>& kinds = r.kinds[c.plan_group];
            auto same = std::find_if(kinds.begin(), kinds.end(), [&](const shift_kind& k) {
                return k.tpl == kind.tpl && k.start == kind.start && k.breaks == kind.breaks;
            });
            if (same == kinds.end()) {
                kinds.push_back(kind);
                same = kinds.end() - 1;
            }
            r.at[l][d] = static_cast<std::size_t>(same - kinds.begin());
        }
    }
    // Names: template and start; a letter for each break placement when there are several.
    for (std::size_t g = 0; g < r.kinds.size(); ++g) {
        std::vector<shift_kind>& kinds = r.kinds[g];
        for (shift_kind& k : kinds) {
            const std::string base =
                fmt::format("{}-{}", plan.groups[g].templates[k.tpl].name, clock_name(k.start));
            std::size_t before = 0, total = 0;
            for (const shift_kind& other : kinds) {
                if (other.tpl != k.tpl || other.start != k.start) continue;
                if (&other < &k) ++before;
                ++total;
            }
            k.name = total == 1 ? base : fmt::format("{}-{}", base, letter_suffix(before));
        }
    }
    return r;
}

std::string line_name(const planned_roster& roster, std::size_t line) {
    std::size_t k = 0;
    for (std::size_t l = 0; l <= line; ++l)
        if (roster.lines[l].plan_group == roster.lines[line].plan_group) ++k;
    return fmt::format("line {}", k);
}

sim::scenario roster_scenario(const sim::scenario& s, const io::plan_settings& plan,
                              const planned_roster& roster) {
    sim::scenario result = s;
    result.service_level_target = plan.service_level;
    result.answer_rate_target = plan.answer_rate;
    for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        sim::group_spec& group = result.groups[plan.groups[g].group];
        group.shifts.clear();
        group.tours.clear();
        auto shift_of = [&](const shift_kind& k) {
            sim::shift_spec shift{k.name, k.start, k.start + k.length, 0, {}, {}};
            for (std::size_t b = 0; b < k.breaks.size(); ++b)
                shift.breaks.push_back({k.start + k.breaks[b], k.break_lengths[b]});
            return shift;
        };
        if (plan.weekly) {
            for (const shift_kind& k : roster.kinds[g]) group.shifts.push_back(shift_of(k));
            for (std::size_t l = 0; l < roster.lines.size(); ++l) {
                if (roster.lines[l].plan_group != g) continue;
                sim::tour_spec tour{line_name(roster, l), roster.lines[l].agents, {}};
                for (std::size_t d = 0; d < roster.at[l].size(); ++d)
                    if (roster.at[l][d])
                        tour.work.push_back({static_cast<std::uint32_t>(d),
                                             static_cast<std::uint32_t>(*roster.at[l][d])});
                group.tours.push_back(std::move(tour));
            }
            continue;
        }
        // Head counts: a shift per kind and day.
        for (std::size_t l = 0; l < roster.lines.size(); ++l) {
            if (roster.lines[l].plan_group != g) continue;
            for (std::size_t d = 0; d < roster.at[l].size(); ++d) {
                if (!roster.at[l][d]) continue;
                sim::shift_spec shift = shift_of(roster.kinds[g][*roster.at[l][d]]);
                shift.agents = roster.lines[l].agents;
                shift.days = {static_cast<std::uint32_t>(d)};
                if (s.calendar.days > 1)
                    shift.name = fmt::format("{} {}", shift.name, s.calendar.day_label(d));
                group.shifts.push_back(std::move(shift));
            }
        }
    }
    return result;
}

}  // namespace ccsim::plan
