#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "batch/replication_file.hpp"
#include "batch/replication_sources.hpp"
#include "batch/shard_plan.hpp"
#include "batch/shard_run.hpp"
#include "batch/shard_set.hpp"
#include "core/errors.hpp"
#include "scratch_folder.hpp"
#include "sim/simulation.hpp"

using namespace ccsim;
using namespace ccsim::batch;
namespace fs = std::filesystem;
using ccsim::test::scratch_folder;

namespace {

// Bit for bit, NaN included.
bool same_bits(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
    if (a.size() != b.size()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (std::memcmp(&a[i], &b[i], sizeof(double)) != 0) return false;
    return true;
}

sim::stationary_queue small_queue() {
    sim::stationary_queue q;
    q.calls_per_hour = 120;
    q.aht = seconds{180};
    q.patience = seconds{120};
    q.agents = 7;
    q.horizon = seconds{4 * 3600};
    q.warmup = seconds{1800};
    return q;
}

}  // namespace

TEST_CASE("shard plan: every replication in exactly one shard, shares within one of each other") {
    const std::vector<std::vector<std::size_t>> runs = {{20}, {3, 0, 5, 7}, {1, 1}, {0}, {1000, 1}};
    for (const auto& replications : runs)
        for (std::size_t n = 1; n <= 9; ++n) {
            std::vector<std::vector<int>> seen(replications.size());
            for (std::size_t u = 0; u < replications.size(); ++u)
                seen[u].assign(replications[u], 0);
            std::size_t smallest = std::numeric_limits<std::size_t>::max(), largest = 0;
            for (std::size_t i = 1; i <= n; ++i) {
                std::size_t share = 0;
                for (const replication_block& b : shard_blocks(replications, {i, n})) {
                    REQUIRE(b.first + b.count <= replications[b.unit]);
                    for (std::size_t r = b.first; r < b.first + b.count; ++r) ++seen[b.unit][r];
                    share += b.count;
                }
                smallest = std::min(smallest, share);
                largest = std::max(largest, share);
            }
            for (const auto& unit : seen)
                for (const int count : unit) CHECK(count == 1);
            CHECK(largest - smallest <= 1);
        }
    // One big scenario splits: shard 2 of 3 of 20 replications takes 6..12.
    const auto blocks = shard_blocks({20}, {2, 3});
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].first == 6);
    CHECK(blocks[0].count == 7);
}

TEST_CASE("replication file: bit for bit round trip, damaged or foreign files are not taken") {
    scratch_folder scratch("shards_file");
    replication_result result;
    sim::replication_figures f;
    f.queues = Eigen::ArrayXd::LinSpaced(7, -1.0, 0.1);
    f.queues[3] = std::numeric_limits<double>::quiet_NaN();
    f.groups = Eigen::ArrayXd::Constant(3, 1.0 / 3.0);
    f.arrivals = 1234;
    f.events = 98765;
    result.variants = {f, f};
    result.seconds = 0.25;
    const fs::path file = replication_path(scratch.path, 42);
    CHECK(file.filename() == "000042.rep");
    write_replication(file, "0123456789abcdef", 42, result);
    const auto back = read_replication(file, "0123456789abcdef", 42);
    REQUIRE(back);
    REQUIRE(back->variants.size() == 2);
    CHECK(same_bits(back->variants[1].queues, f.queues));
    CHECK(same_bits(back->variants[1].groups, f.groups));
    CHECK(back->variants[1].arrivals == 1234);
    CHECK(back->variants[1].events == 98765);
    CHECK(back->seconds == 0.25);
    CHECK_FALSE(read_replication(file, "fedcba9876543210", 42));  // other inputs
    CHECK_FALSE(read_replication(file, "0123456789abcdef", 41));  // another replication
    CHECK_FALSE(read_replication(scratch.path / "none.rep", "0123456789abcdef", 42));
    const auto size = fs::file_size(file);
    fs::resize_file(file, size - 5);  // truncated
    CHECK_FALSE(read_replication(file, "0123456789abcdef", 42));
}

TEST_CASE("shards merged equal one run bit for bit for any N, missing and doubled shards refused") {
    scratch_folder scratch("shards_merge");
    const auto centre =
        std::make_shared<const sim::contact_centre>(sim::make_stationary_scenario(small_queue()));
    const sim::run_options options{11, 5, 2};
    const sim::simulation_run single = sim::simulate(*centre, options);
    const sim::simulation_summary& a = single.summary;

    for (std::size_t n : {1, 2, 3, 7}) {
        std::vector<fs::path> folders;
        for (std::size_t i = n; i >= 1; --i) {  // last shard first: the order does not matter
            shard_manifest m;
            m.command = "simulate";
            m.spec = {i, n};
            m.units = {{"simulate", "0123456789abcdef", 11}};
            folders.push_back(scratch.path / (std::to_string(n) + "_" + std::to_string(i)));
            run_shard(folders.back(), m, 1, [&](std::size_t) {
                return simulation_replications(centre, options.seed, 0.95);
            });
        }
        const shard_set shards(folders);
        const sim::simulation_run merged = merged_simulation(shards, 0, *centre, options, 0.95);
        const sim::simulation_summary& b = merged.summary;
        CHECK(b.replications() == 11);
        CHECK(b.arrivals() == a.arrivals());
        for (std::size_t bucket = 0; bucket < a.buckets(); ++bucket)
            for (const auto f : {sim::queue_figure::service_level, sim::queue_figure::asa_s}) {
                const estimate x = a.queue(0, bucket, f), y = b.queue(0, bucket, f);
                CHECK(std::memcmp(&x, &y, sizeof x) == 0);
            }
        if (n == 3) {
            const std::vector<fs::path> without_2 = {folders[0], folders[2]};
            const std::vector<fs::path> twice_2 = {folders[0], folders[1], folders[2], folders[1]};
            CHECK_THROWS_WITH_AS(shard_set{without_2},
                                 doctest::Contains("missing shards 2/3 (of 3)"), config_error);
            CHECK_THROWS_WITH_AS(shard_set{twice_2}, doctest::Contains("shard 2/3 is given twice"),
                                 config_error);
            fs::remove(replication_path(unit_folder(folders[0], shards.units()[0]), 8));
            const std::string missing =
                "shard 3/3 (" + folders[0].string() + "): simulate replication 8";
            CHECK_THROWS_WITH_AS(shard_set{folders}, doctest::Contains(missing.c_str()),
                                 config_error);
        }
    }
}
