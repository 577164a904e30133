#include "erlang/chat_staffing.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/errors.hpp"
#include "core/saturated_count.hpp"
#include "erlang/chat_profile_chain.hpp"
#include "erlang/chat_shortcut.hpp"
#include "erlang/least_meeting.hpp"

namespace ccsim::erlang {

namespace {

// The largest n whose chain is within max_chat_profiles (counts grow with n).
long largest_solvable(int max_chats, long ceiling) {
    long low = 1, high = ceiling;
    if (chat_profile_count(high, max_chats) <= max_chat_profiles) return high;
    while (high - low > 1) {
        const long middle = low + (high - low) / 2;
        (chat_profile_count(middle, max_chats) <= max_chat_profiles ? low : high) = middle;
    }
    return low;
}

// No fewer agents can meet the targets. Without patience the queue must be stable:
// n k / f(k) > load. With patience, agents finish at most n max_j(j / f(j)) / AHT chats a
// second, which bounds the share answered (and a service level over offered chats).
long lowest_count(const offered_traffic& traffic, const chat_concurrency& concurrency,
                  const staffing_targets& targets) {
    const double load = traffic.load();
    if (!traffic.patience)
        return saturated_count(
                   std::floor(load * concurrency.full_factor() / concurrency.max_chats)) +
               1;
    double share = targets.answer_rate.value_or(0.0);
    if (targets.service_level && targets.service_level->basis == service_level_basis::offered)
        share = std::max(share, targets.service_level->fraction);
    double fastest = 0.0;  // chats an agent finishes per AHT, at its best level
    for (int j = 1; j <= concurrency.max_chats; ++j)
        fastest = std::max(fastest, j / concurrency.factor(j));
    return std::max(1L, saturated_count(std::floor(share * load / fastest)));
}

std::string describe(const chat_metrics& c) {
    return fmt::format(
        "service level {:.4f}, answer rate {:.4f}, ASA {:.1f} s, abandon {:.4f}, "
        "slot occupancy {:.4f}",
        c.queue.service_level, c.queue.answer_rate, c.queue.asa.count(), c.queue.p_abandon,
        c.slot_occupancy);
}

}  // namespace

chat_staffing_answer solve_chat_staffing(const offered_traffic& traffic,
                                         const chat_concurrency& concurrency,
                                         const staffing_targets& targets,
                                         const staffing_options& options) {
    const seconds threshold =
        targets.service_level ? targets.service_level->threshold : options.threshold;
    // Erlang A's ASA is a series: only pay for it when it is a target (Erlang C's is free).
    const bool with_asa = targets.asa.has_value() || !traffic.patience;
    std::map<long, chat_metrics> evaluated;
    auto at = [&](long n) -> const chat_metrics& {
        auto found = evaluated.find(n);
        if (found == evaluated.end())
            found =
                evaluated.emplace(n, evaluate_chat(traffic, n, concurrency, threshold, with_asa))
                    .first;
        return found->second;
    };
    auto with_all = [&](long n) {
        chat_metrics c = at(n);
        if (!with_asa) add_chat_asa(traffic, concurrency, c);
        return c;
    };

    // Evaluating the chain at such loads would only take long to say that none suffices.
    check_offered_load(traffic.load());
    chat_staffing_answer answer;
    if (traffic.load() > 0.0) {  // an interval with no chats needs nobody
        const long highest = largest_solvable(concurrency.max_chats, options.max_agents);
        const long lowest = std::min(lowest_count(traffic, concurrency, targets), highest);
        // The shortcut is a close guess; the answer does not depend on it.
        double guess = static_cast<double>(lowest);
        try {
            staffing_options quick = options;
            quick.max_agents = highest;
            guess = static_cast<double>(
                solve_chat_shortcut_staffing(traffic, concurrency, chat_shortcut::agents_as_servers,
                                             targets, quick)
                    .agents);
        } catch (const domain_error&) {
            guess = static_cast<double>(highest);
        }
        const std::optional<long> agents = least_meeting(
            lowest, highest, guess, [&](long n) { return targets.slack(at(n).queue); });
        if (!agents) {
            const std::string limit =
                highest < options.max_agents
                    ? fmt::format(" (the largest chat chain solved, {} load profiles)",
                                  max_chat_profiles)
                    : std::string();
            throw domain_error(
                fmt::format("no staffing up to {} agents{} meets the targets (at {} agents: {})",
                            highest, limit, highest, describe(with_all(highest))));
        }
        answer.agents = *agents;
    }
    answer.metrics = with_all(answer.agents);
    answer.scheduled = scheduled_agents(static_cast<double>(answer.agents), options.shrinkage);
    return answer;
}

}  // namespace ccsim::erlang
