#pragma once
// The back-office channel (complaints, e-mails, tickets): items are accepted whenever they
// arrive, carry deadlines from their arrival (reply within 12 h, resolve within 48 h), wait
// earliest deadline first, and are worked by agents on shift only: a step in hand is paused
// at a break or at the end of the shift and goes back in line with the work left, so an item
// may be worked across shifts and days. Two steps: a reply (short), then the resolution work
// (the queue's handle time). Shares of deadlines met count only items whose deadline falls
// within the horizon (the others are censored, not missed).
#include <limits>

#include "sim/channels/work_item.hpp"
#include "sim/model/scenario.hpp"
#include "sim/stats/replication_statistics.hpp"

namespace ccsim::sim::back_office {

/// A new item: the reply step first, due `reply_within` after `now`. Its resolution work is
/// already in item.handle; the reply's is `reply_work`.
inline void begin(const queue_spec& q, item_story& story, work_item& item, double reply_work,
                  double now, double horizon_end) {
    story.created = now;
    story.step = 0;
    story.remaining = reply_work;
    story.due = now + q.back_office.reply_within.count();
    story.counted_due = story.due <= horizon_end;
    item.arrival = now;
    item.patience = std::numeric_limits<double>::infinity();
}

/// Replied: the resolution work comes next, due `resolve_within` after the item's arrival.
inline void to_resolution(const queue_spec& q, item_story& story, work_item& item, double now,
                          double horizon_end) {
    story.step = 1;
    story.remaining = item.handle;
    story.due = story.created + q.back_office.resolve_within.count();
    story.counted_due = story.due <= horizon_end;
    item.arrival = now;
}

inline void count_offered(queue_counters& c, const item_story& story) {
    if (story.step != 0) return;  // back in line for its next step: counted once
    ++c.offered;
    if (story.counted_due) ++c.reply_due;
}

inline void count_replied(queue_counters& c, const item_story& story, double now) {
    ++c.replied;
    if (story.counted_due && now <= story.due) ++c.replied_within;
}

inline void count_resolved(queue_counters& c, const item_story& story, double now) {
    ++c.resolved;
    if (story.counted_due) {
        ++c.resolve_due;
        if (now <= story.due) ++c.resolved_within;
    }
}

}  // namespace ccsim::sim::back_office
