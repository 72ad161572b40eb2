// The placement service over the SQL repository, on SQLite and PostgreSQL, without HTTP: what each role
// gets back, the run from the data as stored to confirmed vacancies (FTE in thousandths end to end), and the
// stored documents' format version.
#include <variant>

#include "placement/service.hpp"
#include "store/org_fixture.hpp"
#include "store/placement_repository.hpp"
#include "store/store_test_support.hpp"

namespace kwm::store::testing {
namespace {

using placement::Reorganisation;
using placement::ReorganisationOutline;

class PlacementService : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    organisation().import_file(admin, org::ImportKind::Units, kUnitsCsv);
    organisation().import_file(admin, org::ImportKind::Functions, kFunctionsCsv);
    organisation().import_file(admin, org::ImportKind::Positions, positions_csv());
    organisation().import_file(admin, org::ImportKind::People, people_csv());
    service = placement_service(*db);
    hr = as(admin, Role::hr);
    std::int64_t sd = 0;
    for (const org::UnitView& unit : organisation().unit_tree(admin).units)
      if (unit.unit.code == "SD") sd = unit.unit.id;
    // A reorganisation in place: the social domain's employees onto its own formation lines.
    placement::ReorganisationInput input;
    input.code = "SD-IN-PLACE";
    input.name = "Herschikking";
    input.old_unit_id = sd;
    input.new_unit_id = sd;
    input.preference_deadline = Date::today().plus_days(30);
    input.effective_date = Date::today().plus_days(60);
    id = service->create_reorganisation(hr, input);
  }

  Principal employee(const std::string& personnel_number) {
    Principal principal = as(admin, Role::employee);
    for (const org::Person& person : organisation().list_people(admin, {}, org::Slice::all()).items)
      if (person.personnel_number == personnel_number) principal.person_id = person.id;
    return principal;
  }

  std::shared_ptr<placement::Service> service;
  Principal hr;
  std::int64_t id = 0;
};

TEST_P(PlacementService, EachRoleGetsWhatItMaySee) {
  EXPECT_TRUE(std::holds_alternative<Reorganisation>(service->get_reorganisation(hr, id)));
  const auto council = service->list_reorganisations(as(admin, Role::works_council));
  ASSERT_EQ(council.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ReorganisationOutline>(council.front()));
  // 1004 works in the back office, inside the old formation; an employee of another municipality is not.
  EXPECT_EQ(service->list_reorganisations(employee("1004")).size(), 1u);
  Principal outsider = employee("1004");
  outsider.person_id = 999999;
  EXPECT_TRUE(service->list_reorganisations(outsider).empty());
  EXPECT_EQ(failure_of([&] { service->get_reorganisation(outsider, id); }).kind, ErrorKind::not_found);
  EXPECT_EQ(failure_of([&] { service->list_reorganisations(as(admin, Role::manager)); }).code, "role_not_allowed");
  EXPECT_EQ(failure_of([&] { service->scope(as(admin, Role::works_council), id); }).code, "role_not_allowed");
  const Principal other = as(new_municipality("GM0002"), Role::hr);
  EXPECT_EQ(failure_of([&] { service->get_reorganisation(other, id); }).kind, ErrorKind::not_found);
}

TEST_P(PlacementService, AConfirmedRunOpensItsOpenSlotsAsVacanciesInThousandthsOfAnFte) {
  EXPECT_EQ(failure_of([&] { service->create_run(hr, id, {}); }).code, "mapping_not_confirmed");
  service->confirm_function_mapping(hr, id, {});
  const std::int64_t run_id = service->create_run(hr, id, {"Eerste voorstel"});
  const placement::RunDetail run = service->run(hr, id, run_id);
  EXPECT_EQ(run.headline.figures.employees, 4);
  EXPECT_EQ(static_cast<std::int64_t>(run.placements.size() + run.surplus.size()), 4);
  ASSERT_FALSE(run.open_slots.empty());

  // The works council sees the same run in figures, every group of fewer than five suppressed.
  const placement::RunSummary summary = service->run_summary(as(admin, Role::works_council), id, run_id);
  EXPECT_EQ(summary.figures.employees, 4);
  for (const auto& group : summary.groups.unit) {
    EXPECT_TRUE(group.suppressed);
    EXPECT_FALSE(group.placed.has_value());
  }
  EXPECT_FALSE(service->run_summary(hr, id, run_id).groups.unit.front().suppressed);

  service->confirm_run(hr, id, run_id, {"Besluit"});
  const auto vacancies = service->vacancies(hr, id);
  ASSERT_EQ(vacancies.size(), run.open_slots.size());
  for (std::size_t i = 0; i < vacancies.size(); ++i) {
    EXPECT_EQ(vacancies[i].position_id, run.open_slots[i].position_id);
    EXPECT_EQ(vacancies[i].slots, run.open_slots[i].slots);
    EXPECT_EQ(vacancies[i].fte.milli(), run.open_slots[i].fte.milli());
    EXPECT_EQ(vacancies[i].stage, placement::VacancyStage::Internal);
  }
  EXPECT_EQ(failure_of([&] { service->confirm_run(hr, id, run_id, {}); }).code, "already_confirmed");
  const placement::GivenExplanation own = service->own_explanation(employee("1004"), id);
  ASSERT_TRUE(own.confirmed.has_value());
  EXPECT_EQ(own.confirmed->by, hr.username);
  EXPECT_EQ(own.explanation.person.personnel_number, "1004");
}

TEST_P(PlacementService, StoredDocumentsCarryTheirFormat) {
  service->confirm_function_mapping(hr, id, {});
  service->create_run(hr, id, {});
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorganisations WHERE municipality_id = :m AND settings_json LIKE '%\"format\":1%'",
                  admin.municipality_id),
            1);
  for (const char* column : {"settings_json", "rounds_json", "figures_json", "open_slots_json"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM placement_runs WHERE municipality_id = :m AND ") + column +
                        " LIKE '%\"format\":1%'",
                    admin.municipality_id),
              1)
        << column;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM placement_run_people WHERE municipality_id = :m AND explanation_json NOT LIKE '%\"format\":1%'",
                  admin.municipality_id),
            0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlacementService, kBackends, backend_name);

}  // namespace
}  // namespace kwm::store::testing
