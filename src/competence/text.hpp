#pragma once
// Small text helpers shared by the competence library: Dutch number and date spelling for the messages
// people read, and the word splitting the ascriptive-trait rule needs. Internal to kwm_competence.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace kwm::competence::text {

// 1.5 -> "1,50" (decimal comma, as Dutch readers expect).
std::string dutch_number(double value, int decimals = 2);
// 3.5 -> "3.5", 3.0 -> "3": a point, at most four decimals, as files and audit entries write numbers.
std::string plain_number(double value);
// 2026-07-01 -> "1 juli 2026".
std::string dutch_date(Date date);
// 0.925 -> "93%".
std::string dutch_percentage(double share);
// Lower-cased ASCII words; every byte that is not an ASCII letter or digit separates words, except that
// UTF-8 sequences stay inside the word they are part of ("cliënt" is one word).
std::vector<std::string> words(std::string_view text);
// "a, b en c" for the lists inside messages.
std::string dutch_list(const std::vector<std::string>& items);
// "‘name’" — the typographic quotes the product's Dutch texts use around names.
std::string quoted(std::string_view name);

// The value whose to_string() spelling is `text`, among `values`; empty for any other text.
template <class Enum>
std::optional<Enum> enum_from_string(std::string_view text, std::initializer_list<Enum> values) {
  for (Enum value : values) {
    if (to_string(value) == text) return value;
  }
  return std::nullopt;
}

}  // namespace kwm::competence::text
