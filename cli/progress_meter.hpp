#pragma once
// Progress of a long run on stderr: a bar redrawn in place when stderr is a terminal
// (done/total, elapsed, ETA), one plain line per step otherwise (logs, CI).
#include <chrono>
#include <cstddef>
#include <string>

namespace ccsim::cli {

class progress_meter {
  public:
    progress_meter(std::string task, std::size_t total);
    /// One more step done; `note` says which and how it went.
    void step(const std::string& note);
    /// Ends the bar's line (terminal mode).
    void finish();

  private:
    std::string task_;
    std::size_t total_, done_ = 0;
    bool terminal_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace ccsim::cli
