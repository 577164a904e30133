#include "sim/contact_centre.hpp"

#include "sim/replication.hpp"

namespace ccsim::sim {

namespace {
const scenario& validated(const scenario& s) {
    validate(s);
    return s;
}
}  // namespace

contact_centre::contact_centre(scenario s)
    : scenario_(std::move(s)), router_(validated(scenario_)), roster_(scenario_) {
    for (const group_spec& g : scenario_.groups) {
        slots_.push_back(static_cast<std::uint16_t>(g.max_chats));
        levels_.push_back(g.blend ? g.max_chats : g.max_chats - 1);
    }
    for (const queue_spec& q : scenario_.queues) {
        const bool lives_on = q.channel == channel_kind::voice &&
                              (q.repeats.resolved < 1.0 || (q.follow_up && q.follow_up->share > 0.0));
        queue_lives_on_.push_back(lives_on);
        items_live_on_ |= lives_on || q.channel != channel_kind::voice;
        has_chat_ |= q.channel == channel_kind::chat;
        has_back_office_ |= q.channel == channel_kind::backoffice;
    }
}

replication_statistics contact_centre::simulate_replication(std::uint64_t seed,
                                                            std::uint64_t index) const {
    return replication(*this, seed, index).run();
}

}  // namespace ccsim::sim
