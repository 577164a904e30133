#pragma once
// How many terminal columns UTF-8 text fills: East Asian wide characters (CJK, Hangul,
// full-width forms, most emoji) take two, every other character one. Tables pad with fmt,
// which counts the same way, so measuring with this keeps columns aligned whatever the names.
#include <cstddef>
#include <string_view>

namespace ccsim {

std::size_t display_width(std::string_view utf8);

/// The longest prefix of `utf8` that fills at most `columns` columns, cut between characters
/// (never inside one).
std::string_view display_prefix(std::string_view utf8, std::size_t columns);

}  // namespace ccsim
