#pragma once
// Work items (a call, a chat, a complaint, a follow-up call) keep their identity from first
// contact to final outcome: a redial or a repeat call is the same item arriving again, an
// escalated call becomes a back-office item, and an item whose story goes on past its service
// stays alive until then. Items live in a slab
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

/// What an item's story needs beyond a plain call: kept beside the items (same index) only
/// when a scenario has chat, back office, outbound work, repeat callers or follow-ups.
struct item_story {
    double created = 0.0;    // first contact (a case's start; a back-office item's arrival)
    double due = 0.0;        // the deadline of its current step (back office, outbound)
    double remaining = 0.0;  // work left at the pace of one item alone (chat, back office)
    double since = 0.0;      // when `remaining` was last brought up to date
    std::uint32_t agent = 0;  // the agent serving it (chat, back office)
    std::uint16_t contacts = 0;        // answered contacts so far (repeat callers)
    std::uint16_t contacts_needed = 1;  // answered contacts that solve it (drawn at first contact)
    std::uint8_t step = 0;      // back office: 0 reply, 1 resolution
    std::uint8_t attempts = 0;  // outbound attempts made
    bool follow_up = false;     // an answered call that will get a follow-up call
    bool counted_due = false;   // its deadline falls within the horizon: it counts in shares
};

class item_slab {
  public:
    work_item& operator[](std::uint32_t id) { return items_[id]; }
    const work_item& operator[](std::uint32_t id) const { return items_[id]; }

    /// Keep an item_story beside every item (scenarios whose items live on).
    void keep_stories() { with_stories_ = true; }
    item_story& story(std::uint32_t id) { return stories_[id]; }

    /// A free slot; its fields are those of its previous item (the caller sets them), its
    /// story (when kept) is reset.
    std::uint32_t allocate() {
        std::uint32_t id;
        if (free_.empty()) {
            items_.push_back({});
            id = static_cast<std::uint32_t>(items_.size() - 1);
            if (with_stories_) stories_.emplace_back();
        } else {
            id = free_.back();
            free_.pop_back();
            if (with_stories_) stories_[id] = {};
        }
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
    std::vector<item_story> stories_;
    std::vector<std::uint32_t> free_;
    bool with_stories_ = false;
};

}  // namespace ccsim::sim
