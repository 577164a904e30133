#include "erlang/traffic.hpp"

#include "erlang/erlang_a.hpp"
#include "erlang/erlang_c.hpp"

namespace ccsim::erlang {

offered_traffic offered_traffic::from_volume(double calls, seconds interval, seconds aht,
                                             std::optional<seconds> patience) {
    return offered_traffic{calls / interval.count(), aht, patience};
}

queue_metrics evaluate(const offered_traffic& traffic, double agents, seconds threshold) {
    if (traffic.patience) return erlang_a(traffic, agents, threshold);
    return erlang_c(traffic.load(), agents, traffic.aht, threshold);
}

}  // namespace ccsim::erlang
