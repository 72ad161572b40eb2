#include "competence/scoring.hpp"

#include <functional>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace kwm::competence {
namespace {

using testing::join;
using testing::rate;
constexpr auto self = RatingSource::Self;
constexpr auto manager = RatingSource::Manager;
constexpr auto external = RatingSource::External;
constexpr auto peer = RatingSource::Peer;

RoundSettings settings_with_date() {
  RoundSettings settings;
  settings.target_date = Date::parse("2026-07-01");
  return settings;
}

// ---------------------------------------------------------------------------------------------------------
// Source scores, combined score, spread and gap for one competency.

struct ScoreCase {
  const char* name;
  std::vector<Rating> ratings;
  double required;
  std::optional<double> combined;  // empty: not assessed
  std::optional<double> gap;
  std::optional<double> spread;
  bool flagged;
  std::vector<RatingSource> missing;
  std::function<void(RoundSettings&)> configure = [](RoundSettings&) {};
};

class CompetencyScores : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(CompetencyScores, FollowTheRules) {
  const auto& param = GetParam();
  RoundSettings settings = settings_with_date();
  param.configure(settings);
  const CompetencyResult result = score_competency(Requirement{"samenwerken", param.required, false}, param.ratings, settings);
  EXPECT_EQ(result.state, param.combined ? CompetencyState::Scored : CompetencyState::NotAssessed);
  ASSERT_EQ(result.combined.has_value(), param.combined.has_value());
  if (param.combined) {
    EXPECT_NEAR(*result.combined, *param.combined, 1e-12);
  }
  ASSERT_EQ(result.gap.has_value(), param.gap.has_value());
  if (param.gap) {
    EXPECT_NEAR(*result.gap, *param.gap, 1e-12);
  }
  ASSERT_EQ(result.spread.has_value(), param.spread.has_value());
  if (param.spread) {
    EXPECT_NEAR(*result.spread, *param.spread, 1e-12);
  }
  EXPECT_EQ(result.spread_flagged, param.flagged);
  EXPECT_EQ(result.missing_sources, param.missing);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CompetencyScores,
    ::testing::Values(
        // (1·2 + 2·4 + 2·4) / 5 = 3.6; spread 4 − 2 = 2 is flagged.
        ScoreCase{"three_sources_weighted", join({rate(self, "samenwerken", {2, 2}), rate(manager, "samenwerken", {4, 4}),
                                                  rate(external, "samenwerken", {4, 4})}),
                  4, 3.6, 0.4, 2.0, true, {}},
        // A source's score is the mean of its indicators: self (1+2)/2 = 1.5, manager (3+4)/2 = 3.5.
        ScoreCase{"spread_exactly_two_is_flagged", join({rate(self, "samenwerken", {1, 2}), rate(manager, "samenwerken", {3, 4})}), 2,
                  (1.5 + 2 * 3.5) / 3, 0.0, 2.0, true, {external}},
        ScoreCase{"spread_below_two_is_not", join({rate(self, "samenwerken", {2, 2}), rate(manager, "samenwerken", {3, 4})}), 3,
                  (2 + 2 * 3.5) / 3, 0.0, 1.5, false, {external}},
        ScoreCase{"one_source_has_no_spread_to_flag", rate(manager, "samenwerken", {2, 3}), 3, 2.5, 0.5, 0.0, false, {self, external}},
        ScoreCase{"no_scores_at_all_is_not_assessed", rate(self, "plannen", {5, 5}), 3, std::nullopt, std::nullopt, std::nullopt, false,
                  {self, manager, external}},
        ScoreCase{"combined_above_required_has_no_gap", rate(external, "samenwerken", {5, 4}), 3, 4.5, 0.0, 0.0, false,
                  {self, manager}},
        // Peers are not collected by default: their ratings do not count.
        ScoreCase{"uncollected_source_is_ignored", join({rate(self, "samenwerken", {3, 3}), rate(peer, "samenwerken", {1, 1})}), 3, 3.0,
                  0.0, 0.0, false, {manager, external}},
        // Several peers pool their indicator scores; peer weight 3 here.
        ScoreCase{"peers_with_configured_weight",
                  join({rate(self, "samenwerken", {4, 4}), rate(peer, "samenwerken", {2, 2}), rate(peer, "samenwerken", {3, 1})}), 3,
                  (1 * 4 + 3 * 2) / 4.0, 0.5, 2.0, true, {manager, external},
                  [](RoundSettings& s) {
                    s.sources.push_back(peer);
                    s.weights.peer = 3;
                  }},
        ScoreCase{"spread_threshold_is_configurable", join({rate(self, "samenwerken", {2, 2}), rate(manager, "samenwerken", {3, 4})}), 3,
                  (2 + 2 * 3.5) / 3, 0.0, 1.5, true, {external}, [](RoundSettings& s) { s.spread_threshold = 1.5; }}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(CompetencyScores, KeepEachSourcesScoreAndCount) {
  const auto ratings = join({rate(self, "samenwerken", {2, 3}), rate(external, "samenwerken", {4})});
  const CompetencyResult result = score_competency(Requirement{"samenwerken", 3, true}, ratings, settings_with_date());
  ASSERT_EQ(result.sources.size(), 2u);
  EXPECT_EQ(result.sources[0].source, self);
  EXPECT_DOUBLE_EQ(result.sources[0].score, 2.5);
  EXPECT_EQ(result.sources[0].ratings, 2u);
  EXPECT_EQ(result.sources[1].source, external);
  EXPECT_TRUE(result.critical);
}

// ---------------------------------------------------------------------------------------------------------
// Verdicts.

CompetencyResult scored(std::string code, double gap, bool critical = false) {
  CompetencyResult result;
  result.competency_code = std::move(code);
  result.required = 3;
  result.critical = critical;
  result.state = CompetencyState::Scored;
  result.combined = 3 - gap;
  result.gap = gap;
  result.spread = 0;
  return result;
}

CompetencyResult not_assessed(std::string code) {
  CompetencyResult result;
  result.competency_code = std::move(code);
  result.required = 3;
  return result;
}

struct VerdictCase {
  const char* name;
  std::vector<CompetencyResult> results;
  VerdictKind expected;
  std::vector<std::string> reason_codes;
  std::function<void(RoundSettings&)> configure = [](RoundSettings&) {};
};

class Verdicts : public ::testing::TestWithParam<VerdictCase> {};

TEST_P(Verdicts, FollowTheRules) {
  RoundSettings settings = settings_with_date();
  GetParam().configure(settings);
  const Verdict verdict = decide(GetParam().results, settings);
  EXPECT_EQ(to_string(verdict.kind), to_string(GetParam().expected));
  std::vector<std::string> codes;
  for (const auto& reason : verdict.reasons) codes.push_back(reason.competency_code);
  EXPECT_EQ(codes, GetParam().reason_codes);
  EXPECT_EQ(verdict.target_date.has_value(), GetParam().expected == VerdictKind::Trainable);
  EXPECT_FALSE(explain(verdict).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Rules, Verdicts,
    ::testing::Values(
        VerdictCase{"no_gaps_meets", {scored("a", 0), scored("b", 0, true)}, VerdictKind::Meets, {}},
        VerdictCase{"gaps_summing_to_tolerance_meet", {scored("a", 0.5), scored("b", 0.5)}, VerdictKind::Meets, {"a", "b"}},
        // 0.4 + 0.6 is not exactly 1.0 in binary; the boundary still holds.
        VerdictCase{"binary_rounding_at_tolerance_meets", {scored("a", 3 - 2.6), scored("b", 3 - 2.4)}, VerdictKind::Meets, {"a", "b"}},
        // Three gaps of a third add up to 1.0000000000000004 in binary: still at the tolerance, so meets.
        VerdictCase{"thirds_at_tolerance_meet", {scored("a", 3 - 8.0 / 3), scored("b", 3 - 8.0 / 3), scored("c", 3 - 8.0 / 3)},
                    VerdictKind::Meets, {"a", "b", "c"}},
        VerdictCase{"single_gap_equal_to_tolerance_meets", {scored("a", 1.0), scored("b", 0)}, VerdictKind::Meets, {"a"}},
        VerdictCase{"just_over_tolerance_is_trainable", {scored("a", 0.5), scored("b", 0.51)}, VerdictKind::Trainable, {"a", "b"}},
        VerdictCase{"many_small_gaps_are_trainable", {scored("a", 0.8), scored("b", 0.8)}, VerdictKind::Trainable, {"a", "b"}},
        VerdictCase{"any_critical_gap_does_not_meet", {scored("a", 0.1, true)}, VerdictKind::Trainable, {"a"}},
        VerdictCase{"critical_gap_at_trainable_step_is_trainable", {scored("a", 1.0, true)}, VerdictKind::Trainable, {"a"}},
        VerdictCase{"critical_gap_beyond_step_does_not_meet", {scored("a", 1.01, true)}, VerdictKind::DoesNotMeet, {"a"}},
        VerdictCase{"one_large_gap_does_not_meet", {scored("a", 0), scored("b", 1.5)}, VerdictKind::DoesNotMeet, {"b"}},
        VerdictCase{"not_assessed_is_incomplete", {scored("a", 0), not_assessed("b")}, VerdictKind::Incomplete, {}},
        VerdictCase{"not_assessed_is_incomplete_even_with_gaps", {scored("a", 2.0, true), not_assessed("b")}, VerdictKind::Incomplete,
                    {"a"}},
        VerdictCase{"zero_tolerance", {scored("a", 0.25)}, VerdictKind::Trainable, {"a"}, [](RoundSettings& s) { s.tolerance = 0; }},
        VerdictCase{"wider_trainable_step", {scored("a", 1.5, true)}, VerdictKind::Trainable, {"a"},
                    [](RoundSettings& s) { s.trainable_step = 2.0; }},
        VerdictCase{"wider_tolerance", {scored("a", 0.9), scored("b", 0.9)}, VerdictKind::Meets, {"a", "b"},
                    [](RoundSettings& s) { s.tolerance = 2.0; }}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Verdicts, ReasonsCarryGapSizesAndTheStepTheyBreak) {
  const std::vector<CompetencyResult> results = {scored("a", 0.5), scored("b", 1.5, true)};
  const Verdict verdict = decide(results, settings_with_date());
  ASSERT_EQ(verdict.reasons.size(), 2u);
  EXPECT_DOUBLE_EQ(verdict.reasons[0].gap, 0.5);
  EXPECT_FALSE(verdict.reasons[0].beyond_trainable_step);
  EXPECT_DOUBLE_EQ(verdict.reasons[1].gap, 1.5);
  EXPECT_TRUE(verdict.reasons[1].critical);
  EXPECT_TRUE(verdict.reasons[1].beyond_trainable_step);
  EXPECT_DOUBLE_EQ(verdict.non_critical_gap_total, 0.5);
  EXPECT_DOUBLE_EQ(verdict.largest_gap, 1.5);
}

TEST(Verdicts, ExplanationsAreDutchWithNamesSizesAndDate) {
  const std::map<std::string, std::string> names = {{"a", "Samenwerken"}, {"b", "Plannen en organiseren"}};
  const RoundSettings settings = settings_with_date();

  const std::vector<CompetencyResult> trainable = {scored("a", 0.5, true), scored("b", 0.25)};
  EXPECT_EQ(explain(decide(trainable, settings), names),
            "Trainbaar vóór 1 juli 2026: voldoet nog niet (tekort op kritieke competentie \u2018Samenwerken\u2019), maar geen tekort is "
            "groter dan de trainbare stap van 1,00 punt. Tekorten: \u2018Samenwerken\u2019 0,50 (kritiek) en "
            "\u2018Plannen en organiseren\u2019 0,25.");

  const std::vector<CompetencyResult> failing = {scored("a", 1.5), scored("b", 0.5)};
  EXPECT_EQ(explain(decide(failing, settings), names),
            "Voldoet niet: het tekort op \u2018Samenwerken\u2019 is groter dan de trainbare stap van 1,00 punt. Tekorten: "
            "\u2018Samenwerken\u2019 1,50 en \u2018Plannen en organiseren\u2019 0,50.");

  const std::vector<CompetencyResult> incomplete = {scored("a", 0), not_assessed("b")};
  EXPECT_EQ(explain(decide(incomplete, settings), names),
            "Nog geen oordeel: voor \u2018Plannen en organiseren\u2019 is nog geen enkele score binnen.");

  const std::vector<CompetencyResult> meets = {scored("a", 0)};
  EXPECT_EQ(explain(decide(meets, settings), names), "Voldoet: op geen enkele competentie een tekort.");
}

// ---------------------------------------------------------------------------------------------------------
// A person against a profile, from raw ratings to verdict.

TEST(AssessPerson, ToleranceBoundaryReachedThroughRatings) {
  const FunctionProfile profile{"casemanager", "casemanager", EducationLevel::Hbo,
                                {{"samenwerken", 3, false}, {"plannen", 3, false}}, {{"wmo", 2, true}}};
  // samenwerken: (1·2 + 2·3 + 2·2) / 5 = 2.4 → gap 0.6; plannen: (1·2 + 2·2 + 2·3) / 5 = 2.4 → gap 0.6;
  // total 1.2 > 1.0 → not meets; wmo meets its critical requirement.
  auto ratings = join({rate(self, "samenwerken", {2, 2}), rate(manager, "samenwerken", {3, 3}), rate(external, "samenwerken", {2, 2}),
                       rate(self, "plannen", {2, 2}), rate(manager, "plannen", {2, 2}), rate(external, "plannen", {3, 3}),
                       rate(self, "wmo", {2, 2}), rate(manager, "wmo", {2, 2}), rate(external, "wmo", {2, 2})});
  PersonResult person = assess_person("1001", profile, ratings, settings_with_date());
  EXPECT_EQ(person.verdict.kind, VerdictKind::Trainable);
  EXPECT_EQ(person.verdict.target_date, Date::parse("2026-07-01"));
  EXPECT_EQ(person.competencies.size(), 3u);
  EXPECT_EQ(person.competencies[2].competency_code, "wmo");

  // Raise one external score on plannen: (2 + 4 + 2·3.5) / 5 = 2.6 → gap 0.4; 0.6 + 0.4 = 1.0 → meets.
  for (auto& rating : ratings) {
    if (rating.source == external && rating.competency_code == "plannen" && rating.indicator_code == "i1") rating.score = 4;
  }
  person = assess_person("1001", profile, ratings, settings_with_date());
  EXPECT_NEAR(person.verdict.non_critical_gap_total, 1.0, 1e-12);
  EXPECT_EQ(person.verdict.kind, VerdictKind::Meets);
}

TEST(AssessPerson, GapsOfAThirdFromIndicatorMeansMeetAtTheTolerance) {
  const FunctionProfile profile{"casemanager", "casemanager", EducationLevel::Hbo,
                                {{"samenwerken", 3, false}, {"plannen", 3, false}}, {{"wmo", 3, false}}};
  // Only self-scores so far: each competency (2 + 3 + 3) / 3 = 8/3, a gap of 1/3 three times.
  const auto ratings = join({rate(self, "samenwerken", {2, 3, 3}), rate(self, "plannen", {3, 2, 3}), rate(self, "wmo", {3, 3, 2})});
  const PersonResult person = assess_person("1003", profile, ratings, settings_with_date());
  EXPECT_EQ(person.verdict.kind, VerdictKind::Meets) << explain(person.verdict);
  EXPECT_EQ(person.verdict.reasons.size(), 3u);
  EXPECT_EQ(person.competencies[0].missing_sources, (std::vector<RatingSource>{manager, external}));
}

TEST(AssessPerson, AMissingCompetencyIsNeverCountedAsZero) {
  const FunctionProfile profile{"casemanager", "casemanager", EducationLevel::Hbo, {{"samenwerken", 3, false}, {"plannen", 1, false}}, {}};
  const auto ratings = rate(manager, "samenwerken", {3, 3});
  const PersonResult person = assess_person("1002", profile, ratings, settings_with_date());
  const CompetencyResult* plannen = person.find("plannen");
  ASSERT_NE(plannen, nullptr);
  EXPECT_EQ(plannen->state, CompetencyState::NotAssessed);
  EXPECT_FALSE(plannen->combined);
  EXPECT_FALSE(plannen->gap);
  EXPECT_EQ(person.verdict.kind, VerdictKind::Incomplete);
  EXPECT_EQ(person.verdict.not_assessed, std::vector<std::string>{"plannen"});
}

// ---------------------------------------------------------------------------------------------------------
// Settings and rating checks.

struct SettingsCase {
  const char* name;
  std::function<void(RoundSettings&)> edit;
  const char* code;
  const char* field;
};

class SettingsProblems : public ::testing::TestWithParam<SettingsCase> {};

TEST_P(SettingsProblems, NameTheSetting) {
  RoundSettings settings = settings_with_date();
  GetParam().edit(settings);
  const auto problems = settings_problems(settings);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().code, GetParam().code);
  EXPECT_EQ(problems.front().field, GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, SettingsProblems,
    ::testing::Values(SettingsCase{"no_sources", [](RoundSettings& s) { s.sources.clear(); }, "no_sources", "sources"},
                      SettingsCase{"source_twice", [](RoundSettings& s) { s.sources.push_back(self); }, "duplicate_source", "sources"},
                      SettingsCase{"zero_weight", [](RoundSettings& s) { s.weights.manager = 0; }, "invalid_weight", "weights.manager"},
                      SettingsCase{"peer_weight_checked_when_collected",
                                   [](RoundSettings& s) {
                                     s.sources.push_back(peer);
                                     s.weights.peer = -1;
                                   },
                                   "invalid_weight", "weights.peer"},
                      SettingsCase{"negative_tolerance", [](RoundSettings& s) { s.tolerance = -0.5; }, "invalid_tolerance", "tolerance"},
                      SettingsCase{"negative_step", [](RoundSettings& s) { s.trainable_step = -1; }, "invalid_trainable_step",
                                   "trainable_step"},
                      SettingsCase{"zero_spread", [](RoundSettings& s) { s.spread_threshold = 0; }, "invalid_spread_threshold",
                                   "spread_threshold"},
                      SettingsCase{"no_target_date", [](RoundSettings& s) { s.target_date.reset(); }, "missing_target_date",
                                   "target_date"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Settings, DefaultsAreTheDocumentedOnes) {
  const RoundSettings settings;
  EXPECT_EQ(settings.sources, (std::vector<RatingSource>{self, manager, external}));
  EXPECT_EQ(settings.weights.of(self), 1.0);
  EXPECT_EQ(settings.weights.of(manager), 2.0);
  EXPECT_EQ(settings.weights.of(external), 2.0);
  EXPECT_EQ(settings.weights.of(peer), 1.0);
  EXPECT_EQ(settings.tolerance, 1.0);
  EXPECT_EQ(settings.trainable_step, 1.0);
  EXPECT_EQ(settings.spread_threshold, 2.0);
  EXPECT_TRUE(settings_problems(settings_with_date()).empty());
  for (auto source : {self, manager, external, peer}) EXPECT_EQ(rating_source_from_string(to_string(source)), source);
}

struct RatingCase {
  const char* name;
  Rating rating;
  const char* code;
  const char* field;
};

class RatingProblems : public ::testing::TestWithParam<RatingCase> {};

TEST_P(RatingProblems, EachHasItsOwnCode) {
  const std::vector<Rating> ratings = {Rating{self, "samenwerken", "i1", 3}, GetParam().rating};
  const auto problems = rating_problems(ratings, testing::small_framework(), settings_with_date());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, GetParam().code) << problems[0].message;
  EXPECT_EQ(problems[0].field, GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, RatingProblems,
    ::testing::Values(RatingCase{"unknown_competency", {self, "vliegen", "i1", 3}, "unknown_competency", "ratings[1].competency_code"},
                      RatingCase{"unknown_indicator", {self, "plannen", "i9", 3}, "unknown_indicator", "ratings[1].indicator_code"},
                      RatingCase{"above_scale", {self, "plannen", "i1", 6}, "score_outside_scale", "ratings[1].score"},
                      RatingCase{"below_scale", {manager, "plannen", "i1", 0}, "score_outside_scale", "ratings[1].score"},
                      RatingCase{"source_not_collected", {peer, "plannen", "i1", 3}, "source_not_collected", "ratings[1].source"},
                      RatingCase{"same_indicator_twice", {self, "samenwerken", "i1", 4}, "duplicate_rating", "ratings[1]"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RatingProblems, ValidRatingsAndSeveralPeersPass) {
  RoundSettings settings = settings_with_date();
  settings.sources.push_back(peer);
  const auto ratings = join({rate(self, "samenwerken", {1, 5}), rate(peer, "plannen", {3, 3}), rate(peer, "plannen", {4, 2})});
  EXPECT_TRUE(rating_problems(ratings, testing::small_framework(), settings).empty());
}

}  // namespace
}  // namespace kwm::competence
