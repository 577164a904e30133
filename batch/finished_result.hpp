#pragma once
// --resume: a scenario's results count as finished when its summary.json (written last) is
// there, is whole, and was made from the same inputs.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace ccsim::batch {

/// The summary.json in `folder` when it parses and its "input_hash" is `hash`; else nullopt
/// (missing, unreadable, truncated or from other inputs).
std::optional<nlohmann::ordered_json> finished_result(const std::filesystem::path& folder,
                                                      const std::string& hash);

}  // namespace ccsim::batch
