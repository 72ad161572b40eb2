#pragma once
// The demo generator's own pseudo-random numbers. The standard distributions (uniform_int_distribution and
// friends) may give different numbers on different standard libraries, so the same seed would not give the
// same demo everywhere; xoshiro256** with integer-only draws does.
#include <array>
#include <cstdint>
#include <span>

namespace kwm::demo {

class Random {
 public:
  explicit Random(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, bound); bound must be positive. Unbiased (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t bound);
  // Uniform in [low, high], both included.
  std::int64_t between(std::int64_t low, std::int64_t high);
  // True with probability per_mille / 1000.
  bool chance(std::uint32_t per_mille);
  // An index drawn with probability proportional to its weight; the weights must not all be zero.
  std::size_t weighted(std::span<const std::uint32_t> weights);

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(below(items.size()))];
  }

  // An independent stream derived from this generator's seed and a label, so that what one municipality or
  // unit draws does not shift when another one changes.
  Random fork(std::uint64_t label) const;

 private:
  std::uint64_t seed_;
  std::array<std::uint64_t, 4> state_{};
};

}  // namespace kwm::demo
