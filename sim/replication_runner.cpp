#include "sim/replication_runner.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ccsim::sim {

void run_replications(const contact_centre& centre, const run_options& options,
                      const std::function<void(std::size_t, replication_statistics&&)>& consume) {
    const auto total = static_cast<std::size_t>(std::max(0, options.replications));
    const auto threads = static_cast<std::size_t>(std::clamp(options.threads, 1, 256));
    if (threads == 1 || total <= 1) {
        for (std::size_t r = 0; r < total; ++r) consume(r, centre.simulate_day(options.seed, r));
        return;
    }

    const std::size_t window = 2 * threads;  // how far workers may run ahead of the consumer
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::size_t, replication_statistics> finished;
    std::size_t next_to_start = 0, next_to_consume = 0;
    std::exception_ptr failure;
    bool stop = false;

    auto worker = [&] {
        while (true) {
            std::size_t r = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stop || next_to_start >= total ||
                           next_to_start < next_to_consume + window;
                });
                if (stop || next_to_start >= total) return;
                r = next_to_start++;
            }
            try {
                replication_statistics stats = centre.simulate_day(options.seed, r);
                std::lock_guard lock(mutex);
                finished.emplace(r, std::move(stats));
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    std::exception_ptr consumer_failure;
    try {
        while (next_to_consume < total) {
            std::optional<replication_statistics> stats;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || finished.count(next_to_consume) > 0; });
                if (stop) break;
                auto node = finished.extract(next_to_consume);
                stats.emplace(std::move(node.mapped()));
            }
            consume(next_to_consume, std::move(*stats));
            {
                std::lock_guard lock(mutex);
                ++next_to_consume;
            }
            changed.notify_all();
        }
    } catch (...) {
        consumer_failure = std::current_exception();
    }
    {
        std::lock_guard lock(mutex);
        stop = true;
    }
    changed.notify_all();
    for (std::thread& t : pool) t.join();
    if (consumer_failure) std::rethrow_exception(consumer_failure);
    if (failure) std::rethrow_exception(failure);
}

}  // namespace ccsim::sim
