#include "competence/text.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace kwm::competence::text {

std::string dutch_number(double value, int decimals) {
  // Negative zero after rounding would print as "-0,00".
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0) rounded = 0.0;
  std::string out = fmt::format("{:.{}f}", rounded, decimals);
  for (char& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

std::string plain_number(double value) {
  std::string text = fmt::format("{:.4f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string dutch_date(Date date) {
  static constexpr std::array<const char*, 12> months = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                                         "juli",    "augustus", "september", "oktober", "november", "december"};
  const std::chrono::year_month_day ymd{date.days()};
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), months[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<int>(ymd.year()));
}

std::string dutch_percentage(double share) { return fmt::format("{:.0f}%", std::round(share * 100.0)); }

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (unsigned char c : text) {
    const bool ascii_alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (ascii_alnum || c >= 0x80) {
      current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      continue;
    }
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string dutch_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " en " : ", ";
    out += items[i];
  }
  return out;
}

std::string quoted(std::string_view name) { return fmt::format("\u2018{}\u2019", name); }

}  // namespace kwm::competence::text
