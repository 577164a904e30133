#include "erlang/chat_profile_chain.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/errors.hpp"

namespace ccsim::erlang {

long chat_profile_count(long agents, int max_chats) {
    // C(n + i, i) from C(n + i - 1, i - 1): each product is exact while below 2^53.
    double count = 1.0;
    for (int i = 1; i <= max_chats; ++i) {
        count = count * static_cast<double>(agents + i) / static_cast<double>(i);
        if (count > 9e18) return std::numeric_limits<long>::max();
    }
    return std::lround(count);
}

namespace {

using position = std::int32_t;  // a profile's place in level order; profiles < 2^31

// Profiles are numbered in lexicographic order of (m_k, ..., m_1), m_1 fastest, with
// m_1 + ... + m_k <= n. The profiles with a given m_k, ..., m_{j+1} (r agents left) and
// m_j < v number sum_{u<v} C(r - u + j - 1, j - 1) = C(r + j, j) - C(r - v + j, j).
class profile_numbering {
  public:
    profile_numbering(long agents, int max_chats)
        : n_(agents), k_(max_chats), table_(static_cast<std::size_t>((agents + 1) * (k_ + 1))) {
        for (long r = 0; r <= n_; ++r)
            for (int j = 0; j <= k_; ++j)
                at(r, j) = (r == 0 || j == 0) ? 1 : at(r - 1, j) + at(r, j - 1);
    }

    long count() const { return static_cast<long>(binomial(n_, k_)); }

    // m[j] agents hold j chats, j = 0..k.
    long number(const std::vector<long>& m) const {
        std::int64_t number = 0;
        long r = n_;
        for (int j = k_; j >= 1; --j) {
            number += binomial(r, j) - binomial(r - m[static_cast<std::size_t>(j)], j);
            r -= m[static_cast<std::size_t>(j)];
        }
        return static_cast<long>(number);
    }

    // The next profile in numbering order; false after the last.
    bool advance(std::vector<long>& m) const {
        long total = n_ - m[0];
        for (int j = 1; j <= k_; ++j) {
            auto& mj = m[static_cast<std::size_t>(j)];
            ++mj;
            ++total;
            if (total <= n_) {
                m[0] = n_ - total;
                return true;
            }
            total -= mj;
            mj = 0;
        }
        m[0] = n_;
        return false;
    }

  private:
    // C(r + j, j)
    std::int64_t binomial(long r, int j) const {
        return table_[static_cast<std::size_t>(r * (k_ + 1) + j)];
    }
    std::int64_t& at(long r, int j) { return table_[static_cast<std::size_t>(r * (k_ + 1) + j)]; }

    long n_;
    int k_;
    std::vector<std::int64_t> table_;
};

// Calls visit(target, rate) for every transition out of profile m (numbers via `numbering`).
// m is restored before returning.
template <class Visit>
void for_each_transition(std::vector<long>& m, int k, double arrival_rate,
                         const std::vector<double>& agent_rate, const profile_numbering& numbering,
                         Visit&& visit) {
    // An arrival goes to an agent among the least loaded with a free slot.
    for (int j = 0; j < k; ++j) {
        auto uj = static_cast<std::size_t>(j);
        if (m[uj] == 0) continue;
        if (arrival_rate > 0.0) {
            --m[uj];
            ++m[uj + 1];
            visit(numbering.number(m), arrival_rate);
            ++m[uj];
            --m[uj + 1];
        }
        break;
    }
    // Each of the m_j agents holding j chats loses one at rate j mu / f(j).
    for (int j = 1; j <= k; ++j) {
        auto uj = static_cast<std::size_t>(j);
        if (m[uj] == 0) continue;
        const double rate = static_cast<double>(m[uj]) * agent_rate[uj];
        --m[uj];
        ++m[uj - 1];
        visit(numbering.number(m), rate);
        ++m[uj];
        --m[uj - 1];
    }
}

}  // namespace

chat_profile_figures solve_chat_profile_chain(long agents, double arrival_rate, seconds aht,
                                              const chat_concurrency& concurrency,
                                              const chat_profile_chain_options& options) {
    assert(agents >= 1 && arrival_rate >= 0.0 && aht.count() > 0.0);
    assert(concurrency.problem().empty());
    const int k = concurrency.max_chats;
    const long n = agents;
    chat_profile_figures result;
    result.profiles = chat_profile_count(n, k);
    if (result.profiles > max_chat_profiles)
        throw domain_error(fmt::format(
            "the chat chain for {} agents with {} slots has {} load profiles, more than the "
            "{} solved exactly",
            n, k, result.profiles, max_chat_profiles));
    result.agents_holding.assign(static_cast<std::size_t>(k + 1), 0.0);
    if (arrival_rate == 0.0) {  // everyone idle, always
        result.agents_holding[0] = static_cast<double>(n);
        return result;
    }

    const profile_numbering numbering(n, k);
    const long count = result.profiles;
    const int top = static_cast<int>(n) * k;  // levels 0..top: chats in service
    // agent_rate[j]: the rate at which an agent holding j chats loses one.
    std::vector<double> agent_rate(static_cast<std::size_t>(k + 1), 0.0);
    for (int j = 1; j <= k; ++j)
        agent_rate[static_cast<std::size_t>(j)] = j / (aht.count() * concurrency.factor(j));

    // Pass 1: each profile's level; positions sort profiles by level (stable).
    std::vector<position> place(static_cast<std::size_t>(count));
    std::vector<std::int64_t> level_start(static_cast<std::size_t>(top + 2), 0);
    {
        std::vector<long> m(static_cast<std::size_t>(k + 1), 0);
        m[0] = n;
        long i = 0;
        do {
            long level = 0;
            for (int j = 1; j <= k; ++j) level += j * m[static_cast<std::size_t>(j)];
            place[static_cast<std::size_t>(i++)] = static_cast<position>(level);
            ++level_start[static_cast<std::size_t>(level + 1)];
        } while (numbering.advance(m));
        for (int s = 0; s <= top; ++s)
            level_start[static_cast<std::size_t>(s + 1)] +=
                level_start[static_cast<std::size_t>(s)];
        std::vector<std::int64_t> next(level_start.begin(), level_start.end() - 1);
        for (auto& p : place) p = static_cast<position>(next[static_cast<std::size_t>(p)]++);
    }

    // Pass 2: outflow rates, a first guess, and the inflow counts of each position.
    const auto size = static_cast<std::size_t>(count);
    std::vector<double> outflow(size), completion(size), pi(size);
    std::vector<std::int64_t> row(size + 1, 0);
    {
        std::vector<long> m(static_cast<std::size_t>(k + 1), 0);
        m[0] = n;
        long i = 0;
        const double per_agent = 1.0 / static_cast<double>(n);
        do {
            const auto p = static_cast<std::size_t>(place[static_cast<std::size_t>(i++)]);
            double out = 0.0, done = 0.0, level = 0.0;
            for_each_transition(
                m, k, arrival_rate, agent_rate, numbering, [&](long target, double rate) {
                    out += rate;
                    ++row[static_cast<std::size_t>(place[static_cast<std::size_t>(target)]) + 1];
                });
            for (int j = 1; j <= k; ++j) {
                const auto uj = static_cast<std::size_t>(j);
                done += static_cast<double>(m[uj]) * agent_rate[uj];
                level += static_cast<double>(j * m[uj]);
            }
            outflow[p] = out;
            completion[p] = done;
            // Least loaded routing keeps profiles even: start with more weight on those.
            const double mean = level * per_agent;
            double spread = 0.0;
            for (int j = 0; j <= k; ++j)
                spread +=
                    static_cast<double>(m[static_cast<std::size_t>(j)]) * (j - mean) * (j - mean);
            pi[p] = std::exp(-std::min(spread, 600.0));  // > 0: every level has mass
        } while (numbering.advance(m));
    }
    for (std::size_t p = 0; p < size; ++p) row[p + 1] += row[p];

    // Pass 3: inflows, stored by target position (compressed rows).
    std::vector<position> source(static_cast<std::size_t>(row[size]));
    std::vector<double> rate_in(source.size());
    {
        std::vector<std::int64_t> fill(row.begin(), row.end() - 1);
        std::vector<long> m(static_cast<std::size_t>(k + 1), 0);
        m[0] = n;
        long i = 0;
        do {
            const position from = place[static_cast<std::size_t>(i++)];
            for_each_transition(
                m, k, arrival_rate, agent_rate, numbering, [&](long target, double rate) {
                    const auto to =
                        static_cast<std::size_t>(place[static_cast<std::size_t>(target)]);
                    const auto e = static_cast<std::size_t>(fill[to]++);
                    source[e] = from;
                    rate_in[e] = rate;
                });
        } while (numbering.advance(m));
    }

    auto inflow = [&](std::size_t p) {
        double in = 0.0;
        for (auto e = static_cast<std::size_t>(row[p]); e < static_cast<std::size_t>(row[p + 1]);
             ++e)
            in += pi[static_cast<std::size_t>(source[e])] * rate_in[e];
        return in;
    };

    // Iterative aggregation-disaggregation. `within` holds each level's conditional
    // distribution; a level whose mass underflowed keeps its last one.
    std::vector<double> within(size), log_mass(static_cast<std::size_t>(top + 1));
    const double log_arrival = std::log(arrival_rate);
    double omega = 1.5;  // over-relaxation: 2 to 3 times fewer iterations than Gauss-Seidel
    constexpr int check_every = 5;
    bool converged = false;
    int iteration = 0;
    while (!converged) {
        if (iteration >= options.max_iterations)
            throw domain_error(fmt::format(
                "the chat chain for {} agents with {} slots did not converge in {} iterations", n,
                k, options.max_iterations));
        // Safeguard: over-relaxation is not guaranteed to converge; Gauss-Seidel with
        // aggregation does, in practice, on chains like this one.
        if (iteration == options.max_iterations / 2) omega = 1.0;
        ++iteration;

        // Aggregate: given the conditional distributions, the level is a birth-death chain
        // with birth rate lambda and death rate delta_s = E[completion rate | level s].
        double largest = 0.0;
        for (int s = 0; s <= top; ++s) {
            const auto begin = static_cast<std::size_t>(level_start[static_cast<std::size_t>(s)]);
            const auto end = static_cast<std::size_t>(level_start[static_cast<std::size_t>(s + 1)]);
            double mass = 0.0;
            for (std::size_t p = begin; p < end; ++p) mass += pi[p];
            if (mass > 0.0 && std::isfinite(mass))
                for (std::size_t p = begin; p < end; ++p) within[p] = pi[p] / mass;
            if (s == 0) {
                log_mass[0] = 0.0;
                continue;
            }
            double death = 0.0;
            for (std::size_t p = begin; p < end; ++p) death += within[p] * completion[p];
            log_mass[static_cast<std::size_t>(s)] =
                log_mass[static_cast<std::size_t>(s - 1)] + log_arrival - std::log(death);
            largest = std::max(largest, log_mass[static_cast<std::size_t>(s)]);
        }
        // Disaggregate, scaled so that the likeliest level has mass 1 (no overflow).
        for (int s = 0; s <= top; ++s) {
            const double mass = std::exp(log_mass[static_cast<std::size_t>(s)] - largest);
            for (auto p = static_cast<std::size_t>(level_start[static_cast<std::size_t>(s)]);
                 p < static_cast<std::size_t>(level_start[static_cast<std::size_t>(s + 1)]); ++p)
                pi[p] = mass * within[p];
        }
        // Symmetric over-relaxation sweep: levels up, then down.
        auto relax = [&](std::size_t p) {
            pi[p] = std::max(0.0, (1.0 - omega) * pi[p] + omega * inflow(p) / outflow[p]);
        };
        for (std::size_t p = 0; p < size; ++p) relax(p);
        for (std::size_t p = size; p-- > 0;) relax(p);

        if (iteration % check_every == 0 || iteration == options.max_iterations) {
            // Level by level, so that the rare levels (all slots taken at light load) are
            // as precise, relatively, as the likely ones; and over all levels at once.
            double worst_level = 0.0, imbalance_all = 0.0, scale_all = 0.0;
            for (int s = 0; s <= top; ++s) {
                double imbalance = 0.0, scale = 0.0;
                for (auto p = static_cast<std::size_t>(level_start[static_cast<std::size_t>(s)]);
                     p < static_cast<std::size_t>(level_start[static_cast<std::size_t>(s + 1)]);
                     ++p) {
                    const double out = pi[p] * outflow[p];
                    imbalance = std::max(imbalance, std::abs(inflow(p) - out));
                    scale = std::max(scale, out);
                }
                if (scale >= 1e-280) worst_level = std::max(worst_level, imbalance / scale);
                imbalance_all = std::max(imbalance_all, imbalance);
                scale_all = std::max(scale_all, scale);
            }
            // Over-relaxation settles the likely levels fast but leaves the rare ones noisy:
            // Gauss-Seidel finishes them.
            if (imbalance_all <= options.tolerance * scale_all) omega = 1.0;
            converged = worst_level <= options.tolerance;
        }
    }
    result.iterations = iteration;

    // Figures: the full profile (all n agents at k) is the last.
    double total = 0.0, free = 0.0, chats = 0.0, busy = 0.0, completions = 0.0;
    {
        std::vector<long> m(static_cast<std::size_t>(k + 1), 0);
        m[0] = n;
        long i = 0;
        do {
            const auto p = static_cast<std::size_t>(place[static_cast<std::size_t>(i++)]);
            total += pi[p];
            if (m[static_cast<std::size_t>(k)] == n) continue;
            free += pi[p];
            double level = 0.0;
            for (int j = 0; j <= k; ++j) {
                const auto uj = static_cast<std::size_t>(j);
                result.agents_holding[uj] += pi[p] * static_cast<double>(m[uj]);
                level += static_cast<double>(j * m[uj]);
            }
            chats += pi[p] * level;
            busy += pi[p] * static_cast<double>(n - m[0]);
            completions += pi[p] * completion[p];
        } while (numbering.advance(m));
    }
    result.blocking = pi[size - 1] / total;  // the full profile is alone on the top level
    if (!(free > 0.0)) return result;        // deep overload: the free states underflowed
    result.chats = chats / free;
    result.busy_agents = busy / free;
    result.completion_rate = completions / free;
    for (double& a : result.agents_holding) a /= free;
    return result;
}

}  // namespace ccsim::erlang
