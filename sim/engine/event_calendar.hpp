#pragma once
// The future event list: a binary min-heap ordered by (time, class, sequence number).
//
// Same-instant rule: at equal times, events run in class order (service completions, then
// the end of work that can be paused or shared (a chat, a back-office step), then roster
// changes, then abandonments, then arrivals), and within a class in the order they were
// scheduled. So an agent freed at 10:00:00 takes a call arriving at 10:00:00, and a
// shift that ends at 14:00 ends before a 14:00 arrival is routed.
//
// The three parts of the order are packed into a 128-bit key held as two 64-bit words (the
// time's bits made sortable as an unsigned integer, then class and sequence), so ordering two
// events is one two-word integer comparison: the heap is the engine's hottest code. Two words
// rather than an __int128 keep an event at 24 bytes (an __int128 is 16-byte aligned, which
// pads an event to 32): a quarter less memory moved per heap step.
#include <bit>
#include <cassert>
#include <cstdint>
#include <vector>

namespace ccsim::sim {

enum class event_class : std::uint8_t {
    completion = 0,   // id: the agent, tag: the item whose story goes on, or none
    item_done = 1,    // id: the item, tag: its generation (the time may change: rescheduled)
    roster = 2,       // id: the agent back from a break
    abandonment = 3,  // id: the item, tag: its generation
    arrival = 4,      // id: the item (a redial, repeat or retry), tag: its generation
    routed = 5,       // id: a call whose routing delay is over, tag: its generation
};

struct event_key {
    std::uint64_t time_bits = 0;  // sortable_bits(time)
    std::uint64_t order = 0;      // class in the top 8 bits, sequence below

    // Compared as one 128-bit integer: a subtract-with-borrow, no branch (the heap's choice
    // between two children is a coin toss a branch predictor cannot learn).
    friend bool operator<(const event_key& a, const event_key& b) { return a.wide() < b.wide(); }

  private:
    __extension__ typedef unsigned __int128 wide_type;
    wide_type wide() const { return static_cast<wide_type>(time_bits) << 64 | order; }
};

/// Maps a double onto an unsigned integer with the same order (NaN excepted).
inline std::uint64_t sortable_bits(double time) {
    const auto bits = std::bit_cast<std::uint64_t>(time);
    return bits & 0x8000000000000000ULL ? ~bits : bits | 0x8000000000000000ULL;
}

inline double time_of_bits(std::uint64_t sortable) {
    return std::bit_cast<double>(
        sortable & 0x8000000000000000ULL ? sortable & ~0x8000000000000000ULL : ~sortable);
}

/// Class in the top 8 bits, sequence number below.
inline std::uint64_t event_order(event_class kind, std::uint64_t sequence) {
    return static_cast<std::uint64_t>(kind) << 56 | sequence;
}

inline event_key make_key(double time, std::uint64_t order) {
    return {sortable_bits(time), order};
}

struct event {
    event_key key;
    std::uint32_t id;   // an agent or a call, depending on the class
    std::uint32_t tag;  // a call's generation, to recognise events of a finished call

    double time() const { return time_of_bits(key.time_bits); }
    std::uint64_t order() const { return key.order; }
    event_class kind() const { return static_cast<event_class>(order() >> 56); }
};

inline bool runs_before(const event& a, const event& b) {
    return a.key < b.key;
}

class event_calendar {
  public:
    // Always inlined: with many call sites in the engine GCC stops inlining it on its own,
    // and the call costs the voice path about 3% of its instructions.
    [[gnu::always_inline]] void schedule(double time, event_class kind, std::uint32_t id,
                                         std::uint32_t tag = 0) {
        assert(sequence_ < (1ULL << 56));
        const event e{make_key(time, event_order(kind, sequence_++)), id, tag};
        heap_.push_back(e);
        sift_up(heap_.size() - 1, e);
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
        if (!heap_.empty()) refill(last);
        return first;
    }

  private:
    void sift_up(std::size_t hole, const event& e) {
        event* heap = heap_.data();
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / 2;
            if (!(e.key < heap[parent].key)) break;
            heap[hole] = heap[parent];
            hole = parent;
        }
        heap[hole] = e;
    }

    // Bottom-up deletion (Floyd): move the hole left by the root down along the smaller
    // children to a leaf, one comparison per level, then let the last element rise from
    // there. The last element is usually large, so it rises little. Picking the smaller
    // child is a coin toss the branch predictor cannot learn, so it is done without a branch.
    void refill(const event& last) {
        event* heap = heap_.data();
        const std::size_t size = heap_.size();
        std::size_t hole = 0;
        std::size_t child = 1;
        while (child + 1 < size) {
            child += static_cast<std::size_t>(heap[child + 1].key < heap[child].key);
            heap[hole] = heap[child];
            hole = child;
            child = 2 * hole + 1;
        }
        if (child < size) {  // a last parent with a single child
            heap[hole] = heap[child];
            hole = child;
        }
        sift_up(hole, last);
    }

    std::vector<event> heap_;
    std::uint64_t sequence_ = 0;
};

}  // namespace ccsim::sim
