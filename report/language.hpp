#pragma once
// The languages reports are written in: English, and Simplified Chinese with the department's
// own terms (docs/reports.md). Numbers and times have one format in both.
#include <optional>
#include <string_view>

namespace ccsim::report {

enum class language { en, zh };

/// "en" or "zh"; nullopt for anything else.
std::optional<language> parse_language(std::string_view text);

/// The language a locale names: zh when it starts with "zh" ("zh_CN.UTF-8"), else en. The
/// caller passes the environment's LANG (libraries read no environment).
language language_of_locale(std::string_view locale);

/// The page's lang attribute: "en" or "zh-CN".
std::string_view language_tag(language l);

}  // namespace ccsim::report
