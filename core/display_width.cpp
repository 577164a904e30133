#include "core/display_width.hpp"

namespace ccsim {

namespace {

struct character {
    char32_t code;
    std::size_t bytes;
};

// The character starting at `i`; a malformed byte counts as one character of one byte.
character decode(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80   ? 1
                               : byte < 0xc0 ? 1
                               : byte < 0xe0 ? 2
                               : byte < 0xf0 ? 3
                                             : 4;
    if (length == 1 || i + length > text.size()) return {byte, 1};
    char32_t code = byte & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    return {code, length};
}

// The ranges fmt treats as two columns wide when it pads (fmt/format.h, compute_width).
bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115f) || c == 0x2329 || c == 0x232a ||
           (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) || (c >= 0xac00 && c <= 0xd7a3) ||
           (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) ||
           (c >= 0xfe30 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xff60) ||
           (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x2fffd) ||
           (c >= 0x30000 && c <= 0x3fffd) || (c >= 0x1f300 && c <= 0x1f64f) ||
           (c >= 0x1f900 && c <= 0x1f9ff);
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const character c = decode(utf8, i);
        width += is_wide(c.code) ? 2 : 1;
        i += c.bytes;
    }
    return width;
}

std::string_view display_prefix(std::string_view utf8, std::size_t columns) {
    std::size_t width = 0, i = 0;
    while (i < utf8.size()) {
        const character c = decode(utf8, i);
        const std::size_t w = is_wide(c.code) ? 2 : 1;
        if (width + w > columns) break;
        width += w;
        i += c.bytes;
    }
    return utf8.substr(0, i);
}

}  // namespace ccsim
