#include "core/date.hpp"

#include <gtest/gtest.h>

namespace kwm {
namespace {

TEST(Date, ParsesIsoAndDutchOrder) {
  EXPECT_EQ(Date::parse("2026-03-01")->iso(), "2026-03-01");
  EXPECT_EQ(Date::parse("01-03-2026")->iso(), "2026-03-01");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::parse("2026-02-30"));
  EXPECT_FALSE(Date::parse("2026/03/01"));
  EXPECT_FALSE(Date::parse("1-3-2026"));
  EXPECT_FALSE(Date::parse("2026-13-01"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(Date, AddsMonthsClampingToMonthEnd) {
  EXPECT_EQ(Date::parse("2026-08-31")->plus_months(6).iso(), "2027-02-28");
  EXPECT_EQ(Date::parse("2026-01-15")->plus_months(6).iso(), "2026-07-15");
  EXPECT_LT(*Date::parse("2026-01-15"), *Date::parse("2026-01-16"));
}

}  // namespace
}  // namespace kwm
