#include <gtest/gtest.h>

#include "core/error.hpp"
#include "org/formation.hpp"

namespace kwm::org {
namespace {

Fte fte(std::int64_t milli) { return Fte::from_milli(milli); }

// Department 1 > sector 2 > teams 3 and 4; unit 5 is a second root.
const std::vector<UnitNode> kUnits{{1, std::nullopt}, {2, 1}, {3, 2}, {4, 2}, {5, std::nullopt}};

const std::vector<PositionLine> kPositions{
    {3, 10, PositionKind::Structural, fte(2000)},
    {3, 10, PositionKind::Temporary, fte(500)},
    {3, 11, PositionKind::Structural, fte(1000)},
    {4, 10, PositionKind::Structural, fte(1000)},
    {2, 12, PositionKind::Structural, fte(1000)},
    {99, 10, PositionKind::Structural, fte(7000)},  // a unit outside the tree: ignored
};

const std::vector<StaffLine> kStaff{
    {3, 10, Engagement::Employee, fte(1800), 2},
    {3, 10, Engagement::Secondment, fte(900), 1},
    {3, 11, Engagement::Hired, fte(400), 1},
    {3, std::nullopt, Engagement::Secondment, fte(600), 1},  // external without a function level: fills nothing
    {4, 10, Engagement::Employee, fte(1500), 2},             // more than budgeted: no vacancy, no surplus filling
};

struct Expected {
  std::int64_t unit;
  bool total;
  std::int64_t budgeted, filled, vacant, external, temporary, staff, people, externals;
};

TEST(FormationRollUp, OwnAndTotalFiguresPerUnit) {
  const Expected table[] = {
      // unit, total?, budgeted, filled, vacant, external, temporary, staff, people, externals
      {3, false, 3500, 2900, 600, 1900, 500, 3700, 5, 3},
      {3, true, 3500, 2900, 600, 1900, 500, 3700, 5, 3},
      {4, false, 1000, 1000, 0, 0, 0, 1500, 2, 0},
      {2, false, 1000, 0, 1000, 0, 0, 0, 0, 0},
      {2, true, 5500, 3900, 1600, 1900, 500, 5200, 7, 3},
      {1, false, 0, 0, 0, 0, 0, 0, 0, 0},
      {1, true, 5500, 3900, 1600, 1900, 500, 5200, 7, 3},
      {5, true, 0, 0, 0, 0, 0, 0, 0, 0},
  };
  const FormationTree tree = roll_up(kUnits, kPositions, kStaff);
  ASSERT_EQ(tree.size(), kUnits.size());
  for (const Expected& e : table) {
    SCOPED_TRACE(testing::Message() << "unit " << e.unit << (e.total ? " total" : " own"));
    const Formation& f = e.total ? tree.at(e.unit).total : tree.at(e.unit).own;
    EXPECT_EQ(f.budgeted.milli(), e.budgeted);
    EXPECT_EQ(f.filled.milli(), e.filled);
    EXPECT_EQ(f.vacant.milli(), e.vacant);
    EXPECT_EQ(f.external.milli(), e.external);
    EXPECT_EQ(f.temporary.milli(), e.temporary);
    EXPECT_EQ(f.staff.milli(), e.staff);
    EXPECT_EQ(f.people, e.people);
    EXPECT_EQ(f.externals, e.externals);
  }
}

TEST(FormationRollUp, SharesAreRecomputedFromSumsNotAveraged) {
  const FormationTree tree = roll_up(kUnits, kPositions, kStaff);
  EXPECT_DOUBLE_EQ(tree.at(3).own.external_share(), 1900.0 / 3700.0);
  EXPECT_DOUBLE_EQ(tree.at(3).own.temporary_share(), 500.0 / 3500.0);
  EXPECT_DOUBLE_EQ(tree.at(2).total.external_share(), 1900.0 / 5200.0);
  EXPECT_DOUBLE_EQ(tree.at(2).total.temporary_share(), 500.0 / 5500.0);
  EXPECT_DOUBLE_EQ(tree.at(5).total.external_share(), 0.0);  // no staff: no division by zero
  EXPECT_DOUBLE_EQ(tree.at(5).total.temporary_share(), 0.0);
}

TEST(FormationRollUp, UnitFormationMatchesTheTreesOwnFigures) {
  const FormationTree tree = roll_up(kUnits, kPositions, kStaff);
  for (const UnitNode& unit : kUnits) {
    EXPECT_EQ(unit_formation(unit.id, kPositions, kStaff), tree.at(unit.id).own) << unit.id;
  }
}

TEST(FormationRollUp, ThousandsOfSmallLinesAddUpExactly) {
  std::vector<PositionLine> positions;
  std::vector<StaffLine> staff;
  for (int i = 0; i < 3000; ++i) {
    positions.push_back({3, i, PositionKind::Structural, fte(333)});
    staff.push_back({3, i, Engagement::Employee, fte(111), 1});
  }
  const FormationTree tree = roll_up(kUnits, positions, staff);
  EXPECT_EQ(tree.at(1).total.budgeted.milli(), 999000);
  EXPECT_EQ(tree.at(1).total.filled.milli(), 333000);
  EXPECT_EQ(tree.at(1).total.vacant.milli(), 666000);
}

TEST(FormationRollUp, ACycleIsRefused) {
  const std::vector<UnitNode> cyclic{{1, 2}, {2, 1}, {3, std::nullopt}};
  EXPECT_THROW(roll_up(cyclic, {}, {}), Failure);
}

TEST(UnitTree, SubtreeListsTheRootFirstThenEveryDescendant) {
  EXPECT_EQ(subtree(kUnits, 2), (std::vector<std::int64_t>{2, 3, 4}));
  EXPECT_EQ(subtree(kUnits, 1), (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_EQ(subtree(kUnits, 4), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(subtree(kUnits, 42).empty());
}

TEST(UnitTree, CycleDetection) {
  EXPECT_TRUE(would_create_cycle(kUnits, 1, 3));   // department below its own team
  EXPECT_TRUE(would_create_cycle(kUnits, 2, 2));   // below itself
  EXPECT_FALSE(would_create_cycle(kUnits, 4, 3));  // team below its sibling
  EXPECT_FALSE(would_create_cycle(kUnits, 2, 5));  // to another root
  EXPECT_FALSE(would_create_cycle(kUnits, 2, std::nullopt));
}

Position temporary_position(std::int64_t id, const char* end) {
  Position position;
  position.id = id;
  position.kind = PositionKind::Temporary;
  position.end_date = Date::parse(end);
  return position;
}

TEST(Expiry, TemporaryPositionsEndingWithinSixMonthsSoonestFirst) {
  const Date today = *Date::parse("2025-01-15");
  Position structural;
  structural.id = 9;
  const std::vector<Position> positions{temporary_position(1, "2025-07-16"), temporary_position(2, "2025-07-15"),
                                        temporary_position(3, "2024-12-31"), structural,
                                        temporary_position(4, "2025-03-01")};
  std::vector<std::int64_t> ids;
  for (const Position& p : expiring_positions(positions, today)) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{3, 4, 2}));  // 2025-07-15 is the last day in; past ends count

  ids.clear();
  for (const Position& p : expiring_positions(positions, today, 1)) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{3}));
}

TEST(Expiry, TemporaryContractsOnly) {
  const Date today = *Date::parse("2025-08-31");
  Person permanent;
  permanent.id = 1;
  Person ending;
  ending.id = 2;
  ending.contract = Contract::Temporary;
  ending.contract_end = Date::parse("2026-02-28");  // 31 August + 6 months clamps to 28 February
  Person later = ending;
  later.id = 3;
  later.contract_end = Date::parse("2026-03-01");
  std::vector<std::int64_t> ids;
  for (const Person& p : expiring_contracts(std::vector<Person>{permanent, later, ending}, today)) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2}));
}

}  // namespace
}  // namespace kwm::org
