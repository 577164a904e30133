#include "batch/shard_set.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

#include "core/errors.hpp"

namespace ccsim::batch {

namespace fs = std::filesystem;

namespace {

std::string shard_name(const shard_spec& s) {
    return fmt::format("{}/{}", s.index, s.count);
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

shard_set::shard_set(const std::vector<fs::path>& folders) {
    if (folders.empty()) throw config_error("no shard folders given");
    for (const fs::path& folder : folders) shards_.push_back({folder, read_manifest(folder)});
    const shard& first = shards_.front();
    for (const shard& s : shards_) {
        const shard_manifest& m = s.manifest;
        auto differs = [&](const std::string& what, const std::string& a, const std::string& b) {
            throw config_error(
                fmt::format("{} and {} are not shards of one run: {} differ ({} vs {}); merge "
                            "only the shards of one run",
                            first.folder.string(), s.folder.string(), what, a, b));
        };
        if (m.command != first.manifest.command)
            differs("the commands", first.manifest.command, m.command);
        if (m.args != first.manifest.args)
            differs("the command lines", joined(first.manifest.args), joined(m.args));
        if (m.spec.count != first.manifest.spec.count)
            differs("the shard counts N", std::to_string(first.manifest.spec.count),
                    std::to_string(m.spec.count));
        if (m.units.size() != first.manifest.units.size())
            differs("the numbers of scenarios", std::to_string(first.manifest.units.size()),
                    std::to_string(m.units.size()));
        for (std::size_t u = 0; u < m.units.size(); ++u)
            if (m.units[u] != first.manifest.units[u])
                differs(fmt::format("the inputs of {} (input hash, replications)",
                                    first.manifest.units[u].name),
                        fmt::format("{} x{}", first.manifest.units[u].hash,
                                    first.manifest.units[u].replications),
                        fmt::format("{} x{}", m.units[u].hash, m.units[u].replications));
    }
    std::stable_sort(shards_.begin(), shards_.end(), [](const shard& a, const shard& b) {
        return a.manifest.spec.index < b.manifest.spec.index;
    });
    for (std::size_t i = 1; i < shards_.size(); ++i)
        if (shards_[i].manifest.spec.index == shards_[i - 1].manifest.spec.index)
            throw config_error(fmt::format(
                "shard {} is given twice: {} and {}", shard_name(shards_[i].manifest.spec),
                shards_[i - 1].folder.string(), shards_[i].folder.string()));
    const std::size_t n = shards_.front().manifest.spec.count;
    std::vector<std::string> absent;
    for (std::size_t i = 1, k = 0; i <= n; ++i) {
        if (k < shards_.size() && shards_[k].manifest.spec.index == i)
            ++k;
        else
            absent.push_back(fmt::format("{}/{}", i, n));
    }
    if (!absent.empty())
        throw config_error(
            fmt::format("missing shards {} (of {}): run them and merge again with all {} folders",
                        fmt::join(absent, ", "), n, n));

    // Every block of every shard: run in full, or failed.
    std::vector<std::string> incomplete;
    for (const shard& s : shards_) {
        std::vector<std::string> gaps;
        for (const replication_block& b : s.manifest.blocks) {
            if (s.manifest.failures.count(b.unit)) continue;
            const shard_unit& unit = s.manifest.units[b.unit];
            const fs::path where = unit_folder(s.folder, unit);
            std::size_t r = b.first;
            const std::size_t end = b.first + b.count;
            while (r < end) {
                if (fs::exists(replication_path(where, r))) {
                    ++r;
                    continue;
                }
                const std::size_t from = r;
                while (r < end && !fs::exists(replication_path(where, r))) ++r;
                gaps.push_back(from + 1 == r
                                   ? fmt::format("{} replication {}", unit.name, from)
                                   : fmt::format("{} replications {}-{}", unit.name, from, r - 1));
            }
        }
        if (!gaps.empty())
            incomplete.push_back(
                fmt::format("shard {} ({}{}): {}", shard_name(s.manifest.spec), s.folder.string(),
                            s.manifest.finished ? "" : ", did not finish", fmt::join(gaps, ", ")));
    }
    if (!incomplete.empty())
        throw config_error(
            fmt::format("incomplete shards; re-run them (they resume) and merge again: {}",
                        fmt::join(incomplete, "; ")));
}

std::optional<std::string> shard_set::failure(std::size_t u) const {
    for (const shard& s : shards_)
        if (const auto f = s.manifest.failures.find(u); f != s.manifest.failures.end())
            return f->second;
    return std::nullopt;
}

replication_result shard_set::replication(std::size_t u, std::size_t r) const {
    for (const shard& s : shards_)
        for (const replication_block& b : s.manifest.blocks)
            if (b.unit == u && r >= b.first && r < b.first + b.count) {
                const shard_unit& unit = s.manifest.units[u];
                const fs::path file = replication_path(unit_folder(s.folder, unit), r);
                if (auto result = read_replication(file, unit.hash, r)) return std::move(*result);
                throw config_error(fmt::format("{}: damaged or from other inputs; re-run shard {}",
                                               file.string(), shard_name(s.manifest.spec)));
            }
    throw config_error(fmt::format("no shard holds replication {} of {}", r, units()[u].name));
}

void shard_set::check_inputs(std::size_t u, const std::string& hash) const {
    const shard_unit& unit = units()[u];
    if (hash != unit.hash)
        throw config_error(
            fmt::format("the inputs of {} changed after the shards ran (input hash {} now, {} "
                        "in the shards); run the shards again",
                        unit.name, hash.empty() ? "unreadable" : hash,
                        unit.hash.empty() ? "unreadable" : unit.hash));
}

}  // namespace ccsim::batch
