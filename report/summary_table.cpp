#include "report/summary_table.hpp"

#include <fmt/format.h>
#include <variant>
#include <vector>

#include "report/record.hpp"
#include "report/simulation_records.hpp"
#include "report/target_checks.hpp"

namespace ccsim::report {

namespace {

// Figures down, scopes across: a day summary reads like a report, not a spreadsheet.
std::vector<record> transpose(const std::vector<record>& rows, const char* corner) {
    std::vector<record> columns;
    if (rows.empty()) return columns;
    for (std::size_t f = 1; f < rows.front().size(); ++f) {
        record line{{"figure", corner, rows.front()[f].label}};
        for (const record& row : rows)
            line.push_back(
                {"", std::get<std::string>(row[0].value), row[f].value, row[f].decimals});
        columns.push_back(std::move(line));
    }
    return columns;
}

// An undefined verdict (NaN: a single replication has no CI) reads as it always has.
const char* verdict_text(verdict v) {
    switch (v) {
        case verdict::met:
            return "met";
        case verdict::not_met:
            return "NOT met";
        case verdict::uncertain:
        case verdict::undefined:
            break;
    }
    return "uncertain (CI spans the target)";
}

std::string targets_section(const target_checks& t) {
    std::string out = "\nTargets (day, all queues)\n";
    for (const target_check& c : t.checks)
        out += fmt::format("  {:<13} >= {:.2f}: {:.4f} [{:.4f}, {:.4f}] {}\n", c.figure, c.target,
                           c.day.mean, c.day.ci_low, c.day.ci_high, verdict_text(c.result));
    if (t.intervals_below_service_level)
        out += fmt::format("  intervals with mean service level below target: {} of {}\n",
                           *t.intervals_below_service_level, t.intervals);
    return out;
}

}  // namespace

std::string summary_table(const sim::scenario& s, const sim::simulation_run& run,
                          const run_description& d) {
    const sim::simulation_summary& r = run.summary;
    std::string out =
        r.batch_means()
            ? fmt::format(
                  "{}: one long run, seed {}, {:g}% confidence intervals by batch means "
                  "({} intervals as batches)\n\n",
                  d.scenario_name, d.seed, r.confidence() * 100, r.intervals())
            : fmt::format("{}: {} replications, seed {}, {:g}% confidence intervals\n\n",
                          d.scenario_name, r.replications(), d.seed, r.confidence() * 100);
    out += format_table(transpose(queue_summary_records(s, r), "queue"));
    out += "\n";
    out += format_table(transpose(group_summary_records(s, r), "agent group"));
    if (const target_checks targets = check_targets(s, r); !targets.empty())
        out += targets_section(targets);
    out += fmt::format(
        "\nRun: {} calls simulated in {:.3f} s ({:.2f} million calls/s, {} threads)\n",
        r.arrivals(), run.wall_seconds,
        run.wall_seconds > 0 ? static_cast<double>(r.arrivals()) / run.wall_seconds / 1e6 : 0.0,
        d.threads);
    return out;
}

}  // namespace ccsim::report
