#include "competence/framework.hpp"

#include <fmt/format.h>
#include <functional>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace kwm::competence {
namespace {

using testing::competency;
using testing::small_framework;

TEST(Framework, SmallFrameworkIsValid) { EXPECT_TRUE(framework_problems(small_framework()).empty()); }

TEST(Framework, DefaultScaleRunsOneToFiveWithAnAnchorForEveryPoint) {
  const Scale scale = default_scale();
  EXPECT_EQ(scale.min, 1);
  EXPECT_EQ(scale.max, 5);
  for (int point = 1; point <= 5; ++point) EXPECT_FALSE(scale.anchors.at(point).empty()) << point;
}

struct ProblemCase {
  const char* name;
  std::function<void(Framework&)> edit;
  const char* code;
  const char* field;
};

class FrameworkProblems : public ::testing::TestWithParam<ProblemCase> {};

TEST_P(FrameworkProblems, NamesTheRuleAndTheField) {
  Framework framework = small_framework();
  GetParam().edit(framework);
  const auto problems = framework_problems(framework);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().code, GetParam().code);
  EXPECT_EQ(problems.front().field, GetParam().field);
  EXPECT_FALSE(problems.front().message.empty());
  EXPECT_EQ(testing::failure_of([&] { validate(framework); }).code, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, FrameworkProblems,
    ::testing::Values(
        ProblemCase{"bad_framework_code", [](Framework& f) { f.code = "Test Kader"; }, "invalid_code", "code"},
        ProblemCase{"no_name", [](Framework& f) { f.name.clear(); }, "missing_name", "name"},
        ProblemCase{"version_zero", [](Framework& f) { f.version = 0; }, "invalid_version", "version"},
        ProblemCase{"min_equals_max", [](Framework& f) { f.scale.max = f.scale.min; }, "invalid_scale", "scale"},
        ProblemCase{"min_above_max", [](Framework& f) { f.scale.min = 6; }, "invalid_scale", "scale"},
        ProblemCase{"negative_min", [](Framework& f) { f.scale.min = -1; }, "invalid_scale", "scale"},
        ProblemCase{"too_many_points", [](Framework& f) { f.scale.max = 11; }, "invalid_scale", "scale"},
        ProblemCase{"missing_anchor", [](Framework& f) { f.scale.anchors.erase(3); }, "missing_anchor", "scale.anchors.3"},
        ProblemCase{"empty_anchor", [](Framework& f) { f.scale.anchors[5].clear(); }, "missing_anchor", "scale.anchors.5"},
        ProblemCase{"anchor_beyond_max", [](Framework& f) { f.scale.anchors[6] = "Meer dan vijf"; }, "anchor_outside_scale",
                    "scale.anchors.6"},
        ProblemCase{"no_competencies", [](Framework& f) { f.competencies.clear(); }, "no_competencies", "competencies"},
        ProblemCase{"duplicate_competency", [](Framework& f) { f.competencies[2].code = "samenwerken"; }, "duplicate_code",
                    "competencies[2].code"},
        ProblemCase{"competency_code_with_space", [](Framework& f) { f.competencies[1].code = "plannen en"; }, "invalid_code",
                    "competencies[1].code"},
        ProblemCase{"no_indicators", [](Framework& f) { f.competencies[1].indicators.clear(); }, "no_indicators",
                    "competencies[1].indicators"},
        ProblemCase{"duplicate_indicator", [](Framework& f) { f.competencies[0].indicators[1].code = "i1"; }, "duplicate_code",
                    "competencies[0].indicators[1].code"},
        ProblemCase{"empty_indicator_text", [](Framework& f) { f.competencies[2].indicators[0].text.clear(); }, "missing_text",
                    "competencies[2].indicators[0].text"},
        ProblemCase{"no_definition", [](Framework& f) { f.competencies[0].definition.clear(); }, "missing_definition",
                    "competencies[0].definition"},
        ProblemCase{"ascriptive_name", [](Framework& f) { f.competencies[1].name = "Leeftijd"; }, "ascriptive_trait",
                    "competencies[1].name"},
        ProblemCase{"ascriptive_code", [](Framework& f) { f.competencies[1].code = "geslacht"; }, "ascriptive_trait",
                    "competencies[1].code"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Framework, CollectsEveryProblemNotJustTheFirst) {
  Framework framework = small_framework();
  framework.name.clear();
  framework.scale.anchors.erase(2);
  framework.competencies[0].indicators.clear();
  EXPECT_EQ(framework_problems(framework).size(), 3u);
}

struct AscriptiveCase {
  const char* name;
  CompetencyKind kind;
  const char* trait;  // nullptr: allowed
};

class AscriptiveTraits : public ::testing::TestWithParam<AscriptiveCase> {};

TEST_P(AscriptiveTraits, AreRefusedAsCompetencies) {
  const auto& param = GetParam();
  Competency candidate = competency("c1", param.name, param.kind);
  const auto term = ascriptive_term(candidate);
  if (param.trait == nullptr) {
    EXPECT_FALSE(term) << param.name << " was refused for " << term.value_or("");
  } else {
    ASSERT_TRUE(term) << param.name;
    EXPECT_EQ(*term, param.trait);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Names, AscriptiveTraits,
    ::testing::Values(AscriptiveCase{"Leeftijd", CompetencyKind::SocialNormative, "leeftijd"},
                      AscriptiveCase{"Jonger dan 40 (leeftijd)", CompetencyKind::Technical, "leeftijd"},
                      AscriptiveCase{"Geslacht", CompetencyKind::SocialNormative, "geslacht"},
                      AscriptiveCase{"GENDER", CompetencyKind::SocialNormative, "gender"},
                      AscriptiveCase{"Nederlandse afkomst", CompetencyKind::SocialNormative, "afkomst"},
                      AscriptiveCase{"Herkomst", CompetencyKind::Technical, "herkomst"},
                      AscriptiveCase{"Nationaliteit", CompetencyKind::SocialNormative, "nationaliteit"},
                      AscriptiveCase{"Religie", CompetencyKind::SocialNormative, "religie"},
                      AscriptiveCase{"Burgerlijke staat", CompetencyKind::SocialNormative, "burgerlijke staat"},
                      AscriptiveCase{"Age", CompetencyKind::SocialNormative, "age"},
                      AscriptiveCase{"Sex", CompetencyKind::SocialNormative, "sex"},
                      // A knowledge area made of nothing but a trait is still a trait.
                      AscriptiveCase{"Kennis van afkomst", CompetencyKind::Knowledge, "afkomst"},
                      // A knowledge area about a subject is knowledge, not a trait of the person.
                      AscriptiveCase{"Cultuursensitief werken met religie en afkomst", CompetencyKind::Knowledge, nullptr},
                      // Whole words only: these merely contain a trait's letters.
                      AscriptiveCase{"Agenda beheren", CompetencyKind::Technical, nullptr},
                      AscriptiveCase{"Rasterwerk", CompetencyKind::Technical, nullptr},
                      AscriptiveCase{"Manager van de wijk", CompetencyKind::SocialNormative, nullptr},
                      AscriptiveCase{"Samenwerken", CompetencyKind::SocialNormative, nullptr},
                      AscriptiveCase{"Licht verstandelijke beperking (LVB)", CompetencyKind::Knowledge, nullptr}),
    [](const auto& info) { return fmt::format("case{}", info.index); });

TEST(Framework, AscriptiveMessageNamesTheRuleInDutch) {
  Framework framework = small_framework();
  framework.competencies[0].name = "Afkomst";
  const auto problems = framework_problems(framework);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, "ascriptive_trait");
  EXPECT_NE(problems[0].message.find("persoonskenmerk"), std::string::npos);
  EXPECT_NE(problems[0].message.find("Regel ascriptieve kenmerken"), std::string::npos);
  EXPECT_NE(problems[0].message.find("afkomst"), std::string::npos);
}

TEST(Framework, KindsMapToTheStudysQualifications) {
  EXPECT_EQ(qualification_of(CompetencyKind::Technical), QualificationKind::TechnicalInstrumental);
  EXPECT_EQ(qualification_of(CompetencyKind::Knowledge), QualificationKind::TechnicalInstrumental);
  EXPECT_EQ(qualification_of(CompetencyKind::SocialNormative), QualificationKind::SocialNormative);
  for (auto kind : {CompetencyKind::Technical, CompetencyKind::SocialNormative, CompetencyKind::Knowledge}) {
    EXPECT_EQ(competency_kind_from_string(to_string(kind)), kind);
  }
  EXPECT_FALSE(competency_kind_from_string("ascriptive"));
}

TEST(Framework, CodesAreLowerCaseWordsOfAtMost64Characters) {
  EXPECT_TRUE(is_valid_code("movisie-generalist"));
  EXPECT_TRUE(is_valid_code("wmo_2015"));
  EXPECT_TRUE(is_valid_code(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_code(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_code(""));
  EXPECT_FALSE(is_valid_code("_leading"));
  EXPECT_FALSE(is_valid_code("Hoofdletter"));
  EXPECT_FALSE(is_valid_code("cliënt"));
}

TEST(Framework, FindsCompetenciesAndIndicatorsByCode) {
  const Framework framework = small_framework();
  ASSERT_NE(framework.find("plannen"), nullptr);
  EXPECT_EQ(framework.find("plannen")->name, "Plannen en organiseren");
  EXPECT_EQ(framework.find("onbekend"), nullptr);
  EXPECT_NE(framework.find("plannen")->find_indicator("i2"), nullptr);
  EXPECT_EQ(framework.find("plannen")->find_indicator("i3"), nullptr);
}

}  // namespace
}  // namespace kwm::competence
