#pragma once
// Work items (a call today; a chat, a complaint or a follow-up call tomorrow) keep their
// identity from first contact to final outcome: a redial is the same item arriving again,
// and an item in service is still alive until its service completes. Items live in a slab
// with a free list, so memory follows the items alive at once, never the horizon.
#include <cstdint>
#include <vector>

namespace ccsim::sim {

// 40 bytes: items in service and waiting are the engine's working set.
struct work_item {
    double arrival;   // this attempt's arrival time
    double handle;    // handle time before the serving group's factor
    double patience;  // seconds it will wait at most (infinity: never hangs up)
    std::uint32_t queue;
    std::uint32_t generation;  // bumped whenever the item leaves a queue or is freed
    std::int32_t bucket;       // interval of arrival; -1 during the warm-up (not counted)
    std::uint16_t redials;     // redials made so far
    bool waiting;
};
static_assert(sizeof(work_item) == 40);

/// The item of an event or a service that has none (any more): a voice call whose story
/// ended when it was answered.
inline constexpr std::uint32_t no_item = 0xffffffffu;

class item_slab {
  public:
    work_item& operator[](std::uint32_t id) { return items_[id]; }
    const work_item& operator[](std::uint32_t id) const { return items_[id]; }

    /// A free slot; its fields are those of its previous item (the caller sets them).
    std::uint32_t allocate() {
        if (free_.empty()) {
            items_.push_back({});
            return static_cast<std::uint32_t>(items_.size() - 1);
        }
        const std::uint32_t id = free_.back();
        free_.pop_back();
        return id;
    }

    /// Ends the item's story: stale queue entries and events of it are ignored from now on.
    void release(std::uint32_t id) {
        work_item& item = items_[id];
        ++item.generation;
        item.waiting = false;
        free_.push_back(id);
    }

    std::size_t capacity() const { return items_.size(); }

  private:
    std::vector<work_item> items_;
    std::vector<std::uint32_t> free_;
};

}  // namespace ccsim::sim
