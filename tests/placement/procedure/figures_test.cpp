#include "placement/procedure/figures.hpp"

#include <gtest/gtest.h>

namespace kwm::placement::procedure {
namespace {

RunPerson person(std::string unit, double fte, bool placed, std::optional<int> rank = std::nullopt, std::int64_t suitability = 0,
                 org::Contract contract = org::Contract::Permanent) {
  RunPerson p;
  p.unit_code = unit;
  p.unit_name = "Eenheid " + unit;
  p.fte = Fte::from_double(fte);
  p.contract = contract;
  p.education = org::EducationLevel::Hbo;
  p.placed = placed;
  p.preference_rank = rank;
  if (placed) p.suitability_centi = suitability;
  return p;
}

std::vector<RunPerson> people() {
  return {person("A", 1.0, true, 1, 8000),  person("A", 0.8, true, 2, 6000), person("A", 0.6, false),
          person("A", 1.0, true, 1, 7000),  person("A", 1.0, true, std::nullopt, 5000, org::Contract::Temporary),
          person("B", 0.5, false),          person("B", 1.0, true, 3, 9000)};
}

TEST(ProcedureFigures, CountPlacedSurplusPreferencesAndAverageSuitability) {
  const auto all = people();
  const Figures f = figures_of(all, 3, 4);
  EXPECT_EQ(f.employees, 7);
  EXPECT_EQ(f.placed, 5);
  EXPECT_EQ(f.surplus, 2);
  EXPECT_EQ(f.on_preference, (std::vector<std::int64_t>{2, 1, 1}));
  EXPECT_DOUBLE_EQ(f.share_on_preference(0), 2.0 / 7.0);
  ASSERT_TRUE(f.average_suitability.has_value());
  EXPECT_DOUBLE_EQ(*f.average_suitability, 70.0);
  EXPECT_EQ(f.open_slots, 4);
}

TEST(ProcedureFigures, GroupsBySmallerGroupsSuppressedForAggregateViewers) {
  const auto all = people();
  const Summary hr = summarise(all, 3, 0, 0);
  ASSERT_EQ(hr.groups.size(), 4u);
  const GroupSet& units = hr.groups[0];
  ASSERT_EQ(units.groups.size(), 2u);
  EXPECT_EQ(units.groups[1].key, "B");
  EXPECT_FALSE(units.groups[1].suppressed);
  EXPECT_EQ(units.groups[1].figures.placed, 1);

  const Summary council = summarise(all, 3, 0, kMinGroupForAggregates);
  EXPECT_FALSE(council.groups[0].groups[0].suppressed);  // A: 5 people
  EXPECT_TRUE(council.groups[0].groups[1].suppressed);   // B: 2 people
  EXPECT_EQ(council.groups[0].groups[1].figures.employees, 0);
  EXPECT_EQ(council.figures.employees, 7);  // the whole run is never suppressed

  const GroupSet& hours = hr.groups[1];
  ASSERT_EQ(hours.groups.size(), 2u);
  EXPECT_EQ(hours.groups[0].key, "full_time");
  EXPECT_EQ(hours.groups[0].figures.employees, 4);
  EXPECT_EQ(hours.groups[1].key, "part_time");
  EXPECT_EQ(hours.groups[1].figures.surplus, 2);
}

}  // namespace
}  // namespace kwm::placement::procedure
