#include <gtest/gtest.h>

#include <array>
#include <set>

#include "demo/login.hpp"
#include "demo/random.hpp"

namespace kwm::demo {
namespace {

// xoshiro256** seeded through SplitMix64, as published by Blackman and Vigna; the values were computed by
// an independent implementation. If they change, every demo database and benchmark file changes with them.
TEST(DemoRandom, MatchesTheReferenceAlgorithm) {
  Random random(42);
  EXPECT_EQ(random.next(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(random.next(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(random.next(), 0xae17533239e499a1ULL);
}

TEST(DemoRandom, BelowStaysInRangeAndReachesBothEnds) {
  Random random(7);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto value = random.below(6);
    ASSERT_LT(value, 6u);
    seen.insert(value);
  }
  EXPECT_EQ(seen.size(), 6u);
}

TEST(DemoRandom, BetweenIncludesBothBounds) {
  Random random(8);
  bool low = false, high = false;
  for (int i = 0; i < 2000; ++i) {
    const auto value = random.between(-3, 3);
    ASSERT_GE(value, -3);
    ASSERT_LE(value, 3);
    low |= value == -3;
    high |= value == 3;
  }
  EXPECT_TRUE(low && high);
}

TEST(DemoRandom, WeightedNeverPicksAZeroWeight) {
  Random random(9);
  const std::array<std::uint32_t, 3> weights = {5, 0, 1};
  std::array<int, 3> counts{};
  for (int i = 0; i < 6000; ++i) ++counts[random.weighted(weights)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_GT(counts[0], counts[2] * 3);  // about 5:1
  EXPECT_GT(counts[2], 0);
}

TEST(DemoRandom, ForksAreReproducibleAndIndependent) {
  const Random parent(11);
  Random a = parent.fork(1), again = parent.fork(1), b = parent.fork(2);
  const auto first = a.next();
  EXPECT_EQ(first, again.next());
  EXPECT_NE(first, b.next());
}

TEST(DemoLogin, PasswordsAreFreshAndTypeable) {
  const std::string first = generate_password();
  const std::string second = generate_password();
  EXPECT_EQ(first.size(), 20u);
  EXPECT_NE(first, second);
  for (char c : first + second) {
    EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << c;
    EXPECT_EQ(std::string("0O1lI").find(c), std::string::npos) << c;
  }
}

}  // namespace
}  // namespace kwm::demo
