#include "io/queue_classes.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace ccsim::io {

std::vector<std::vector<queue_class>> read_queue_classes(const std::vector<checked_table>& queues,
                                                         const sim::scenario& s,
                                                         const timed_reader& read_timed) {
    std::vector<std::vector<queue_class>> all(queues.size());
    for (std::size_t q = 0; q < queues.size(); ++q) {
        if (!queues[q].has("classes")) continue;
        const sim::queue_spec& spec = s.queues[q];
        if (spec.channel != sim::channel_kind::voice)
            queues[q].fail("classes", "customer classes are for voice queues");
        if (!spec.trace.empty())
            queues[q].fail("classes",
                           "a traced queue replays its calls as they were; split the "
                           "trace into one queue per class instead");
        double total = 0.0;
        for (const checked_table& c : queues[q].array_elements("classes")) {
            queue_class k;
            k.name = c.text("name");
            if (std::any_of(all[q].begin(), all[q].end(),
                            [&](const queue_class& o) { return o.name == k.name; }))
                c.fail("name", "names a class already given");
            k.share = c.number("share");
            k.priority = static_cast<int>(c.integer("priority"));
            if (c.has("patience")) k.patience = read_timed(c.table("patience"));
            if (c.has("routing_delay")) k.routing_delay = read_timed(c.table("routing_delay"));
            total += k.share;
            all[q].push_back(std::move(k));
        }
        if (std::abs(total - 1.0) > 1e-9)
            queues[q].fail("classes",
                           fmt::format("the shares must add up to 1 (they add up to {})", total));
    }
    return all;
}

void split_queue_classes(sim::scenario& s, const std::vector<std::vector<queue_class>>& classes) {
    if (std::all_of(classes.begin(), classes.end(), [](const auto& c) { return c.empty(); }))
        return;
    // first[q]: the new index of queue q's first class (or of q itself).
    std::vector<std::size_t> first(s.queues.size());
    std::vector<sim::queue_spec> split;
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        first[q] = split.size();
        if (classes[q].empty()) {
            split.push_back(s.queues[q]);
            continue;
        }
        for (const queue_class& k : classes[q]) {
            sim::queue_spec c = s.queues[q];
            c.name = s.queues[q].name + "/" + k.name;
            for (double& calls : c.calls) calls *= k.share;
            if (k.patience) c.patience = k.patience;
            if (k.routing_delay) c.routing_delay = k.routing_delay;
            split.push_back(std::move(c));
        }
    }
    for (sim::queue_spec& q : split) {
        if (q.repeats.escalate_to) q.repeats.escalate_to = first[*q.repeats.escalate_to];
        if (q.follow_up) q.follow_up->to = first[q.follow_up->to];
    }
    // A group answering a split queue answers every class, ordered by (the skill's priority,
    // then the class's), ranked 1, 2, ... among the group's skills; a queue without classes
    // ranks as a class of priority 1 at its level (so ties stay ties: longest wait first).
    for (sim::group_spec& g : s.groups) {
        struct ranked {
            sim::skill skill;
            std::pair<long, long> order;
        };
        std::vector<ranked> skills;
        for (const sim::skill& k : g.skills) {
            if (classes[k.queue].empty()) {
                skills.push_back({{first[k.queue], 0, k.preference}, {k.priority, 1}});
                continue;
            }
            for (std::size_t c = 0; c < classes[k.queue].size(); ++c)
                skills.push_back({{first[k.queue] + c, 0, k.preference},
                                  {k.priority, classes[k.queue][c].priority}});
        }
        std::vector<std::pair<long, long>> levels;
        for (const ranked& r : skills) levels.push_back(r.order);
        std::sort(levels.begin(), levels.end());
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
        g.skills.clear();
        for (ranked& r : skills) {
            r.skill.priority = static_cast<int>(
                std::lower_bound(levels.begin(), levels.end(), r.order) - levels.begin() + 1);
            g.skills.push_back(r.skill);
        }
    }
    s.queues = std::move(split);
}

}  // namespace ccsim::io
