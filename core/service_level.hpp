#pragma once
// A service level target is a value: "90% within 15 seconds".
#include "core/duration.hpp"

namespace ccsim {

/// Which calls the service level is a share of. Contact centres quote both; ccsim reports
/// both and says which one a target refers to.
enum class service_level_basis {
    offered,   // answered within T / offered (abandoned calls count against)
    answered,  // answered within T / answered
};

struct service_level_target {
    double fraction = 0.9;
    seconds threshold{15.0};
    service_level_basis basis = service_level_basis::offered;
};

}  // namespace ccsim
