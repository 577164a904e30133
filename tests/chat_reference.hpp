#pragma once
// A deliberately naive chat desk, used only to check erlang/chat_*: every agent is tracked
// on its own (a tuple of chat counts, (k + 1)^n states), the queue is truncated at a fixed
// length, and the whole generator is solved densely (Eigen, LU with partial pivoting). Nothing is
// shared with the library's profile chain or its aggregation solver; the waiting-time figures are
// summed stage by stage, and the service level uses the uniformised tagged-chat chain of
// reference_models.hpp.
#include <Eigen/Dense>
#include <cmath>
#include <optional>
#include <vector>

#include "reference_models.hpp"

namespace ccsim::test {

struct chat_reference {
    double p_wait = 0, p_abandon = 0, mean_wait = 0, service_level = 0, asa = 0;
    double chats = 0, busy = 0, completions = 0;
    std::vector<double> agent_shares;  // [j]: share of agent time holding j chats
};

/// n agents, factors f(1..k), rates per second; patience nullopt = nobody leaves.
inline chat_reference brute_force_chat(int n, const std::vector<double>& factors, double lambda,
                                       double aht, std::optional<double> patience, double threshold,
                                       int max_queue) {
    const int k = static_cast<int>(factors.size());
    const double mu = 1.0 / aht, theta = patience ? 1.0 / *patience : 0.0;
    int tuples = 1;
    for (int i = 0; i < n; ++i) tuples *= k + 1;
    const int full = tuples - 1;            // every digit k
    const int states = tuples + max_queue;  // state tuples + q - 1: full with q >= 1 waiting
    auto digit = [&](int t, int agent) {
        for (int i = 0; i < agent; ++i) t /= k + 1;
        return t % (k + 1);
    };
    auto power = [&](int agent) {
        int p = 1;
        for (int i = 0; i < agent; ++i) p *= k + 1;
        return p;
    };
    Eigen::MatrixXd q = Eigen::MatrixXd::Zero(states, states);
    for (int t = 0; t < tuples; ++t) {
        // Arrival: the first agent among the least loaded with a free slot.
        int best = -1;
        for (int a = 0; a < n; ++a)
            if (digit(t, a) < k && (best < 0 || digit(t, a) < digit(t, best))) best = a;
        if (best >= 0)
            q(t, t + power(best)) += lambda;
        else
            q(t, tuples) += lambda;  // the first to wait
        for (int a = 0; a < n; ++a) {
            const int j = digit(t, a);
            if (j > 0) q(t, t - power(a)) += j * mu / factors[static_cast<std::size_t>(j - 1)];
        }
    }
    const double full_rate = n * k * mu / factors.back();
    for (int w = 1; w <= max_queue; ++w) {
        const int s = tuples + w - 1;
        if (w < max_queue) q(s, s + 1) += lambda;
        // A completion lets the longest waiting in; abandonment removes one.
        q(s, w == 1 ? full : s - 1) += full_rate + w * theta;
    }
    for (int s = 0; s < states; ++s) q(s, s) = -q.row(s).sum();
    // pi Q = 0, sum pi = 1: replace one balance equation by the normalisation.
    Eigen::MatrixXd balance = q.transpose();
    balance.row(0).setOnes();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(states);
    b(0) = 1.0;
    const Eigen::VectorXd pi = balance.partialPivLu().solve(b);

    chat_reference r;
    r.agent_shares.assign(static_cast<std::size_t>(k + 1), 0.0);
    double queue = 0.0;
    for (int s = 0; s < states; ++s) {
        const bool waiting_state = s >= tuples;
        const int t = waiting_state ? full : s;
        const int waiting = waiting_state ? s - tuples + 1 : 0;
        double chats = 0.0, busy = 0.0, completions = 0.0;
        for (int a = 0; a < n; ++a) {
            const int j = digit(t, a);
            chats += j;
            busy += j > 0 ? 1.0 : 0.0;
            if (j > 0) completions += j * mu / factors[static_cast<std::size_t>(j - 1)];
            r.agent_shares[static_cast<std::size_t>(j)] += pi(s) / n;
        }
        r.chats += pi(s) * chats;
        r.busy += pi(s) * busy;
        r.completions += pi(s) * completions;
        queue += pi(s) * waiting;
        if (t != full) {
            r.service_level += pi(s);  // answered at once
            continue;
        }
        // An arrival finds `waiting` ahead (PASTA). With i ahead it passes a stage of rate
        // R + (i + 1) theta, surviving it with probability (R + i theta) / (R + (i + 1) theta).
        r.p_wait += pi(s);
        double survive = 1.0, stages = 0.0;
        for (int i = waiting; i >= 0; --i) {
            const double rate = full_rate + (i + 1) * theta;
            stages += 1.0 / rate;
            survive *= (full_rate + i * theta) / rate;
        }
        r.asa += pi(s) * survive * stages;
        if (pi(s) > 1e-18)
            r.service_level +=
                pi(s) * static_cast<double>(served_within(waiting, full_rate, theta, threshold));
    }
    r.mean_wait = queue / lambda;
    r.p_abandon = theta * queue / lambda;
    r.asa /= 1.0 - r.p_abandon;
    return r;
}

}  // namespace ccsim::test
