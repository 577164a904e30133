#include "batch/input_hash.hpp"

#include <fmt/format.h>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/version.hpp"

namespace ccsim::batch {

std::string input_hash(const io::loaded_scenario& loaded, const sim::run_options& run,
                       double confidence) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    auto mix = [&](std::string_view bytes) {
        for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
    };
    mix(version);
    for (const std::string& source : loaded.sources) {
        std::ifstream in(source, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        mix(source);
        mix(text.str());
    }
    mix(fmt::format("{} {} {}", run.replications, run.seed, confidence));
    return fmt::format("{:016x}", hash);
}

}  // namespace ccsim::batch
