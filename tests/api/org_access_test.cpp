// Tenant isolation and role checks on the organisation routes.
#include "api_harness.hpp"

namespace kwm::testing {
namespace {

class OrgAccess : public ApiTest {};
KWM_API_TEST_SUITE(OrgAccess);

std::string id(std::int64_t value) { return std::to_string(value); }

TEST_P(OrgAccess, AnotherMunicipalitysRecordsAnswer404ExactlyLikeMissingOnes) {
  Client hr_a = logged_in("hr-a");
  const std::vector<std::string> foreign = {
      "/api/v1/units/" + id(unit_id("GM9002", "WTB")),
      "/api/v1/units/" + id(unit_id("GM9002", "WTB")) + "/team",
      "/api/v1/people/" + id(person_id("GM9002", "Q001")),
      "/api/v1/functions/" + id(function_id("GM9002", "CM", "casemanager")),
      "/api/v1/positions/" + id(position_id("GM9002", "WTB")),
  };
  const HttpResult missing = hr_a.get("/api/v1/people/99999999");
  ASSERT_EQ(missing.status, 404u);
  for (const std::string& target : foreign) {
    const HttpResult result = hr_a.get(target);
    EXPECT_EQ(result.status, 404u) << target << " " << result.body;
    EXPECT_EQ(result.error_code(), "not_found") << target;
  }
  // Writes too: B's person can be neither changed nor deleted from A.
  EXPECT_EQ(hr_a.del("/api/v1/people/" + id(person_id("GM9002", "Q001"))).status, 404u);
  EXPECT_EQ(hr_a.put("/api/v1/units/" + id(unit_id("GM9002", "WTB")),
                     R"({"code":"WTB","name":"Overgenomen","kind":"district_team","pillars":["care"],"direction":"municipality"})")
                .status,
            404u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE personnel_number = 'Q001'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM units WHERE name = 'Overgenomen'"), 0);
}

TEST_P(OrgAccess, ListsShowOnlyTheOwnMunicipality) {
  Client hr_a = logged_in("hr-a");
  const auto people = hr_a.get("/api/v1/people?page_size=500").json();
  EXPECT_EQ(people.at("total").as_int64(), 4);
  for (const auto& person : people.at("items").as_array()) EXPECT_NE(person.at("personnel_number").as_string(), "Q001");
  const auto units = hr_a.get("/api/v1/units?page_size=500").json();
  EXPECT_EQ(units.at("total").as_int64(), 4);
}

TEST_P(OrgAccess, WorksCouncilSeesAggregatesButNoSinglePerson) {
  Client council = logged_in("council-a");
  EXPECT_EQ(council.get("/api/v1/units/tree").status, 200u);
  EXPECT_EQ(council.get("/api/v1/units/" + id(unit_id("GM9001", "SD"))).status, 200u);
  EXPECT_EQ(council.get("/api/v1/people").status, 403u);
  EXPECT_EQ(council.get("/api/v1/people/" + id(person_id("GM9001", "P001"))).status, 403u);
  EXPECT_EQ(council.get("/api/v1/export/people?format=csv").status, 403u);
  const HttpResult team = council.get("/api/v1/units/" + id(unit_id("GM9001", "WT1")) + "/team");
  if (team.status == 200u) EXPECT_TRUE(team.json().at("members").as_array().empty()) << team.body;
  else EXPECT_EQ(team.status, 403u);
}

TEST_P(OrgAccess, ManagerReadsOwnUnitButNotAnotherUnitsPeople) {
  Client manager = logged_in("manager-a");
  EXPECT_EQ(manager.get("/api/v1/people/" + id(person_id("GM9001", "P001"))).status, 200u);
  EXPECT_EQ(manager.get("/api/v1/people/" + id(person_id("GM9001", "P002"))).status, 404u);
  EXPECT_EQ(manager.get("/api/v1/people/" + id(person_id("GM9001", "P003"))).status, 404u);
  const auto list = manager.get("/api/v1/people?page_size=500").json();
  for (const auto& person : list.at("items").as_array()) {
    EXPECT_TRUE(person.at("personnel_number") == "P001" || person.at("personnel_number") == "E001") << person;
  }
  EXPECT_EQ(list.at("total").as_int64(), 2);
}

TEST_P(OrgAccess, EmployeeSeesOnlyTheirOwnRecord) {
  Client employee = logged_in("employee-a");
  EXPECT_EQ(employee.get("/api/v1/people/" + id(person_id("GM9001", "P001"))).status, 200u);
  EXPECT_EQ(employee.get("/api/v1/people/" + id(person_id("GM9001", "P003"))).status, 404u);
  const auto list = employee.get("/api/v1/people").json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("personnel_number").as_string(), "P001");
}

TEST_P(OrgAccess, ExternalOrganisationSeesOnlyItsSecondedWorkers) {
  Client external = logged_in("external-a");
  const auto list = external.get("/api/v1/people").json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("personnel_number").as_string(), "E001");
  EXPECT_EQ(external.get("/api/v1/people/" + id(person_id("GM9001", "P001"))).status, 404u);
}

TEST_P(OrgAccess, OnlyAdminAndHrWrite) {
  const std::string unit = R"({"code":"PT","name":"Projectteam","kind":"project","pillars":["youth"],"parent_id":)" +
                           id(unit_id("GM9001", "SD")) + "}";
  for (const std::string user : {"manager-a", "employee-a", "council-a", "external-a"}) {
    Client c = logged_in(user);
    EXPECT_EQ(c.post("/api/v1/units", unit).status, 403u) << user;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM units WHERE code = 'PT'"), 0);
  Client hr = logged_in("hr-a");
  const HttpResult created = hr.post("/api/v1/units", unit);
  EXPECT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM units WHERE code = 'PT'"), 1);
}

TEST_P(OrgAccess, FormationRollsUpTheTree) {
  Client hr = logged_in("hr-a");
  const HttpResult result = hr.get("/api/v1/units/" + id(unit_id("GM9001", "SD")));
  ASSERT_EQ(result.status, 200u) << result.body;
  const auto total = result.json().at("total");
  // WT1 2 + 1, WT2 1, BO 1.5 budgeted; P001 0.8 + P002 1 + P003 1 fill positions.
  EXPECT_DOUBLE_EQ(total.at("budgeted_fte").to_number<double>(), 5.5);
  EXPECT_DOUBLE_EQ(total.at("temporary_fte").to_number<double>(), 1.0);
  EXPECT_DOUBLE_EQ(total.at("filled_fte").to_number<double>(), 2.8);
  EXPECT_DOUBLE_EQ(total.at("vacant_fte").to_number<double>(), 2.7);
}

TEST_P(OrgAccess, TeamPageDerivesTheTeamTypeAndSeparatesExternals) {
  Client hr = logged_in("hr-a");
  const HttpResult result = hr.get("/api/v1/units/" + id(unit_id("GM9001", "WT1")) + "/team");
  ASSERT_EQ(result.status, 200u) << result.body;
  const auto team = result.json();
  EXPECT_EQ(team.at("members").as_array().size(), 2u);
  EXPECT_FALSE(team.at("team_type").is_null());
  EXPECT_FALSE(team.at("team_type_reason").as_string().empty());
}

}  // namespace
}  // namespace kwm::testing
