#pragma once
// A first-in, first-out queue of waiting work items as a growable ring buffer. Entries carry
// the item's generation: an item that left the queue another way (its caller hung up) leaves
// a stale entry that is skipped when it reaches the head, so abandonment costs O(1) instead
// of a search.
#include <cstdint>
#include <vector>

namespace ccsim::sim {

struct queued_item {
    std::uint32_t id;
    std::uint32_t generation;
};

class item_queue {
  public:
    bool empty() const { return size_ == 0; }
    const queued_item& front() const { return ring_[head_]; }

    void push(queued_item c) {
        if (size_ == ring_.size()) grow();
        ring_[(head_ + size_) & (ring_.size() - 1)] = c;
        ++size_;
    }

    void pop() {
        head_ = (head_ + 1) & (ring_.size() - 1);
        --size_;
    }

    template <class Visit>
    void for_each(Visit visit) const {
        for (std::size_t i = 0; i < size_; ++i) visit(ring_[(head_ + i) & (ring_.size() - 1)]);
    }

  private:
    void grow() {
        std::vector<queued_item> bigger(ring_.empty() ? 16 : ring_.size() * 2);
        for (std::size_t i = 0; i < size_; ++i) bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
        ring_.swap(bigger);
        head_ = 0;
    }

    std::vector<queued_item> ring_;  // capacity is a power of two
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

/// A queue's waiting items: the FIFO (with stale entries) and how many really wait.
struct waiting_line {
    item_queue fifo;
    std::uint32_t waiting = 0;
};

}  // namespace ccsim::sim
