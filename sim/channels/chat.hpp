#pragma once
// The chat channel: a session takes one of the agent's slots (max_chats). While an agent
// holds k chats each progresses at 1 / f(k) (f: the group's concurrency factors), so a chat's
// duration stretches with the agent's load; every change of load re-times the agent's other
// chats. The threshold is on the first response (the assignment to an agent); customers may
// leave before (patience). A new chat goes to the least-loaded agent with a free slot; a
// freed slot takes the longest-waiting chat. Without blending an agent holding chats takes no
// call. Measures: as voice for offered, answered (first response) and abandoned; per group
// the chat-seconds held and the time holding at least one chat.
#include <algorithm>

#include "sim/channels/work_item.hpp"

namespace ccsim::sim::chat {

/// A chat held while its agent's load changes at `now` from pace 1 / `before` to 1 / `after`:
/// its work left (at the pace of a chat alone) is brought up to now; returns its new end.
inline double retime(item_story& story, double now, double before, double after) {
    if (story.since < now) story.remaining -= (now - story.since) / before;
    story.remaining = std::max(0.0, story.remaining);
    story.since = now;
    return now + story.remaining * after;
}

}  // namespace ccsim::sim::chat
