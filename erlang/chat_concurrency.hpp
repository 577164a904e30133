#pragma once
// How many chats an agent holds at once, and how concurrency slows each of them down.
#include <string>
#include <vector>

namespace ccsim::erlang {

/// An agent holds at most `max_chats` chats at once. While it holds j of them, each progresses
/// at rate 1 / factors[j - 1]: a chat's mean remaining duration is stretched by f(j) =
/// factors[j - 1] (f(1) = 1 usually; e.g. {1.0, 1.2, 1.45}). With exponential handle times of
/// mean AHT (alone), each of the agent's j chats ends at rate 1 / (AHT f(j)).
struct chat_concurrency {
    int max_chats = 1;
    std::vector<double> factors{1.0};  // f(1), ..., f(max_chats)

    /// Every factor 1 (and one slot): the voice model.
    static chat_concurrency single() { return {}; }

    /// `max_chats` slots with factor 1 at every level: M/M/(n k).
    static chat_concurrency constant(int max_chats);

    /// f(j) for j = 1..max_chats.
    double factor(int j) const { return factors[static_cast<std::size_t>(j - 1)]; }

    /// f(k): the stretch while all slots are taken.
    double full_factor() const { return factor(max_chats); }

    /// What is wrong, without naming any option or key ("max_chats must be >= 1 (got 0)"),
    /// or empty when the configuration is usable: max_chats in [1, 64], one factor per
    /// level, every factor finite and > 0.
    std::string problem() const;
};

}  // namespace ccsim::erlang
