#include "report/result_folder.hpp"

#include "io/atomic_file.hpp"
#include "report/record.hpp"
#include "report/simulation_records.hpp"
#include "report/standards.hpp"

namespace ccsim::report {

void write_result_folder(const std::filesystem::path& folder, const sim::scenario& s,
                         const sim::simulation_summary& r, const nlohmann::ordered_json& summary,
                         csv_encoding encoding) {
    io::write_file_atomically(folder / "intervals.csv",
                              format_csv(interval_records(s, r), encoding));
    io::write_file_atomically(folder / "group_intervals.csv",
                              format_csv(group_interval_records(s, r), encoding));
    io::write_file_atomically(folder / "days.csv", format_csv(day_records(s, r), encoding));
    io::write_file_atomically(folder / "group_days.csv",
                              format_csv(group_day_records(s, r), encoding));
    if (has_department_standards(s)) {
        std::vector<record> rows;
        for (const standard_check& c : check_standards(s, r))
            rows.push_back(
                {{"queue", "queue", c.scope},
                 {"standard", "standard", c.standard},
                 {"figure", "figure", c.figure},
                 {"target", "target", c.target ? field_value(*c.target) : field_value(), 4},
                 {"value", "value", c.value, 4},
                 {"verdict", "verdict", std::string(verdict_key(c.result))}});
        io::write_file_atomically(folder / "standards.csv", format_csv(rows, encoding));
    }
    io::write_file_atomically(folder / "summary.json", summary.dump(2) + "\n");
}

}  // namespace ccsim::report
