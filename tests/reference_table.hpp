#pragma once
// Reads the published reference tables in tests/data (copied verbatim from
// ../shared/data): comma-separated, '#' comment lines, empty fields allowed.
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ccsim::test {

struct reference_cell {
    std::string text;
    std::optional<double> number() const {
        if (text.empty()) return std::nullopt;
        return std::stod(text);
    }
    /// One unit in the last printed decimal: the precision the source printed. Sources
    /// differ in rounding or truncating (erlanglib prints B(10, 5) = 0.0183845703... as
    /// 0.018384), so a full unit is the tightest bound that holds for both.
    double printed_tolerance() const {
        const auto dot = text.find('.');
        const int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
        double tolerance = 1.0;
        for (int i = 0; i < decimals; ++i) tolerance /= 10.0;
        return tolerance;
    }
};

/// Columns of erlang_reference.csv.
namespace erlang_reference {
enum column {
    model,
    calls,
    interval_s,
    aht_s,
    patience_s,
    agents,
    threshold_s,
    p_wait,
    service_level,
    mean_wait_s,
    occupancy,
    p_abandon,
    source
};
}  // namespace erlang_reference

inline std::vector<std::vector<reference_cell>> read_reference(const std::string& name) {
    std::ifstream in(std::string(CCSIM_TEST_DATA) + "/" + name);
    if (!in) throw std::runtime_error("missing reference table " + name);
    std::vector<std::vector<reference_cell>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<reference_cell> row;
        std::size_t start = 0;
        while (true) {
            const auto comma = line.find(',', start);
            row.push_back({line.substr(start, comma == std::string::npos ? comma : comma - start)});
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ccsim::test
