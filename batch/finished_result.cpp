#include "batch/finished_result.hpp"

#include <fstream>

namespace ccsim::batch {

std::optional<nlohmann::ordered_json> finished_result(const std::filesystem::path& folder,
                                                      const std::string& hash) {
    std::ifstream in(folder / "summary.json");
    if (!in) return std::nullopt;
    try {
        nlohmann::ordered_json summary = nlohmann::ordered_json::parse(in);
        if (summary.value("input_hash", "") == hash) return summary;
    } catch (const nlohmann::json::exception&) {
    }
    return std::nullopt;
}

}  // namespace ccsim::batch
