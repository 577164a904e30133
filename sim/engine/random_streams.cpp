#include "sim/engine/random_streams.hpp"

#include <boost/random/seed_seq.hpp>

namespace ccsim::sim {

namespace {
// SplitMix64 finaliser: spreads nearby inputs (seed 1 and 2, replication 7 and 8) apart.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
}  // namespace

random_engine make_stream(std::uint64_t seed, stream_purpose purpose, std::uint32_t index,
                          std::uint64_t replication, std::uint64_t extra) {
    const std::uint64_t a = mix(seed);
    std::uint64_t b = mix(a ^ (static_cast<std::uint64_t>(purpose) << 32 | index));
    if (extra != 0) b = mix(b ^ mix(~extra));
    const std::uint64_t c = mix(b ^ mix(replication));
    const std::uint32_t words[6] = {
        static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(a >> 32),
        static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b >> 32),
        static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(c >> 32)};
    boost::random::seed_seq sequence(std::begin(words), std::end(words));
    return random_engine(sequence);
}

}  // namespace ccsim::sim
