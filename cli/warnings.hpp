#pragma once
// Warnings on stderr ("warning: ..."): what was read is legal and runs as written, but is
// probably not what was meant. They never change the exit code.
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::cli {

void warn(std::string_view message);
void warn_all(const std::vector<std::string>& messages);

/// Warns when the option's value is a bare number of seconds below `plausible` (--interval 30).
void warn_bare_seconds(std::string_view option, std::string_view text, double plausible);

}  // namespace ccsim::cli
