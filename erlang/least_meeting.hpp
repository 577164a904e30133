#pragma once
// The staffing search: the least whole number that meets a condition which, once met, stays
// met as the number grows.
#include <algorithm>
#include <cmath>
#include <optional>

namespace ccsim::erlang {

/// The least n in [lowest, highest] with slack(n) >= 0, for a slack that never falls as n
/// grows; nullopt when slack(highest) < 0. The answer is settled by evaluations, never by
/// prediction: slack(n) >= 0 was evaluated, and so was slack(n - 1) < 0 unless n == lowest.
/// So it does not depend on `guess` (any value; clamped) or on the slack's shape, which only
/// decide how many evaluations it takes.
///
/// Each step aims at the zero of the straight line through the two evaluations nearest the
/// zero (secant) and evaluates the count it predicts to be the answer, or its neighbour below
/// when that one is known to meet: with a nearly linear slack and a guess within an agent,
/// that is two evaluations. From a single evaluation it tries the neighbour; while the answer
/// is not yet bracketed, unaimed steps double. Every evaluation lies strictly inside the
/// bracket, and after `aimed_limit` aimed steps the bracket is halved instead, so the worst
/// case stays logarithmic in highest - lowest.
template <class Slack>
std::optional<long> least_meeting(long lowest, long highest, double guess, Slack&& slack) {
    if (highest < lowest) return std::nullopt;
    constexpr int aimed_limit = 12;
    // slack(bad) < 0 <= slack(good) as far as evaluated; lowest - 1 and highest + 1 stand for
    // ends not evaluated (the answer is at least lowest; highest + 1 means none).
    long bad = lowest - 1, good = highest + 1;
    struct point {
        long n;
        double slack;
    };
    std::optional<point> nearest, second;  // by |slack|
    long stride = 1;                       // unaimed step while not bracketed
    int aimed = 0;
    const double start = std::isfinite(guess) ? std::ceil(guess) : static_cast<double>(lowest);
    long next = static_cast<long>(
        std::clamp(start, static_cast<double>(lowest), static_cast<double>(highest)));
    while (true) {
        const double s = slack(next);
        (s >= 0.0 ? good : bad) = next;
        if (good - bad <= 1) break;
        const point p{next, s};
        if (!nearest || std::abs(s) < std::abs(nearest->slack)) {
            second = nearest;
            nearest = p;
        } else if (!second || std::abs(s) < std::abs(second->slack)) {
            second = p;
        }

        // The real-valued zero of the secant, when it rises.
        std::optional<double> zero;
        if (second && aimed < aimed_limit) {
            const double rise =
                (nearest->slack - second->slack) / static_cast<double>(nearest->n - second->n);
            if (rise > 0.0 && std::isfinite(rise))
                zero = static_cast<double>(nearest->n) - nearest->slack / rise;
        }
        const bool bracketed = bad >= lowest && good <= highest;
        if (zero) {
            ++aimed;
            // The least count on or above the zero is the predicted answer; if it is known
            // to meet, its neighbour below is the one to test.
            const double aim = std::clamp(std::ceil(*zero), static_cast<double>(bad + 1),
                                          static_cast<double>(good - 1));
            next = static_cast<long>(aim);
        } else if (bracketed) {
            next = bad + (good - bad) / 2;
        } else if (good <= highest) {  // only counts that meet so far: walk down
            next = std::max(bad + 1, good - stride);
            stride *= 2;
        } else {  // only counts that fail so far: walk up
            next = std::min(good - 1, bad + stride);
            stride *= 2;
        }
    }
    if (good > highest) return std::nullopt;
    return good;
}

}  // namespace ccsim::erlang
