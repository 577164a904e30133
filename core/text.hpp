#pragma once
// Small, locale-independent text helpers shared by the CLI and the file readers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim {

std::string_view trim(std::string_view text);

/// A whole string as a finite or infinite double ("1e3", "-2.5"); nullopt if anything is left over.
std::optional<double> parse_number(std::string_view text);

/// A whole string as a base-10 integer; nullopt if anything is left over.
std::optional<long> parse_integer(std::string_view text);

/// ASCII letters in lower case ("Mon" -> "mon"); other bytes as they are.
std::string lower_case(std::string_view text);

/// Splits on a single character, keeping empty fields.
std::vector<std::string_view> split(std::string_view text, char separator);

/// Levenshtein edit distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate within a small edit distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ccsim
