#include "core/date.hpp"

#include <charconv>
#include <fmt/format.h>

namespace kwm {
namespace {

std::optional<int> parse_digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!ymd.ok()) return std::nullopt;
  return Date(std::chrono::sys_days(ymd));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  if (text[4] == '-' && text[7] == '-') {
    auto y = parse_digits(text.substr(0, 4), 4), m = parse_digits(text.substr(5, 2), 2), d = parse_digits(text.substr(8, 2), 2);
    if (!y || !m || !d) return std::nullopt;
    return from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
  }
  if (text[2] == '-' && text[5] == '-') {
    auto d = parse_digits(text.substr(0, 2), 2), m = parse_digits(text.substr(3, 2), 2), y = parse_digits(text.substr(6, 4), 4);
    if (!y || !m || !d) return std::nullopt;
    return from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
  }
  return std::nullopt;
}

Date Date::today() {
  return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string Date::iso() const {
  const std::chrono::year_month_day ymd(days_);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Date Date::plus_months(int count) const {
  std::chrono::year_month_day ymd(days_);
  ymd += std::chrono::months(count);
  if (!ymd.ok()) ymd = std::chrono::year_month_day_last(ymd.year(), std::chrono::month_day_last(ymd.month()));
  return Date(std::chrono::sys_days(ymd));
}

}  // namespace kwm
