#include "batch/shard_plan.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "core/errors.hpp"

namespace ccsim::batch {

namespace {

bool parse_count(std::string_view text, std::size_t& value) {
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    return failure == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

shard_spec parse_shard(const std::string& text) {
    const std::size_t slash = text.find('/');
    shard_spec spec;
    if (slash == std::string::npos ||
        !parse_count(std::string_view(text).substr(0, slash), spec.index) ||
        !parse_count(std::string_view(text).substr(slash + 1), spec.count))
        throw config_error(
            fmt::format("--shard: expected I/N, shard I of N such as 2/8 (got '{}')", text));
    if (spec.count < 1 || spec.index < 1 || spec.index > spec.count)
        throw config_error(fmt::format("--shard: I/N must have 1 <= I <= N (got '{}')", text));
    return spec;
}

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
