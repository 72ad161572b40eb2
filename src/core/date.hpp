#pragma once
// Calendar dates without time zones: contract ends, hire dates, deadlines.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kwm {

class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  // Accepts YYYY-MM-DD and DD-MM-YYYY (the Dutch spreadsheet habit); empty optional on anything else,
  // including dates that do not exist such as 2025-02-30.
  static std::optional<Date> parse(std::string_view text);
  static Date today();

  std::string iso() const;  // YYYY-MM-DD
  constexpr std::chrono::sys_days days() const { return days_; }
  Date plus_days(int count) const { return Date(days_ + std::chrono::days(count)); }
  Date plus_months(int count) const;

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  std::chrono::sys_days days_{};
};

}  // namespace kwm
