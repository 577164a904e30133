#include "erlang/chat_shortcut.hpp"

#include <cmath>

namespace ccsim::erlang {

offered_traffic chat_shortcut_traffic(const offered_traffic& traffic,
                                      const chat_concurrency& concurrency, chat_shortcut kind) {
    offered_traffic shortcut = traffic;
    const double stretch = concurrency.full_factor();
    switch (kind) {
        case chat_shortcut::agents_as_servers:
            shortcut.aht = traffic.aht * (stretch / concurrency.max_chats);
            break;
        case chat_shortcut::alone_over_slots:
            shortcut.aht = traffic.aht / static_cast<double>(concurrency.max_chats);
            break;
        case chat_shortcut::slots_as_servers:
            shortcut.aht = traffic.aht * stretch;
            break;
    }
    return shortcut;
}

double chat_shortcut_servers(long agents, const chat_concurrency& concurrency, chat_shortcut kind) {
    const double n = static_cast<double>(agents);
    return kind == chat_shortcut::slots_as_servers ? n * concurrency.max_chats : n;
}

queue_metrics evaluate_chat_shortcut(const offered_traffic& traffic, long agents,
                                     const chat_concurrency& concurrency, chat_shortcut kind,
                                     seconds threshold) {
    queue_metrics m = evaluate(chat_shortcut_traffic(traffic, concurrency, kind),
                               chat_shortcut_servers(agents, concurrency, kind), threshold);
    m.agents = static_cast<double>(agents);
    return m;
}

staffing_answer solve_chat_shortcut_staffing(const offered_traffic& traffic,
                                             const chat_concurrency& concurrency,
                                             chat_shortcut kind, const staffing_targets& targets,
                                             const staffing_options& options) {
    const offered_traffic shortcut = chat_shortcut_traffic(traffic, concurrency, kind);
    staffing_options servers = options;
    servers.fractional = false;
    const long k = concurrency.max_chats;
    if (kind == chat_shortcut::slots_as_servers) servers.max_agents = options.max_agents * k;
    staffing_answer answer = solve_staffing(shortcut, targets, servers);
    if (kind == chat_shortcut::slots_as_servers) {
        // Every figure improves with servers, so the least n with n k >= the least servers.
        answer.agents = (answer.agents + k - 1) / k;
        const seconds threshold =
            targets.service_level ? targets.service_level->threshold : options.threshold;
        answer.metrics =
            evaluate_chat_shortcut(traffic, answer.agents, concurrency, kind, threshold);
    }
    answer.scheduled = scheduled_agents(static_cast<double>(answer.agents), options.shrinkage);
    return answer;
}

}  // namespace ccsim::erlang
