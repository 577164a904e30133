#include "batch/shard_plan.hpp"

#include <algorithm>

namespace ccsim::batch {

std::vector<replication_block> shard_blocks(const std::vector<std::size_t>& replications,
                                            shard_spec spec) {
    std::size_t total = 0;
    for (const std::size_t r : replications) total += r;
    // floor(total i / count), without the product total x i, which could overflow.
    const std::size_t whole = total / spec.count, rest = total % spec.count;
    const auto cut = [&](std::size_t i) { return whole * i + rest * i / spec.count; };
    const std::size_t begin = cut(spec.index - 1), end = cut(spec.index);
    std::vector<replication_block> blocks;
    std::size_t start = 0;  // position of the unit's first replication
    for (std::size_t u = 0; u < replications.size(); ++u) {
        const std::size_t from = std::max(begin, start),
                          to = std::min(end, start + replications[u]);
        if (from < to) blocks.push_back({u, from - start, to - from});
        start += replications[u];
    }
    return blocks;
}

}  // namespace ccsim::batch
