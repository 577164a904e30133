#pragma once
// Whether an estimated figure meets a target it should reach ("service level >= 0.9"),
// judged on its confidence interval rather than on its mean alone.
#include <vector>

#include "core/estimate.hpp"

namespace ccsim {

enum class verdict {
    met,        // the whole confidence interval is at or above the target
    not_met,    // the whole confidence interval is below the target
    uncertain,  // the confidence interval spans the target: more replications may decide
    undefined,  // nothing to judge: the mean or an end of the confidence interval is NaN
};

/// met when e.ci_low >= target, not_met when e.ci_high < target, else uncertain (a CI that
/// touches the target from above counts as met). When the mean or either end of the interval
/// is NaN (no calls, so no figure; a single replication, so no interval) the verdict is
/// undefined, never met or not met.
verdict judge(const estimate& e, double target);

/// "met", "not_met", "uncertain", "undefined": the key files use.
const char* verdict_key(verdict v);

/// The verdict on several targets together ("are the targets met?"): not met when any is not
/// met, else uncertain when any is uncertain, else undefined when any is (or there are none),
/// else met.
verdict all_targets(const std::vector<verdict>& each);

}  // namespace ccsim
