#include "io/iso_time.hpp"

#include <chrono>

#include "core/text.hpp"

namespace ccsim::io {

std::optional<seconds> parse_iso_date_time(std::string_view text) {
    text = trim(text);
    if (text.size() < 16 || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != ' '))
        return std::nullopt;
    const auto year = parse_integer(text.substr(0, 4));
    const auto month = parse_integer(text.substr(5, 2));
    const auto day = parse_integer(text.substr(8, 2));
    const auto clock = parse_time_of_day(text.substr(11));
    if (!year || !month || !day || !clock || *clock >= seconds{86400.0}) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{static_cast<int>(*year)},
                                           std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) return std::nullopt;
    const auto days = std::chrono::sys_days{date}.time_since_epoch().count();
    return seconds{static_cast<double>(days) * 86400.0} + *clock;
}

}  // namespace ccsim::io
