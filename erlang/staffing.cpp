#include "erlang/staffing.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "erlang/erlang_a.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"

namespace ccsim::erlang {

double staffing_targets::slack(const queue_metrics& m) const {
    // Nobody on the phones answers nobody: ASA and occupancy are then vacuous, not met.
    if (!m.stable || (m.agents == 0.0 && m.load > 0.0)) return -1.0;
    double least = 1.0;
    if (service_level) {
        const double achieved = service_level->basis == service_level_basis::offered
                                    ? m.service_level
                                    : m.service_level_answered;
        least = std::min(least, achieved - service_level->fraction);
    }
    if (answer_rate) least = std::min(least, m.answer_rate - *answer_rate);
    if (asa) least = std::min(least, (*asa - m.asa) / *asa);
    if (max_abandon) least = std::min(least, *max_abandon - m.p_abandon);
    if (max_occupancy) least = std::min(least, *max_occupancy - m.occupancy);
    return std::max(-1.0, least);
}

bool staffing_targets::met_by(const queue_metrics& m) const {
    return slack(m) >= 0.0;
}

long scheduled_agents(double on_phones, double shrinkage) {
    // Quotients that are whole numbers up to rounding (14 / 0.7) must not round up.
    return static_cast<long>(std::ceil(on_phones / (1.0 - shrinkage) * (1.0 - 1e-12)));
}

namespace {

// Evaluates whole agent counts, keeping one Erlang B walk so that neighbouring counts cost
// O(1) instead of a fresh O(sqrt(load)) recursion. Erlang C and Erlang A share B(n, a), so
// one walk serves both models.
class staffing_evaluator {
  public:
    staffing_evaluator(const offered_traffic& traffic, seconds threshold)
        : traffic_(traffic), threshold_(threshold), load_(traffic.load()) {}

    queue_metrics erlang_c_at(long agents) {
        const double n = static_cast<double>(agents);
        const double blocking = n > load_ ? blocking_at(agents) : 1.0;
        return erlang_c_with_blocking(load_, n, blocking, traffic_.aht, threshold_);
    }

    queue_metrics at(long agents, bool with_asa) {
        if (!traffic_.patience) return erlang_c_at(agents);
        return erlang_a_with_blocking(traffic_, static_cast<double>(agents), blocking_at(agents),
                                      threshold_, with_asa);
    }

  private:
    double blocking_at(long agents) {
        constexpr long max_walk_down = 32;  // beyond this a fresh start is cheaper and safer
        if (!walk_ || agents < walk_->agents() - max_walk_down) walk_.emplace(agents, load_);
        while (walk_->agents() < agents) walk_->step_up();
        while (walk_->agents() > agents) walk_->step_down();
        return walk_->blocking();
    }

    const offered_traffic& traffic_;
    seconds threshold_;
    double load_;
    std::optional<erlang_b_walk> walk_;
};

// The least n in [lowest, highest] with slack(n) >= 0, given that slack rises with n.
// A bracket is found from `guess` (galloping upward if it fails), then narrowed by regula
// falsi with the Illinois modification: slack is smooth in n, so this needs a handful of
// evaluations even when the guess is a hundred agents off, where bisection needs a dozen.
template <class Slack>
std::optional<long> least_meeting(long lowest, long highest, long guess, Slack slack) {
    guess = std::clamp(guess, lowest, highest);
    long good = guess, bad = guess;
    double good_slack = slack(guess), bad_slack = 0.0;
    if (good_slack >= 0.0) {
        if (good == lowest) return lowest;
        bad = lowest;
        bad_slack = slack(lowest);
        if (bad_slack >= 0.0) return lowest;
    } else {
        bad_slack = good_slack;
        for (long step = 1;; step *= 2) {
            if (bad == highest) return std::nullopt;
            good = std::min(highest, bad + step);
            good_slack = slack(good);
            if (good_slack >= 0.0) break;
            bad = good;
            bad_slack = good_slack;
        }
    }
    int kept_side = 0;  // +1: the last two updates both moved `good`; -1: both moved `bad`
    while (good - bad > 1) {
        const double share = bad_slack / (bad_slack - good_slack);
        const long probe =
            std::clamp(bad + static_cast<long>(std::ceil(share * static_cast<double>(good - bad))),
                       bad + 1, good - 1);
        const double probe_slack = slack(probe);
        if (probe_slack >= 0.0) {
            good = probe, good_slack = probe_slack;
            if (kept_side == 1) bad_slack *= 0.5;
            kept_side = 1;
        } else {
            bad = probe, bad_slack = probe_slack;
            if (kept_side == -1) good_slack *= 0.5;
            kept_side = -1;
        }
    }
    return good;
}

// Erlang C needs n > a (and n >= a / occupancy ceiling).
long erlang_c_lowest(double load, const staffing_targets& targets) {
    long lowest = static_cast<long>(std::floor(load)) + 1;
    if (targets.max_occupancy)
        lowest = std::max(
            lowest, static_cast<long>(std::ceil(load / *targets.max_occupancy * (1.0 - 1e-12))));
    return lowest;
}

// Agents answer at most n / AHT calls per second, so the answered share is at most n / a,
// and a service level over offered calls is bounded by the answered share.
long erlang_a_lowest(double load, const staffing_targets& targets) {
    double share = targets.answer_rate.value_or(0.0);
    if (targets.service_level && targets.service_level->basis == service_level_basis::offered)
        share = std::max(share, targets.service_level->fraction);
    return std::max(1L, static_cast<long>(std::floor(share * load)));
}

// Abandonment shortens waits, so the Erlang C answer for the same service level is a close
// guess for Erlang A (usually a few agents high); without a service level target, the load.
long erlang_a_guess(staffing_evaluator& evaluator, double load, const staffing_targets& targets,
                    long lowest, long highest) {
    if (!targets.service_level) return std::max(lowest, static_cast<long>(std::ceil(load)));
    staffing_targets service_level_only;
    service_level_only.service_level = targets.service_level;
    const long start = std::min(erlang_c_lowest(load, service_level_only), highest);
    return least_meeting(start, highest, start,
                         [&](long n) { return service_level_only.slack(evaluator.erlang_c_at(n)); })
        .value_or(lowest);
}

std::string describe(const queue_metrics& m) {
    return fmt::format(
        "service level {:.4f}, answer rate {:.4f}, ASA {:.1f} s, abandon {:.4f}, "
        "occupancy {:.4f}",
        m.service_level, m.answer_rate, m.asa.count(), m.p_abandon, m.occupancy);
}

}  // namespace

staffing_answer solve_staffing(const offered_traffic& traffic, const staffing_targets& targets,
                               const staffing_options& options) {
    const seconds threshold =
        targets.service_level ? targets.service_level->threshold : options.threshold;
    const double load = traffic.load();
    staffing_evaluator evaluator(traffic, threshold);

    staffing_answer answer;
    if (load > 0.0) {  // an interval with no calls needs nobody
        const long highest = options.max_agents;
        long lowest = 0, guess = 0;
        if (traffic.patience) {
            lowest = std::min(erlang_a_lowest(load, targets), highest);
            guess = erlang_a_guess(evaluator, load, targets, lowest, highest);
        } else {
            lowest = guess = std::min(erlang_c_lowest(load, targets), highest);
        }
        // ASA needs a series in Erlang A; only pay for it when it is a target.
        const bool with_asa = targets.asa.has_value();
        const std::optional<long> agents = least_meeting(lowest, highest, guess, [&](long n) {
            return targets.slack(evaluator.at(n, with_asa));
        });
        if (!agents)
            throw domain_error(
                fmt::format("no staffing up to {} agents meets the targets (at {} agents: {})",
                            highest, highest, describe(evaluator.at(highest, true))));
        answer.agents = *agents;
    }
    answer.scheduled = scheduled_agents(static_cast<double>(answer.agents), options.shrinkage);
    answer.metrics = evaluator.at(answer.agents, true);

    if (options.fractional) {
        // The targets hold at n and fail at n - 1; bisect the real-valued formulas between.
        double good = static_cast<double>(answer.agents);
        double bad = std::max(good - 1.0, traffic.patience ? 0.0 : traffic.load());
        for (int i = 0; i < 60 && good - bad > 1e-9 * std::max(1.0, good); ++i) {
            const double middle = 0.5 * (good + bad);
            (targets.met_by(evaluate(traffic, middle, threshold)) ? good : bad) = middle;
        }
        answer.fractional_agents = good;
        answer.fractional_scheduled = good / (1.0 - options.shrinkage);
    }
    return answer;
}

}  // namespace ccsim::erlang
