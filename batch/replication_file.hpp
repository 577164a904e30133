#pragma once
// One replication's figures as a shard keeps them: the values the summary adds up for that
// replication (for a what-if, every variant's), bit for bit, so a merge that adds them in
// replication order computes exactly what one process computes. One small binary file per
// replication, written atomically: a killed shard leaves whole replications or none.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/stats/simulation_summary.hpp"

namespace ccsim::batch {

struct replication_result {
    std::vector<sim::replication_figures> variants;  // one, or base then variants (what-if)
    double seconds = 0.0;  // the time simulating it took (summed into the merged wall_s)
};

/// FOLDER/000042.rep for replication 42.
std::filesystem::path replication_path(const std::filesystem::path& folder, std::size_t r);

/// Writes replication r of the inputs `hash` (16 hex digits, input_hash) atomically. The
/// doubles are stored as their bytes: shards and merge must run on machines of one byte order
/// (every cluster we know). Throws ccsim::error naming the file when it cannot be written.
void write_replication(const std::filesystem::path& file, const std::string& hash, std::size_t r,
                       const replication_result& result);

/// The replication in `file` when it is whole and is replication r of the inputs `hash`;
/// nullopt when it is missing, truncated, or from other inputs.
std::optional<replication_result> read_replication(const std::filesystem::path& file,
                                                   const std::string& hash, std::size_t r);

}  // namespace ccsim::batch
