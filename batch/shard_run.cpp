#include "batch/shard_run.hpp"

#include <fmt/format.h>
#include <chrono>
#include <exception>
#include <system_error>

#include "batch/replication_file.hpp"
#include "core/errors.hpp"
#include "sim/engine/ordered_parallel.hpp"

namespace ccsim::batch {

namespace fs = std::filesystem;

shard_outcome run_shard(const fs::path& folder, shard_manifest manifest, int threads,
                        const producer_factory& prepare, const shard_observer& observer) {
    std::vector<std::size_t> replications;
    for (const shard_unit& u : manifest.units) replications.push_back(u.replications);
    manifest.blocks = shard_blocks(replications, manifest.spec);
    // A folder is one shard's: another shard (or command) writing there would mix them up.
    if (fs::exists(folder / "shard.json")) {
        const shard_manifest before = read_manifest(folder);
        if (before.command != manifest.command || before.spec.index != manifest.spec.index ||
            before.spec.count != manifest.spec.count)
            throw config_error(
                fmt::format("{} holds shard {}/{} of a {} run; give each shard a folder of its own",
                            folder.string(), before.spec.index, before.spec.count, before.command));
    }
    manifest.failures.clear();
    manifest.finished = false;
    std::error_code failure;
    fs::create_directories(folder, failure);
    if (failure) throw error(fmt::format("cannot create the shard folder {}", folder.string()));
    write_manifest(folder, manifest);

    shard_outcome outcome;
    for (const replication_block& block : manifest.blocks) {
        ++outcome.blocks;
        const shard_unit& unit = manifest.units[block.unit];
        const fs::path where = unit_folder(folder, unit);
        std::vector<std::size_t> missing;
        for (std::size_t r = block.first; r < block.first + block.count; ++r)
            if (read_replication(replication_path(where, r), unit.hash, r))
                ++outcome.reused;
            else
                missing.push_back(r);
        std::string failed;
        if (!missing.empty()) {
            fs::create_directories(where, failure);
            if (failure) throw error(fmt::format("cannot create the folder {}", where.string()));
            try {
                const replication_producer produce = prepare(block.unit);
                sim::ordered_parallel(
                    missing.size(), threads,
                    [&](std::size_t k) {
                        const auto start = std::chrono::steady_clock::now();
                        replication_result result{produce(missing[k])};
                        result.seconds =
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                                .count();
                        return result;
                    },
                    [&](std::size_t k, replication_result&& result) {
                        write_replication(replication_path(where, missing[k]), unit.hash,
                                          missing[k], result);
                        ++outcome.ran;
                    });
            } catch (const std::exception& e) {
                // As in a batch, the unit's error is its result; the replications written so
                // far stay, and a re-run of the shard tries the rest again.
                failed = e.what();
                manifest.failures[block.unit] = failed;
                ++outcome.failed;
            }
        }
        if (observer.block_finished) observer.block_finished(unit, block, failed);
    }
    manifest.finished = true;
    write_manifest(folder, manifest);
    return outcome;
}

}  // namespace ccsim::batch
