#pragma once
// Runs produce(i) for i = 0 .. count-1 on worker threads and hands each result to
// consume(i, result) on the calling thread, in index order. Reductions done in consume are
// therefore identical for any number of threads. Workers run at most a few items ahead of the
// consumer, so memory stays bounded. The first exception (from a worker or from consume)
// stops the work and is rethrown here.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ccsim::sim {

template <class Produce, class Consume>
void ordered_parallel(std::size_t count, int threads, Produce produce, Consume consume) {
    using result = decltype(produce(std::size_t{}));
    const auto workers = static_cast<std::size_t>(std::clamp(threads, 1, 256));
    if (workers == 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) consume(i, produce(i));
        return;
    }

    const std::size_t window = 2 * workers;  // how far workers may run ahead of the consumer
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::size_t, result> finished;
    std::size_t next_to_start = 0, next_to_consume = 0;
    std::exception_ptr failure;
    bool stop = false;

    auto work = [&] {
        while (true) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stop || next_to_start >= count ||
                           next_to_start < next_to_consume + window;
                });
                if (stop || next_to_start >= count) return;
                i = next_to_start++;
            }
            try {
                result r = produce(i);
                std::lock_guard lock(mutex);
                finished.emplace(i, std::move(r));
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(work);
    try {
        while (next_to_consume < count) {
            std::optional<result> r;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || finished.count(next_to_consume) > 0; });
                if (stop) break;
                auto node = finished.extract(next_to_consume);
                r.emplace(std::move(node.mapped()));
            }
            consume(next_to_consume, std::move(*r));
            {
                std::lock_guard lock(mutex);
                ++next_to_consume;
            }
            changed.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
    }
    {
        std::lock_guard lock(mutex);
        stop = true;
    }
    changed.notify_all();
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace ccsim::sim
