#pragma once
// How a simulation was run, as its reports state it.
#include <cstdint>
#include <string>

namespace ccsim::report {

struct run_description {
    std::string scenario_name;
    std::string scenario_file;  // empty for the quick form
    int replications = 0;
    std::uint64_t seed = 0;
    int threads = 1;
};

}  // namespace ccsim::report
