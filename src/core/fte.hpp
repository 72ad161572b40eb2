#pragma once
// FTE as an exact count of thousandths: roll-ups over thousands of positions must add up to the cent,
// which doubles do not promise.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kwm {

class Fte {
 public:
  constexpr Fte() = default;
  static constexpr Fte from_milli(std::int64_t milli) { return Fte(milli); }
  static Fte from_double(double value);
  // Accepts "0.8", "1", and, when decimal_comma is set, "0,8". Empty optional on anything else.
  static std::optional<Fte> parse(std::string_view text, bool decimal_comma = false);

  constexpr std::int64_t milli() const { return milli_; }
  double value() const { return static_cast<double>(milli_) / 1000.0; }
  std::string to_string() const;  // "0.8", "1", "12.375"

  constexpr Fte& operator+=(Fte other) { milli_ += other.milli_; return *this; }
  constexpr Fte& operator-=(Fte other) { milli_ -= other.milli_; return *this; }
  friend constexpr Fte operator+(Fte a, Fte b) { return Fte(a.milli_ + b.milli_); }
  friend constexpr Fte operator-(Fte a, Fte b) { return Fte(a.milli_ - b.milli_); }
  friend constexpr auto operator<=>(Fte, Fte) = default;

 private:
  constexpr explicit Fte(std::int64_t milli) : milli_(milli) {}
  std::int64_t milli_ = 0;
};

}  // namespace kwm
