#pragma once
// Deliberately naive reference implementations, used only to check the library: long double
// recursions and brute-force sums over the birth-death chain, written from the textbook
// definitions rather than from the closed forms the library uses.
#include <cmath>
#include <vector>

namespace ccsim::test {

/// Erlang B by the classic recursion from zero in long double, rescaled to avoid overflow.
inline long double reference_erlang_b(long agents, long double load) {
    long double inverse = 1.0L;
    for (long k = 1; k <= agents; ++k) {
        inverse = 1.0L + inverse * static_cast<long double>(k) / load;
        if (inverse > 1e4000L) return 0.0L;
    }
    return 1.0L / inverse;
}

/// Erlang C probability of waiting from the long double Erlang B.
inline long double reference_erlang_c(long agents, long double load) {
    const long double b = reference_erlang_b(agents, load);
    const long double n = static_cast<long double>(agents);
    return n * b / (n - load * (1.0L - b));
}

/// M/M/n+M by brute force over states 0..max_state of the birth-death chain.
struct reference_erlang_a {
    long double p_wait = 0, p_abandon = 0, mean_wait = 0, service_level = 0, asa = 0;
};

/// P(served within t | k callers ahead) by uniformisation of the tagged caller's chain:
/// with i ahead it moves on at rate n mu + i theta and hangs up at rate theta.
inline long double served_within(long k, long double n_mu, long double theta, long double t) {
    const long double rate = n_mu + static_cast<long double>(k + 1) * theta;  // the largest
    // dist[i] = P(i callers still ahead after m uniformised steps); served accumulates.
    std::vector<long double> dist(static_cast<std::size_t>(k + 1), 0.0L);
    dist[static_cast<std::size_t>(k)] = 1.0L;
    long double served_by_step = 0.0L, result = 0.0L;
    const long double mean = rate * t;
    long double poisson = std::exp(-mean);  // P(m events by t), m = 0
    long double tail = 1.0L;
    for (long m = 0; tail > 1e-16L || m < mean; ++m) {
        result += poisson * served_by_step;
        tail -= poisson;
        // one uniformised step
        std::vector<long double> next(dist.size(), 0.0L);
        for (std::size_t i = 0; i < dist.size(); ++i) {
            const long double advance = (n_mu + static_cast<long double>(i) * theta) / rate;
            const long double hang_up = theta / rate;
            if (i == 0)
                served_by_step += dist[i] * advance;
            else
                next[i - 1] += dist[i] * advance;
            next[i] += dist[i] * (1.0L - advance - hang_up);
        }
        dist.swap(next);
        poisson *= mean / static_cast<long double>(m + 1);
        if (m > 100000) break;
    }
    return result + tail * served_by_step;
}

inline reference_erlang_a brute_force_erlang_a(long n, long double lambda, long double aht,
                                               long double patience, long double threshold,
                                               long max_queue = 400) {
    const long double mu = 1.0L / aht, theta = 1.0L / patience;
    std::vector<long double> p(static_cast<std::size_t>(n + max_queue + 1));
    p[0] = 1.0L;
    for (long j = 1; j <= n + max_queue; ++j) {
        const long double death =
            j <= n ? static_cast<long double>(j) * mu
                   : static_cast<long double>(n) * mu + static_cast<long double>(j - n) * theta;
        p[static_cast<std::size_t>(j)] = p[static_cast<std::size_t>(j - 1)] * lambda / death;
    }
    long double total = 0.0L;
    for (long double v : p) total += v;
    reference_erlang_a r;
    long double queue = 0.0L;
    const long double x = static_cast<long double>(n) * mu / theta;
    for (long k = 0; k <= max_queue; ++k) {
        const long double pk = p[static_cast<std::size_t>(n + k)] / total;  // finds k ahead
        r.p_wait += pk;
        queue += static_cast<long double>(k) * pk;
        const long double served = x / (x + static_cast<long double>(k + 1));
        long double stages = 0.0L;
        for (long j = 1; j <= k + 1; ++j)
            stages += 1.0L / (theta * (x + static_cast<long double>(j)));
        r.asa += pk * served * stages;  // E[wait; served | k]: stage times are independent of
                                        // which exponential clock rings first
        if (pk > 1e-14L)
            r.service_level +=
                pk * served_within(k, static_cast<long double>(n) * mu, theta, threshold);
    }
    r.mean_wait = queue / lambda;
    r.p_abandon = theta * queue / lambda;
    r.service_level += 1.0L - r.p_wait;
    r.asa /= (1.0L - r.p_abandon);
    return r;
}

}  // namespace ccsim::test
