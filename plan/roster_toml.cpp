#include "plan/roster_toml.hpp"

#include <fmt/format.h>
#include <cmath>

#include "core/calendar.hpp"
#include "core/errors.hpp"

namespace ccsim::plan {

namespace {

std::string quoted_clock(seconds t) {
    const auto minutes = static_cast<long>(std::lround(t.count() / 60.0));
    return fmt::format("\"{:02}:{:02}\"", minutes / 60, minutes % 60);
}

std::string length(seconds t) {
    const double minutes = t.count() / 60.0;
    if (std::abs(minutes - std::round(minutes)) < 1e-9)
        return fmt::format("\"{}min\"", static_cast<long>(std::lround(minutes)));
    return fmt::format("\"{}s\"", t.count());
}

// A TOML basic string.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

void write_shift(std::string& out, const shift_kind& k) {
    out += fmt::format("name = {}\nstart = {}\nend = {}\n", quoted(k.name), quoted_clock(k.start),
                       quoted_clock(k.start + k.length));
    if (k.breaks.empty()) return;
    std::vector<std::string> breaks;
    for (std::size_t b = 0; b < k.breaks.size(); ++b)
        breaks.push_back(fmt::format("{{ start = {}, length = {} }}",
                                     quoted_clock(k.start + k.breaks[b]),
                                     length(k.break_lengths[b])));
    out += fmt::format("breaks = [{}]\n", fmt::join(breaks, ", "));
}

// How a shift's `days` names day d: its date, its weekday, or nothing on a single day.
std::string day_name(const sim::scenario& s, std::size_t d) {
    if (const auto date = s.calendar.date_of(d)) return quoted(format_date(*date));
    if (const auto w = s.calendar.weekday_of(d); w && s.calendar.days <= 7)
        return quoted(std::string(weekday_name(*w)));
    throw domain_error(
        "a roster file cannot name the days of an undated horizon of several days without "
        "weekdays; give the calendar a start");
}

}  // namespace

std::string roster_toml(const sim::scenario& s, const plan_result& plan,
                        const std::string& include) {
    std::string out = fmt::format(
        "# The roster planned for \"{}\": cost {:.2f}, {} round{}; simulate it as it is\n"
        "# (ccsim simulate) or ask what-if questions of it (ccsim whatif).\n",
        s.name, plan.solution.cost, plan.rounds.size(), plan.rounds.size() == 1 ? "" : "s");
    out += fmt::format("include = {}\nname = {}\n\n", quoted(include),
                       quoted(s.name + ", planned roster"));
    out += fmt::format("[run]\nreplications = {}\nseed = {}\n\n", plan.run.replications,
                       plan.run.seed);
    if (plan.settings.service_level || plan.settings.answer_rate) {
        out += "[targets]\n";
        if (plan.settings.service_level)
            out += fmt::format("service_level = {}\n", *plan.settings.service_level);
        if (plan.settings.answer_rate)
            out += fmt::format("answer_rate = {}\n", *plan.settings.answer_rate);
        out += "\n";
    }
    const planned_roster& r = plan.roster;
    for (std::size_t g = 0; g < plan.settings.groups.size(); ++g) {
        out += fmt::format("[[group]]\nname = {}\n",
                           quoted(s.groups[plan.settings.groups[g].group].name));
        if (plan.settings.weekly) {
            out += "tour = [\n";
            for (std::size_t l = 0; l < r.lines.size(); ++l) {
                if (r.lines[l].plan_group != g) continue;
                std::string line = fmt::format("    {{ name = {}, agents = {}",
                                               quoted(line_name(r, l)), r.lines[l].agents);
                for (std::size_t d = 0; d < s.calendar.days; ++d)
                    line += fmt::format(
                        ", {} = {}", weekday_name(*s.calendar.weekday_of(d)),
                        r.at[l][d] ? quoted(r.kinds[g][*r.at[l][d]].name) : std::string("\"off\""));
                out += line + " },\n";
            }
            out += "]\n";
            for (const shift_kind& k : r.kinds[g]) {
                out += "\n[[group.shift]]\n";
                write_shift(out, k);
            }
            out += "\n";
            continue;
        }
        for (std::size_t l = 0; l < r.lines.size(); ++l) {
            if (r.lines[l].plan_group != g) continue;
            for (std::size_t d = 0; d < s.calendar.days; ++d) {
                if (!r.at[l][d]) continue;
                shift_kind k = r.kinds[g][*r.at[l][d]];
                if (s.calendar.days > 1)
                    k.name = fmt::format("{} {}", k.name, s.calendar.day_label(d));
                out += "\n[[group.shift]]\n";
                write_shift(out, k);
                out += fmt::format("agents = {}\n", r.lines[l].agents);
                if (s.calendar.days > 1) out += fmt::format("days = [{}]\n", day_name(s, d));
            }
        }
        out += "\n";
    }
    return out;
}

}  // namespace ccsim::plan
