#include "competence/profile.hpp"

#include <functional>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace kwm::competence {
namespace {

using testing::small_framework;

FunctionProfile profile(std::string level, std::optional<EducationLevel> education, std::vector<Requirement> competencies,
                        std::vector<Requirement> knowledge_areas = {}) {
  return FunctionProfile{"casemanager", std::move(level), education, std::move(competencies), std::move(knowledge_areas)};
}

FunctionProfile valid_profile() {
  return profile("senior", EducationLevel::Hbo, {{"samenwerken", 4, true}, {"plannen", 3, false}}, {{"wmo", 3, false}});
}

TEST(Profile, ValidProfilePasses) {
  const std::vector<Framework> frameworks = {small_framework()};
  EXPECT_TRUE(profile_problems(valid_profile(), frameworks).empty());
}

struct ProfileCase {
  const char* name;
  std::function<void(FunctionProfile&)> edit;
  const char* code;
  const char* field;
};

class ProfileProblems : public ::testing::TestWithParam<ProfileCase> {};

TEST_P(ProfileProblems, NameTheRuleAndTheField) {
  Framework other = small_framework();
  other.code = "ander";
  other.competencies = {testing::competency("durf", "Durf"), testing::competency("oordeelsvorming", "Oordeelsvorming")};
  const std::vector<Framework> frameworks = {small_framework(), other};
  FunctionProfile candidate = valid_profile();
  GetParam().edit(candidate);
  const auto problems = profile_problems(candidate, frameworks);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().code, GetParam().code) << problems.front().message;
  EXPECT_EQ(problems.front().field, GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ProfileProblems,
    ::testing::Values(
        ProfileCase{"no_function", [](FunctionProfile& p) { p.function_code.clear(); }, "missing_field", "function_code"},
        ProfileCase{"no_level", [](FunctionProfile& p) { p.level.clear(); }, "missing_field", "level"},
        ProfileCase{"nothing_required",
                    [](FunctionProfile& p) {
                      p.competencies.clear();
                      p.knowledge_areas.clear();
                    },
                    "no_requirements", "competencies"},
        ProfileCase{"unknown", [](FunctionProfile& p) { p.competencies[1].competency_code = "vliegen"; }, "unknown_competency",
                    "competencies[1].competency_code"},
        ProfileCase{"twice", [](FunctionProfile& p) { p.knowledge_areas[0].competency_code = "samenwerken"; }, "duplicate_code",
                    "knowledge_areas[0].competency_code"},
        ProfileCase{"twice_in_one_list", [](FunctionProfile& p) { p.competencies.push_back({"samenwerken", 2, false}); },
                    "duplicate_code", "competencies[2].competency_code"},
        ProfileCase{"competency_among_knowledge", [](FunctionProfile& p) { p.knowledge_areas.push_back({"durf", 2, false}); },
                    "wrong_list", "knowledge_areas[1].competency_code"},
        ProfileCase{"knowledge_in_wrong_list",
                    [](FunctionProfile& p) {
                      p.knowledge_areas.clear();
                      p.competencies.push_back({"wmo", 2, false});
                    },
                    "wrong_list", "competencies[2].competency_code"},
        ProfileCase{"above_scale", [](FunctionProfile& p) { p.competencies[0].required = 5.5; }, "required_outside_scale",
                    "competencies[0].required"},
        ProfileCase{"below_scale", [](FunctionProfile& p) { p.knowledge_areas[0].required = 0.5; }, "required_outside_scale",
                    "knowledge_areas[0].required"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Profile, ACodeInTwoChosenFrameworksIsAmbiguous) {
  Framework copy = small_framework();
  copy.code = "kopie";
  const std::vector<Framework> frameworks = {small_framework(), copy};
  const auto problems = profile_problems(valid_profile(), frameworks);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().code, "ambiguous_competency");
}

TEST(Profile, EducationLevelsUseTheOrganisationSpelling) {
  for (auto level : {EducationLevel::Mbo, EducationLevel::Hbo, EducationLevel::Wo}) {
    EXPECT_EQ(education_level_from_string(to_string(level)), level);
  }
  EXPECT_FALSE(education_level_from_string("HBO"));
}

TEST(ProfileComparison, OverlapIsTheWeightedJaccardOfRequiredLevels) {
  const FunctionProfile old_profile = profile("casemanager", EducationLevel::Hbo, {{"samenwerken", 3, true}, {"plannen", 3, false}},
                                              {{"wmo", 2, false}});
  const FunctionProfile new_profile =
      profile("casemanager", EducationLevel::Hbo, {{"samenwerken", 4, true}, {"plannen", 3, false}, {"durf", 3, false}});
  const ProfileComparison comparison = compare_profiles(old_profile, new_profile);
  // Σ min = 3 + 3 + 0 + 0 = 6; Σ max = 4 + 3 + 2 + 3 = 12.
  EXPECT_DOUBLE_EQ(comparison.overlap, 0.5);
  EXPECT_EQ(comparison.shared, 2u);
  ASSERT_EQ(comparison.differences.size(), 3u);
  EXPECT_EQ(comparison.differences[0].competency_code, "samenwerken");
  EXPECT_DOUBLE_EQ(comparison.differences[0].level_change(), 1.0);
  EXPECT_EQ(comparison.differences[1].competency_code, "wmo");
  EXPECT_TRUE(comparison.differences[1].removed());
  EXPECT_EQ(comparison.differences[2].competency_code, "durf");
  EXPECT_TRUE(comparison.differences[2].added());
}

TEST(ProfileComparison, IdenticalProfilesOverlapCompletelyWithoutDifferences) {
  const ProfileComparison comparison = compare_profiles(valid_profile(), valid_profile());
  EXPECT_DOUBLE_EQ(comparison.overlap, 1.0);
  EXPECT_TRUE(comparison.differences.empty());
}

TEST(ProfileComparison, ACriticalityChangeIsADifference) {
  FunctionProfile changed = valid_profile();
  changed.competencies[1].critical = true;
  const ProfileComparison comparison = compare_profiles(valid_profile(), changed);
  EXPECT_DOUBLE_EQ(comparison.overlap, 1.0);
  ASSERT_EQ(comparison.differences.size(), 1u);
  EXPECT_TRUE(comparison.differences[0].criticality_changed());
}

struct MatchCase {
  const char* name;
  FunctionProfile old_profile;
  FunctionProfile new_profile;
  FunctionMatch expected;
  double overlap;
};

class FunctionMatches : public ::testing::TestWithParam<MatchCase> {};

TEST_P(FunctionMatches, FollowTheDocumentedThresholds) {
  const MatchProposal proposal = classify_match(GetParam().old_profile, GetParam().new_profile);
  EXPECT_NEAR(proposal.comparison.overlap, GetParam().overlap, 1e-12);
  EXPECT_EQ(to_string(proposal.match), to_string(GetParam().expected));
  ASSERT_FALSE(proposal.reasons.empty());
  EXPECT_EQ(proposal.reasons.front().rfind("Overlap ", 0), 0u);
}

const auto hbo = EducationLevel::Hbo;
const auto wo = EducationLevel::Wo;

INSTANTIATE_TEST_SUITE_P(
    Thresholds, FunctionMatches,
    ::testing::Values(
        MatchCase{"identical", profile("a", hbo, {{"x", 3, true}}), profile("b", hbo, {{"x", 3, true}}), FunctionMatch::Exchangeable, 1.0},
        // 9 / 10: exactly at the exchangeable threshold counts.
        MatchCase{"exchangeable_at_threshold", profile("a", hbo, {{"x", 5, false}, {"y", 4, false}}),
                  profile("b", hbo, {{"x", 5, false}, {"y", 4, false}, {"z", 1, false}}), FunctionMatch::Exchangeable, 0.9},
        MatchCase{"uncovered_critical_is_only_equivalent", profile("a", hbo, {{"x", 5, false}, {"y", 4, false}}),
                  profile("b", hbo, {{"x", 5, false}, {"y", 4, false}, {"z", 1, true}}), FunctionMatch::Equivalent, 0.9},
        MatchCase{"critical_asked_higher_is_only_equivalent",
                  profile("a", hbo, {{"p", 4, true}, {"q", 5, false}, {"r", 5, false}, {"s", 5, false}, {"t", 5, false}}),
                  profile("b", hbo, {{"p", 5, true}, {"q", 5, false}, {"r", 5, false}, {"s", 5, false}, {"t", 5, false}}),
                  FunctionMatch::Equivalent, 24.0 / 25.0},
        // 7 / 10
        MatchCase{"equivalent_at_threshold", profile("a", hbo, {{"x", 5, false}, {"y", 2, false}}),
                  profile("b", hbo, {{"x", 5, false}, {"y", 2, false}, {"z", 3, false}}), FunctionMatch::Equivalent, 0.7},
        // 5 / 10
        MatchCase{"suitable_at_threshold", profile("a", hbo, {{"x", 5, false}}), profile("b", hbo, {{"x", 5, false}, {"y", 5, false}}),
                  FunctionMatch::Suitable, 0.5},
        // 4 / 9
        MatchCase{"below_suitable", profile("a", hbo, {{"x", 4, false}}), profile("b", hbo, {{"x", 4, false}, {"y", 5, false}}),
                  FunctionMatch::None, 4.0 / 9.0},
        MatchCase{"higher_education_is_no_match", profile("a", hbo, {{"x", 3, false}}), profile("b", wo, {{"x", 3, false}}),
                  FunctionMatch::None, 1.0},
        MatchCase{"lower_education_is_suitable", profile("a", wo, {{"x", 3, false}}), profile("b", hbo, {{"x", 3, false}}),
                  FunctionMatch::Suitable, 1.0},
        MatchCase{"requirement_added_where_none_was", profile("a", std::nullopt, {{"x", 3, false}}), profile("b", hbo, {{"x", 3, false}}),
                  FunctionMatch::None, 1.0}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FunctionMatches, ThresholdsAreConfigurable) {
  const FunctionProfile old_profile = profile("a", hbo, {{"x", 5, false}});
  const FunctionProfile new_profile = profile("b", hbo, {{"x", 5, false}, {"y", 5, false}});
  EXPECT_EQ(classify_match(old_profile, new_profile, MatchThresholds{0.5, 0.5, 0.5}).match, FunctionMatch::Exchangeable);
  EXPECT_EQ(classify_match(old_profile, new_profile, MatchThresholds{0.9, 0.7, 0.6}).match, FunctionMatch::None);
}

TEST(FunctionMatches, ReasonsNameTheUncoveredCriticalCompetency) {
  const MatchProposal proposal = classify_match(profile("a", hbo, {{"x", 3, false}}), profile("b", hbo, {{"x", 3, false}, {"durf", 1, true}}));
  bool named = false;
  for (const auto& reason : proposal.reasons) named = named || reason.find("\u2018durf\u2019") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(CareerPath, ShowsWhatChangesBetweenLevels) {
  const std::vector<FunctionProfile> levels = {
      profile("casemanager", hbo, {{"samenwerken", 3, true}, {"plannen", 3, false}}),
      profile("senior", hbo, {{"samenwerken", 4, true}, {"plannen", 3, true}}, {{"wmo", 3, false}}),
      profile("expert", wo, {{"samenwerken", 4, false}, {"plannen", 4, true}, {"coachen", 3, false}}, {{"wmo", 4, false}}),
  };
  const auto steps = career_path(levels);
  ASSERT_EQ(steps.size(), 2u);
  const auto codes = [](const std::vector<RequirementDifference>& differences) {
    std::vector<std::string> out;
    for (const auto& d : differences) out.push_back(d.competency_code);
    return out;
  };
  EXPECT_EQ(steps[0].from_level, "casemanager");
  EXPECT_EQ(steps[0].to_level, "senior");
  EXPECT_EQ(codes(steps[0].raised), std::vector<std::string>{"samenwerken"});
  EXPECT_EQ(codes(steps[0].became_critical), std::vector<std::string>{"plannen"});
  EXPECT_EQ(codes(steps[0].added), std::vector<std::string>{"wmo"});
  EXPECT_TRUE(steps[0].removed.empty());
  EXPECT_EQ(codes(steps[1].raised), (std::vector<std::string>{"plannen", "wmo"}));
  EXPECT_EQ(codes(steps[1].added), std::vector<std::string>{"coachen"});
  EXPECT_EQ(codes(steps[1].no_longer_critical), std::vector<std::string>{"samenwerken"});
  EXPECT_EQ(steps[1].from_education, hbo);
  EXPECT_EQ(steps[1].to_education, wo);
}

TEST(CareerPath, RefusesLevelsOfDifferentFunctions) {
  std::vector<FunctionProfile> levels = {valid_profile(), valid_profile()};
  levels[1].function_code = "beleidsmedewerker";
  EXPECT_EQ(testing::failure_of([&] { career_path(levels); }).code, "mixed_functions");
}

}  // namespace
}  // namespace kwm::competence
