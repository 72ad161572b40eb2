#include "competence/aggregation.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace kwm::competence {
namespace {

struct Cell {
  std::string code;
  std::optional<double> combined;  // empty: not assessed
  double required = 3;
  bool critical = false;
};

PersonResult person(std::string personnel_number, std::vector<Cell> cells) {
  PersonResult result;
  result.personnel_number = std::move(personnel_number);
  for (const auto& cell : cells) {
    CompetencyResult competency;
    competency.competency_code = cell.code;
    competency.required = cell.required;
    competency.critical = cell.critical;
    if (cell.combined) {
      competency.state = CompetencyState::Scored;
      competency.combined = cell.combined;
      competency.gap = std::max(0.0, cell.required - *cell.combined);
      competency.spread = 0;
    }
    result.competencies.push_back(competency);
  }
  return result;
}

// `count` people scored `combined` on samenwerken (required 3, critical).
std::vector<PersonResult> people_scoring(std::size_t count, double combined) {
  std::vector<PersonResult> people;
  for (std::size_t i = 0; i < count; ++i) people.push_back(person(fmt::format("p{}", i), {{"samenwerken", combined, 3, true}}));
  return people;
}

std::vector<const PersonResult*> pointers(const std::vector<PersonResult>& people) {
  std::vector<const PersonResult*> out;
  for (const auto& p : people) out.push_back(&p);
  return out;
}

TEST(TeamHeatmap, HasARowPerPersonAndAnEmptyCellOutsideTheirProfile) {
  const std::vector<PersonResult> team = {person("1001", {{"samenwerken", 2.5}, {"plannen", 3.5}}),
                                          person("1002", {{"samenwerken", std::nullopt}, {"durf", 4.0, 4, true}})};
  const TeamHeatmap heatmap = team_heatmap(team);
  EXPECT_EQ(heatmap.people, (std::vector<std::string>{"1001", "1002"}));
  EXPECT_EQ(heatmap.competencies, (std::vector<std::string>{"samenwerken", "plannen", "durf"}));
  ASSERT_TRUE(heatmap.cells[0][0]);
  EXPECT_DOUBLE_EQ(*heatmap.cells[0][0]->gap, 0.5);
  EXPECT_FALSE(heatmap.cells[0][2]);
  ASSERT_TRUE(heatmap.cells[1][0]);
  EXPECT_EQ(heatmap.cells[1][0]->state, CompetencyState::NotAssessed);
  EXPECT_FALSE(heatmap.cells[1][0]->combined);
  EXPECT_FALSE(heatmap.cells[1][1]);
  EXPECT_TRUE(heatmap.cells[1][2]->critical);
}

TEST(OrganisationHeatmap, AveragesGapsAndCountsWhoMeets) {
  const std::vector<PersonResult> north = {person("1", {{"samenwerken", 3.0}}),       person("2", {{"samenwerken", 3.5}}),
                                           person("3", {{"samenwerken", 2.5}}),       person("4", {{"samenwerken", 2.0}}),
                                           person("5", {{"samenwerken", 1.5}}),       person("6", {{"samenwerken", std::nullopt}})};
  const std::vector<PersonResult> south = {person("7", {{"plannen", 2.0}})};
  const std::vector<UnitGroup> units = {{"noord", pointers(north)}, {"zuid", pointers(south)}};
  const OrganisationHeatmap heatmap = organisation_heatmap(units);
  EXPECT_EQ(heatmap.units, (std::vector<std::string>{"noord", "zuid"}));
  EXPECT_EQ(heatmap.competencies, (std::vector<std::string>{"samenwerken", "plannen"}));
  const UnitCell& cell = heatmap.cells[0][0];
  EXPECT_EQ(cell.people, 5u);
  EXPECT_EQ(cell.not_assessed, 1u);
  EXPECT_DOUBLE_EQ(*cell.average_gap, (0 + 0 + 0.5 + 1.0 + 1.5) / 5);  // the unscored person is not a 0
  EXPECT_DOUBLE_EQ(*cell.share_meeting, 2.0 / 5);
  EXPECT_FALSE(heatmap.cells[0][1].people) << "nobody in noord is asked plannen";
  EXPECT_EQ(heatmap.cells[1][1].people, 1u);
}

struct SuppressionCase {
  std::size_t people;
  bool suppressed;
};

class WorksCouncilSuppression : public ::testing::TestWithParam<SuppressionCase> {};

TEST_P(WorksCouncilSuppression, HidesEveryFigureBuiltFromFewerThanFivePeople) {
  const auto people = people_scoring(GetParam().people, 2.5);
  const bool suppressed = GetParam().suppressed;

  const std::vector<UnitGroup> units = {{"team", pointers(people)}};
  const UnitCell cell = for_works_council(organisation_heatmap(units)).cells[0][0];
  EXPECT_EQ(cell.suppressed, suppressed);
  EXPECT_EQ(cell.average_gap.has_value(), !suppressed);
  EXPECT_EQ(cell.share_meeting.has_value(), !suppressed);
  EXPECT_EQ(cell.people.has_value(), !suppressed);
  EXPECT_EQ(cell.not_assessed.has_value(), !suppressed);

  const CoverageRow row = for_works_council(coverage(people)).at(0);
  EXPECT_EQ(row.competency_code, "samenwerken");
  EXPECT_EQ(row.suppressed, suppressed);
  EXPECT_EQ(row.meeting.has_value(), !suppressed);
  EXPECT_EQ(row.share_meeting.has_value(), !suppressed);
  EXPECT_EQ(row.people.has_value(), !suppressed);

  const auto later = people_scoring(GetParam().people, 3.0);
  const GrowthReport report = for_works_council(growth(people, later));
  ASSERT_EQ(report.competencies.size(), 1u);
  EXPECT_EQ(report.competencies[0].suppressed, suppressed);
  EXPECT_EQ(report.competencies[0].average_change.has_value(), !suppressed);
  EXPECT_TRUE(report.people.empty()) << "the works council never sees individuals";
}

INSTANTIATE_TEST_SUITE_P(Boundary, WorksCouncilSuppression,
                         ::testing::Values(SuppressionCase{1, true}, SuppressionCase{4, true}, SuppressionCase{5, false},
                                           SuppressionCase{6, false}),
                         [](const auto& info) { return std::to_string(info.param.people) + "_people"; });

TEST(WorksCouncilSuppression, CountsScoredPeopleNotThoseWithoutScores) {
  auto people = people_scoring(4, 2.5);
  people.push_back(person("x", {{"samenwerken", std::nullopt, 3, true}}));
  const std::vector<UnitGroup> units = {{"team", pointers(people)}};
  EXPECT_TRUE(for_works_council(organisation_heatmap(units)).cells[0][0].suppressed);
}

TEST(WorksCouncilSuppression, LeavesCellsNobodyIsAskedEmptyNotSuppressed) {
  const auto people = people_scoring(5, 2.5);
  const std::vector<PersonResult> other = {person("y", {{"plannen", 3.0}})};
  const std::vector<UnitGroup> units = {{"team", pointers(people)}, {"ander", pointers(other)}};
  const OrganisationHeatmap heatmap = for_works_council(organisation_heatmap(units));
  EXPECT_FALSE(heatmap.cells[0][1].suppressed);
  EXPECT_FALSE(heatmap.cells[0][1].people);
  EXPECT_TRUE(heatmap.cells[1][1].suppressed);
  EXPECT_FALSE(heatmap.cells[0][0].suppressed);
}

TEST(Coverage, CountsWhoMeetsEachCriticalCompetency) {
  const std::vector<PersonResult> team = {
      person("1", {{"jeugdwet", 4.0, 3, true}, {"schulden", 2.0, 3, true}, {"samenwerken", 2.0}}),
      person("2", {{"jeugdwet", 2.5, 3, true}, {"lvb", 3.0, 3, true}}),
      person("3", {{"jeugdwet", std::nullopt, 3, true}, {"schulden", 3.0, 3, true}}),
  };
  const auto rows = coverage(team);
  ASSERT_EQ(rows.size(), 3u);  // samenwerken is nowhere critical
  EXPECT_EQ(rows[0].competency_code, "jeugdwet");
  EXPECT_EQ(rows[0].people, 3u);
  EXPECT_EQ(rows[0].meeting, 1u);
  EXPECT_EQ(rows[0].not_assessed, 1u);
  EXPECT_DOUBLE_EQ(*rows[0].share_meeting, 1.0 / 3);
  EXPECT_EQ(rows[1].competency_code, "schulden");
  EXPECT_EQ(rows[1].meeting, 1u);
  EXPECT_EQ(rows[2].competency_code, "lvb");
  EXPECT_EQ(rows[2].meeting, 1u);
}

TEST(Growth, ComparesTheSamePeopleAcrossTwoRounds) {
  const std::vector<PersonResult> before = {person("1", {{"samenwerken", 2.0}, {"plannen", 3.0}}),
                                            person("2", {{"samenwerken", 3.0}, {"plannen", std::nullopt}}),
                                            person("3", {{"samenwerken", 1.0}})};
  const std::vector<PersonResult> after = {person("1", {{"samenwerken", 3.0}, {"plannen", 2.5}}),
                                           person("2", {{"samenwerken", 3.0}, {"plannen", 4.0}}),
                                           person("4", {{"samenwerken", 5.0}})};
  const GrowthReport report = growth(before, after);
  ASSERT_EQ(report.competencies.size(), 2u);
  const GrowthCell& samenwerken = report.competencies[0];
  EXPECT_EQ(samenwerken.competency_code, "samenwerken");
  EXPECT_EQ(samenwerken.people, 2u);  // 3 left, 4 is new
  EXPECT_DOUBLE_EQ(*samenwerken.average_before, 2.5);
  EXPECT_DOUBLE_EQ(*samenwerken.average_after, 3.0);
  EXPECT_DOUBLE_EQ(*samenwerken.average_change, 0.5);
  EXPECT_EQ(samenwerken.improved, 1u);
  const GrowthCell& plannen = report.competencies[1];
  EXPECT_EQ(plannen.people, 1u);  // person 2 had no earlier score
  EXPECT_DOUBLE_EQ(*plannen.average_change, -0.5);
  EXPECT_EQ(plannen.improved, 0u);
  ASSERT_EQ(report.people.size(), 3u);
  EXPECT_DOUBLE_EQ(report.people[0].change(), 1.0);
}

TEST(Growth, CountsAPersonAssessedAgainstTwoProfilesOnce) {
  const std::vector<PersonResult> before = {person("1", {{"samenwerken", 2.0}})};
  const std::vector<PersonResult> after = {person("1", {{"samenwerken", 3.0}}), person("1", {{"samenwerken", 3.0, 4}})};
  const GrowthReport report = growth(before, after);
  EXPECT_EQ(report.competencies[0].people, 1u);
  EXPECT_EQ(report.people.size(), 1u);
}

}  // namespace
}  // namespace kwm::competence
