#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "org_fixture.hpp"
#include "org/service.hpp"
#include "store_test_support.hpp"

namespace kwm::store::testing {
namespace {

using org::ImportKind;

class OrgStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    organisation().import_file(admin, ImportKind::Units, kUnitsCsv);
    organisation().import_file(admin, ImportKind::Functions, kFunctionsCsv);
    organisation().import_file(admin, ImportKind::Positions, positions_csv());
    organisation().import_file(admin, ImportKind::People, people_csv());
    for (const UnitView& view : organisation().unit_tree(admin).units) unit_ids[view.unit.code] = view.unit.id;
  }
  const UnitView& view_of(const std::vector<UnitView>& views, const std::string& code) {
    const auto it = std::find_if(views.begin(), views.end(), [&](const UnitView& v) { return v.unit.code == code; });
    if (it == views.end()) throw std::runtime_error("no unit " + code);
    return *it;
  }
  std::vector<std::string> numbers(const org::Page<org::Person>& page) {
    std::vector<std::string> result;
    for (const auto& person : page.items) result.push_back(person.personnel_number);
    std::sort(result.begin(), result.end());
    return result;
  }
  std::int64_t person_id(const std::string& number) {
    return organisation().list_people(admin, PeopleFilter{.q = number}, {0, 1}).items.at(0).id;
  }
  std::int64_t function_id(const std::string& code, const std::string& level) {
    for (const auto& function : organisation().list_functions(admin, code, {0, 100}).items)
      if (function.level == level) return function.id;
    throw std::runtime_error("no function");
  }
  std::map<std::string, std::int64_t> unit_ids;
};

// --- Municipalities -----------------------------------------------------------------------------------

TEST_P(OrgStoreTest, MunicipalitiesAreFoundByCodeWithTheirCooperations) {
  org::Municipality municipality{0, "GM0150", "Deventer", 101000, "Oost", {}};
  municipality.cooperations.push_back({"inkoopregio", "Regio IJsselland", {"GM0148", "GM0193"}});
  organisation().create_municipality(admin, municipality);
  const auto found = organisation().find_municipality("GM0150");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Deventer");
  EXPECT_EQ(found->inhabitants, 101000);
  EXPECT_EQ(found->region, "Oost");
  ASSERT_EQ(found->cooperations.size(), 1u);
  EXPECT_EQ(found->cooperations[0].partner_codes, (std::vector<std::string>{"GM0148", "GM0193"}));
  EXPECT_FALSE(organisation().find_municipality("GM9999"));
  const auto all = organisation().municipalities();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "GM0001");
  EXPECT_EQ(all[1].code, "GM0150");
}

TEST_P(OrgStoreTest, MunicipalityCodeMustBeUniqueAndWellFormed) {
  const Error duplicate = failure_of([&] { organisation().create_municipality(admin, {0, "GM0001", "Dubbel", 1, "", {}}); });
  EXPECT_EQ(duplicate.code, "municipality_exists");
  EXPECT_EQ(duplicate.field, "code");
  EXPECT_EQ(duplicate.kind, ErrorKind::conflict);
  const Error malformed = failure_of([&] { organisation().create_municipality(admin, {0, "G0001", "Fout", 1, "", {}}); });
  EXPECT_EQ(malformed.field, "code");
  EXPECT_EQ(malformed.kind, ErrorKind::invalid);
  const Error partner = failure_of([&] {
    organisation().create_municipality(admin, {0, "GM0002", "Twee", 1, "", {{"arbeidsmarktregio", "Regio", {"0150"}}}});
  });
  EXPECT_EQ(partner.field, "cooperations");
  EXPECT_FALSE(organisation().find_municipality("GM0002"));
}

// --- Formation and team type ---------------------------------------------------------------------------

TEST_P(OrgStoreTest, FormationPerUnitAndRolledUpTheTree) {
  const auto tree = organisation().unit_tree(admin).units;
  ASSERT_EQ(tree.size(), 4u);
  const UnitView& north = view_of(tree, "WT-N");
  EXPECT_EQ(north.own.budgeted.milli(), 2500);
  EXPECT_EQ(north.own.filled.milli(), 1800);
  EXPECT_EQ(north.own.vacant.milli(), 700);
  EXPECT_EQ(north.own.temporary.milli(), 500);
  EXPECT_EQ(north.own.external.milli(), 600);
  EXPECT_EQ(north.own.people, 3);
  const UnitView& department = view_of(tree, "SD");
  EXPECT_EQ(department.own.budgeted.milli(), 0);
  EXPECT_EQ(department.total.budgeted.milli(), 6500);
  EXPECT_EQ(department.total.filled.milli(), 3800);
  EXPECT_EQ(department.total.vacant.milli(), 2700);
  EXPECT_EQ(department.total.external.milli(), 2200);
  EXPECT_EQ(department.total.staff.milli(), 6000);
  EXPECT_EQ(department.total.people, 7);
  EXPECT_EQ(department.total.externals, 3);
  EXPECT_EQ(department.children_ids.size(), 3u);
}

TEST_P(OrgStoreTest, TeamTypeIsDerivedFromTheData) {
  const auto tree = organisation().unit_tree(admin).units;
  EXPECT_EQ(view_of(tree, "WT-N").team_type.type, 4);
  EXPECT_EQ(view_of(tree, "WT-Z").team_type.type, 1);  // its only municipal employee is the coordinator
  EXPECT_FALSE(view_of(tree, "BO").team_type.type);
  // Seconding a municipal consultant into the contractor's team makes it type 2.
  org::Person consultant;
  consultant.personnel_number = "1010";
  consultant.name = "K. Konsulent";
  consultant.unit_id = unit_ids["WT-Z"];
  consultant.function_id = function_id("CONS", "junior");
  consultant.fte = Fte::from_milli(1000);
  organisation().create_person(admin, consultant);
  EXPECT_EQ(organisation().get_unit(admin, unit_ids["WT-Z"]).view.team_type.type, 2);
}

TEST_P(OrgStoreTest, TeamShowsMembersPositionsAndWhatExpiresWithinSixMonths) {
  const Team team = organisation().team_of(admin, unit_ids["WT-N"], Date::today());
  EXPECT_EQ(team.unit.unit.code, "WT-N");
  EXPECT_EQ(team.members.size(), 3u);
  EXPECT_EQ(team.positions.size(), 2u);
  ASSERT_EQ(team.expiring_positions.size(), 1u);
  EXPECT_EQ(team.expiring_positions[0].kind, org::PositionKind::Temporary);
  ASSERT_EQ(team.expiring_contracts.size(), 1u);
  EXPECT_EQ(team.expiring_contracts[0].personnel_number, "1002");
  // The works council sees the figures, not the people.
  const Team aggregate = organisation().team_of(as(admin, Role::works_council), unit_ids["WT-N"], Date::today());
  EXPECT_TRUE(aggregate.members.empty());
  EXPECT_EQ(aggregate.unit.own.people, 3);
}

TEST_P(OrgStoreTest, UnitDetailHasChildrenWithTheirTotals) {
  const org::UnitDetail detail = organisation().get_unit(admin, unit_ids["SD"]);
  ASSERT_EQ(detail.children.size(), 3u);
  EXPECT_EQ(detail.view.total.budgeted.milli(), 6500);
  const auto page = organisation().list_units(admin, "wijkteam", {0, 1});
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].unit.code, "WT-N");
}

// --- Who sees what -------------------------------------------------------------------------------------

TEST_P(OrgStoreTest, AnotherMunicipalitysRecordsAnswerNotFound) {
  const Principal other = new_municipality("GM0002");
  const std::int64_t person = person_id("1001");
  const auto expect_not_found = [](auto work) { EXPECT_EQ(failure_of(work).kind, ErrorKind::not_found); };
  expect_not_found([&] { organisation().get_unit(other, unit_ids["WT-N"]); });
  expect_not_found([&] { organisation().team_of(other, unit_ids["WT-N"], Date::today()); });
  expect_not_found([&] { organisation().get_person(other, person); });
  expect_not_found([&] { organisation().get_function(other, function_id("CONS", "senior")); });
  expect_not_found([&] { organisation().update_person(other, person, organisation().get_person(admin, person)); });
  expect_not_found([&] { organisation().delete_person(other, person); });
  expect_not_found([&] { organisation().delete_unit(other, unit_ids["BO"]); });
  const auto position = organisation().list_positions(admin, {}, {0, 1}).items.at(0).id;
  expect_not_found([&] { organisation().get_position(other, position); });
  EXPECT_EQ(organisation().list_people(other, {}, {0, 100}).total, 0);
  EXPECT_TRUE(organisation().unit_tree(other).units.empty());
  // A unit filter naming another municipality's unit finds nothing there either.
  EXPECT_EQ(organisation().list_people(other, PeopleFilter{.unit_id = unit_ids["SD"]}, {0, 100}).total, 0);
  EXPECT_GT(organisation().get_person(admin, person).id, 0);
}

TEST_P(OrgStoreTest, ManagerSeesOnlyTheirUnitsAndThePeopleInThem) {
  Principal manager = as(admin, Role::manager);
  manager.unit_ids = {unit_ids["WT-N"]};
  EXPECT_EQ(numbers(organisation().list_people(manager, {}, {0, 100})), (std::vector<std::string>{"1001", "1002", "E-1"}));
  EXPECT_EQ(failure_of([&] { organisation().get_person(manager, person_id("1004")); }).kind, ErrorKind::not_found);
  EXPECT_EQ(organisation().get_person(manager, person_id("1001")).personnel_number, "1001");
  const auto tree = organisation().unit_tree(manager).units;
  ASSERT_EQ(tree.size(), 1u);
  EXPECT_EQ(tree[0].unit.code, "WT-N");
  EXPECT_EQ(failure_of([&] { organisation().get_unit(manager, unit_ids["BO"]); }).kind, ErrorKind::not_found);
  EXPECT_EQ(organisation().list_positions(manager, {}, {0, 100}).total, 2);
  EXPECT_EQ(failure_of([&] { organisation().delete_person(manager, person_id("1001")); }).kind, ErrorKind::forbidden);
}

TEST_P(OrgStoreTest, EmployeeSeesOnlyThemselves) {
  Principal employee = as(admin, Role::employee);
  employee.person_id = person_id("1002");
  EXPECT_EQ(numbers(organisation().list_people(employee, {}, {0, 100})), (std::vector<std::string>{"1002"}));
  EXPECT_EQ(failure_of([&] { organisation().get_person(employee, person_id("1001")); }).kind, ErrorKind::not_found);
  EXPECT_EQ(failure_of([&] { organisation().unit_tree(employee).units; }).kind, ErrorKind::forbidden);
  employee.person_id.reset();
  EXPECT_EQ(organisation().list_people(employee, {}, {0, 100}).total, 0);
}

TEST_P(OrgStoreTest, ExternalUserSeesOnlyTheirOrganisationsWorkers) {
  Principal external = as(admin, Role::external);
  external.organisation = "Zorggroep Zuid";
  EXPECT_EQ(numbers(organisation().list_people(external, {}, {0, 100})), (std::vector<std::string>{"E-2"}));
  EXPECT_EQ(failure_of([&] { organisation().get_person(external, person_id("E-1")); }).kind, ErrorKind::not_found);
  EXPECT_EQ(failure_of([&] { organisation().list_functions(external, "", {0, 10}); }).kind, ErrorKind::forbidden);
}

TEST_P(OrgStoreTest, WorksCouncilSeesAggregatesButNoPerson) {
  const Principal council = as(admin, Role::works_council);
  EXPECT_EQ(failure_of([&] { organisation().list_people(council, {}, {0, 100}); }).kind, ErrorKind::forbidden);
  EXPECT_EQ(failure_of([&] { organisation().get_person(council, person_id("1001")); }).kind, ErrorKind::forbidden);
  EXPECT_EQ(organisation().unit_tree(council).units.size(), 4u);
  EXPECT_EQ(organisation().list_positions(council, {}, {0, 100}).total, 4);
}

// --- People lists ---------------------------------------------------------------------------------------

TEST_P(OrgStoreTest, PeopleFiltersAndPagination) {
  EXPECT_EQ(organisation().list_people(admin, PeopleFilter{.q = "de vries"}, {0, 10}).total, 1);
  EXPECT_EQ(organisation().list_people(admin, PeopleFilter{.q = "100"}, {0, 10}).total, 4);
  EXPECT_EQ(organisation().list_people(admin, PeopleFilter{.q = "%"}, {0, 10}).total, 0);  // wildcards are literal
  EXPECT_EQ(organisation().list_people(admin, PeopleFilter{.unit_id = unit_ids["SD"]}, {0, 10}).total, 7);  // subtree
  EXPECT_EQ(organisation().list_people(admin, PeopleFilter{.unit_id = unit_ids["WT-Z"]}, {0, 10}).total, 3);
  EXPECT_EQ(numbers(organisation().list_people(admin, PeopleFilter{.engagement = org::Engagement::Secondment}, {0, 10})),
            (std::vector<std::string>{"E-1", "E-2"}));
  EXPECT_EQ(organisation().list_people(admin, PeopleFilter{.contract = org::Contract::Permanent}, {0, 10}).total, 3);
  EXPECT_EQ(numbers(organisation().list_people(admin, PeopleFilter{.contract_end_before = Date::today().plus_months(6)}, {0, 10})),
            (std::vector<std::string>{"1002"}));
  const auto page = organisation().list_people(admin, {}, {5, 5});
  EXPECT_EQ(page.total, 7);
  EXPECT_EQ(page.items.size(), 2u);
  EXPECT_EQ(organisation().list_functions(admin, "", {0, 2}).total, 4);
  EXPECT_EQ(organisation().list_positions(admin, unit_ids["WT-N"], {0, 10}).total, 2);
}

// --- Editing one record ---------------------------------------------------------------------------------

TEST_P(OrgStoreTest, UnitEditsAreCheckedAndAudited) {
  org::Unit unit;
  unit.code = "JT";
  unit.name = "Jeugdteam";
  unit.kind = org::UnitKind::YouthTeam;
  unit.parent_id = unit_ids["SD"];
  EXPECT_EQ(failure_of([&] { organisation().create_unit(admin, unit); }).field, "direction");
  unit.direction = org::Direction::Municipality;
  const std::int64_t id = organisation().create_unit(admin, unit);
  EXPECT_EQ(organisation().get_unit(admin, id).view.unit.parent_code, "SD");

  unit.code = "WT-N";
  const Error taken = failure_of([&] { organisation().update_unit(admin, id, unit); });
  EXPECT_EQ(taken.code, "unit_exists");
  unit.code = "JT";
  unit.parent_id = id;
  EXPECT_EQ(failure_of([&] { organisation().update_unit(admin, id, unit); }).field, "parent_id");
  unit.parent_id = unit_ids["SD"];
  const Error cycle = failure_of([&] {
    org::Unit department = organisation().get_unit(admin, unit_ids["SD"]).view.unit;
    department.parent_id = id;
    organisation().update_unit(admin, unit_ids["SD"], department);
  });
  EXPECT_EQ(cycle.field, "parent_id");
  unit.name = "Jeugd- en gezinsteam";
  organisation().update_unit(admin, id, unit);
  EXPECT_EQ(organisation().get_unit(admin, id).view.unit.name, "Jeugd- en gezinsteam");

  EXPECT_EQ(failure_of([&] { organisation().delete_unit(admin, unit_ids["SD"]); }).code, "unit_in_use");
  organisation().delete_unit(admin, id);
  EXPECT_EQ(failure_of([&] { organisation().get_unit(admin, id); }).kind, ErrorKind::not_found);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE municipality_id = :m AND entity = 'unit' AND entity_key = 'JT'",
                  admin.municipality_id),
            3);
  EXPECT_EQ(failure_of([&] { organisation().create_unit(as(admin, Role::manager), unit); }).kind, ErrorKind::forbidden);
}

TEST_P(OrgStoreTest, FunctionsInUseCannotBeDeleted) {
  const Error in_use = failure_of([&] { organisation().delete_function(admin, function_id("CONS", "senior")); });
  EXPECT_EQ(in_use.code, "function_in_use");
  EXPECT_EQ(in_use.kind, ErrorKind::conflict);
  const std::int64_t junior = function_id("CONS", "junior");
  org::Function function = organisation().get_function(admin, junior);
  function.level = "senior";
  EXPECT_EQ(failure_of([&] { organisation().update_function(admin, junior, function); }).code, "function_exists");
  organisation().delete_function(admin, junior);
  EXPECT_EQ(organisation().list_functions(admin, "CONS", {0, 10}).total, 1);
}

TEST_P(OrgStoreTest, PositionAndPersonEditsResolveIdsWithinTheMunicipality) {
  org::Position position;
  position.unit_id = unit_ids["BO"];
  position.function_id = function_id("ADM", "medior");
  position.fte = Fte::from_milli(1000);
  position.kind = org::PositionKind::Structural;
  EXPECT_EQ(failure_of([&] { organisation().create_position(admin, position); }).code, "position_exists");
  position.kind = org::PositionKind::Temporary;
  EXPECT_EQ(failure_of([&] { organisation().create_position(admin, position); }).field, "end_date");
  position.end_date = Date::today().plus_months(1);
  const std::int64_t id = organisation().create_position(admin, position);
  EXPECT_EQ(organisation().get_position(admin, id).function_code, "ADM");
  EXPECT_EQ(organisation().get_unit(admin, unit_ids["BO"]).view.own.budgeted.milli(), 4000);
  position.unit_id = 987654;
  EXPECT_EQ(failure_of([&] { organisation().update_position(admin, id, position); }).field, "unit_id");
  organisation().delete_position(admin, id);

  org::Person person = organisation().get_person(admin, person_id("1001"));
  person.personnel_number = "1002";
  const Error duplicate = failure_of([&] { organisation().update_person(admin, person.id, person); });
  EXPECT_EQ(duplicate.code, "person_exists");
  EXPECT_EQ(duplicate.field, "personnel_number");
  person.personnel_number = "1001";
  person.function_id.reset();
  EXPECT_EQ(failure_of([&] { organisation().update_person(admin, person.id, person); }).field, "function_id");
  person.function_id = function_id("CONS", "junior");
  person.fte = Fte::from_milli(1300);
  EXPECT_EQ(failure_of([&] { organisation().update_person(admin, person.id, person); }).field, "fte");
  person.fte = Fte::from_milli(900);
  organisation().update_person(admin, person.id, person);
  const org::Person stored = organisation().get_person(admin, person.id);
  EXPECT_EQ(stored.level, "junior");
  EXPECT_EQ(stored.fte.milli(), 900);
  organisation().delete_person(admin, person.id);
  EXPECT_EQ(organisation().list_people(admin, {}, {0, 100}).total, 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgStoreTest, kBackends, backend_name);

}  // namespace
}  // namespace kwm::store::testing
