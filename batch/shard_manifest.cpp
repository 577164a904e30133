#include "batch/shard_manifest.hpp"

#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/version.hpp"
#include "io/atomic_file.hpp"

namespace ccsim::batch {

namespace fs = std::filesystem;

namespace {

constexpr const char* format_name = "ccsim shard 1";

}  // namespace

fs::path unit_folder(const fs::path& folder, const shard_unit& unit) {
    return folder / "replications" / unit.name;
}

void write_manifest(const fs::path& folder, const shard_manifest& m) {
    nlohmann::ordered_json j;
    j["format"] = format_name;
    j["ccsim"] = version;
    j["command"] = m.command;
    j["args"] = m.args;
    j["cwd"] = m.cwd;
    j["shard"] = m.spec.index;
    j["shards"] = m.spec.count;
    j["finished"] = m.finished;
    j["units"] = nlohmann::ordered_json::array();
    for (const shard_unit& u : m.units)
        j["units"].push_back(
            {{"name", u.name}, {"hash", u.hash}, {"replications", u.replications}});
    j["blocks"] = nlohmann::ordered_json::array();
    for (const replication_block& b : m.blocks) {
        nlohmann::ordered_json block = {{"unit", b.unit}, {"first", b.first}, {"count", b.count}};
        if (const auto failed = m.failures.find(b.unit); failed != m.failures.end())
            block["failure"] = failed->second;
        j["blocks"].push_back(std::move(block));
    }
    io::write_file_atomically(folder / "shard.json", j.dump(2) + "\n");
}

shard_manifest read_manifest(const fs::path& folder) {
    const fs::path file = folder / "shard.json";
    std::ifstream in(file);
    if (!in)
        throw config_error(fmt::format(
            "{}: not a shard folder (no shard.json: the shard never started, or the folder is "
            "not a shard's)",
            folder.string()));
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        if (j.at("format") != format_name)
            throw config_error(fmt::format("{}: format '{}' is not '{}'", file.string(),
                                           j.at("format").dump(), format_name));
        shard_manifest m;
        m.command = j.at("command").get<std::string>();
        m.args = j.at("args").get<std::vector<std::string>>();
        m.cwd = j.at("cwd").get<std::string>();
        m.spec = {j.at("shard").get<std::size_t>(), j.at("shards").get<std::size_t>()};
        m.finished = j.at("finished").get<bool>();
        for (const auto& u : j.at("units"))
            m.units.push_back({u.at("name").get<std::string>(), u.at("hash").get<std::string>(),
                               u.at("replications").get<std::size_t>()});
        for (const auto& b : j.at("blocks")) {
            const replication_block block{b.at("unit").get<std::size_t>(),
                                          b.at("first").get<std::size_t>(),
                                          b.at("count").get<std::size_t>()};
            if (block.unit >= m.units.size() ||
                block.first + block.count > m.units[block.unit].replications)
                throw config_error(fmt::format("{}: a block lies outside its unit", file.string()));
            if (b.contains("failure")) m.failures[block.unit] = b.at("failure").get<std::string>();
            m.blocks.push_back(block);
        }
        return m;
    } catch (const nlohmann::json::exception& e) {
        throw config_error(fmt::format("{}: damaged shard.json ({})", file.string(), e.what()));
    }
}

}  // namespace ccsim::batch
