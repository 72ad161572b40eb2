#include "core/fte.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace kwm {

Fte Fte::from_double(double value) { return Fte(static_cast<std::int64_t>(std::llround(value * 1000.0))); }

std::optional<Fte> Fte::parse(std::string_view text, bool decimal_comma) {
  if (text.empty()) return std::nullopt;
  const char separator = decimal_comma ? ',' : '.';
  const auto sep_pos = text.find(separator);
  std::string_view whole = text.substr(0, sep_pos);
  std::string_view fraction = sep_pos == std::string_view::npos ? std::string_view{} : text.substr(sep_pos + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (sep_pos != std::string_view::npos && fraction.empty()) return std::nullopt;
  if (fraction.size() > 3) return std::nullopt;  // FTE is kept in thousandths; more digits would be lost
  std::int64_t whole_value = 0;
  if (!whole.empty()) {
    auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), whole_value);
    if (ec != std::errc{} || end != whole.data() + whole.size() || whole_value < 0) return std::nullopt;
  }
  std::int64_t fraction_value = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    fraction_value *= 10;
    if (i < fraction.size()) {
      if (fraction[i] < '0' || fraction[i] > '9') return std::nullopt;
      fraction_value += fraction[i] - '0';
    }
  }
  if (whole_value > 1'000'000'000) return std::nullopt;
  return Fte(whole_value * 1000 + fraction_value);
}

std::string Fte::to_string() const {
  const bool negative = milli_ < 0;
  const std::int64_t magnitude = negative ? -milli_ : milli_;
  std::string text = fmt::format("{}{}", negative ? "-" : "", magnitude / 1000);
  std::int64_t fraction = magnitude % 1000;
  if (fraction == 0) return text;
  std::string digits = std::to_string(1000 + fraction).substr(1);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return text + "." + digits;
}

}  // namespace kwm
