#pragma once
// `ccsim erlang --channel chat`: the chat desk with concurrent sessions per agent
// (erlang/chat_*), evaluated or staffed, with the usual voice shortcut beside it.
#include "cli/command_line.hpp"

namespace ccsim::cli {

/// --max-chats, --concurrency.
void add_chat_options(po::options_description& options);

/// The options only the chat channel takes.
inline constexpr const char* chat_only_options[] = {"max-chats", "concurrency"};

/// Runs the chat figures for parsed `ccsim erlang` options; returns the exit code.
int run_chat_erlang(const po::variables_map& values);

}  // namespace ccsim::cli
