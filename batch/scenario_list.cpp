#include "batch/scenario_list.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <system_error>

#include "core/errors.hpp"

namespace ccsim::batch {

namespace fs = std::filesystem;

std::vector<scenario_item> collect_scenarios(const std::vector<std::string>& inputs) {
    std::vector<scenario_item> items;
    std::map<std::string, int> used;
    auto add = [&](const fs::path& file, const std::string& shown, std::string name) {
        for (char& c : name)
            if (c == '/' || c == '\\') c = '_';
        if (const int n = used[name]++; n > 0) name += fmt::format("_{}", n + 1);
        items.push_back({file, shown, name});
    };
    for (const std::string& input : inputs) {
        std::error_code failure;
        if (fs::is_directory(input, failure)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::recursive_directory_iterator(input, failure))
                if (entry.is_regular_file() && entry.path().extension() == ".toml")
                    found.push_back(entry.path());
            std::sort(found.begin(), found.end());
            for (const fs::path& file : found) {
                const fs::path relative = fs::relative(file, input);
                add(file, file.string(),
                    relative.parent_path().empty()
                        ? relative.stem().string()
                        : (relative.parent_path() / relative.stem()).string());
            }
        } else if (fs::exists(input, failure)) {
            add(input, input, fs::path(input).stem().string());
        } else {
            throw config_error(fmt::format("{}: no such file or folder", input));
        }
    }
    if (items.empty()) throw config_error("no scenario files (*.toml) in the inputs");
    return items;
}

}  // namespace ccsim::batch
