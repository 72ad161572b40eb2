#pragma once
// How an enum is written in CSV files, the JSON API and the database: one table per enum, declared beside
// the enum as a specialisation of Spelling<E>:
//   template <> struct Spelling<org::Pillar> {
//     static constexpr SpellingTable<org::Pillar, 3> names{{{org::Pillar::Care, "care"}, ...}};
//   };
// The wire format (core/wire.hpp), the CSV rules and the store all read the same table.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace kwm {

template <typename E>
struct Spelling;

template <typename E, std::size_t N>
using SpellingTable = std::array<std::pair<E, std::string_view>, N>;

template <typename E>
concept Spelled = std::is_enum_v<E> && requires { Spelling<E>::names; };

template <Spelled E>
constexpr std::string_view spell(E value) {
  for (const auto& [candidate, name] : Spelling<E>::names)
    if (candidate == value) return name;
  return Spelling<E>::names.front().second;
}

// The value with exactly this spelling, or none.
template <Spelled E>
constexpr std::optional<E> parse_spelling(std::string_view text) {
  for (const auto& [value, name] : Spelling<E>::names)
    if (name == text) return value;
  return std::nullopt;
}

// "a, b, c": for messages that list what is allowed.
template <Spelled E>
std::string allowed_spellings() {
  std::string text;
  for (const auto& [value, name] : Spelling<E>::names) {
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text;
}

}  // namespace kwm
