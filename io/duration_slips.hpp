#pragma once
// Warnings, not errors: durations written as a bare number of seconds that are implausibly
// short for their key (`interval = 30`, a break `length = "15"`), each with its place in the
// file and how to write what was probably meant. A legal file still runs as written.
#include <toml++/toml.h>
#include <string>
#include <vector>

namespace ccsim::io {

/// "FILE:LINE:COL: KEY: '15' is read as 15 seconds; write ..." for every key of the schema
/// marked with a plausible least duration (key_spec::slip_below), in document order.
std::vector<std::string> duration_slips(const toml::table& document);

}  // namespace ccsim::io
