#include "sim/contact_centre.hpp"

#include "sim/replication.hpp"

namespace ccsim::sim {

namespace {
const scenario& validated(const scenario& s) {
    validate(s);
    return s;
}
}  // namespace

contact_centre::contact_centre(scenario s)
    : scenario_(std::move(s)), router_(validated(scenario_)), roster_(scenario_) {}

replication_statistics contact_centre::simulate_replication(std::uint64_t seed,
                                                            std::uint64_t index) const {
    return replication(*this, seed, index).run();
}

}  // namespace ccsim::sim
