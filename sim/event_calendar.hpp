#pragma once
// The future event list: a 4-ary min-heap ordered by (time, class, sequence number).
//
// Same-instant rule: at equal times, events run in class order (service completions, then
// roster changes, then abandonments, then arrivals), and within a class in the order they
// were scheduled. So an agent freed at 10:00:00 takes a call arriving at 10:00:00, and a
// shift that ends at 14:00 ends before a 14:00 arrival is routed.
#include <cassert>
#include <cstdint>
#include <vector>

namespace ccsim::sim {

enum class event_class : std::uint8_t { completion = 0, roster = 1, abandonment = 2, arrival = 3 };

struct event {
    double time;
    std::uint64_t order;  // class in the top 8 bits, sequence number below
    std::uint32_t id;     // an agent or a call, depending on the class
    std::uint32_t tag;    // a call's generation, to recognise events of a finished call

    event_class kind() const { return static_cast<event_class>(order >> 56); }
};

inline bool runs_before(const event& a, const event& b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
}

/// Events ordered with the same rule (time, class, sequence) that the calendar uses, for
/// event sources kept outside it.
inline std::uint64_t event_order(event_class kind, std::uint64_t sequence) {
    return static_cast<std::uint64_t>(kind) << 56 | sequence;
}

class event_calendar {
  public:
    void schedule(double time, event_class kind, std::uint32_t id, std::uint32_t tag = 0) {
        assert(sequence_ < (1ULL << 56));
        heap_.push_back({});
        sift_up(heap_.size() - 1, {time, event_order(kind, sequence_++), id, tag});
    }

    /// A sequence number for an event kept outside the calendar, so that it ties correctly.
    std::uint64_t next_sequence() { return sequence_++; }

    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    const event& next() const { return heap_.front(); }

    event pop() {
        const event first = heap_.front();
        const event last = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) sift_down(0, last);
        return first;
    }

    void clear() {
        heap_.clear();
        sequence_ = 0;
    }

  private:
    static constexpr std::size_t arity = 4;

    void sift_up(std::size_t hole, const event& e) {
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / arity;
            if (!runs_before(e, heap_[parent])) break;
            heap_[hole] = heap_[parent];
            hole = parent;
        }
        heap_[hole] = e;
    }

    void sift_down(std::size_t hole, const event& e) {
        const std::size_t size = heap_.size();
        while (true) {
            const std::size_t first_child = hole * arity + 1;
            if (first_child >= size) break;
            std::size_t best = first_child;
            const std::size_t end = first_child + arity < size ? first_child + arity : size;
            for (std::size_t c = first_child + 1; c < end; ++c)
                if (runs_before(heap_[c], heap_[best])) best = c;
            if (!runs_before(heap_[best], e)) break;
            heap_[hole] = heap_[best];
            hole = best;
        }
        heap_[hole] = e;
    }

    std::vector<event> heap_;
    std::uint64_t sequence_ = 0;
};

}  // namespace ccsim::sim
