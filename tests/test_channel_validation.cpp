// Statistical validation of the channels (issue 10): chat, back office, repeat callers and
// outbound blending against models we did not write into the engine: Erlang C and A, exact
// Markov chains of the chat agent built here, the M/M/c waiting-plus-service time, and the
// geometric law of repeat contacts. Same rule as tests/test_validation.cpp (validation_tally.hpp):
// the theory must lie inside the 99% interval of the simulation (fixed seeds), a few misses
// allowed by a binomial rule, none outside 99.99%.
//
// Each test also states what a plausible wrong model would give and checks that the interval
// excludes it, so the tolerance is shown to be narrow enough to catch it. Every replication of
// every test is checked for conservation of items (channel_conservation.hpp).
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "channel_conservation.hpp"
#include "erlang/erlang_a.hpp"
#include "erlang/erlang_c.hpp"
#include "reference_models.hpp"
#include "sim/replication_runner.hpp"
#include "sim/simulation.hpp"
#include "sim_test_support.hpp"
#include "validation_tally.hpp"

using namespace ccsim;
using namespace ccsim::sim;
using ccsim::test::aht;
using ccsim::test::excludes;
using ccsim::test::interval_of;
using ccsim::test::replications;
using ccsim::test::reporting;
using ccsim::test::tally;

namespace {

// Runs the replications, checks conservation in each, hands each to `also`, and returns the
// figures with 99% intervals.
simulation_summary run_checked(
    const scenario& s, int reps, std::uint64_t seed,
    const std::function<void(const replication_statistics&)>& also = {}) {
    const contact_centre centre(s);
    simulation_summary summary(centre.model(), 0.99);
    std::string violation;
    run_replications(centre, {reps, seed, 2}, [&](std::size_t, replication_statistics&& r) {
        if (violation.empty()) violation = test::conservation_violation(centre.model(), r);
        if (also) also(r);
        summary.add(r);
    });
    CHECK_MESSAGE(violation.empty(), violation);
    return summary;
}

// A stationary queue, open all the time, after a warm-up, in one interval (or in days: the
// calendar has as many days as the intervals start on, and deadlines count to its end).
scenario stationary(double per_hour, double mean_handle, int agents, std::optional<double> patience,
                    double hours, double warmup_hours = 2.0, bool daily = false) {
    stationary_queue q;
    q.calls_per_hour = per_hour;
    q.aht = seconds{mean_handle};
    if (patience) q.patience = seconds{*patience};
    q.agents = agents;
    q.warmup = seconds{warmup_hours * 3600.0};
    q.horizon = seconds{hours * 3600.0};
    q.interval = daily ? seconds{86400.0} : q.horizon;
    return make_stationary_scenario(q);
}

scenario chat_scenario(double load, int agents, int slots, std::vector<double> factors,
                       std::optional<double> patience, double chats_per_replication) {
    const double per_hour = load / aht * 3600.0;
    scenario s =
        stationary(per_hour, aht, agents, patience, std::ceil(chats_per_replication / per_hour));
    s.queues[0].channel = channel_kind::chat;
    s.queues[0].threshold = seconds{20.0};
    s.groups[0].max_chats = slots;
    s.groups[0].concurrency = std::move(factors);
    return s;
}

estimate horizon(const simulation_summary& r, queue_figure f) {
    return r.queue(0, r.horizon(), f);
}
estimate horizon(const simulation_summary& r, group_figure f) {
    return r.group(0, r.horizon(), f);
}

// ---- The chat agent's exact Markov chains ----------------------------------------------------
//
// An agent holding j chats (j <= k) works each at pace 1 / f(j): with exponential work of mean
// `aht` each ends at rate 1 / (f(j) aht), so the agent's chats end at rate j / (f(j) aht).
// Chats beyond every free slot wait first come, first served and may leave at rate theta.
struct chat_chain_figures {
    double p_wait = 0, service_level = 0, asa = 0, p_abandon = 0;
    double chats_held = 0;      // E[chats held | the agent holds >= 1]
    double slot_occupancy = 0;  // E[chats held] / slots
    double occupancy = 0;       // P(the agent holds >= 1)
};

struct chat_model {
    double lambda;               // chats per second
    std::vector<double> factor;  // f(1..k)
    double theta = 0.0;          // 1 / mean patience; 0: nobody leaves
    double threshold = 20.0;
    int slots() const { return static_cast<int>(factor.size()); }
    // Completion rate of an agent holding j chats.
    double rate(int j) const {
        return j == 0 ? 0.0 : j / (factor[static_cast<std::size_t>(j - 1)] * aht);
    }
};

// P(first response within T | q chats ahead in line) with chats ending at `full_rate` while
// every slot is taken: the tagged chat's chain (reference_models.hpp, uniformised).
double answered_within(long ahead, double full_rate, double theta, double threshold) {
    return static_cast<double>(test::served_within(ahead, full_rate, theta, threshold));
}

// One agent: a birth-death chain over j = chats in the system (held + waiting), by its
// product form.
chat_chain_figures one_agent_chain(const chat_model& m, int max_state = 3000) {
    const int k = m.slots();
    std::vector<double> p(static_cast<std::size_t>(max_state + 1));
    p[0] = 1.0;
    for (int j = 1; j <= max_state; ++j) {
        const double death = m.rate(std::min(j, k)) + std::max(0, j - k) * m.theta;
        p[static_cast<std::size_t>(j)] = p[static_cast<std::size_t>(j - 1)] * m.lambda / death;
    }
    double total = 0.0;
    for (double v : p) total += v;
    chat_chain_figures r;
    double held = 0.0, queue = 0.0;
    const double full = m.rate(k);
    for (int j = 0; j <= max_state; ++j) {
        const double pj = p[static_cast<std::size_t>(j)] / total;
        held += std::min(j, k) * pj;
        if (j >= 1) r.occupancy += pj;
        if (j < k) {
            r.service_level += pj;
            continue;
        }
        const long ahead = j - k;  // an arrival finding j in the system
        r.p_wait += pj;
        queue += static_cast<double>(ahead) * pj;
        if (m.theta == 0.0) r.asa += pj * static_cast<double>(ahead + 1) / full;
        if (pj > 1e-13) r.service_level += pj * answered_within(ahead, full, m.theta, m.threshold);
    }
    r.p_abandon = m.theta * queue / m.lambda;
    r.chats_held = held / r.occupancy;
    r.slot_occupancy = held / k;
    return r;
}

// Two agents, a new chat to the less loaded one: states (a <= b chats held, q waiting; q > 0
// only when both are full), truncated at q = max_queue, solved as a linear system.
chat_chain_figures two_agent_chain(const chat_model& m, int max_queue = 400) {
    const int k = m.slots();
    std::map<std::tuple<int, int, int>, int> index;
    std::vector<std::tuple<int, int, int>> states;
    for (int b = 0; b <= k; ++b)
        for (int a = 0; a <= b; ++a) {
            index[{a, b, 0}] = static_cast<int>(states.size());
            states.emplace_back(a, b, 0);
        }
    for (int q = 1; q <= max_queue; ++q) {
        index[{k, k, q}] = static_cast<int>(states.size());
        states.emplace_back(k, k, q);
    }
    const auto n = static_cast<Eigen::Index>(states.size());
    Eigen::MatrixXd generator = Eigen::MatrixXd::Zero(n, n);
    auto add = [&](int from, std::tuple<int, int, int> to, double rate) {
        auto [a, b, q] = to;
        if (a > b) std::swap(a, b);
        const int t = index.at({a, b, q});
        generator(from, t) += rate;
        generator(from, from) -= rate;
    };
    for (int s = 0; s < static_cast<int>(states.size()); ++s) {
        const auto [a, b, q] = states[static_cast<std::size_t>(s)];
        if (a < k)
            add(s, {a + 1, b, 0}, m.lambda);  // the less loaded agent takes it
        else if (q < max_queue)
            add(s, {k, k, q + 1}, m.lambda);
        // A chat ends at one of the agents: a freed slot takes the longest-waiting chat.
        for (const int which : {0, 1}) {
            const int load = which == 0 ? a : b;
            const int other = which == 0 ? b : a;
            if (load == 0) continue;
            if (q > 0)
                add(s, {k, k, q - 1}, m.rate(load));
            else
                add(s, {load - 1, other, 0}, m.rate(load));
        }
        if (q > 0 && m.theta > 0.0) add(s, {k, k, q - 1}, q * m.theta);
    }
    // pi Q = 0, sum pi = 1: Q^T pi = 0 with one equation replaced by the normalisation.
    Eigen::MatrixXd system = generator.transpose();
    system.row(n - 1).setOnes();
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
    rhs(n - 1) = 1.0;
    const Eigen::VectorXd pi = system.fullPivLu().solve(rhs);
    chat_chain_figures r;
    double held = 0.0, agents_chatting = 0.0, queue = 0.0;
    const double full = 2.0 * m.rate(k);
    for (int s = 0; s < static_cast<int>(states.size()); ++s) {
        const auto [a, b, q] = states[static_cast<std::size_t>(s)];
        const double p = pi(s);
        held += (a + b) * p;
        agents_chatting += ((a > 0) + (b > 0)) * p;
        if (a < k) {
            r.service_level += p;
            continue;
        }
        r.p_wait += p;
        queue += q * p;
        if (m.theta == 0.0) r.asa += p * (q + 1) / full;
        if (p > 1e-13) r.service_level += p * answered_within(q, full, m.theta, m.threshold);
    }
    r.p_abandon = m.theta * queue / m.lambda;
    r.chats_held = held / agents_chatting;
    r.slot_occupancy = held / (2.0 * k);
    r.occupancy = agents_chatting / 2.0;
    return r;
}

// ---- The back office's reply step as M/M/c ----------------------------------------------------

// P(W + S <= R) in M/M/c: W the Erlang C wait (0 with probability 1 - C, else exponential at
// gamma = c mu - lambda), S the exponential reply work at mu.
double mmc_sojourn_within(double load, int agents, double mean_work, double deadline) {
    const double c = erlang::erlang_c(load, agents, seconds{mean_work}, seconds{0.0}).p_wait;
    const double mu = 1.0 / mean_work, gamma = agents * mu - load * mu;
    const double no_wait = 1.0 - std::exp(-mu * deadline);
    // Hypoexponential (gamma, mu): P(W' + S > R).
    const double beyond =
        std::abs(gamma - mu) < 1e-12
            ? (1.0 + mu * deadline) * std::exp(-mu * deadline)
            : (mu * std::exp(-gamma * deadline) - gamma * std::exp(-mu * deadline)) / (mu - gamma);
    return (1.0 - c) * no_wait + c * (1.0 - beyond);
}

}  // namespace

TEST_CASE("chat with one slot and factor 1 is the voice M/M/n: Erlang C and Erlang A") {
    // A chat taking the agent's only slot is a call: first response = answer. A wrong model
    // (e.g. one slot too many, the threshold measured on the chat's end) is far outside.
    struct grid_case {
        double load;
        int agents;
        std::optional<double> patience;
    };
    const grid_case grid[] = {{8, 10, {}}, {20, 23, {}}, {10, 10, 120.0}, {20, 21, 180.0}};
    std::uint64_t seed = 1000;
    tally checks;
    for (const grid_case& c : grid) {
        const simulation_summary r = run_checked(
            chat_scenario(c.load, c.agents, 1, {1.0}, c.patience, 30000), replications, ++seed);
        const erlang::offered_traffic traffic{
            c.load / aht, seconds{aht},
            c.patience ? std::optional<seconds>(seconds{*c.patience}) : std::nullopt};
        const erlang::queue_metrics theory = erlang::evaluate(traffic, c.agents, seconds{20.0});
        const std::string at = fmt::format("chat k=1 load {} agents {} patience {}: ", c.load,
                                           c.agents, c.patience.value_or(0.0));
        checks.check(at + "P(wait)", horizon(r, queue_figure::p_wait), theory.p_wait);
        checks.check(at + "service level 20 s", horizon(r, queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "ASA", horizon(r, queue_figure::asa_s), theory.asa.count());
        checks.check(at + "abandonment", horizon(r, queue_figure::abandon_rate), theory.p_abandon);
        checks.check(at + "slot occupancy", horizon(r, group_figure::slot_occupancy),
                     theory.occupancy);
        checks.check(at + "occupancy", horizon(r, group_figure::occupancy), theory.occupancy);
        CHECK(horizon(r, group_figure::chats_held).mean == doctest::Approx(1.0));
        // One agent more (a slot miscounted) would give:
        const erlang::queue_metrics more = erlang::evaluate(traffic, c.agents + 1, seconds{20.0});
        excludes(at + "P(wait) with one agent more", horizon(r, queue_figure::p_wait), more.p_wait);
    }
}

TEST_CASE("chat with k slots at constant pace is M/M/(n k): Erlang C and A with n k servers") {
    // Every slot is a server when the pace does not depend on the load. The common shortcut,
    // n agents with the handle time divided by k (M/M/n, aht / k), has the same capacity but
    // makes chats wait far more often: the interval excludes it.
    struct grid_case {
        double load;
        int agents, slots;
        std::optional<double> patience;
    };
    const grid_case grid[] = {
        {7.5, 3, 3, {}}, {8.5, 5, 2, {}}, {10.5, 4, 3, {}}, {12, 4, 3, 120.0}};
    std::uint64_t seed = 1100;
    tally checks;
    for (const grid_case& c : grid) {
        const simulation_summary r =
            run_checked(chat_scenario(c.load, c.agents, c.slots,
                                      std::vector<double>(static_cast<std::size_t>(c.slots), 1.0),
                                      c.patience, 30000),
                        replications, ++seed);
        const int servers = c.agents * c.slots;
        const erlang::offered_traffic traffic{
            c.load / aht, seconds{aht},
            c.patience ? std::optional<seconds>(seconds{*c.patience}) : std::nullopt};
        const erlang::queue_metrics theory = erlang::evaluate(traffic, servers, seconds{20.0});
        const std::string at =
            fmt::format("chat load {} agents {} x {} slots patience {}: ", c.load, c.agents,
                        c.slots, c.patience.value_or(0.0));
        checks.check(at + "P(wait)", horizon(r, queue_figure::p_wait), theory.p_wait);
        checks.check(at + "service level 20 s", horizon(r, queue_figure::service_level),
                     theory.service_level);
        checks.check(at + "ASA", horizon(r, queue_figure::asa_s), theory.asa.count());
        checks.check(at + "abandonment", horizon(r, queue_figure::abandon_rate), theory.p_abandon);
        checks.check(at + "slot occupancy", horizon(r, group_figure::slot_occupancy),
                     theory.occupancy);
        const erlang::offered_traffic shortcut{c.load / aht, seconds{aht / c.slots},
                                               traffic.patience};
        excludes(at + "P(wait) of M/M/n with aht / k", horizon(r, queue_figure::p_wait),
                 erlang::evaluate(shortcut, c.agents, seconds{20.0}).p_wait);
    }
}

TEST_CASE("chat with concurrency factors matches its exact Markov chain: one agent, two agents") {
    // Factors [1.0, 1.2, 1.45]: an agent holding 3 chats ends them at 3 / (1.45 aht), 2.07 per
    // aht instead of 3. Two wrong models bracket the truth and are both excluded: the pace
    // ignored (every factor 1: M/M/k per agent) and the full-load pace always (every factor
    // 1.45).
    const std::vector<double> factors{1.0, 1.2, 1.45};
    struct grid_case {
        int agents;
        double per_hour;
        double patience;  // 0: none
    };
    // One agent's full capacity is 3 / (1.45 * 180 s) = 41.4 chats an hour; two agents' 82.8.
    const grid_case grid[] = {{1, 15, 0}, {1, 25, 0}, {1, 33, 0}, {1, 40, 300},
                              {2, 40, 0}, {2, 60, 0}, {2, 72, 0}, {2, 85, 240}};
    std::uint64_t seed = 1200;
    tally checks;
    for (const grid_case& c : grid) {
        const double load = c.per_hour * aht / 3600.0;
        scenario s =
            chat_scenario(load, c.agents, 3, factors,
                          c.patience > 0 ? std::optional<double>(c.patience) : std::nullopt, 25000);
        const simulation_summary r = run_checked(s, replications, ++seed);
        auto chain = [&](std::vector<double> f) {
            const chat_model m{c.per_hour / 3600.0, std::move(f),
                               c.patience > 0 ? 1.0 / c.patience : 0.0, 20.0};
            return c.agents == 1 ? one_agent_chain(m) : two_agent_chain(m);
        };
        const chat_chain_figures theory = chain(factors);
        const std::string at =
            fmt::format("chat chain {} agent(s) x 3 slots, {}/h, patience {}: ", c.agents,
                        c.per_hour, c.patience);
        checks.check(at + "P(wait)", horizon(r, queue_figure::p_wait), theory.p_wait);
        checks.check(at + "service level 20 s", horizon(r, queue_figure::service_level),
                     theory.service_level);
        if (c.patience == 0)
            checks.check(at + "ASA", horizon(r, queue_figure::asa_s), theory.asa);
        else
            checks.check(at + "abandonment", horizon(r, queue_figure::abandon_rate),
                         theory.p_abandon);
        checks.check(at + "chats held (mean concurrency)", horizon(r, group_figure::chats_held),
                     theory.chats_held);
        checks.check(at + "slot occupancy", horizon(r, group_figure::slot_occupancy),
                     theory.slot_occupancy);
        checks.check(at + "occupancy (holding >= 1)", horizon(r, group_figure::occupancy),
                     theory.occupancy);
        const chat_chain_figures unpaced = chain({1.0, 1.0, 1.0});
        const chat_chain_figures slowest = chain({1.45, 1.45, 1.45});
        excludes(at + "slot occupancy with factors ignored",
                 horizon(r, group_figure::slot_occupancy), unpaced.slot_occupancy);
        excludes(at + "slot occupancy at the full-load pace",
                 horizon(r, group_figure::slot_occupancy), slowest.slot_occupancy);
    }
}

TEST_CASE(
    "a 24x7 back office replies as M/M/c: share replied within the deadline = P(W + S <= R)") {
    // Every item has the same reply_within, so earliest deadline first is first come, first
    // served for the reply step; the resolution work is 0.01 s on average (and later deadlines
    // put it behind every reply), so it does not disturb the replies. The reply is done when
    // the wait W (Erlang C) and the exponential work S have passed. Wrong models excluded: one
    // that counts only the wait (P(W <= R), Erlang C's service level at R), and one agent more.
    struct grid_case {
        int agents;
        double load;
        double mean_reply, deadline;  // seconds
    };
    const grid_case grid[] = {{3, 2.4, 1200, 1800}, {5, 4.0, 1200, 3600}, {10, 8.0, 900, 1800}};
    std::uint64_t seed = 1300;
    tally checks;
    for (const grid_case& c : grid) {
        const double per_hour = c.load / c.mean_reply * 3600.0;
        const double days = std::ceil(24000.0 / per_hour / 24.0);
        scenario s = stationary(per_hour, 0.01, c.agents, std::nullopt, days * 24.0, 72.0, true);
        queue_spec& desk = s.queues[0];
        desk.name = "complaints";
        desk.channel = channel_kind::backoffice;
        desk.back_office.reply = {{}, seconds{c.mean_reply}};
        desk.back_office.reply_within = seconds{c.deadline};
        desk.back_office.resolve_within = seconds{48 * 3600.0};
        const simulation_summary r = run_checked(s, replications, ++seed);
        const double theory = mmc_sojourn_within(c.load, c.agents, c.mean_reply, c.deadline);
        const std::string at =
            fmt::format("back office {} agents load {} reply {} s within {} s: ", c.agents, c.load,
                        c.mean_reply, c.deadline);
        checks.check(at + "replied within", horizon(r, queue_figure::replied_within), theory);
        checks.check(at + "occupancy", horizon(r, group_figure::occupancy), c.load / c.agents);
        const double wait_only =
            erlang::erlang_c(c.load, c.agents, seconds{c.mean_reply}, seconds{c.deadline})
                .service_level;
        excludes(at + "replied within = P(W <= R)", horizon(r, queue_figure::replied_within),
                 wait_only);
        excludes(at + "replied within with one agent more",
                 horizon(r, queue_figure::replied_within),
                 mmc_sojourn_within(c.load, c.agents + 1, c.mean_reply, c.deadline));
        CHECK(horizon(r, queue_figure::resolved_within).mean > 0.99);
    }
}

TEST_CASE("repeat callers: FCR, repeats and escalations follow the geometric law") {
    // Answered contacts until a case is solved are geometric with success p = fcr. Without
    // escalation a case makes (1 - p) / p repeat calls on average; escalating after 2 contacts,
    // it repeats once with probability 1 - p and is escalated with probability (1 - p)^2.
    // Ample agents and no patience: every contact is answered. Calls come for 22 hours of a
    // 24-hour day and repeats after 10 minutes (exponential), so cases end within the day.
    // Wrong models excluded: one repeat at most without escalation ((1 - p) instead of
    // (1 - p) / p), escalation one contact late ((1 - p)^3).
    struct grid_case {
        double fcr;
        bool escalate;
    };
    const grid_case grid[] = {{0.7, false}, {0.5, false}, {0.7, true}, {0.5, true}};
    std::uint64_t seed = 1400;
    const int reps = 40;
    tally checks(reps);
    for (const grid_case& c : grid) {
        scenario s;
        s.interval = seconds{3600.0};
        s.interval_count = 24;
        s.open_periods = {{seconds{0.0}, seconds{86400.0}}};
        queue_spec hotline;
        hotline.name = "hotline";
        for (std::size_t i = 0; i < 24; ++i) {
            hotline.calls.push_back(i < 22 ? 300.0 : 0.0);
            hotline.aht.push_back(seconds{aht});
        }
        hotline.repeats.resolved = c.fcr;
        hotline.repeats.delay = {{}, seconds{600.0}};
        queue_spec desk;
        desk.name = "complaints";
        desk.channel = channel_kind::backoffice;
        desk.calls.assign(24, 0.0);
        desk.aht.assign(24, seconds{600.0});
        if (c.escalate) {
            hotline.repeats.escalate_after = 2;
            hotline.repeats.escalate_to = 1;
        }
        s.queues = {hotline, desk};
        s.groups.push_back(
            {"agents", {{0, 1}}, 1.0, 0.0, {{"day", seconds{0.0}, seconds{86400.0}, 60, {}}}});
        s.groups.push_back(
            {"desk", {{1, 1}}, 1.0, 0.0, {{"day", seconds{0.0}, seconds{86400.0}, 25, {}}}});
        std::vector<double> repeats, escalated;
        std::uint64_t cases = 0;
        const simulation_summary r =
            run_checked(s, reps, ++seed, [&](const replication_statistics& stats) {
                const queue_counters t = test::day_totals(stats, 0);
                cases += t.first_contacts;
                repeats.push_back(static_cast<double>(t.repeats) /
                                  static_cast<double>(t.first_contacts));
                escalated.push_back(static_cast<double>(t.escalated) /
                                    static_cast<double>(t.first_contacts));
                // Every escalated case arrived on the desk.
                CHECK(test::day_totals(stats, 1).offered == t.escalated);
            });
        const double p = c.fcr;
        const std::string at =
            fmt::format("fcr {} {}: ", p, c.escalate ? "escalate after 2" : "no escalation");
        checks.check(at + "FCR", horizon(r, queue_figure::fcr), p);
        const estimate per_case = interval_of(repeats);
        if (c.escalate) {
            checks.check(at + "repeats per first contact", per_case, 1.0 - p);
            checks.check(at + "escalated per first contact", interval_of(escalated),
                         (1.0 - p) * (1.0 - p));
            excludes(at + "escalated one contact late", interval_of(escalated),
                     std::pow(1.0 - p, 3.0));
        } else {
            checks.check(at + "repeats per first contact", per_case, (1.0 - p) / p);
            CHECK(horizon(r, queue_figure::escalated).mean == 0.0);
            excludes(at + "at most one repeat", per_case, 1.0 - p);
        }
        CHECK(cases > 200000);
    }
}

TEST_CASE("outbound blending: inbound SL rises and follow-ups fall as the reserve grows") {
    // Ten agents, 7 Erlang of inbound calls, every answered call asking for a follow-up call
    // (2 minutes): more work than agents, so outbound calls take whatever the reserve leaves.
    // Keeping r agents idle for inbound raises the inbound service level and lowers the
    // follow-ups done, at every step r = 0..3 (paired: the same calls in every variant).
    auto day = [](std::optional<int> reserve) {
        scenario s;
        s.interval = seconds{1800.0};
        s.interval_count = 16;
        s.open_periods = {{seconds{0.0}, seconds{8 * 3600.0}}};
        queue_spec hotline;
        hotline.name = "hotline";
        hotline.calls.assign(16, 70.0);
        hotline.aht.assign(16, seconds{aht});
        hotline.threshold = seconds{20.0};
        hotline.patience = timed_distribution{{}, seconds{120.0}};
        queue_spec followups;
        followups.name = "followups";
        followups.channel = channel_kind::outbound;
        followups.calls.assign(16, 0.0);
        followups.aht.assign(16, seconds{120.0});
        group_spec agents{
            "agents", {{0, 1}}, 1.0, 0.0, {{"day", seconds{0.0}, seconds{8 * 3600.0}, 10, {}}}};
        s.queues = {hotline};
        if (reserve) {
            s.queues[0].follow_up = follow_up_model{1.0, seconds{86400.0}, 1};
            s.queues.push_back(followups);
            agents.skills.push_back({1, 1});
            agents.reserve = *reserve;
        }
        s.groups.push_back(agents);
        return s;
    };
    const int reps = 30;
    std::vector<std::vector<double>> sl, done;
    std::vector<double> mean_sl, mean_done;
    for (int reserve = 0; reserve <= 3; ++reserve) {
        std::vector<double> level, throughput;
        const simulation_summary r =
            run_checked(day(reserve), reps, 1500, [&](const replication_statistics& stats) {
                const queue_counters inbound = test::day_totals(stats, 0);
                level.push_back(static_cast<double>(inbound.answered_within) /
                                static_cast<double>(inbound.offered));
                throughput.push_back(static_cast<double>(test::day_totals(stats, 1).done));
            });
        mean_sl.push_back(interval_of(level).mean);
        mean_done.push_back(interval_of(throughput).mean);
        sl.push_back(level);
        done.push_back(throughput);
        if (reporting())
            std::printf(
                "reserve %d: inbound SL %.4f, follow-ups done %.1f, outbound calls per agent-hour "
                "%.2f\n",
                reserve, mean_sl.back(), mean_done.back(),
                r.group(0, r.horizon(), group_figure::outbound_per_agent_hour).mean);
    }
    const simulation_summary alone = run_checked(day(std::nullopt), reps, 1500);
    if (reporting())
        std::printf("no outbound work: inbound SL %.4f\n",
                    alone.queue(0, alone.horizon(), queue_figure::service_level).mean);
    for (std::size_t r = 1; r < sl.size(); ++r) {
        std::vector<double> sl_gain, done_loss;
        for (std::size_t i = 0; i < sl[r].size(); ++i) {
            sl_gain.push_back(sl[r][i] - sl[r - 1][i]);
            done_loss.push_back(done[r - 1][i] - done[r][i]);
        }
        INFO("reserve ", r, ": SL ", mean_sl[r - 1], " -> ", mean_sl[r], ", done ",
             mean_done[r - 1], " -> ", mean_done[r]);
        CHECK(interval_of(sl_gain).ci_low > 0.0);
        CHECK(interval_of(done_loss).ci_low > 0.0);
    }
    // With the largest reserve the inbound SL is still at most what it is without outbound work.
    CHECK(mean_sl.back() <= alone.queue(0, alone.horizon(), queue_figure::service_level).ci_high);
}

TEST_CASE("outbound attempts follow the geometric law: done, failed and calls per task") {
    // Each attempt reaches the customer with probability p; a task is given up after m
    // attempts. So a task is done with probability 1 - (1 - p)^m, fails with (1 - p)^m, and
    // takes (1 - (1 - p)^m) / p calls. Ample agents; tasks for 20 hours of a 24-hour day and
    // retries after 10 minutes, so every task ends within the day. Wrong models excluded: one
    // attempt more or fewer ((1 - p)^(m + 1), (1 - p)^(m - 1) failed).
    struct grid_case {
        double reach;
        int attempts;
    };
    const grid_case grid[] = {{0.6, 3}, {0.3, 4}};
    std::uint64_t seed = 1600;
    tally checks;
    for (const grid_case& c : grid) {
        scenario s;
        s.interval = seconds{3600.0};
        s.interval_count = 24;
        s.open_periods = {{seconds{0.0}, seconds{86400.0}}};
        queue_spec calls;
        calls.name = "followups";
        calls.channel = channel_kind::outbound;
        for (std::size_t i = 0; i < 24; ++i) calls.calls.push_back(i < 20 ? 200.0 : 0.0);
        calls.aht.assign(24, seconds{120.0});
        calls.outbound.reach = c.reach;
        calls.outbound.max_attempts = c.attempts;
        calls.outbound.retry_delay = {{}, seconds{600.0}};
        s.queues.push_back(calls);
        s.groups.push_back(
            {"callers", {{0, 1}}, 1.0, 0.0, {{"day", seconds{0.0}, seconds{86400.0}, 30, {}}}});
        std::vector<double> done, failed, calls_per_task;
        run_checked(s, replications, ++seed, [&](const replication_statistics& stats) {
            const queue_counters t = test::day_totals(stats, 0);
            CHECK(t.waiting_at_end == 0);
            const auto tasks = static_cast<double>(t.offered);
            done.push_back(static_cast<double>(t.done) / tasks);
            failed.push_back(static_cast<double>(t.failed) / tasks);
            calls_per_task.push_back(static_cast<double>(t.attempts) / tasks);
        });
        const double q = 1.0 - c.reach;
        const double fail = std::pow(q, c.attempts);
        const std::string at = fmt::format("outbound reach {} attempts {}: ", c.reach, c.attempts);
        checks.check(at + "done per task", interval_of(done), 1.0 - fail);
        checks.check(at + "failed per task", interval_of(failed), fail);
        checks.check(at + "calls per task", interval_of(calls_per_task), (1.0 - fail) / c.reach);
        excludes(at + "failed with one attempt more", interval_of(failed), fail * q);
        excludes(at + "failed with one attempt fewer", interval_of(failed), fail / q);
    }
}
