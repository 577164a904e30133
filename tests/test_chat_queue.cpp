#include <doctest/doctest.h>

#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "chat_reference.hpp"
#include "core/errors.hpp"
#include "erlang/chat_profile_chain.hpp"
#include "erlang/chat_queue.hpp"
#include "erlang/erlang_a.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"

using namespace ccsim;
using namespace ccsim::erlang;

namespace {

offered_traffic chats(double per_hour, double aht, std::optional<double> patience = {}) {
    std::optional<seconds> p;
    if (patience) p = seconds{*patience};
    return offered_traffic::from_volume(per_hour, seconds{3600}, seconds{aht}, p);
}

// |a - b| <= tolerance relative to b, or absolutely below 1e-300 (both vanish).
bool close(double a, double b, double tolerance) {
    if (std::isinf(a) || std::isinf(b)) return a == b;
    return std::abs(a - b) <= tolerance * std::max(std::abs(b), 1e-300);
}

void check_same_queue(const queue_metrics& chat, const queue_metrics& voice, double tolerance) {
    CHECK(chat.stable == voice.stable);
    CHECK(close(chat.p_wait, voice.p_wait, tolerance));
    CHECK(close(chat.service_level, voice.service_level, tolerance));
    CHECK(close(chat.service_level_answered, voice.service_level_answered, tolerance));
    CHECK(close(chat.answer_rate, voice.answer_rate, tolerance));
    CHECK(close(chat.p_abandon, voice.p_abandon, tolerance));
    CHECK(close(chat.asa.count(), voice.asa.count(), tolerance));
    CHECK(close(chat.mean_wait.count(), voice.mean_wait.count(), tolerance));
    CHECK(close(chat.queue_length, voice.queue_length, tolerance));
    CHECK(close(chat.occupancy, voice.occupancy, tolerance));
}

struct chat_case {
    long agents;
    double per_hour, aht;
};

// Loads from light to past the capacity (Erlang C cases past it are unstable).
const std::vector<chat_case> chat_cases{{1, 10, 300},   {3, 30, 240},   {5, 50, 300},
                                        {10, 100, 300}, {10, 115, 300}, {20, 200, 330},
                                        {40, 420, 300}, {8, 120, 300}};

}  // namespace

TEST_CASE("chat with one slot and factor 1 is Erlang C, and Erlang A with patience") {
    for (const chat_case& c : chat_cases) {
        for (std::optional<double> patience :
             {std::optional<double>{}, std::optional<double>{60.0}, std::optional<double>{400.0}}) {
            INFO("n ", c.agents, " chats/h ", c.per_hour, " patience ", patience.value_or(0));
            const offered_traffic t = chats(c.per_hour, c.aht, patience);
            const double n = static_cast<double>(c.agents);
            const chat_metrics chat =
                evaluate_chat(t, c.agents, chat_concurrency::single(), seconds{20});
            const queue_metrics voice = evaluate(t, n, seconds{20});
            check_same_queue(chat.queue, voice, 1e-9);
            CHECK(close(chat.blocking, erlang_b(n, t.load()), 1e-9));
            CHECK(chat.mean_concurrency == doctest::Approx(1.0).epsilon(1e-12));
            CHECK(close(chat.agent_occupancy, voice.occupancy, 1e-9));
        }
    }
}

TEST_CASE("chat with k slots and constant factors is M/M/(n k), rates scaled") {
    for (int k : {2, 3, 4}) {
        for (double factor : {1.0, 1.3, 0.8}) {
            for (const chat_case& c : chat_cases) {
                if (chat_profile_count(c.agents, k) > 20000) continue;  // keep the test fast
                for (std::optional<double> patience :
                     {std::optional<double>{}, std::optional<double>{90.0}}) {
                    INFO("k ", k, " factor ", factor, " n ", c.agents, " patience ",
                         patience.value_or(0));
                    // k times the chats, each slot a server whose chats last AHT x factor
                    // whatever the load: the same load per slot as the grid's per agent.
                    const offered_traffic t = chats(c.per_hour * k / factor, c.aht, patience);
                    const chat_concurrency same{
                        k, std::vector<double>(static_cast<std::size_t>(k), factor)};
                    const chat_metrics chat = evaluate_chat(t, c.agents, same, seconds{20});
                    offered_traffic scaled = t;
                    scaled.aht = t.aht * factor;
                    const double servers = static_cast<double>(c.agents * k);
                    check_same_queue(chat.queue, evaluate(scaled, servers, seconds{20}), 1e-9);
                    CHECK(close(chat.blocking, erlang_b(servers, scaled.load()), 1e-9));
                    CHECK(close(chat.mean_chat_duration.count(), c.aht * factor, 1e-9));
                }
            }
        }
    }
}

TEST_CASE("chat matches a brute-force chain over every agent's chat count") {
    struct case_ {
        int n;
        std::vector<double> factors;
        double per_hour, aht;
        std::optional<double> patience;
        double threshold;
    };
    const std::vector<case_> cases{
        {2, {1.0, 1.3}, 30, 300, {}, 20},          {2, {1.0, 1.3}, 40, 300, 120.0, 20},
        {3, {1.0, 1.2, 1.45}, 60, 300, {}, 20},    {3, {1.0, 1.2, 1.45}, 90, 300, 90.0, 30},
        {3, {1.0, 1.2, 1.45}, 140, 300, 60.0, 10},  // past the capacity: many leave
        {4, {1.0, 1.5}, 50, 240, {}, 15},          {2, {1.0, 2.0, 2.5}, 25, 300, 200.0, 20},
        {2, {0.8, 0.9, 1.1}, 50, 300, {}, 20},  // a factor below 1
        {3, {1.0, 3.0}, 20, 300, 300.0, 20},    // two chats slower in total than one
    };
    for (const case_& c : cases) {
        INFO("n ", c.n, " k ", c.factors.size(), " chats/h ", c.per_hour, " patience ",
             c.patience.value_or(0));
        const chat_concurrency concurrency{static_cast<int>(c.factors.size()), c.factors};
        const offered_traffic t = chats(c.per_hour, c.aht, c.patience);
        const chat_metrics m = evaluate_chat(t, c.n, concurrency, seconds{c.threshold});
        const test::chat_reference r = test::brute_force_chat(c.n, c.factors, t.calls_per_second,
                                                              c.aht, c.patience, c.threshold, 160);
        const double tolerance = 1e-9;
        CHECK(close(m.queue.p_wait, r.p_wait, tolerance));
        CHECK(close(m.queue.p_abandon, r.p_abandon, tolerance));
        CHECK(close(m.queue.mean_wait.count(), r.mean_wait, tolerance));
        CHECK(close(m.queue.service_level, r.service_level, tolerance));
        CHECK(close(m.queue.asa.count(), r.asa, tolerance));
        CHECK(close(m.chats_in_service, r.chats, tolerance));
        CHECK(close(m.busy_agents, r.busy, tolerance));
        for (std::size_t j = 0; j < r.agent_shares.size(); ++j)
            CHECK(close(m.agent_shares[j], r.agent_shares[j], tolerance));
        // Chats end as fast as they are answered.
        CHECK(close(r.completions, t.calls_per_second * m.queue.answer_rate, 1e-9));
        CHECK(m.queue.answer_rate + m.queue.p_abandon == doctest::Approx(1.0).epsilon(1e-14));
    }
}

TEST_CASE("chat matches the brute-force chain over a grid of agents, slots and loads") {
    // Per slot loads from light to past the capacity at full concurrency (the overloaded ones
    // with patience only), factors rising with the load as chat desks report.
    const std::vector<std::vector<double>> factor_sets{
        {1.0}, {1.0, 1.25}, {1.0, 1.2, 1.45}, {1.0, 1.1, 1.3, 1.6}};
    int cases = 0;
    for (int n : {1, 2, 3}) {
        for (const std::vector<double>& factors : factor_sets) {
            const int k = static_cast<int>(factors.size());
            if (std::pow(k + 1, n) > 125) continue;          // the brute force is dense
            const double capacity = n * k / factors.back();  // Erlang, while all slots are taken
            for (double utilisation : {0.2, 0.5, 0.8, 1.3}) {
                for (std::optional<double> patience :
                     {std::optional<double>{}, std::optional<double>{150.0}}) {
                    if (utilisation >= 1.0 && !patience) continue;
                    const double aht = 240.0;
                    const double per_hour = utilisation * capacity * 3600.0 / aht;
                    INFO("n ", n, " k ", k, " utilisation ", utilisation, " patience ",
                         patience.value_or(0));
                    const chat_concurrency concurrency{k, factors};
                    const offered_traffic t = chats(per_hour, aht, patience);
                    const chat_metrics m = evaluate_chat(t, n, concurrency, seconds{20});
                    // The queue is truncated where its weight is far below the tolerance.
                    const test::chat_reference r = test::brute_force_chat(
                        n, factors, t.calls_per_second, aht, patience, 20.0, 150);
                    // The dense solve keeps about 1e-13 of the largest state's probability:
                    // tiny figures (light loads) are compared to that, not relatively.
                    auto near = [](double a, double b, double floor) {
                        return std::abs(a - b) <= 1e-8 * std::abs(b) + floor;
                    };
                    CHECK(near(m.queue.p_wait, r.p_wait, 1e-12));
                    CHECK(near(m.queue.service_level, r.service_level, 1e-12));
                    CHECK(near(m.queue.p_abandon, r.p_abandon, 1e-12));
                    CHECK(near(m.queue.asa.count(), r.asa, 1e-12 * aht));
                    CHECK(near(m.chats_in_service, r.chats, 1e-12));
                    CHECK(near(m.busy_agents, r.busy, 1e-12));
                    ++cases;
                }
            }
        }
    }
    CHECK(cases == 84);
}

namespace {

// The loss system over load profiles once more, enumerated through a map and solved by a
// sparse direct LU: checks the iterative solver where the brute force is out of reach.
struct direct_figures {
    double blocking = 0, chats = 0, busy = 0;
};

direct_figures direct_profile_solve(int n, const std::vector<double>& f, double lambda, double mu) {
    const int k = static_cast<int>(f.size());
    std::vector<std::vector<int>> profiles;
    std::map<std::vector<int>, int> index;
    std::vector<int> m(static_cast<std::size_t>(k + 1), 0);
    auto enumerate = [&](auto&& self, int j, int left) -> void {
        if (j == 0) {
            m[0] = left;
            index[m] = static_cast<int>(profiles.size());
            profiles.push_back(m);
            return;
        }
        for (int v = 0; v <= left; ++v) {
            m[static_cast<std::size_t>(j)] = v;
            self(self, j - 1, left - v);
        }
    };
    enumerate(enumerate, k, n);
    const int size = static_cast<int>(profiles.size());
    std::vector<Eigen::Triplet<double>> entries;
    std::vector<double> out(static_cast<std::size_t>(size), 0.0);
    int full = 0;
    for (int i = 0; i < size; ++i) {
        const std::vector<int>& p = profiles[static_cast<std::size_t>(i)];
        if (p[static_cast<std::size_t>(k)] == n) full = i;
        for (int j = 0; j < k; ++j) {
            if (p[static_cast<std::size_t>(j)] == 0) continue;
            std::vector<int> to = p;
            --to[static_cast<std::size_t>(j)];
            ++to[static_cast<std::size_t>(j + 1)];
            entries.emplace_back(index.at(to), i, lambda);
            out[static_cast<std::size_t>(i)] += lambda;
            break;
        }
        for (int j = 1; j <= k; ++j) {
            if (p[static_cast<std::size_t>(j)] == 0) continue;
            std::vector<int> to = p;
            --to[static_cast<std::size_t>(j)];
            ++to[static_cast<std::size_t>(j - 1)];
            const double rate =
                p[static_cast<std::size_t>(j)] * j * mu / f[static_cast<std::size_t>(j - 1)];
            entries.emplace_back(index.at(to), i, rate);
            out[static_cast<std::size_t>(i)] += rate;
        }
    }
    // Q^T pi = 0 with pi(empty) = 1 in place of the empty profile's balance equation. (Pinned
    // at the full profile instead, LU loses the relative precision of that rare state.)
    const int pinned = 0;
    std::vector<Eigen::Triplet<double>> kept;
    for (const auto& e : entries)
        if (e.row() != pinned) kept.push_back(e);
    for (int i = 0; i < size; ++i)
        kept.emplace_back(i, i, i == pinned ? 1.0 : -out[static_cast<std::size_t>(i)]);
    Eigen::SparseMatrix<double> a(size, size);
    a.setFromTriplets(kept.begin(), kept.end());
    Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
    b(pinned) = 1.0;
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(a);
    const Eigen::VectorXd pi = lu.solve(b);
    direct_figures r;
    double total = 0.0, free = 0.0;
    for (int i = 0; i < size; ++i) {
        total += pi(i);
        if (i == full) continue;
        free += pi(i);
        const std::vector<int>& p = profiles[static_cast<std::size_t>(i)];
        for (int j = 1; j <= k; ++j) {
            r.chats += pi(i) * j * p[static_cast<std::size_t>(j)];
            r.busy += pi(i) * p[static_cast<std::size_t>(j)];
        }
    }
    r.blocking = pi(full) / total;
    r.chats /= free;
    r.busy /= free;
    return r;
}

}  // namespace

TEST_CASE("the profile chain's iterative solver agrees with a sparse direct solve") {
    struct case_ {
        int n;
        std::vector<double> factors;
        double load;  // Erlang, AHT 1
    };
    for (const case_& c :
         {case_{20, {1.0, 1.2, 1.45}, 10}, case_{20, {1.0, 1.2, 1.45}, 35},
          case_{20, {1.0, 1.2, 1.45}, 45}, case_{20, {1.0, 1.2, 1.45}, 80},
          case_{30, {1.0, 1.3}, 40}, case_{12, {1.0, 1.1, 1.3, 1.6}, 25},
          case_{15, {1.0, 2.0, 3.5}, 12}, case_{6, {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7}, 20}}) {
        INFO("n ", c.n, " k ", c.factors.size(), " load ", c.load);
        const chat_concurrency concurrency{static_cast<int>(c.factors.size()), c.factors};
        const chat_profile_figures fast =
            solve_chat_profile_chain(c.n, c.load, seconds{1.0}, concurrency);
        const direct_figures direct = direct_profile_solve(c.n, c.factors, c.load, 1.0);
        CHECK(fast.profiles == chat_profile_count(c.n, concurrency.max_chats));
        INFO("blocking ", fast.blocking, " direct ", direct.blocking);
        CHECK(close(fast.blocking, direct.blocking, 1e-9));
        CHECK(close(fast.chats, direct.chats, 1e-10));
        CHECK(close(fast.busy_agents, direct.busy, 1e-10));
        // Flow balance of the loss system: admitted chats end (AHT 1, so R = n k / f(k)).
        const double full_rate = c.n * concurrency.max_chats / concurrency.full_factor();
        CHECK(close(fast.completion_rate * (1.0 - fast.blocking) + fast.blocking * full_rate,
                    c.load * (1.0 - fast.blocking), 1e-10));
    }
}

TEST_CASE("chat figures are consistent and move the right way with agents") {
    const chat_concurrency concurrency{3, {1.0, 1.2, 1.45}};
    for (std::optional<double> patience : {std::optional<double>{}, std::optional<double>{120.0}}) {
        const offered_traffic t = chats(240, 300, patience);  // 20 Erlang of chats alone
        double previous_sl = -1.0, previous_occupancy = 2.0;
        for (long n = 6; n <= 16; ++n) {
            INFO("n ", n, " patience ", patience.value_or(0));
            const chat_metrics c = evaluate_chat(t, n, concurrency, seconds{20});
            if (!c.queue.stable) continue;
            CHECK(c.queue.service_level > previous_sl);
            CHECK(c.slot_occupancy < previous_occupancy);
            previous_sl = c.queue.service_level;
            previous_occupancy = c.slot_occupancy;
            CHECK(c.mean_concurrency >= 1.0);
            CHECK(c.mean_concurrency <= 3.0);
            CHECK(c.slot_occupancy <= c.agent_occupancy);
            double shares = 0.0, chats_held = 0.0;
            for (std::size_t j = 0; j < c.agent_shares.size(); ++j) {
                shares += c.agent_shares[j];
                chats_held += static_cast<double>(j) * c.agent_shares[j] * static_cast<double>(n);
            }
            CHECK(shares == doctest::Approx(1.0).epsilon(1e-12));
            CHECK(chats_held == doctest::Approx(c.chats_in_service).epsilon(1e-12));
            // A chat lasts between AHT f(1) and AHT f(3).
            CHECK(c.mean_chat_duration.count() >= 300.0 * 0.999999);
            CHECK(c.mean_chat_duration.count() <= 300.0 * 1.45 * 1.000001);
            CHECK(c.queue.service_level <= c.queue.answer_rate);
        }
    }
}

TEST_CASE("chat edge cases: no agents, no chats, overload without patience, too large a chain") {
    const chat_concurrency concurrency{3, {1.0, 1.2, 1.45}};
    const chat_metrics nobody = evaluate_chat(chats(60, 300, 120.0), 0, concurrency, seconds{20});
    CHECK(nobody.queue.answer_rate == 0.0);
    CHECK(nobody.queue.p_abandon == 1.0);
    CHECK(std::isnan(nobody.slot_occupancy));

    const chat_metrics quiet = evaluate_chat(chats(0, 300), 5, concurrency, seconds{20});
    CHECK(quiet.queue.p_wait == 0.0);
    CHECK(std::isnan(quiet.queue.service_level));
    CHECK(quiet.chats_in_service == 0.0);
    CHECK(std::isnan(quiet.mean_concurrency));
    CHECK(quiet.agent_shares[0] == 1.0);

    // 5 agents finish at most 5 x 3 / 1.45 = 10.34 chats per AHT: 12 Erlang overloads them.
    const chat_metrics over = evaluate_chat(chats(144, 300), 5, concurrency, seconds{20});
    CHECK_FALSE(over.queue.stable);
    CHECK(over.queue.service_level == 0.0);
    CHECK(over.slot_occupancy == 1.0);
    CHECK(over.queue.answer_rate == doctest::Approx(5 * 3 / 1.45 / 12.0).epsilon(1e-12));

    CHECK_THROWS_AS(evaluate_chat(chats(100, 300), 400, concurrency, seconds{20}), domain_error);
}

TEST_CASE("a chat concurrency names its problem") {
    CHECK(chat_concurrency{3, {1.0, 1.2, 1.45}}.problem().empty());
    CHECK(chat_concurrency{0, {}}.problem() == "max_chats must be in [1, 64] (got 0)");
    CHECK(chat_concurrency{2, {1.0}}.problem() ==
          "one concurrency factor per chat level is needed: 2 for max_chats 2 (got 1)");
    CHECK(chat_concurrency{2, {1.0, -1.0}}.problem() ==
          "concurrency factor 2 must be a number > 0 (got -1)");
}
