#include "competence/versioning.hpp"

#include <functional>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace kwm::competence {
namespace {

using testing::small_framework;

struct DiffCase {
  const char* name;
  std::function<void(Framework&)> edit;
  bool empty;
  std::vector<std::string> added, removed, changed;
  bool scale_changed = false;
  bool reordered = false;
};

class FrameworkDiffs : public ::testing::TestWithParam<DiffCase> {};

TEST_P(FrameworkDiffs, SayWhatChanged) {
  const Framework current = small_framework();
  Framework edited = current;
  GetParam().edit(edited);
  const FrameworkDiff result = diff(current, edited);
  EXPECT_EQ(result.empty(), GetParam().empty);
  EXPECT_EQ(result.added, GetParam().added);
  EXPECT_EQ(result.removed, GetParam().removed);
  EXPECT_EQ(result.changed, GetParam().changed);
  EXPECT_EQ(result.scale_changed, GetParam().scale_changed);
  EXPECT_EQ(result.reordered, GetParam().reordered);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FrameworkDiffs,
    ::testing::Values(
        DiffCase{"nothing", [](Framework&) {}, true, {}, {}, {}},
        DiffCase{"indicator_text", [](Framework& f) { f.competencies[1].indicators[0].text = "Anders."; }, false, {}, {}, {"plannen"}},
        DiffCase{"kind", [](Framework& f) { f.competencies[0].kind = CompetencyKind::Technical; }, false, {}, {}, {"samenwerken"}},
        DiffCase{"added", [](Framework& f) { f.competencies.push_back(testing::competency("durf", "Durf")); }, false, {"durf"}, {}, {}},
        DiffCase{"removed", [](Framework& f) { f.competencies.erase(f.competencies.begin()); }, false, {}, {"samenwerken"}, {}},
        DiffCase{"anchor", [](Framework& f) { f.scale.anchors[3] = "Anders."; }, false, {}, {}, {}, true},
        DiffCase{"order", [](Framework& f) { std::swap(f.competencies[0], f.competencies[1]); }, false, {}, {}, {}, false, true}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Versioning, AnEditOfAFrameworkNobodyUsesOverwritesItsVersion) {
  Framework edited = small_framework();
  edited.competencies[0].definition = "Nieuwe omschrijving.";
  const EditResult result = apply_edit(small_framework(), edited, FrameworkUsage{});
  EXPECT_EQ(result.outcome, EditOutcome::SameVersion);
  EXPECT_EQ(result.framework.version, 1);
  EXPECT_EQ(result.framework.competencies[0].definition, "Nieuwe omschrijving.");
}

TEST(Versioning, AnEditOfAFrameworkInUseYieldsTheNextVersion) {
  Framework current = small_framework();
  current.version = 3;
  Framework edited = current;
  edited.version = 1;  // whatever the editor sent, the rule decides the number
  edited.competencies.push_back(testing::competency("durf", "Durf"));
  const EditResult result = apply_edit(current, edited, FrameworkUsage{true, {}});
  EXPECT_EQ(result.outcome, EditOutcome::NewVersion);
  EXPECT_EQ(result.framework.version, 4);
  EXPECT_EQ(result.diff.added, std::vector<std::string>{"durf"});
}

TEST(Versioning, AnUnchangedFrameworkKeepsItsVersionEvenWhenInUse) {
  const EditResult result = apply_edit(small_framework(), small_framework(), FrameworkUsage{true, {}});
  EXPECT_EQ(result.outcome, EditOutcome::Unchanged);
  EXPECT_EQ(result.framework.version, 1);
}

TEST(Versioning, RemovingACompetencyInUseIsRefusedWithEveryUserNamed) {
  Framework edited = small_framework();
  edited.competencies.erase(edited.competencies.begin());
  FrameworkUsage usage{true, {{"samenwerken", {"functieprofiel casemanager senior", "ronde voorjaar-2026"}}}};
  const Error error = testing::failure_of([&] { apply_edit(small_framework(), edited, usage); });
  EXPECT_EQ(error.kind, ErrorKind::conflict);
  EXPECT_EQ(error.code, "competency_in_use");
  EXPECT_NE(error.message.find("Samenwerken"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("functieprofiel casemanager senior en ronde voorjaar-2026"), std::string::npos) << error.message;
}

TEST(Versioning, RemovingACompetencyNobodyUsesIsAllowed) {
  Framework edited = small_framework();
  edited.competencies.erase(edited.competencies.begin() + 1);
  FrameworkUsage usage{true, {{"samenwerken", {"functieprofiel casemanager"}}}};
  const EditResult result = apply_edit(small_framework(), edited, usage);
  EXPECT_EQ(result.outcome, EditOutcome::NewVersion);
  EXPECT_EQ(result.diff.removed, std::vector<std::string>{"plannen"});
}

TEST(Versioning, TheCodeOfAFrameworkCannotBeEdited) {
  Framework edited = small_framework();
  edited.code = "ander";
  EXPECT_EQ(testing::failure_of([&] { apply_edit(small_framework(), edited, FrameworkUsage{}); }).code, "framework_code_changed");
}

TEST(Versioning, AnInvalidEditIsRefusedBeforeAnythingElse) {
  Framework edited = small_framework();
  edited.competencies[2].name = "Leeftijd";
  EXPECT_EQ(testing::failure_of([&] { apply_edit(small_framework(), edited, FrameworkUsage{true, {}}); }).code, "ascriptive_trait");
}

}  // namespace
}  // namespace kwm::competence
