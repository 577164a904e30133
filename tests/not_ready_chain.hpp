#pragma once
// The exact Markov chain of a group of agents with not-ready time on one queue, built here
// from the rule docs/model.md states (not from the engine's code): Poisson calls, exponential
// handle times and patience, first come first served; each agent's ready clock ticks at rate
// `ready_rate` while it is idle or on a call, and a tick is a not-ready spell (exponential, at
// `spell_rate`) falling due. An idle agent starts it at once; an agent on a call owes it and
// takes it when the call ends, the clock running on meanwhile, so that spells owed add up and
// are taken back to back. A spell's end, or a call's end with nothing owed, takes the
// longest-waiting call.
//
// State: calls waiting q, and how many agents are in each category: idle; on a call owing k
// spells (k = 0..K); not ready with k spells left (k = 1..K). Ticks beyond K owed and arrivals
// beyond Q waiting are dropped: the truncation, whose probability `truncated` reports. The
// generator is block tridiagonal in q, solved level by level (linear level reduction) with
// small dense blocks.
#include <Eigen/Dense>
#include <functional>
#include <map>
#include <vector>

namespace ccsim::test {

struct not_ready_chain_model {
    int agents = 1;
    double lambda = 0.0;      // calls per second
    double mu = 0.0;          // 1 / mean handle time
    double theta = 0.0;       // 1 / mean patience
    double ready_rate = 0.0;  // 1 / mean ready time: share / ((1 - share) mean spell)
    double spell_rate = 0.0;  // 1 / mean spell
    int max_owed = 3;         // K
    int max_queue = 60;       // Q
};

struct not_ready_chain_figures {
    double p_wait = 0.0;           // an arrival finds no idle agent (PASTA)
    double p_abandon = 0.0;        // theta E[q] / lambda
    double mean_wait = 0.0;        // of every caller, answered or not: E[q] / lambda (Little)
    double occupancy = 0.0;        // E[agents on a call] / agents
    double not_ready_share = 0.0;  // E[agents not ready] / agents
    double truncated = 0.0;        // P(K owed or left somewhere, or Q waiting)
};

inline not_ready_chain_figures solve_not_ready_chain(const not_ready_chain_model& m) {
    using config = std::vector<int>;
    const int K = m.max_owed, Q = m.max_queue;
    const int categories = 2 * K + 2;
    auto busy = [](int k) { return 1 + k; };          // on a call, owing k (0..K)
    auto resting = [K](int k) { return K + 1 + k; };  // not ready, k left (1..K)
    // Every way of putting the agents into the categories; levels q >= 1 only those with
    // nobody idle.
    std::vector<config> all, none_idle;
    config c(static_cast<std::size_t>(categories), 0);
    std::function<void(int, int)> place = [&](int category, int left) {
        if (category == categories - 1) {
            c.back() = left;
            all.push_back(c);
            if (c[0] == 0) none_idle.push_back(c);
            return;
        }
        for (int v = 0; v <= left; ++v) {
            c[static_cast<std::size_t>(category)] = v;
            place(category + 1, left - v);
        }
    };
    place(0, m.agents);
    std::map<config, Eigen::Index> at_zero, above;
    for (std::size_t i = 0; i < all.size(); ++i) at_zero[all[i]] = static_cast<Eigen::Index>(i);
    for (std::size_t i = 0; i < none_idle.size(); ++i)
        above[none_idle[i]] = static_cast<Eigen::Index>(i);
    const auto& configs_at = [&](int q) -> const std::vector<config>& {
        return q == 0 ? all : none_idle;
    };
    const auto& index_at = [&](int q) -> const std::map<config, Eigen::Index>& {
        return q == 0 ? at_zero : above;
    };
    auto size_at = [&](int q) { return static_cast<Eigen::Index>(configs_at(q).size()); };

    // Every transition out of (c, q): emit(c', q', rate).
    auto transitions = [&](const config& from, int q, auto&& emit) {
        auto moved = [&](int out, int in) {
            config to = from;
            --to[static_cast<std::size_t>(out)];
            ++to[static_cast<std::size_t>(in)];
            return to;
        };
        const auto count = [&](int category) { return from[static_cast<std::size_t>(category)]; };
        if (count(0) > 0)
            emit(moved(0, busy(0)), q, m.lambda);
        else if (q < Q)
            emit(from, q + 1, m.lambda);
        for (int k = 0; k <= K; ++k) {
            const double n = count(busy(k));
            if (n == 0) continue;
            if (k > 0)
                emit(moved(busy(k), resting(k)), q, n * m.mu);  // the call ends: the spells
            else if (q > 0)
                emit(from, q - 1, n * m.mu);  // the next call
            else
                emit(moved(busy(0), 0), q, n * m.mu);
            if (k < K) emit(moved(busy(k), busy(k + 1)), q, n * m.ready_rate);
        }
        if (count(0) > 0) emit(moved(0, resting(1)), q, count(0) * m.ready_rate);
        for (int k = 1; k <= K; ++k) {
            const double n = count(resting(k));
            if (n == 0) continue;
            if (k > 1) {
                emit(moved(resting(k), resting(k - 1)), q, n * m.spell_rate);
            } else if (q > 0) {
                emit(moved(resting(1), busy(0)), q - 1, n * m.spell_rate);
            } else {
                emit(moved(resting(1), 0), q, n * m.spell_rate);
            }
        }
        if (q > 0) emit(from, q - 1, q * m.theta);
    };

    // Blocks: within level q (diagonal: minus every rate out), up to q + 1, down to q - 1.
    std::vector<Eigen::MatrixXd> within(static_cast<std::size_t>(Q + 1)),
        up(static_cast<std::size_t>(Q + 1)), down(static_cast<std::size_t>(Q + 1));
    for (int q = 0; q <= Q; ++q) {
        const auto u = static_cast<std::size_t>(q);
        within[u] = Eigen::MatrixXd::Zero(size_at(q), size_at(q));
        if (q < Q) up[u] = Eigen::MatrixXd::Zero(size_at(q), size_at(q + 1));
        if (q > 0) down[u] = Eigen::MatrixXd::Zero(size_at(q), size_at(q - 1));
        const std::vector<config>& configs = configs_at(q);
        for (Eigen::Index i = 0; i < size_at(q); ++i)
            transitions(configs[static_cast<std::size_t>(i)], q,
                        [&](const config& to, int level, double rate) {
                            const Eigen::Index j = index_at(level).at(to);
                            within[u](i, i) -= rate;
                            if (level == q)
                                within[u](i, j) += rate;
                            else if (level > q)
                                up[u](i, j) += rate;
                            else
                                down[u](i, j) += rate;
                        });
    }
    // pi_{q+1} = pi_q R_q, from the top level down; w_q: the mass of levels >= q per unit of
    // pi_q, for the normalisation.
    std::vector<Eigen::MatrixXd> R(static_cast<std::size_t>(Q));
    Eigen::MatrixXd below_top = within[static_cast<std::size_t>(Q)];
    Eigen::VectorXd w = Eigen::VectorXd::Ones(size_at(Q));
    for (int q = Q - 1; q >= 0; --q) {
        const auto u = static_cast<std::size_t>(q);
        R[u] = up[u] * (-below_top).inverse();
        w = Eigen::VectorXd::Ones(size_at(q)) + R[u] * w;
        below_top = within[u] + R[u] * down[u + 1];
    }
    // pi_0 (within_0 + R_0 down_1) = 0, pi_0 w_0 = 1.
    Eigen::MatrixXd system = below_top.transpose();
    system.row(system.rows() - 1) = w.transpose();
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(system.rows());
    rhs(rhs.size() - 1) = 1.0;
    Eigen::RowVectorXd pi = system.fullPivLu().solve(rhs).transpose();

    not_ready_chain_figures f;
    double waiting = 0.0, on_calls = 0.0, not_ready = 0.0;
    for (int q = 0; q <= Q; ++q) {
        if (q > 0) pi = pi * R[static_cast<std::size_t>(q - 1)];
        const std::vector<config>& configs = configs_at(q);
        for (Eigen::Index i = 0; i < pi.size(); ++i) {
            const config& x = configs[static_cast<std::size_t>(i)];
            const double p = pi(i);
            if (x[0] == 0) f.p_wait += p;
            waiting += q * p;
            bool edge = q == Q;
            for (int k = 0; k <= K; ++k) on_calls += x[static_cast<std::size_t>(busy(k))] * p;
            for (int k = 1; k <= K; ++k) not_ready += x[static_cast<std::size_t>(resting(k))] * p;
            edge |= x[static_cast<std::size_t>(busy(K))] > 0 ||
                    x[static_cast<std::size_t>(resting(K))] > 0;
            if (edge) f.truncated += p;
        }
    }
    f.p_abandon = m.theta * waiting / m.lambda;
    f.mean_wait = waiting / m.lambda;
    f.occupancy = on_calls / m.agents;
    f.not_ready_share = not_ready / m.agents;
    return f;
}

}  // namespace ccsim::test
