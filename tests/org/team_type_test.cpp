#include <gtest/gtest.h>

#include "org/formation.hpp"

namespace kwm::org {
namespace {

struct Member {
  Engagement engagement;
  const char* function_code;
  const char* function_name;
};

struct Case {
  const char* name;
  UnitKind kind;
  std::optional<Direction> direction;
  std::vector<Member> members;
  std::optional<int> type;
  const char* reason_part;
};

TEST(TeamType, DerivedFromDirectionAndMunicipalConsultants) {
  const Member consultant{Engagement::Employee, "CONS", "Consulent sociaal domein"};
  const Member casemanager{Engagement::Employee, "CM", "Casemanager"};
  const Member coordinator{Engagement::Employee, "TC", "Teamcoördinator"};
  const Member leader{Engagement::Employee, "TL", "Teamleider wijkteams"};
  const Member nurse{Engagement::Secondment, "", ""};
  const Member interim{Engagement::Hired, "CONS", "Consulent sociaal domein"};
  const Case cases[] = {
      {"contractor, only externals", UnitKind::DistrictTeam, Direction::Contractor, {nurse, nurse}, 1, "Teamtype 1"},
      {"contractor, municipal consultant too", UnitKind::DistrictTeam, Direction::Contractor, {consultant, nurse}, 2,
       "1 gemeentelijke consulent"},
      {"municipality, only externals", UnitKind::DistrictTeam, Direction::Municipality, {nurse, interim}, 3,
       "geen gemeentelijke consulenten"},
      {"municipality, only a municipal coordinator", UnitKind::DistrictTeam, Direction::Municipality, {coordinator, nurse}, 3,
       "1 coördinator in dienst van de gemeente telt als leiding"},
      {"municipality, team leader is leadership", UnitKind::YouthTeam, Direction::Municipality, {leader, nurse}, 3,
       "coördinator"},
      {"municipality, casemanager is casework", UnitKind::YouthTeam, Direction::Municipality, {casemanager, nurse}, 4,
       "Teamtype 4"},
      {"municipality, consultants", UnitKind::DistrictTeam, Direction::Municipality, {consultant, consultant, nurse}, 4,
       "2 gemeentelijke consulenten"},
      {"hired interim is not municipal", UnitKind::DistrictTeam, Direction::Contractor, {interim}, 1, "1 externe kracht"},
      {"empty municipal team", UnitKind::DistrictTeam, Direction::Municipality, {}, 3, "geen externe krachten"},
      {"no direction", UnitKind::DistrictTeam, std::nullopt, {consultant}, std::nullopt, "regierol"},
      {"back office has no team type", UnitKind::BackOffice, std::nullopt, {consultant}, std::nullopt, "Alleen wijkteams"},
  };
  for (const Case& c : cases) {
    Unit unit;
    unit.kind = c.kind;
    unit.direction = c.direction;
    if (c.direction == Direction::Contractor) unit.contractor = "Zorggroep Noord";
    TeamComposition team;
    for (const Member& m : c.members) count_member(team, m.engagement, m.function_code, m.function_name);
    const TeamTypeResult result = derive_team_type(unit, team);
    EXPECT_EQ(result.type, c.type) << c.name;
    EXPECT_NE(result.reason.find(c.reason_part), std::string::npos) << c.name << ": " << result.reason;
  }
}

TEST(TeamType, ContractorIsNamedInTheReason) {
  Unit unit;
  unit.kind = UnitKind::DistrictTeam;
  unit.direction = Direction::Contractor;
  unit.contractor = "Zorggroep Noord";
  EXPECT_NE(derive_team_type(unit, {}).reason.find("hoofdaannemer Zorggroep Noord"), std::string::npos);
}

TEST(CoordinatingFunction, WholeWordsAndEndings) {
  struct Case {
    const char* code;
    const char* name;
    bool coordinating;
  };
  const Case cases[] = {
      {"TC", "Teamcoördinator", true},   {"TC", "Teamcoordinator", true}, {"", "Coördinator Wmo", true},
      {"TL", "Teamleider", true},        {"", "Leidinggevende", true},    {"MGR", "Manager sociaal domein", true},
      {"", "Teammanager", true},         {"KM", "Kwartiermaker", true},   {"CM", "Casemanager", false},
      {"CONS", "Consulent Wmo", false},  {"", "Wijkverpleegkundige", false}, {"", "", false},
      {"TEAMLEIDER-1", "Senior", true},
  };
  for (const Case& c : cases) EXPECT_EQ(is_coordinating_function(c.code, c.name), c.coordinating) << c.name << c.code;
}

}  // namespace
}  // namespace kwm::org
