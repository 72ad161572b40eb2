#include "placement/procedure/mapping.hpp"

#include <gtest/gtest.h>

namespace kwm::placement::procedure {
namespace {

competence::FunctionProfile profile(std::string code, std::vector<std::pair<std::string, double>> requirements) {
  competence::FunctionProfile result;
  result.function_code = std::move(code);
  result.level = "medewerker";
  result.education = competence::EducationLevel::Hbo;
  for (auto& [competency, level] : requirements) result.competencies.push_back({competency, level, false});
  return result;
}

FunctionLevel level(std::int64_t id, org::FunctionStatus status, std::optional<competence::FunctionProfile> p = std::nullopt) {
  return FunctionLevel{id, "F" + std::to_string(id), "Functie " + std::to_string(id), "medewerker", status, std::move(p)};
}

TEST(FunctionMappingProposal, ProfilesDecideWhenBothSidesHaveOne) {
  const auto casemanager = profile("CM", {{"samenwerken", 3}, {"plannen", 3}, {"regie", 4}});
  const auto same = profile("CM2", {{"samenwerken", 3}, {"plannen", 3}, {"regie", 4}});
  const auto different = profile("BO", {{"administratie", 4}});
  const std::vector<FunctionLevel> old_functions = {level(1, org::FunctionStatus::Changed, casemanager)};
  const std::vector<FunctionLevel> new_functions = {level(10, org::FunctionStatus::New, same), level(11, org::FunctionStatus::New, different)};
  const auto pairs = propose_mapping(old_functions, new_functions);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].proposed, FunctionMatch::Exchangeable);
  ASSERT_TRUE(pairs[0].overlap.has_value());
  EXPECT_DOUBLE_EQ(*pairs[0].overlap, 1.0);
  EXPECT_EQ(pairs[1].proposed, FunctionMatch::None);
  EXPECT_EQ(pairs[1].match, pairs[1].proposed);
  EXPECT_FALSE(pairs[0].reasons.empty());
}

TEST(FunctionMappingProposal, WithoutProfilesOnlyTheSameFunctionIsProposedByItsStatus) {
  const std::vector<FunctionLevel> old_functions = {level(1, org::FunctionStatus::Unchanged), level(2, org::FunctionStatus::Changed)};
  const std::vector<FunctionLevel> new_functions = {level(1, org::FunctionStatus::Unchanged), level(2, org::FunctionStatus::Changed),
                                                    level(3, org::FunctionStatus::New)};
  const auto pairs = propose_mapping(old_functions, new_functions);
  ASSERT_EQ(pairs.size(), 6u);
  EXPECT_EQ(pairs[0].proposed, FunctionMatch::Exchangeable);  // 1 -> 1
  EXPECT_EQ(pairs[1].proposed, FunctionMatch::None);          // 1 -> 2
  EXPECT_EQ(pairs[4].proposed, FunctionMatch::Equivalent);    // 2 -> 2
  EXPECT_EQ(pairs[5].proposed, FunctionMatch::None);          // 2 -> 3
  EXPECT_FALSE(pairs[0].overlap.has_value());
  EXPECT_NE(pairs[5].reasons.front().find("functieprofiel"), std::string::npos) << pairs[5].reasons.front();

  const FunctionMapping mapping(pairs);
  EXPECT_EQ(mapping.match(1, 1), FunctionMatch::Exchangeable);
  EXPECT_EQ(mapping.match(std::nullopt, 1), FunctionMatch::None);
  EXPECT_TRUE(mapping.continues(1));
  EXPECT_TRUE(mapping.continues(2));
  EXPECT_FALSE(mapping.continues(3));
}

TEST(FunctionMappingProposal, HrConfirmationOverridesTheProposal) {
  std::vector<MappingPair> pairs = propose_mapping(std::vector<FunctionLevel>{level(1, org::FunctionStatus::Unchanged)},
                                                   std::vector<FunctionLevel>{level(3, org::FunctionStatus::New)});
  pairs[0].match = FunctionMatch::Suitable;
  const FunctionMapping mapping(pairs);
  EXPECT_EQ(mapping.match(1, 3), FunctionMatch::Suitable);
  EXPECT_FALSE(mapping.continues(3));  // suitable is not continuity
}

}  // namespace
}  // namespace kwm::placement::procedure
