#include "erlang/staffing.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <optional>

#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/saturated_count.hpp"
#include "erlang/erlang_a.hpp"
#include "erlang/erlang_b.hpp"
#include "erlang/erlang_c.hpp"
#include "erlang/least_meeting.hpp"

namespace ccsim::erlang {

namespace {

// The targets' margins on a log scale, with the targets' own logarithms computed once per
// solve rather than once per evaluation (a solve evaluates a dozen staffings).
class log_margin {
  public:
    explicit log_margin(const staffing_targets& t) : targets_(t) {
        if (t.service_level) service_level_ = std::log(1.0 - t.service_level->fraction);
        if (t.answer_rate) answer_rate_ = std::log(1.0 - *t.answer_rate);
        if (t.asa) asa_ = std::log(t.asa->count());
        if (t.max_abandon) abandon_ = std::log(*t.max_abandon);
        if (t.max_occupancy) occupancy_ = std::log(*t.max_occupancy);
    }

    double operator()(const queue_metrics& m) const {
        constexpr double widest = 50.0;
        if (m.load == 0.0) return widest;  // nothing offered: every target holds
        // Nobody on the phones answers nobody: ASA and occupancy are then vacuous, not met.
        if (!m.stable || (m.agents == 0.0 && m.load > 0.0)) return -widest;
        const staffing_targets& t = targets_;
        double least = widest;
        if (t.service_level) {
            const double achieved = t.service_level->basis == service_level_basis::offered
                                        ? m.service_level
                                        : m.service_level_answered;
            least = std::min(least, service_level_ - std::log(1.0 - achieved));
        }
        if (t.answer_rate) least = std::min(least, answer_rate_ - std::log(1.0 - m.answer_rate));
        if (t.asa) least = std::min(least, asa_ - std::log(m.asa.count()));
        if (t.max_abandon) least = std::min(least, abandon_ - std::log(m.p_abandon));
        if (t.max_occupancy) least = std::min(least, occupancy_ - std::log(m.occupancy));
        return std::clamp(std::isnan(least) ? -widest : least, -widest, widest);
    }

  private:
    const staffing_targets& targets_;
    double service_level_ = 0, answer_rate_ = 0, asa_ = 0, abandon_ = 0, occupancy_ = 0;
};

}  // namespace

// Margins on a log scale: shortfalls shrink roughly geometrically as agents are added
// (1 - SL, abandonment, ASA all fall by a near-constant factor per agent), so the log margin
// is nearly linear in n and the staffing search's interpolation lands close.
double staffing_targets::slack(const queue_metrics& m) const {
    return log_margin(*this)(m);
}

bool staffing_targets::met_by(const queue_metrics& m) const {
    return slack(m) >= 0.0;
}

void check_offered_load(double load) {
    if (!(load <= limits::offered_load))
        throw domain_error(fmt::format(
            "an offered load of {:g} Erlang is above the {:g} Erlang the staffing search accepts",
            load, limits::offered_load));
}

long scheduled_agents(double on_phones, double shrinkage) {
    // Quotients that are whole numbers up to rounding (14 / 0.7) must not round up.
    return saturated_count(std::ceil(on_phones / (1.0 - shrinkage) * (1.0 - 1e-12)));
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

    // Erlang A leaves the ASA (a series) out unless asked for it.
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

// Erlang C needs n > a (and n >= a / occupancy ceiling).
long erlang_c_lowest(double load, const staffing_targets& targets) {
    long lowest = saturated_count(std::floor(load)) + 1;
    if (targets.max_occupancy)
        lowest = std::max(
            lowest, saturated_count(std::ceil(load / *targets.max_occupancy * (1.0 - 1e-12))));
    return lowest;
}

// Agents answer at most n / AHT calls per second, so the answered share is at most n / a,
// and a service level over offered calls is bounded by the answered share.
long erlang_a_lowest(double load, const staffing_targets& targets) {
    double share = targets.answer_rate.value_or(0.0);
    if (targets.service_level && targets.service_level->basis == service_level_basis::offered)
        share = std::max(share, targets.service_level->fraction);
    return std::max(1L, saturated_count(std::floor(share * load)));
}

// Abandonment shortens waits, so the Erlang C answer for the same service level is a close
// guess for Erlang A (a few agents high in most cases, more for large loads, where agents
// fewer than the load can meet the targets); without a service level target, the load.
long erlang_a_guess(staffing_evaluator& evaluator, double load, const staffing_targets& targets,
                    long lowest, long highest) {
    if (!targets.service_level)
        return std::min(highest, std::max(lowest, saturated_count(std::ceil(load))));
    staffing_targets service_level_only;
    service_level_only.service_level = targets.service_level;
    const long start = std::min(erlang_c_lowest(load, service_level_only), highest);
    return least_meeting(start, highest, static_cast<double>(start),
                         [&](long n) { return service_level_only.slack(evaluator.erlang_c_at(n)); })
        .value_or(lowest);
}

std::string describe(const queue_metrics& m) {
    return fmt::format(
        "service level {:.4f}, answer rate {:.4f}, ASA {:.1f} s, abandon {:.4f}, "
        "occupancy {:.4f}",
        m.service_level, m.answer_rate, m.asa.count(), m.p_abandon, m.occupancy);
}

// `guess`: where the search starts; without one, the Erlang C answer (Erlang A) or the least
// stable count (Erlang C).
staffing_answer solve(const offered_traffic& traffic, const staffing_targets& targets,
                      const staffing_options& options, std::optional<double> guess) {
    const seconds threshold =
        targets.service_level ? targets.service_level->threshold : options.threshold;
    const double load = traffic.load();
    staffing_evaluator evaluator(traffic, threshold);
    // Erlang A's ASA is a series: only pay for it when it is a target (Erlang C's is free).
    const bool with_asa = targets.asa.has_value() || !traffic.patience;

    check_offered_load(load);
    staffing_answer answer;
    std::optional<queue_metrics> least_met;  // at the least count seen to meet the targets
    if (load > 0.0) {                        // an interval with no calls needs nobody
        const long highest = options.max_agents;
        long lowest = 0;
        if (traffic.patience) {
            lowest = std::min(erlang_a_lowest(load, targets), highest);
            if (!guess)
                guess =
                    static_cast<double>(erlang_a_guess(evaluator, load, targets, lowest, highest));
        } else {
            lowest = std::min(erlang_c_lowest(load, targets), highest);
            if (!guess) guess = static_cast<double>(lowest);
        }
        const log_margin margin(targets);
        const std::optional<long> agents = least_meeting(lowest, highest, *guess, [&](long n) {
            const queue_metrics m = evaluator.at(n, with_asa);
            const double slack = margin(m);
            if (slack >= 0.0 && (!least_met || m.agents < least_met->agents)) least_met = m;
            return slack;
        });
        if (!agents)
            throw domain_error(
                fmt::format("no staffing up to {} agents meets the targets (at {} agents: {})",
                            highest, highest, describe(evaluator.at(highest, true))));
        answer.agents = *agents;
    }
    answer.scheduled = scheduled_agents(static_cast<double>(answer.agents), options.shrinkage);
    // The search settled the answer by evaluating it; only the ASA may be missing.
    if (least_met && least_met->agents == static_cast<double>(answer.agents)) {
        answer.metrics = *least_met;
        if (!with_asa) add_erlang_a_asa(traffic, answer.metrics);
    } else {
        answer.metrics = evaluator.at(answer.agents, true);
    }

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

}  // namespace

staffing_answer solve_staffing(const offered_traffic& traffic, const staffing_targets& targets,
                               const staffing_options& options) {
    return solve(traffic, targets, options, std::nullopt);
}

staffing_answer solve_staffing(const offered_traffic& traffic, const staffing_targets& targets,
                               const staffing_options& options, double guess) {
    return solve(traffic, targets, options, guess);
}

}  // namespace ccsim::erlang
