#include "erlang/erlang_c.hpp"

#include <cmath>
#include <limits>

#include "erlang/erlang_b.hpp"

namespace ccsim::erlang {

double erlang_c_from_b(double blocking, double agents, double load) {
    // C = n B / (n - a (1 - B)); written so that B -> 0 gives C -> 0 without cancellation.
    return agents * blocking / (agents - load + load * blocking);
}

queue_metrics erlang_c_with_blocking(double load, double agents, double blocking, seconds aht,
                                     seconds threshold) {
    queue_metrics m;
    m.agents = agents;
    m.load = load;
    m.threshold = threshold;
    if (load == 0.0) {  // nothing offered: nothing waits, shares of offered calls undefined
        constexpr double undefined = std::numeric_limits<double>::quiet_NaN();
        m.p_wait = 0.0;
        m.service_level = m.service_level_answered = m.answer_rate = m.p_abandon = undefined;
        m.asa = m.mean_wait = seconds{undefined};
        return m;
    }
    if (!(agents > load)) {
        constexpr double inf = std::numeric_limits<double>::infinity();
        m.stable = false;
        m.p_wait = 1.0;
        m.service_level = m.service_level_answered = 0.0;
        m.answer_rate = load > 0.0 ? agents / load : 1.0;
        m.asa = m.mean_wait = seconds{inf};
        m.queue_length = inf;
        m.occupancy = 1.0;
        return m;
    }
    const double c = erlang_c_from_b(blocking, agents, load);
    const double spare = agents - load;
    m.p_wait = c;
    m.service_level = 1.0 - c * std::exp(-spare * threshold.count() / aht.count());
    m.service_level_answered = m.service_level;
    m.answer_rate = 1.0;
    m.p_abandon = 0.0;
    m.asa = m.mean_wait = seconds{c * aht.count() / spare};
    m.queue_length = c * load / spare;
    m.occupancy = load / agents;
    return m;
}

queue_metrics erlang_c(double load, double agents, seconds aht, seconds threshold) {
    const double blocking = agents > load ? erlang_b(agents, load) : 1.0;
    return erlang_c_with_blocking(load, agents, blocking, aht, threshold);
}

}  // namespace ccsim::erlang
