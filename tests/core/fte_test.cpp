#include "core/fte.hpp"

#include <gtest/gtest.h>

namespace kwm {
namespace {

TEST(Fte, ParsesPointAndCommaDecimals) {
  EXPECT_EQ(Fte::parse("0.8")->milli(), 800);
  EXPECT_EQ(Fte::parse("1")->milli(), 1000);
  EXPECT_EQ(Fte::parse("0,75", true)->milli(), 750);
  EXPECT_EQ(Fte::parse(".5")->milli(), 500);
  EXPECT_EQ(Fte::parse("12.375")->milli(), 12375);
}

TEST(Fte, RejectsWhatIsNotAnFte) {
  EXPECT_FALSE(Fte::parse(""));
  EXPECT_FALSE(Fte::parse("abc"));
  EXPECT_FALSE(Fte::parse("-1"));
  EXPECT_FALSE(Fte::parse("0,8"));  // a comma without the semicolon dialect is not a decimal separator
  EXPECT_FALSE(Fte::parse("0.1234"));
  EXPECT_FALSE(Fte::parse("1."));
}

TEST(Fte, PrintsShortestForm) {
  EXPECT_EQ(Fte::from_milli(800).to_string(), "0.8");
  EXPECT_EQ(Fte::from_milli(2000).to_string(), "2");
  EXPECT_EQ(Fte::from_milli(12375).to_string(), "12.375");
  EXPECT_EQ((Fte::from_milli(100) + Fte::from_milli(200)).to_string(), "0.3");
}

}  // namespace
}  // namespace kwm
