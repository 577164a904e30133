#pragma once
// What a language file of the message catalogue is made of (messages_en.cpp,
// messages_zh.cpp): one entry per message, in the order of `msg`, checked at compile time.
#include <cstddef>
#include <string_view>

#include "report/messages.hpp"

namespace ccsim::report::detail {

struct catalogue_entry {
    msg id;
    std::string_view text;
};

/// Every message once, in the order of `msg`, none empty.
template <std::size_t N>
consteval bool complete(const catalogue_entry (&entries)[N]) {
    if (N != static_cast<std::size_t>(msg_count)) return false;
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(entries[i].id) != i || entries[i].text.empty()) return false;
    return true;
}

std::string_view english_text(msg m);
std::string_view chinese_text(msg m);

}  // namespace ccsim::report::detail
