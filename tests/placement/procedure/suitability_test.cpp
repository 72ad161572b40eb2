#include "placement/procedure/suitability.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <type_traits>

#include "procedure_support.hpp"

namespace kwm::placement::procedure {
namespace {

using namespace testing;

// The procedure can only be given competency results as SelectionEvidence, which only admit() makes.
static_assert(std::is_same_v<decltype(CompetencyEvidence::admitted), std::vector<competence::SelectionEvidence>>);
static_assert(!std::is_constructible_v<competence::SelectionEvidence, competence::PersonResult>);

struct Scored {
  std::string code;
  double required;
  double combined;
  bool critical = false;
};

competence::PersonResult result_for(const std::string& number, const std::string& function_code, const std::string& level,
                                    const std::vector<Scored>& scores) {
  std::vector<competence::CompetencyResult> results;
  for (const Scored& s : scores) {
    competence::CompetencyResult r;
    r.competency_code = s.code;
    r.required = s.required;
    r.critical = s.critical;
    r.state = competence::CompetencyState::Scored;
    r.combined = s.combined;
    r.gap = std::max(0.0, s.required - s.combined);
    results.push_back(r);
  }
  competence::RoundSettings settings;
  settings.target_date = day("2026-12-31");
  competence::PersonResult result;
  result.personnel_number = number;
  result.function_code = function_code;
  result.level = level;
  result.verdict = competence::decide(results, settings);
  result.competencies = std::move(results);
  return result;
}

const competence::AssessedRound kSelection{"selectie-2026", competence::AssessmentPurpose::Selection};
const competence::AssessedRound kDevelopment{"ontwikkeling-2025", competence::AssessmentPurpose::Development};

std::int64_t sum_of_contributions(const PairSuitability& pair) {
  return std::accumulate(pair.components.begin(), pair.components.end(), std::int64_t{0},
                         [](std::int64_t total, const Component& c) { return total + c.contribution_centi; });
}

TEST(Suitability, WeightsOfMissingComponentsAreSharedOutAndTheBreakdownAddsUp) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  b.interview(0, 10, 8);  // 80 on 0..100
  b.appraisal(0, 4);      // 75 on 0..100
  const Suitabilities s = assess(b.done());
  const PairSuitability& pair = s.at(0, 0);
  ASSERT_EQ(pair.components.size(), 3u);
  EXPECT_EQ(pair.components[0].status, ComponentStatus::Missing);  // no assessment round named
  EXPECT_DOUBLE_EQ(pair.components[1].share, 0.6);                // 0.3 / (0.3 + 0.2)
  EXPECT_DOUBLE_EQ(pair.components[2].share, 0.4);
  EXPECT_EQ(pair.score_centi, 7800);                               // 0.6 × 80 + 0.4 × 75
  EXPECT_EQ(sum_of_contributions(pair), pair.score_centi);
  EXPECT_TRUE(pair.eligible);
}

TEST(Suitability, NothingKnownGivesZeroNotAnError) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  const Suitabilities s = assess(b.done());
  EXPECT_EQ(s.at(0, 0).score_centi, 0);
  for (const Component& c : s.at(0, 0).components) EXPECT_EQ(c.contribution_centi, 0);
}

TEST(Suitability, HardConstraintsEachSayWhatFails) {
  Builder b;
  b.employee("MBO", 1, "2015-01-01", 1.0, org::EducationLevel::Mbo);
  b.employee("FULL", 1, "2015-01-01", 1.0);
  b.employee("PART", 1, "2015-01-01", 0.6);
  b.position(10, 1);             // one slot of 1.0
  b.position(11, 2, 1.0);        // two slots of 0.5
  b.decide(2, 0, Decision::Forbid, "Conflict met de teamleider");
  const Suitabilities s = assess(b.done());

  const PairSuitability& mbo = s.at(0, 0);
  ASSERT_NE(mbo.failed(ConstraintKind::Education), nullptr);
  EXPECT_NE(mbo.failed(ConstraintKind::Education)->text.find("hbo"), std::string::npos);
  EXPECT_FALSE(mbo.eligible);

  EXPECT_TRUE(s.at(1, 0).eligible);
  ASSERT_NE(s.at(1, 1).failed(ConstraintKind::Hours), nullptr);  // 1.0 does not fit 0.5 + 0.1
  EXPECT_TRUE(s.at(2, 1).eligible);                              // 0.6 fits 0.5 + 0.1

  const PairSuitability& forbidden = s.at(2, 0);
  EXPECT_TRUE(forbidden.forbidden());
  ASSERT_NE(forbidden.failed(ConstraintKind::ExcludedByHr), nullptr);
  EXPECT_NE(forbidden.failed(ConstraintKind::ExcludedByHr)->text.find("Conflict met de teamleider"), std::string::npos);
}

TEST(Suitability, UnknownEducationDoesNotPassAnEducationRequirementUnlessSwitchedOff) {
  Builder b;
  b.employee("E1", 1);
  b.input.employees[0].education.reset();
  b.position(10, 1);
  EXPECT_FALSE(assess(b.done()).at(0, 0).eligible);
  b.input.settings.require_education = false;
  EXPECT_TRUE(assess(b.done()).at(0, 0).eligible);
}

TEST(Suitability, SelectionRoundResultsGiveTheCompetencyFitAndTheVerdict) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  b.input.competencies.round_code = kSelection.code;
  b.input.competencies.admitted.push_back(competence::SelectionEvidence::admit(
      kSelection, result_for("E1", "F10", "niveau", {{"regie", 4, 3}, {"samenwerken", 4, 4}}), std::nullopt));
  const Suitabilities s = assess(b.done());
  const PairSuitability& pair = s.at(0, 0);
  EXPECT_EQ(pair.components[0].status, ComponentStatus::Present);
  EXPECT_DOUBLE_EQ(*pair.components[0].value, 87.5);  // (3 + 4) / (4 + 4)
  EXPECT_EQ(pair.score_centi, 8750);                   // the only component present
  ASSERT_TRUE(pair.verdict.has_value());
  EXPECT_EQ(*pair.verdict, competence::VerdictKind::Meets);  // gap 1 within the tolerance
  EXPECT_EQ(pair.basis, SuitableBasis::Verdict);
  EXPECT_TRUE(pair.suitable);
}

TEST(Suitability, ADevelopmentRoundWithoutConsentCannotBecomeInput) {
  // The store's selection_evidence lists such people as refused; admit() itself refuses to make evidence.
  const Error error = failure_of([] {
    competence::SelectionEvidence::admit(kDevelopment, result_for("E1", "F10", "niveau", {{"regie", 4, 4}}), std::nullopt);
  });
  EXPECT_EQ(error.code, "purpose_limitation");
  EXPECT_EQ(error.kind, ErrorKind::forbidden);

  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  b.interview(0, 10, 6);
  b.input.competencies.round_code = kDevelopment.code;
  b.input.competencies.refused = {"E1"};
  const Suitabilities s = assess(b.done());
  const PairSuitability& pair = s.at(0, 0);
  EXPECT_EQ(pair.components[0].status, ComponentStatus::Refused);
  EXPECT_NE(pair.components[0].text.find("toestemming"), std::string::npos);
  EXPECT_EQ(pair.components[0].contribution_centi, 0);
  EXPECT_EQ(pair.score_centi, 6000);  // the interview alone
  EXPECT_FALSE(pair.verdict.has_value());
}

TEST(Suitability, ADevelopmentRoundWithConsentCountsAndSaysSo) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  b.input.competencies.round_code = kDevelopment.code;
  const competence::ConsentRecord consent{"E1", kDevelopment.code, day("2026-03-01"), "hr-a"};
  b.input.competencies.admitted.push_back(
      competence::SelectionEvidence::admit(kDevelopment, result_for("E1", "F10", "niveau", {{"regie", 4, 4}}), consent));
  const PairSuitability pair = assess(b.done()).at(0, 0);
  EXPECT_EQ(pair.components[0].status, ComponentStatus::Present);
  EXPECT_NE(pair.components[0].text.find("ontwikkelronde met toestemming"), std::string::npos) << pair.components[0].text;
}

TEST(Suitability, AResultAgainstAnotherProfileCountsWhenItCoversEveryRequirement) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);  // F10: regie 4 (critical), samenwerken 3
  b.position(11, 1);  // F11: also asks wetgeving, which was not assessed
  b.input.competencies.round_code = kSelection.code;
  b.input.competencies.names = {{"regie", "Regie voeren"}};
  b.input.competencies.admitted.push_back(competence::SelectionEvidence::admit(
      kSelection, result_for("E1", "CM", "medewerker", {{"regie", 3, 2.5}, {"samenwerken", 3, 3}}), std::nullopt));
  competence::FunctionProfile f10;
  f10.function_code = "F10";
  f10.level = "niveau";
  f10.competencies = {{"regie", 4, true}, {"samenwerken", 3, false}};
  competence::FunctionProfile f11 = f10;
  f11.function_code = "F11";
  f11.competencies.push_back({"wetgeving", 3, false});
  b.input.competencies.profiles = {{10, f10}, {11, f11}};
  const Suitabilities s = assess(b.done());

  const PairSuitability& derived = s.at(0, 0);
  EXPECT_EQ(derived.components[0].status, ComponentStatus::Present);
  EXPECT_NE(derived.components[0].text.find("afgeleid"), std::string::npos);
  EXPECT_DOUBLE_EQ(*derived.components[0].value, 100.0 * 5.5 / 7.0);
  // Regie: 2.5 against 4 is a critical gap of 1.5, beyond the trainable step of 1.
  ASSERT_NE(derived.failed(ConstraintKind::CriticalCompetency), nullptr);
  EXPECT_NE(derived.failed(ConstraintKind::CriticalCompetency)->text.find("Regie voeren"), std::string::npos);
  EXPECT_EQ(*derived.verdict, competence::VerdictKind::DoesNotMeet);

  const PairSuitability& uncovered = s.at(0, 1);
  EXPECT_EQ(uncovered.components[0].status, ComponentStatus::Missing);
  EXPECT_EQ(uncovered.failed(ConstraintKind::CriticalCompetency), nullptr);
}

TEST(Suitability, WithoutAVerdictTheConfirmedMappingDecidesWhatIsSuitable) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  b.position(11, 1);
  b.match(1, 10, FunctionMatch::Suitable);
  const Suitabilities s = assess(b.done());
  EXPECT_TRUE(s.at(0, 0).suitable);
  EXPECT_EQ(s.at(0, 0).basis, SuitableBasis::FunctionMatch);
  EXPECT_FALSE(s.at(0, 1).suitable);
}

TEST(Suitability, InputsAboutPeopleOrFunctionsOutsideTheReorganisationAreRefused) {
  Builder b;
  b.employee("E1", 1);
  b.position(10, 1);
  b.input.preferences.push_back(Preference{b.input.employees[0].person_id, 1, 99, "x"});
  EXPECT_EQ(failure_of([&] { assess(b.done()); }).field, "preferences[0].function_id");
  b.input.preferences = {Preference{b.input.employees[0].person_id, 4, 10, "x"}};
  EXPECT_EQ(failure_of([&] { assess(b.done()); }).field, "preferences[0].rank");
}

TEST(Suitability, SeniorityCountsWholeMonthsUpToTheEffectiveDate) {
  Employee e;
  e.hire_date = day("2020-07-02");
  EXPECT_EQ(seniority_months(e, day("2026-07-01")), 71);
  e.hire_date = day("2020-07-01");
  EXPECT_EQ(seniority_months(e, day("2026-07-01")), 72);
  e.hire_date = day("1950-01-01");
  EXPECT_EQ(seniority_months(e, day("2026-07-01")), kMaxSeniorityMonths);
  e.hire_date.reset();
  EXPECT_EQ(seniority_months(e, day("2026-07-01")), 0);
}

}  // namespace
}  // namespace kwm::placement::procedure
