#include "io/scenario_file.hpp"

#include "io/scenario_build.hpp"
#include "io/scenario_include.hpp"

namespace ccsim::io {

loaded_scenario load_scenario(const std::filesystem::path& file) {
    return build_scenario(read_scenario_document(file));
}

loaded_scenario load_scenario_text(const std::string& text, const std::string& name,
                                   const std::filesystem::path& base_dir) {
    return build_scenario(parse_scenario_document(text, name, base_dir));
}

}  // namespace ccsim::io
