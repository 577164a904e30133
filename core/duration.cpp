#include "core/duration.hpp"

#include <fmt/format.h>
#include <cmath>
#include <vector>

#include "core/text.hpp"

namespace ccsim {

namespace {

struct unit {
    std::string_view suffix;
    double seconds;
};
// Longest suffixes first so that "min" is not read as "m" + "in".
constexpr unit units[] = {{"ms", 0.001}, {"min", 60.0}, {"sec", 1.0},
                          {"s", 1.0},    {"h", 3600.0}, {"d", 86400.0}};

}  // namespace

std::optional<seconds> parse_duration(std::string_view text) {
    text = trim(text);
    double scale = 1.0;
    for (const unit& u : units) {
        if (text.size() > u.suffix.size() && text.ends_with(u.suffix)) {
            text.remove_suffix(u.suffix.size());
            scale = u.seconds;
            break;
        }
    }
    const std::optional<double> value = parse_number(trim(text));
    if (!value || !std::isfinite(*value)) return std::nullopt;
    // Scaling can overflow ("1e308h"): the product is what must be finite. Adding 0.0 turns
    // a negative zero into zero, so that "-0s" never prints as "-0s".
    const double scaled = *value * scale + 0.0;
    if (!std::isfinite(scaled)) return std::nullopt;
    return seconds{scaled};
}

std::optional<seconds> parse_time_of_day(std::string_view text) {
    const std::vector<std::string_view> pieces = split(trim(text), ':');
    if (pieces.size() < 2 || pieces.size() > 3) return std::nullopt;
    int parts[3] = {0, 0, 0};
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const std::optional<long> v = parse_integer(pieces[i]);
        if (!v || pieces[i].empty() || pieces[i].size() > 2 || pieces[i][0] == '+' || *v < 0)
            return std::nullopt;
        parts[i] = static_cast<int>(*v);
    }
    const int h = parts[0], m = parts[1], s = parts[2];
    if (m > 59 || s > 59 || h > 24 || (h == 24 && (m > 0 || s > 0))) return std::nullopt;
    return seconds{h * 3600.0 + m * 60.0 + s};
}

std::string format_duration(seconds d) {
    const double s = d.count();
    if (!std::isfinite(s)) return s > 0 ? "inf" : "nan";
    const double a = std::abs(s);
    if (a >= 3600.0 && std::fmod(a, 900.0) == 0.0) return fmt::format("{:g}h", s / 3600.0);
    if (a >= 60.0 && std::fmod(a, 6.0) == 0.0) return fmt::format("{:g}min", s / 60.0);
    return fmt::format("{:g}s", s);
}

std::string format_time_of_day(seconds t) {
    const long total = std::lround(t.count());
    const long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
    if (s != 0) return fmt::format("{:02}:{:02}:{:02}", h, m, s);
    return fmt::format("{:02}:{:02}", h, m);
}

}  // namespace ccsim
