#include "placement/procedure/settings.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "placement/wire.hpp"
#include "procedure_support.hpp"

namespace kwm::placement::procedure {
namespace {

using testing::failure_of;

// As a request body carries them: read by the wire format, rounds without a name named by their kind.
Settings parse(const char* text) {
  Settings settings = wire::from_json<Settings>(boost::json::parse(text), "settings");
  name_rounds(settings);
  return settings;
}

TEST(ProcedureSettings, DefaultsAreTheSocialPlanOfTheIssue) {
  const Settings settings;
  ASSERT_EQ(settings.rounds.size(), 3u);
  EXPECT_EQ(settings.rounds[0].kind, RoundKind::FollowsFunction);
  EXPECT_EQ(settings.rounds[1].kind, RoundKind::Preference);
  EXPECT_EQ(settings.rounds[2].kind, RoundKind::Suitable);
  EXPECT_EQ(settings.rounds[0].name, "Mens-volgt-functie");
  EXPECT_DOUBLE_EQ(settings.bonus_for(1), 30);
  EXPECT_DOUBLE_EQ(settings.bonus_for(3), 10);
  EXPECT_DOUBLE_EQ(settings.bonus_for(4), 0);
  EXPECT_TRUE(settings.breaks_ties_on(TieBreak::Seniority));
  EXPECT_TRUE(settings_problems(settings, 3).empty());
}

TEST(ProcedureSettings, JsonKeepsDefaultsForAbsentFieldsAndRoundTrips) {
  const Settings settings = parse(R"({"weights":{"interview":1},"tie_breaks":["preference_rank"],
    "rounds":[{"kind":"preference"},{"kind":"suitable","name":"Passend werk"}],"slots":[{"position_id":7,"slots":0}]})");
  EXPECT_DOUBLE_EQ(settings.weights.interview, 1);
  EXPECT_DOUBLE_EQ(settings.weights.competency, 0.5);
  ASSERT_EQ(settings.tie_breaks.size(), 1u);
  EXPECT_EQ(settings.tie_breaks[0], TieBreak::PreferenceRank);
  ASSERT_EQ(settings.rounds.size(), 2u);
  EXPECT_EQ(settings.rounds[0].name, "Voorkeur");
  EXPECT_EQ(settings.rounds[1].name, "Passend werk");
  EXPECT_EQ(settings.slots_for(7), 0);
  EXPECT_FALSE(settings.slots_for(8).has_value());
  const Settings again = wire::from_json<Settings>(wire::to_json(settings));
  EXPECT_EQ(boost::json::serialize(wire::to_json(again)), boost::json::serialize(wire::to_json(settings)));
}

TEST(ProcedureSettings, EveryBadFieldIsNamedByItsPath) {
  struct Case {
    const char* json;
    const char* field;
  };
  for (const Case& c : {Case{R"({"weights":{"interview":"veel"}})", "settings.weights.interview"},
                        Case{R"({"rounds":[{"kind":"loting"}]})", "settings.rounds[0].kind"},
                        Case{R"({"rounds":[{"name":"zonder soort"}]})", "settings.rounds[0].kind"},
                        Case{R"({"tie_breaks":["leeftijd"]})", "settings.tie_breaks[0]"},
                        Case{R"({"slots":[{"position_id":1.5,"slots":1}]})", "settings.slots[0].position_id"},
                        Case{R"({"require_education":"ja"})", "settings.require_education"},
                        Case{R"([1,2])", "settings"}}) {
    const Error error = failure_of([&] { parse(c.json); });
    EXPECT_EQ(error.field, c.field) << c.json;
    EXPECT_EQ(error.kind, ErrorKind::invalid) << c.json;
  }
}

TEST(ProcedureSettings, ValidationRefusesSettingsThatCannotWork) {
  const auto first_field = [](const Settings& settings, int max_preferences = 3) {
    const auto problems = settings_problems(settings, max_preferences);
    return problems.empty() ? std::string() : problems.front().field;
  };
  Settings settings;
  settings.weights = Weights{0, 0, 0};
  EXPECT_EQ(first_field(settings), "settings.weights");
  settings = Settings{};
  settings.weights.appraisal = -1;
  EXPECT_EQ(first_field(settings), "settings.weights.appraisal");
  settings = Settings{};
  EXPECT_EQ(first_field(settings, 2), "settings.preference_bonus");
  settings = Settings{};
  settings.preference_bonus = {30, -5};
  EXPECT_EQ(first_field(settings), "settings.preference_bonus[1]");
  settings = Settings{};
  settings.rounds = {{RoundKind::Preference, "A"}, {RoundKind::Preference, "B"}};
  EXPECT_EQ(first_field(settings), "settings.rounds[1].kind");
  settings = Settings{};
  settings.rounds.clear();
  EXPECT_EQ(first_field(settings), "settings.rounds");
  settings = Settings{};
  settings.tie_breaks = {TieBreak::Seniority, TieBreak::Seniority};
  EXPECT_EQ(first_field(settings), "settings.tie_breaks[1]");
  settings = Settings{};
  settings.slots = {{1, kMaxSlotsPerPosition + 1}};
  EXPECT_EQ(first_field(settings), "settings.slots[0].slots");
  settings = Settings{};
  settings.hours_tolerance = 2;
  EXPECT_EQ(first_field(settings), "settings.hours_tolerance");
}

TEST(ProcedureSettings, SlotOverridesMustNameNewPositionsOnce) {
  Settings settings;
  settings.slots = {{5, 1}};
  EXPECT_EQ(failure_of([&] { check_slot_overrides(settings, {6, 7}); }).code, "not_in_new_formation");
  settings.slots = {{6, 1}, {6, 2}};
  EXPECT_EQ(failure_of([&] { check_slot_overrides(settings, {6, 7}); }).field, "settings.slots[1].position_id");
  settings.slots = {{6, 1}, {7, 0}};
  EXPECT_NO_THROW(check_slot_overrides(settings, {6, 7}));
}

}  // namespace
}  // namespace kwm::placement::procedure
