#pragma once
// The small exception tree that the CLI maps to exit codes:
//   config_error   a bad command line (unknown option, malformed value)      -> exit 2
//   scenario_error a bad input file, with file:line:column, key, rule, value -> exit 2
//   output_error   a file or folder that cannot be written (read-only folder, full disk),
//                  naming the path and the system's reason                   -> exit 2
//   domain_error   a well-formed request the model cannot satisfy            -> exit 3
// Engine invariants are asserts, not exceptions.
#include <stdexcept>
#include <string>
#include <string_view>

namespace ccsim {

class error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class config_error : public error {
  public:
    using error::error;
};

/// Where in an input file something was found. line and column are 1-based; 0 means unknown.
struct file_location {
    std::string file;
    int line = 0;
    int column = 0;
};

/// "FILE:LINE:COL: KEY: RULE (got VALUE)". Any part that is unknown is left out.
class scenario_error : public error {
  public:
    scenario_error(file_location where, std::string key, std::string rule, std::string value = {});
    const file_location& where() const { return where_; }
    const std::string& key() const { return key_; }

  private:
    file_location where_;
    std::string key_;
};

/// "PATH: cannot write the file: No space left on device".
class output_error : public error {
  public:
    output_error(const std::string& path, std::string_view what, int system_error);
    explicit output_error(const std::string& message) : error(message) {}
};

class domain_error : public error {
  public:
    using error::error;
};

inline constexpr int exit_ok = 0;
inline constexpr int exit_partial_failure = 1;  // a batch where some scenarios failed
inline constexpr int exit_bad_input = 2;
inline constexpr int exit_infeasible = 3;
inline constexpr int exit_internal = 4;

/// Formats a location as "file:line:column" with unknown parts left out.
std::string to_string(const file_location& where);

}  // namespace ccsim
