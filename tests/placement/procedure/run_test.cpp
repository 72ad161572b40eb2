#include "placement/procedure/run.hpp"
#include "placement/procedure/explanation.hpp"

#include <gtest/gtest.h>

#include "procedure_support.hpp"

namespace kwm::placement::procedure {
namespace {

using namespace testing;

TEST(ProcedureRun, IncumbentsFollowTheirFunctionBeforePreferencesAreConsidered) {
  Builder b;
  b.interview_only();
  b.employee("E1", 1);  // holds function 1, exchangeable with new function 10
  b.employee("E2", 2);
  b.position(10, 1);
  b.position(11, 1);
  b.match(1, 10, FunctionMatch::Exchangeable);
  b.prefer(1, {10, 11});
  b.interview(1, 10, 10);  // E2 would win function 10 on points
  b.interview(0, 10, 2);
  const Suitabilities s = assess(b.done());
  const RunResult result = run(s);
  ASSERT_EQ(result.rounds.size(), 3u);
  EXPECT_EQ(outcome(result), (std::vector<int>{0, 1}));
  EXPECT_EQ(result.placement_of[0]->round, 0u);
  EXPECT_EQ(result.placement_of[1]->round, 1u);
  EXPECT_EQ(result.placement_of[1]->preference_rank, 2);
  EXPECT_EQ(result.rounds[0].placed, 1);
  EXPECT_EQ(result.rounds[1].placed, 1);
  EXPECT_EQ(result.rounds[2].placed, 0);
}

TEST(ProcedureRun, ThePreferenceBonusIsPartOfThePointsAndIsReportedApart) {
  Builder b;
  b.interview_only();
  b.employee("E1", 2);
  b.employee("E2", 2);
  b.position(10, 1);
  b.prefer(0, {10});            // rank 1: +30
  b.prefer(1, {11, 12, 10});    // rank 3: +10
  b.position(11, 0);
  b.position(12, 0);
  b.interview(0, 10, 7);        // 70 + 30 = 100
  b.interview(1, 10, 8);        // 80 + 10 = 90
  const RunResult result = run(assess(b.done()));
  ASSERT_TRUE(result.placement_of[0].has_value());
  EXPECT_FALSE(result.placement_of[1].has_value());
  EXPECT_EQ(result.placement_of[0]->points_centi, 10000);
  EXPECT_EQ(result.placement_of[0]->suitability_centi, 7000);
  EXPECT_EQ(result.placement_of[0]->bonus_centi, 3000);
}

// Two employees, equal in points, one slot. Who gets it must follow from the tie-break settings, never
// from which of them happens to come first.
struct TieCase {
  std::vector<TieBreak> tie_breaks;
  const char* expected_winner;
};

class TieBreaks : public ::testing::TestWithParam<TieCase> {};

TEST_P(TieBreaks, DecideEqualPointsExplicitly) {
  Builder b;
  b.interview_only();
  b.input.settings.preference_bonus = {10, 10, 10};  // ranks give equal bonus: only the tie-break separates them
  b.input.settings.tie_breaks = GetParam().tie_breaks;
  b.employee("A001", 2, "2021-01-01");  // shorter service, but first in personnel-number order
  b.employee("B001", 2, "2009-01-01");
  b.position(10, 1);
  b.position(11, 1, -1, org::EducationLevel::Wo);  // nobody reaches wo: only there to rank 10 second for A001
  b.prefer(0, {11, 10});  // A001: function 10 as 2nd choice
  b.prefer(1, {10});      // B001: function 10 as 1st choice
  b.input.settings.rounds = {{RoundKind::Preference, "Voorkeur"}};
  b.interview(0, 10, 7);
  b.interview(1, 10, 7);
  const ProcedureInput& input = b.done();
  const RunResult result = run(assess(input));
  const auto winner = result.placement_of[0] ? "A001" : "B001";
  EXPECT_STREQ(winner, GetParam().expected_winner);
}

INSTANTIATE_TEST_SUITE_P(Settings, TieBreaks,
                         ::testing::Values(TieCase{{TieBreak::Seniority}, "B001"}, TieCase{{TieBreak::PreferenceRank}, "B001"},
                                           TieCase{{TieBreak::Seniority, TieBreak::PreferenceRank}, "B001"},
                                           TieCase{{}, "A001"}));  // nothing set: the documented last resort

TEST(ProcedureRun, SeniorityLosesToTheSmallestDifferenceInPoints) {
  Builder b;
  b.interview_only();
  b.input.settings.rounds = {{RoundKind::Preference, "Voorkeur"}};
  b.employee("A001", 2, "2025-06-01");
  b.employee("B001", 2, "1976-01-01");  // fifty years more service
  b.position(10, 1);
  b.prefer(0, {10});
  b.prefer(1, {10});
  b.interview(0, 10, 7.01);
  b.interview(1, 10, 7.0);
  const RunResult result = run(assess(b.done()));
  EXPECT_EQ(outcome(result), (std::vector<int>{0, -1}));
}

TEST(ProcedureRun, SeniorityDecidesAmongManyEqualCandidatesWhateverTheirOrder) {
  // Five equal candidates for two slots: the two longest-serving win, though they come last.
  Builder b;
  b.interview_only();
  b.input.settings.rounds = {{RoundKind::Preference, "Voorkeur"}};
  const char* hired[] = {"2024-01-01", "2023-01-01", "2022-01-01", "2005-01-01", "2001-01-01"};
  for (int i = 0; i < 5; ++i) {
    b.employee("E" + std::to_string(i), 2, hired[i]);
    b.prefer(static_cast<std::size_t>(i), {10});
    b.interview(static_cast<std::size_t>(i), 10, 6);
  }
  b.position(10, 2);
  const RunResult result = run(assess(b.done()));
  EXPECT_EQ(outcome(result), (std::vector<int>{-1, -1, -1, 0, 0}));
}

TEST(ProcedureRun, LocksComeFirstInARoundOfTheirOwnAndForbiddenPairsNeverCount) {
  Builder b;
  b.interview_only();
  b.employee("E1", 1);
  b.employee("E2", 1);
  b.position(10, 1);
  b.position(11, 1);
  b.match(1, 10, FunctionMatch::Exchangeable);
  b.match(1, 11, FunctionMatch::Suitable);
  b.interview(0, 10, 9);
  b.interview(1, 10, 3);
  b.decide(1, 0, Decision::Lock, "Afspraak uit het sociaal plan");  // E2 onto 10 despite lower points
  b.decide(0, 1, Decision::Forbid, "Niet onder de eigen partner");
  const RunResult result = run(assess(b.done()));
  ASSERT_EQ(result.rounds.size(), 4u);
  EXPECT_TRUE(result.rounds[0].round.is_lock());
  EXPECT_EQ(outcome(result), (std::vector<int>{-1, 0}));
  EXPECT_TRUE(result.placement_of[1]->locked);
  EXPECT_EQ(result.placement_of[1]->round, 0u);
  // E1 was a candidate nowhere once 10 was taken: 11 is forbidden.
  for (const PairMargin& margin : result.margins) EXPECT_FALSE(margin.employee == 0 && margin.position == 1);
}

TEST(ProcedureRun, TheSocialPlansRoundsAreConfigurable) {
  Builder b;
  b.interview_only();
  b.employee("E1", 1);
  b.position(10, 1);
  b.match(1, 10, FunctionMatch::Exchangeable);
  b.input.settings.rounds = {{RoundKind::Suitable, "Passend"}};
  const RunResult result = run(assess(b.done()));
  ASSERT_EQ(result.rounds.size(), 1u);
  EXPECT_EQ(result.rounds[0].round.number, 1);
  EXPECT_EQ(outcome(result), (std::vector<int>{0}));
  EXPECT_EQ(result.placement_of[0]->round, 0u);
}

TEST(ProcedureRun, MarginsAreReportedInPointsIncludingTheTieBreak) {
  Builder b;
  b.interview_only();
  b.input.settings.rounds = {{RoundKind::Preference, "Voorkeur"}};
  b.input.settings.tie_breaks = {};
  b.employee("E1", 2);
  b.employee("E2", 2);
  b.position(10, 1);
  b.prefer(0, {10});
  b.prefer(1, {10});
  b.interview(0, 10, 8);  // 80 + 30
  b.interview(1, 10, 7);  // 70 + 30
  const RunResult result = run(assess(b.done()));
  ASSERT_EQ(result.margins.size(), 1u);
  EXPECT_EQ(result.margins[0].employee, 1u);
  // 10 points more would only tie, and a tie goes to E1 (first in personnel-number order): 10.01.
  EXPECT_EQ(result.margins[0].centi_needed, 1001);
  EXPECT_FALSE(result.margins[0].tie_only);

  b.input.settings.tie_breaks = {TieBreak::Seniority};
  b.input.employees[1].hire_date = day("2000-01-01");  // E2 serves longer: at equal points E2 would win
  const RunResult with_seniority = run(assess(b.done()));
  EXPECT_EQ(with_seniority.margins[0].centi_needed, 1000);
}

TEST(ProcedureRun, ClosedPositionsOfferNoSlotAndOpenSlotsAreCounted) {
  Builder b;
  b.interview_only();
  b.employee("E1", 1);
  b.position(10, 0);
  b.position(11, 3);
  b.match(1, 10, FunctionMatch::Exchangeable);
  b.match(1, 11, FunctionMatch::Equivalent);
  const RunResult result = run(assess(b.done()));
  EXPECT_EQ(outcome(result), (std::vector<int>{1}));
  EXPECT_EQ(result.open_after, (std::vector<std::int64_t>{0, 2}));
  EXPECT_EQ(result.placement_of[0]->round, 2u);  // suitable round: equivalent is suitable
}

TEST(ProcedureRun, SlotsAreTheLineDividedEqually) {
  EXPECT_EQ(default_slots(Fte::from_double(2.0)), 2);
  EXPECT_EQ(default_slots(Fte::from_double(1.5)), 2);
  EXPECT_EQ(default_slots(Fte::from_double(0.5)), 1);
  EXPECT_EQ(default_slots(Fte()), 0);
  NewPosition position;
  position.fte = Fte::from_double(1.5);
  position.slots = 2;
  EXPECT_EQ(position.slot_fte().milli(), 750);
}

}  // namespace
}  // namespace kwm::placement::procedure

namespace kwm::placement::procedure {
namespace {

using namespace testing;

TEST(ProcedureRun, AnEmptyReorganisationRunsToAnEmptyResult) {
  Builder b;
  const Suitabilities s = assess(b.done());
  const RunResult result = run(s);
  EXPECT_EQ(result.rounds.size(), 3u);
  EXPECT_TRUE(result.placement_of.empty());
  EXPECT_TRUE(result.margins.empty());
  EXPECT_TRUE(explain(s, result).empty());
}

TEST(ProcedureRun, FoldedScoresStayWhereTheEngineIsExact) {
  Settings settings;  // seniority and preference rank
  const ScoreScale small(settings, 3, 500);
  EXPECT_NO_THROW(small.check_range(13000));
  const ScoreScale huge(settings, 10, 200000);
  EXPECT_EQ(failure_of([&] { huge.check_range(20000); }).code, "too_large_for_tie_breaks");
  settings.tie_breaks.clear();
  EXPECT_NO_THROW(ScoreScale(settings, 10, 200000).check_range(20000));
}

}  // namespace
}  // namespace kwm::placement::procedure
