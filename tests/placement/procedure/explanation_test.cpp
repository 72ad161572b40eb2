#include "placement/procedure/explanation.hpp"

#include <gtest/gtest.h>

#include "procedure_support.hpp"

namespace kwm::placement::procedure {
namespace {

using namespace testing;

// E1 follows function 10; E2 wanted 10 first, got 11; E3 lost 11 to E2; E4 cannot meet the education
// requirement of 11 and takes 12, the last place E3 could have had.
struct Scenario {
  Builder b;
  std::vector<Explanation> explanations;

  Scenario() {
    b.interview_only();
    b.employee("E1", 1);
    b.employee("E2", 2, "2015-01-01");
    b.employee("E3", 2, "2015-01-01");
    b.employee("E4", 2, "2015-01-01", 1.0, org::EducationLevel::Mbo);
    b.position(10, 1);
    b.position(11, 1);
    b.position(12, 1, -1, org::EducationLevel::Mbo);
    b.match(1, 10, FunctionMatch::Exchangeable);
    b.match(2, 12, FunctionMatch::Suitable);
    b.prefer(0, {11});
    b.prefer(1, {10, 11});
    b.prefer(2, {11});
    b.prefer(3, {11, 12});
    b.interview(1, 11, 8);  // 80 + 20 (2nd preference) = 100
    b.interview(2, 11, 6);  // 60 + 30 (1st preference) = 90
    b.interview(3, 12, 5);
    const ProcedureInput& input = b.done();
    suitabilities.emplace(assess(input));
    result.emplace(run(*suitabilities));
    explanations = explain(*suitabilities, *result);
  }
  std::optional<Suitabilities> suitabilities;
  std::optional<RunResult> result;
};

TEST(ProcedureExplanation, ThePlacementRoundAndScoreAreExplained) {
  Scenario s;
  const Explanation& e2 = s.explanations[1];
  ASSERT_TRUE(e2.placement.has_value());
  EXPECT_NE(e2.text.find("U bent geplaatst als Functie 11 (niveau) bij Team NIEUW, in ronde 2 (Voorkeur)."), std::string::npos) << e2.text;
  EXPECT_NE(e2.text.find("Uw geschiktheidsscore voor deze plaats is 80 van 100."), std::string::npos) << e2.text;
  EXPECT_NE(e2.text.find("20 punten voorkeursbonus bij: samen 100 punten"), std::string::npos) << e2.text;
  EXPECT_NE(e2.text.find("HR haar bevestigt"), std::string::npos);
}

TEST(ProcedureExplanation, AHigherPreferenceFilledInRoundOneSaysNoPlaceLeft) {
  Scenario s;
  const Explanation& e2 = s.explanations[1];
  ASSERT_EQ(e2.preferences.size(), 2u);
  EXPECT_EQ(e2.preferences[0].status, PreferenceStatus::NotGranted);
  EXPECT_EQ(e2.preferences[0].reason, RefusalReason::NoPlaceLeft);
  EXPECT_NE(e2.preferences[0].text.find("geen plaats meer na ronde 1"), std::string::npos) << e2.preferences[0].text;
  EXPECT_EQ(e2.preferences[1].status, PreferenceStatus::Granted);
}

TEST(ProcedureExplanation, LosingToAnotherCandidateNamesNeitherThemNorTheirScore) {
  Scenario s;
  const Explanation& e3 = s.explanations[2];
  ASSERT_EQ(e3.preferences.size(), 1u);
  const PreferenceOutcome& first = e3.preferences[0];
  EXPECT_EQ(first.reason, RefusalReason::HigherCandidate);
  EXPECT_NE(first.text.find("een kandidaat met een hogere geschiktheidsscore"), std::string::npos) << first.text;
  // 10 points more ties at 100, and the tie goes to E3's better-ranked preference: exactly 10 is enough.
  EXPECT_EQ(first.centi_short, 1000);
  EXPECT_NE(first.text.find("Met 10 punten meer was u hier geplaatst."), std::string::npos) << first.text;
  for (const char* secret : {"E2", "Medewerker E2", "80"}) {
    EXPECT_EQ(e3.text.find(secret), std::string::npos) << "explanation reveals '" << secret << "': " << e3.text;
  }
}

TEST(ProcedureExplanation, SurplusEmployeesGetTheirNearMisses) {
  Scenario s;
  const Explanation& e3 = s.explanations[2];
  EXPECT_FALSE(e3.placement.has_value());
  EXPECT_NE(e3.text.find("boventallig"), std::string::npos);
  ASSERT_FALSE(e3.near_misses.empty());
  EXPECT_EQ(e3.near_misses[0].position, 1u);
  EXPECT_EQ(e3.near_misses[0].centi_short, 1000);
  EXPECT_NE(e3.text.find("Het dichtst bij een plaats kwam u hier:"), std::string::npos);
}

TEST(ProcedureExplanation, HardConstraintsAndEarlierPlacementsAreNamed) {
  Scenario s;
  const Explanation& e1 = s.explanations[0];
  ASSERT_EQ(e1.preferences.size(), 1u);
  EXPECT_EQ(e1.preferences[0].reason, RefusalReason::PlacedEarlier);
  EXPECT_NE(e1.preferences[0].text.find("ronde 1 (Mens-volgt-functie)"), std::string::npos) << e1.preferences[0].text;

  const Explanation& e4 = s.explanations[3];
  ASSERT_EQ(e4.preferences.size(), 2u);
  EXPECT_EQ(e4.preferences[0].reason, RefusalReason::NotEligible);
  EXPECT_NE(e4.preferences[0].text.find("Opleidingsniveau"), std::string::npos) << e4.preferences[0].text;
  EXPECT_EQ(e4.preferences[1].status, PreferenceStatus::Granted);
}

TEST(ProcedureExplanation, SurplusEmployeesLearnWhichConstraintStoodInTheWay) {
  Builder b;
  b.employee("E1", 1, "2015-01-01", 1.0);
  b.position(10, 1, 0.778);  // the old function continues, but in fewer hours
  b.position(11, 1);         // unrelated: not mentioned
  b.match(1, 10, FunctionMatch::Exchangeable);
  const ProcedureInput& input = b.done();
  const Suitabilities s = assess(input);
  const RunResult result = run(s);
  const auto explanations = explain(s, result);
  const Explanation& e1 = explanations[0];
  EXPECT_FALSE(e1.placement.has_value());
  ASSERT_EQ(e1.blocked.size(), 1u);
  EXPECT_EQ(e1.blocked[0].position, 0u);
  ASSERT_EQ(e1.blocked[0].constraints.size(), 1u);
  EXPECT_NE(e1.text.find("Hier stond een harde voorwaarde een plaatsing in de weg:\nFunctie 10 (niveau) bij Team NIEUW: Uren: 1 fte past "
                         "niet in een plaats van 0,778 fte"),
            std::string::npos)
      << e1.text;
}

TEST(ProcedureExplanation, APreferenceBelowTheGrantedOneIsNotARefusal) {
  Builder b;
  b.interview_only();
  b.employee("E1", 2);
  b.position(10, 1);
  b.position(11, 1);
  b.prefer(0, {10, 11});
  const ProcedureInput& input = b.done();
  const Suitabilities s = assess(input);
  const RunResult result = run(s);
  const auto explanations = explain(s, result);
  ASSERT_EQ(explanations[0].preferences.size(), 2u);
  EXPECT_EQ(explanations[0].preferences[0].status, PreferenceStatus::Granted);
  EXPECT_EQ(explanations[0].preferences[1].status, PreferenceStatus::LowerThanGranted);
  EXPECT_FALSE(explanations[0].preferences[1].reason.has_value());
}

TEST(ProcedureExplanation, LockedPlacementsGiveHrsReason) {
  Builder b;
  b.employee("E1", 2);
  b.position(10, 1);
  b.decide(0, 0, Decision::Lock, "Terugkeer na detachering, afgesproken in 2025");
  const ProcedureInput& input = b.done();
  const Suitabilities s = assess(input);
  const RunResult result = run(s);
  const auto explanations = explain(s, result);
  EXPECT_NE(explanations[0].text.find("HR heeft u geplaatst als Functie 10 (niveau) bij Team NIEUW. Reden: Terugkeer na detachering"),
            std::string::npos)
      << explanations[0].text;
}

TEST(ProcedureExplanation, WithoutAPreferenceRoundPreferencesAreNotConsideredAndSaidSo) {
  Builder b;
  b.interview_only();
  b.input.settings.rounds = {{RoundKind::Suitable, "Passend"}};
  b.employee("E1", 2);
  b.position(10, 1);
  b.prefer(0, {10});
  const ProcedureInput& input = b.done();
  const Suitabilities s = assess(input);
  const RunResult result = run(s);
  const auto explanations = explain(s, result);
  EXPECT_EQ(explanations[0].preferences[0].reason, RefusalReason::NoPreferenceRound);
  EXPECT_NE(explanations[0].text.find("U was in geen enkele ronde kandidaat"), std::string::npos);
}

}  // namespace
}  // namespace kwm::placement::procedure
