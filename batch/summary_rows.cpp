#include "batch/summary_rows.hpp"

#include <limits>
#include <string>
#include <utility>

#include "core/target_verdict.hpp"
#include "io/atomic_file.hpp"

namespace ccsim::batch {

namespace {

estimate estimate_of(const nlohmann::ordered_json& summary, const char* key) {
    const nlohmann::ordered_json& e = summary.at(key);
    auto number = [](const nlohmann::ordered_json& v) {
        return v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN();
    };
    return {number(e.at("mean")), number(e.at("ci_low")), number(e.at("ci_high"))};
}

// Whether the summary's targets are all met, from their verdicts as summary.json keeps them;
// empty when the scenario sets none.
std::string targets_met(const nlohmann::ordered_json& summary) {
    const auto targets = summary.find("targets");
    if (targets == summary.end() || targets->empty()) return {};
    std::vector<verdict> each;
    for (const nlohmann::ordered_json& t : *targets) {
        const std::string key = t.at("verdict").get<std::string>();
        verdict v = verdict::undefined;
        for (const verdict known : {verdict::met, verdict::not_met, verdict::uncertain})
            if (key == verdict_key(known)) v = known;
        each.push_back(v);
    }
    return verdict_key(all_targets(each));
}

}  // namespace

report::record summary_row(const scenario_item& item, const scenario_outcome& outcome) {
    const bool ok = outcome.ok();
    report::record row{{"file", "file", item.shown},
                       {"scenario", "scenario",
                        ok ? report::field_value{outcome.summary.at("scenario").get<std::string>()}
                           : report::field_value{}},
                       {"status", "status", std::string(ok ? "ok" : "error")},
                       {"message", "message", outcome.message}};
    constexpr std::pair<const char*, int> figures[] = {{"offered", 1},     {"service_level", 4},
                                                       {"answer_rate", 4}, {"abandon_rate", 4},
                                                       {"asa_s", 2},       {"occupancy", 4}};
    if (!outcome.ok()) {
        for (const char* key : {"replications", "seed", "targets"})
            row.push_back({key, key, report::field_value{}});
        for (const auto& [key, decimals] : figures)
            row.push_back({key, key, report::field_value{}, decimals});
        row.push_back({"wall_s", "wall s", report::field_value{}, 2});
        return row;
    }
    const nlohmann::ordered_json& s = outcome.summary;
    row.push_back({"replications", "replications", s.at("replications").get<long>()});
    row.push_back({"seed", "seed", s.at("seed").get<long>()});
    row.push_back({"targets", "targets", targets_met(s)});
    for (const auto& [key, decimals] : figures)
        row.push_back({key, key, estimate_of(s, key), decimals});
    row.push_back({"wall_s", "wall s", s.at("wall_s").get<double>(), 2});
    return row;
}

void write_summaries(const std::filesystem::path& out, const std::vector<report::record>& rows,
                     report::csv_encoding csv) {
    io::write_file_atomically(out / "summary.csv", report::format_csv(rows, csv));
    io::write_file_atomically(out / "summary.json", report::to_json(rows).dump(2) + "\n");
}

}  // namespace ccsim::batch
