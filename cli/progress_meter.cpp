#include "cli/progress_meter.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <cstdio>

#include "core/display_width.hpp"

namespace ccsim::cli {

progress_meter::progress_meter(std::string task, std::size_t total)
    : task_(std::move(task)),
      total_(total),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

void progress_meter::step(const std::string& note) {
    ++done_;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double eta =
        done_ > 0 ? elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_)
                  : 0.0;
    if (!terminal_) {
        std::fprintf(
            stderr, "%s\n",
            fmt::format("{} {}/{}: {} ({:.1f} s elapsed)", task_, done_, total_, note, elapsed)
                .c_str());
        return;
    }
    constexpr std::size_t width = 30;
    const std::size_t filled = total_ > 0 ? width * done_ / total_ : width;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::string line = fmt::format("\r{} [{}] {}/{}  {:.1f}s elapsed  ETA {:.0f}s  {}", task_, bar,
                                   done_, total_, elapsed, eta, note);
    // One terminal line, cut between characters and padded by columns (names may be CJK).
    const std::string_view shown = display_prefix(line, 118);
    std::fprintf(stderr, "%s",
                 fmt::format("{}{:{}}", shown, "", 118 - display_width(shown)).c_str());
    std::fflush(stderr);
}

void progress_meter::finish() {
    if (terminal_) std::fprintf(stderr, "\n");
}

}  // namespace ccsim::cli
