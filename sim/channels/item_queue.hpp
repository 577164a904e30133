#pragma once
// Queues of waiting work items. A first-in, first-out queue is a growable ring buffer. Entries carry
// the item's generation: an item that left the queue another way (its caller hung up) leaves
// a stale entry that is skipped when it reaches the head, so abandonment costs O(1) instead
// of a search.
#include <algorithm>
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

/// Waiting items by deadline, earliest first (the back office): a binary heap whose entries
/// carry the item's generation like the FIFO's; ties keep the order of arrival.
class deadline_queue {
  public:
    bool empty() const { return heap_.empty(); }
    const queued_item& front() const { return heap_.front().item; }

    void push(queued_item item, double deadline) {
        heap_.push_back({deadline, sequence_++, item});
        std::push_heap(heap_.begin(), heap_.end(), later);
    }
    void pop() {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        heap_.pop_back();
    }
    template <class Visit>
    void for_each(Visit visit) const {
        for (const entry& e : heap_) visit(e.item);
    }

  private:
    struct entry {
        double deadline;
        std::uint64_t sequence;
        queued_item item;
    };
    static bool later(const entry& a, const entry& b) {
        return a.deadline != b.deadline ? a.deadline > b.deadline : a.sequence > b.sequence;
    }
    std::vector<entry> heap_;
    std::uint64_t sequence_ = 0;
};

/// A queue's waiting items and how many really wait: first come, first served (voice, chat,
/// outbound) or earliest deadline first (back office, `by_deadline`).
struct waiting_line {
    item_queue fifo;
    deadline_queue deadlines;
    std::uint32_t waiting = 0;
    bool by_deadline = false;

    bool empty() const { return by_deadline ? deadlines.empty() : fifo.empty(); }
    const queued_item& front() const { return by_deadline ? deadlines.front() : fifo.front(); }
    void pop() { by_deadline ? deadlines.pop() : fifo.pop(); }
    void push(queued_item item, double deadline) {
        if (by_deadline)
            deadlines.push(item, deadline);
        else
            fifo.push(item);
    }
    template <class Visit>
    void for_each(Visit visit) const {
        if (by_deadline)
            deadlines.for_each(visit);
        else
            fifo.for_each(visit);
    }
};

}  // namespace ccsim::sim
