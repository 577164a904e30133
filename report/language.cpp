#include "report/language.hpp"

namespace ccsim::report {

std::optional<language> parse_language(std::string_view text) {
    if (text == "en") return language::en;
    if (text == "zh") return language::zh;
    return std::nullopt;
}

language language_of_locale(std::string_view locale) {
    return locale.substr(0, 2) == "zh" ? language::zh : language::en;
}

std::string_view language_tag(language l) {
    return l == language::zh ? "zh-CN" : "en";
}

}  // namespace ccsim::report
