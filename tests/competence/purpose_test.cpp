#include "competence/purpose.hpp"

#include <gtest/gtest.h>
#include <type_traits>

#include "test_support.hpp"

namespace kwm::competence {
namespace {

// The placement code path takes SelectionEvidence. None can be made from a bare result, nor out of thin
// air: admit() is the only door, and it applies the purpose rule.
static_assert(!std::is_default_constructible_v<SelectionEvidence>);
static_assert(!std::is_constructible_v<SelectionEvidence, PersonResult>);
static_assert(!std::is_constructible_v<SelectionEvidence, std::string, AssessmentPurpose, PersonResult, std::optional<ConsentRecord>>);
static_assert(!std::is_aggregate_v<SelectionEvidence>);

PersonResult result_of(std::string personnel_number) {
  PersonResult result;
  result.personnel_number = std::move(personnel_number);
  result.function_code = "casemanager";
  result.level = "senior";
  result.verdict.kind = VerdictKind::Meets;
  return result;
}

ConsentRecord consent(std::string personnel_number, std::string round_code) {
  return ConsentRecord{std::move(personnel_number), std::move(round_code), *Date::parse("2026-03-02"), "hr.jansen"};
}

const AssessedRound development{"ontwikkeling-2026", AssessmentPurpose::Development};
const AssessedRound selection{"selectie-2026", AssessmentPurpose::Selection};

struct RuleCase {
  AssessmentPurpose purpose;
  bool consent;
  bool usable;
};

class PurposeRule : public ::testing::TestWithParam<RuleCase> {};

TEST_P(PurposeRule, OnlyConsentOpensADevelopmentRound) {
  EXPECT_EQ(usable_for_selection(GetParam().purpose, GetParam().consent), GetParam().usable);
}

INSTANTIATE_TEST_SUITE_P(Table, PurposeRule,
                         ::testing::Values(RuleCase{AssessmentPurpose::Selection, false, true},
                                           RuleCase{AssessmentPurpose::Selection, true, true},
                                           RuleCase{AssessmentPurpose::Development, false, false},
                                           RuleCase{AssessmentPurpose::Development, true, true}));

void expect_refused(const AssessedRound& round, const std::string& person, const std::optional<ConsentRecord>& record) {
  const Error error = testing::failure_of([&] { SelectionEvidence::admit(round, result_of(person), record); });
  EXPECT_EQ(error.kind, ErrorKind::forbidden);
  EXPECT_EQ(error.code, "purpose_limitation");
  EXPECT_NE(error.message.find("toestemming"), std::string::npos);
  EXPECT_NE(error.message.find(person), std::string::npos);
}

TEST(SelectionEvidence, PlacementCannotTakeADevelopmentResultWithoutConsent) {
  expect_refused(development, "1001", std::nullopt);
}

TEST(SelectionEvidence, ConsentCountsOnlyForItsOwnPersonAndRound) {
  expect_refused(development, "1001", consent("1001", "ontwikkeling-2025"));
  expect_refused(development, "1001", consent("1002", "ontwikkeling-2026"));
}

TEST(SelectionEvidence, RecordedConsentAdmitsADevelopmentResult) {
  const SelectionEvidence evidence = SelectionEvidence::admit(development, result_of("1001"), consent("1001", "ontwikkeling-2026"));
  EXPECT_EQ(evidence.round_code(), "ontwikkeling-2026");
  EXPECT_EQ(evidence.purpose(), AssessmentPurpose::Development);
  EXPECT_EQ(evidence.result().personnel_number, "1001");
  ASSERT_TRUE(evidence.consent());
  EXPECT_EQ(evidence.consent()->recorded_by, "hr.jansen");
}

TEST(SelectionEvidence, SelectionRoundsNeedNoConsent) {
  const SelectionEvidence evidence = SelectionEvidence::admit(selection, result_of("1001"), std::nullopt);
  EXPECT_EQ(evidence.purpose(), AssessmentPurpose::Selection);
  EXPECT_FALSE(evidence.consent());
}

TEST(SelectionEvidence, AWholeRoundIsSplitIntoAdmittedAndRefused) {
  const std::vector<PersonResult> results = {result_of("1001"), result_of("1002"), result_of("1003")};
  const std::vector<ConsentRecord> consents = {consent("1002", "ontwikkeling-2026"), consent("1003", "ander-2026")};
  const AdmittedEvidence evidence = admit_round(development, results, consents);
  ASSERT_EQ(evidence.admitted.size(), 1u);
  EXPECT_EQ(evidence.admitted[0].result().personnel_number, "1002");
  EXPECT_EQ(evidence.refused, (std::vector<std::string>{"1001", "1003"}));

  const AdmittedEvidence all = admit_round(selection, results, {});
  EXPECT_EQ(all.admitted.size(), 3u);
  EXPECT_TRUE(all.refused.empty());
}

TEST(SelectionEvidence, PurposesHaveTheirApiSpelling) {
  EXPECT_EQ(to_string(AssessmentPurpose::Development), "development");
  EXPECT_EQ(assessment_purpose_from_string("selection"), AssessmentPurpose::Selection);
  EXPECT_FALSE(assessment_purpose_from_string("selectie"));
}

}  // namespace
}  // namespace kwm::competence
