#include "core/target_verdict.hpp"

#include <cmath>

namespace ccsim {

verdict judge(const estimate& e, double target) {
    if (std::isnan(e.mean) || std::isnan(e.ci_low) || std::isnan(e.ci_high))
        return verdict::undefined;
    if (e.ci_low >= target) return verdict::met;
    if (e.ci_high < target) return verdict::not_met;
    return verdict::uncertain;
}

const char* verdict_key(verdict v) {
    switch (v) {
        case verdict::met:
            return "met";
        case verdict::not_met:
            return "not_met";
        case verdict::uncertain:
            return "uncertain";
        case verdict::undefined:
            break;
    }
    return "undefined";
}

verdict all_targets(const std::vector<verdict>& each) {
    bool uncertain = false, undefined = each.empty();
    for (const verdict v : each) {
        if (v == verdict::not_met) return verdict::not_met;
        uncertain |= v == verdict::uncertain;
        undefined |= v == verdict::undefined;
    }
    if (uncertain) return verdict::uncertain;
    return undefined ? verdict::undefined : verdict::met;
}

}  // namespace ccsim
