#include "placement/procedure/text.hpp"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace kwm::placement::procedure::text {

std::string centi(std::int64_t hundredths) {
  const bool negative = hundredths < 0;
  const std::int64_t magnitude = negative ? -hundredths : hundredths;
  std::string out = fmt::format("{}{}", negative ? "-" : "", magnitude / 100);
  const std::int64_t fraction = magnitude % 100;
  if (fraction == 0) return out;
  return fraction % 10 == 0 ? fmt::format("{},{}", out, fraction / 10) : fmt::format("{},{:02}", out, fraction);
}

std::string number(double value) { return centi(std::llround(value * 100.0)); }

std::string fte(Fte value) {
  std::string digits = value.to_string();
  for (char& c : digits)
    if (c == '.') c = ',';
  return digits + " fte";
}

std::string date(Date value) {
  static constexpr const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                            "juli",    "augustus", "september", "oktober", "november", "december"};
  const std::chrono::year_month_day ymd(value.days());
  return fmt::format("{} {} {}", static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<int>(ymd.year()));
}

std::string points(std::int64_t hundredths) {
  return fmt::format("{} {}", centi(hundredths), hundredths == 100 ? "punt" : "punten");
}

}  // namespace kwm::placement::procedure::text
