#include "plan/roster_lines.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/errors.hpp"

namespace ccsim::plan {

namespace {

// Every person-slot of one candidate: the breaks of its k-th agent, placements in order.
std::vector<worked_shift> slots_of(const roster_solution& sol, std::size_t c) {
    std::vector<worked_shift> slots(static_cast<std::size_t>(sol.agents[c]));
    const candidate& cand = sol.candidates[c];
    for (worked_shift& slot : slots) slot.candidate = c;
    for (std::size_t b = 0; b < cand.break_offsets.size(); ++b) {
        std::size_t k = 0;
        for (std::size_t o = 0; o < cand.break_offsets[b].size(); ++o)
            for (int n = 0; n < sol.breaks[c][b][o] && k < slots.size(); ++n)
                slots[k++].breaks.push_back(cand.break_offsets[b][o]);
    }
    return slots;
}

struct person {
    std::size_t plan_group = 0;
    std::vector<bool> works;
    std::optional<std::pair<std::size_t, std::size_t>> shift;  // same start all week
    std::vector<std::optional<worked_shift>> days;
    double last_start = std::numeric_limits<double>::infinity();  // time of day, for order
    double last_end = -std::numeric_limits<double>::infinity();   // clock time
};

std::vector<roster_line> group_lines(std::vector<person>& people) {
    std::vector<roster_line> lines;
    for (person& p : people) {
        auto same = std::find_if(lines.begin(), lines.end(), [&](const roster_line& l) {
            return l.plan_group == p.plan_group && l.days == p.days;
        });
        if (same == lines.end())
            lines.push_back({p.plan_group, 1, std::move(p.days)});
        else
            ++same->agents;
    }
    return lines;
}

std::vector<roster_line> weekly_lines(const sim::scenario& s, const io::plan_settings& plan,
                                      const roster_solution& sol) {
    std::vector<roster_line> all;
    for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        std::vector<person> people;
        for (const tour_pattern& pat : sol.patterns[g])
            for (int n = 0; n < pat.agents; ++n)
                people.push_back({g, pat.works, pat.shift,
                                  std::vector<std::optional<worked_shift>>(s.calendar.days)});
        for (std::size_t d = 0; d < s.calendar.days; ++d) {
            std::vector<worked_shift> slots;
            for (std::size_t c = 0; c < sol.candidates.size(); ++c)
                if (sol.candidates[c].plan_group == g && sol.candidates[c].day == d)
                    for (worked_shift& w : slots_of(sol, c)) slots.push_back(std::move(w));
            std::stable_sort(slots.begin(), slots.end(), [&](const auto& a, const auto& b) {
                return sol.candidates[a.candidate].start < sol.candidates[b.candidate].start;
            });
            std::vector<std::size_t> working;
            for (std::size_t k = 0; k < people.size(); ++k)
                if (people[k].works[d]) working.push_back(k);
            if (working.size() != slots.size())
                throw error("roster: the shifts of a day do not match the people working it");
            std::vector<bool> taken(slots.size(), false);
            auto give = [&](std::size_t k, std::size_t j) {
                taken[j] = true;
                const candidate& c = sol.candidates[slots[j].candidate];
                people[k].days[d] = slots[j];
                people[k].last_start = c.start.count();
                people[k].last_end = c.clock_end().count();
            };
            if (plan.groups[g].same_start) {
                for (std::size_t k : working)
                    for (std::size_t j = 0; j < slots.size(); ++j) {
                        const candidate& c = sol.candidates[slots[j].candidate];
                        if (!taken[j] && c.tpl == people[k].shift->first &&
                            c.start_index == people[k].shift->second) {
                            give(k, j);
                            break;
                        }
                    }
                continue;
            }
            // Early people stay early; a day's order follows the previous start, then the end
            // (the rest between two shifts), then the person.
            std::stable_sort(working.begin(), working.end(), [&](std::size_t a, std::size_t b) {
                if (people[a].last_start != people[b].last_start)
                    return people[a].last_start < people[b].last_start;
                return people[a].last_end < people[b].last_end;
            });
            bool rested = true;
            for (std::size_t j = 0; j < working.size(); ++j)
                rested &= people[working[j]].last_end <=
                          sol.candidates[slots[j].candidate].clock_start().count();
            if (!rested)  // shifts past midnight: whoever ended first starts first
                std::stable_sort(working.begin(), working.end(), [&](std::size_t a, std::size_t b) {
                    return people[a].last_end < people[b].last_end;
                });
            for (std::size_t j = 0; j < working.size(); ++j) give(working[j], j);
        }
        std::vector<roster_line> lines = group_lines(people);
        all.insert(all.end(), lines.begin(), lines.end());
    }
    return all;
}

}  // namespace

std::vector<roster_line> roster_lines(const sim::scenario& s, const io::plan_settings& plan,
                                      const roster_solution& sol) {
    if (plan.weekly) return weekly_lines(s, plan, sol);
    std::vector<person> people;
    for (std::size_t c = 0; c < sol.candidates.size(); ++c)
        for (worked_shift& w : slots_of(sol, c)) {
            person p{sol.candidates[c].plan_group,
                     {},
                     std::nullopt,
                     std::vector<std::optional<worked_shift>>(s.calendar.days)};
            p.days[sol.candidates[c].day] = std::move(w);
            people.push_back(std::move(p));
        }
    return group_lines(people);
}

}  // namespace ccsim::plan
