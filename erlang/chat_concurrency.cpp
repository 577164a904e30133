#include "erlang/chat_concurrency.hpp"

#include <fmt/format.h>
#include <cmath>

namespace ccsim::erlang {

chat_concurrency chat_concurrency::constant(int max_chats) {
    return chat_concurrency{max_chats,
                            std::vector<double>(static_cast<std::size_t>(max_chats), 1.0)};
}

std::string chat_concurrency::problem() const {
    // 64 is far beyond any real chat desk and keeps the chain's binomial counts in range.
    if (max_chats < 1 || max_chats > 64)
        return fmt::format("max_chats must be in [1, 64] (got {})", max_chats);
    if (factors.size() != static_cast<std::size_t>(max_chats))
        return fmt::format(
            "one concurrency factor per chat level is needed: {} for max_chats {} "
            "(got {})",
            max_chats, max_chats, factors.size());
    for (std::size_t j = 0; j < factors.size(); ++j)
        if (!(std::isfinite(factors[j]) && factors[j] > 0.0))
            return fmt::format("concurrency factor {} must be a number > 0 (got {})", j + 1,
                               factors[j]);
    return {};
}

}  // namespace ccsim::erlang
