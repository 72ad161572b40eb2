// The placement procedure on the `medium` demo municipality (about 55 FTE, the study's mid-sized case),
// end to end through the API on SQLite and PostgreSQL: preferences → run → lock a pair → rerun → confirm
// → explanations → objection, checking what must hold for every employee rather than a hand-made answer.
#include <boost/json.hpp>

#include <map>
#include <set>

#include "api_harness.hpp"
#include "core/date.hpp"
#include "demo/generator.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "store/user_store.hpp"

namespace kwm::testing {
namespace {

namespace json = boost::json;

std::string id(std::int64_t value) { return std::to_string(value); }
std::string body(const json::object& object) { return json::serialize(object); }

class PlacementOnTheMediumDemo : public ApiTest {
 protected:
  // The medium demo as a third municipality, with an HR, an employee and a works council account.
  void load_demo() {
    const auto municipalities = demo::generate(demo::Size::medium, 20140101, *Date::parse("2026-01-15"));
    ASSERT_EQ(municipalities.size(), 1u);
    const demo::DemoMunicipality& m = municipalities.front();
    ASSERT_NE(m.code, "GM9001");
    ASSERT_NE(m.code, "GM9002");
    org::Municipality municipality{0, m.code, m.name, m.inhabitants, m.region, {}};
    Principal admin;
    admin.username = "test-setup";
    admin.role = Role::admin;
    admin.municipality_id = store::organisation_service(db())->create_municipality(admin, municipality);
    admin.municipality_code = m.code;
    for (const auto& [kind, csv] : {std::pair{org::ImportKind::Units, &m.units_csv}, std::pair{org::ImportKind::Functions, &m.functions_csv},
                                    std::pair{org::ImportKind::Positions, &m.positions_csv}, std::pair{org::ImportKind::People, &m.people_csv}}) {
      store::organisation_service(db())->import_file(admin, kind, *csv);
    }
    // The employee account belongs to the first employee (by personnel number) of the social domain.
    const auto people = store::organisation_service(db())->list_people(admin, {}, org::Slice{0, 1000});
    for (const org::Person& person : people.items) {
      if (person.engagement != org::Engagement::Employee) continue;
      if (employee_number.empty() || person.personnel_number < employee_number) employee_number = person.personnel_number;
    }
    const auto units = store::organisation_service(db())->unit_tree(admin).units;
    for (const org::UnitView& unit : units)
      if (!unit.unit.parent_id) root_unit = unit.unit.id;
    for (const auto& [username, role] : {std::pair{"hr-demo", Role::hr}, std::pair{"employee-demo", Role::employee},
                                         std::pair{"council-demo", Role::works_council}}) {
      store::NewUser user;
      user.municipality_id = admin.municipality_id;
      user.username = username;
      user.password = "correct horse battery";
      user.role = role;
      if (role == Role::employee) user.personnel_number = employee_number;
      store::create_user(db(), admin, user);
    }
  }

  std::string employee_number;
  std::int64_t root_unit = 0;
};
KWM_API_TEST_SUITE(PlacementOnTheMediumDemo);

TEST_P(PlacementOnTheMediumDemo, AReorganisationInPlaceFromPreferencesToObjection) {
  load_demo();
  Client hr = logged_in("hr-demo");
  const Date deadline = Date::today().plus_days(30);
  const HttpResult created = hr.post("/api/v1/reorganisations", body({{"code", "PSD-2027"},
                                                                      {"name", "Herinrichting sociaal domein"},
                                                                      {"old_unit_id", root_unit},
                                                                      {"new_unit_id", root_unit},
                                                                      {"preference_deadline", deadline.iso()},
                                                                      {"effective_date", deadline.plus_days(30).iso()}}));
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string path = "/api/v1/reorganisations/" + id(created.json().at("id").as_int64());
  const std::int64_t employees = created.json().at("employees").as_int64();
  EXPECT_GT(employees, 40);

  // HR confirms that every function that stays is exchangeable with itself, and keeps the other proposals.
  const json::value mapping = hr.get(path + "/function-mapping").json();
  json::array same;
  for (const json::value& pair : mapping.at("pairs").as_array()) {
    if (pair.at("old_function_id") == pair.at("new_function_id")) {
      same.push_back(json::object{{"old_function_id", pair.at("old_function_id")}, {"new_function_id", pair.at("new_function_id")},
                                  {"match", "exchangeable"}});
    }
  }
  ASSERT_EQ(hr.put(path + "/function-mapping", body({{"pairs", same}})).status, 200u);

  // The employee names two functions of the new formation; HR enters an interview score for everyone on
  // their own function, so that candidates for the same place differ.
  const json::value scope = hr.get(path + "/scope").json();
  std::map<std::int64_t, std::int64_t> slots_of;
  for (const json::value& position : scope.at("positions").as_array()) slots_of[position.at("position_id").as_int64()] = position.at("slots").as_int64();
  Client employee = logged_in("employee-demo");
  const json::value functions = employee.get(path + "/functions").json();
  ASSERT_GE(functions.at("items").as_array().size(), 2u);
  json::array choices;
  for (std::size_t i = 0; i < 2; ++i) {
    choices.push_back(json::object{{"function_id", functions.at("items").at(i).at("function_id")}, {"motivation", "Past bij mijn ervaring"}});
  }
  ASSERT_EQ(employee.put(path + "/my-preferences", body({{"preferences", choices}})).status, 200u);
  json::array scores;
  int n = 0;
  for (const json::value& person : scope.at("employees").as_array()) {
    if (person.at("function_id").is_null()) continue;
    scores.push_back(json::object{{"person_id", person.at("person_id")}, {"function_id", person.at("function_id")}, {"score", 4 + (n++ % 6)}});
  }
  const HttpResult entered = hr.put(path + "/interview-scores", body({{"scores", scores}}));
  ASSERT_EQ(entered.status, 200u) << entered.body;

  // Run 1: everyone placed or surplus, no position over its slots, every explanation about its own person.
  HttpResult run = hr.post(path + "/runs", "{}");
  ASSERT_EQ(run.status, 201u) << run.body;
  const json::value first = run.json();
  const auto& placements = first.at("placements").as_array();
  const auto& surplus = first.at("surplus").as_array();
  EXPECT_EQ(static_cast<std::int64_t>(placements.size() + surplus.size()), employees);
  std::map<std::int64_t, std::int64_t> taken;
  std::set<std::int64_t> placed_people;
  for (const json::value& placement : placements) {
    ++taken[placement.at("position_id").as_int64()];
    EXPECT_TRUE(placed_people.insert(placement.at("person_id").as_int64()).second);
  }
  for (const auto& [position, count] : taken) EXPECT_LE(count, slots_of[position]) << "position " << position;
  std::int64_t open = 0;
  for (const json::value& slot : first.at("open_slots").as_array()) open += slot.at("slots").as_int64();
  std::int64_t total_slots = 0;
  for (const auto& [position, slots] : slots_of) total_slots += slots;
  EXPECT_EQ(open + static_cast<std::int64_t>(placements.size()), total_slots);

  const std::string run_path = path + "/runs/" + id(first.at("id").as_int64());
  const json::value explanations = hr.get(run_path + "/explanations").json();
  ASSERT_EQ(static_cast<std::int64_t>(explanations.at("items").as_array().size()), employees);
  std::vector<std::string> names;
  for (const json::value& person : scope.at("employees").as_array()) names.emplace_back(person.at("name").as_string());
  for (const json::value& explanation : explanations.at("items").as_array()) {
    const std::string own(explanation.at("name").as_string());
    const std::string text(explanation.at("text").as_string());
    EXPECT_FALSE(text.empty());
    for (const std::string& name : names) {
      if (name != own) EXPECT_EQ(text.find(name), std::string::npos) << own << "'s explanation names " << name;
    }
    EXPECT_EQ(explanation.at("outcome") == "placed", placed_people.contains(explanation.at("person_id").as_int64()));
  }

  // HR fixes one person on an open place (or, with no open place, on the place of their first near miss)
  // and runs again: that pair is in the new proposal, in HR's round.
  ASSERT_FALSE(first.at("open_slots").as_array().empty() && surplus.empty());
  const std::int64_t person = surplus.empty() ? placements.at(0).at("person_id").as_int64() : surplus.at(0).at("person_id").as_int64();
  const std::int64_t position = first.at("open_slots").as_array().empty() ? placements.at(1).at("position_id").as_int64()
                                                                           : first.at("open_slots").at(0).at("position_id").as_int64();
  const HttpResult locked = hr.post(path + "/pair-decisions", body({{"person_id", person}, {"position_id", position}, {"decision", "lock"},
                                                                    {"reason", "Afspraak uit het sociaal plan"}}));
  ASSERT_EQ(locked.status, 201u) << locked.body;
  run = hr.post(path + "/runs", "{}");
  ASSERT_EQ(run.status, 201u) << run.body;
  const json::value second = run.json();
  bool found = false;
  for (const json::value& placement : second.at("placements").as_array()) {
    if (placement.at("person_id").as_int64() != person) continue;
    found = true;
    EXPECT_EQ(placement.at("position_id").as_int64(), position);
    EXPECT_TRUE(placement.at("locked").as_bool());
    EXPECT_EQ(placement.at("round").as_int64(), 0);
  }
  EXPECT_TRUE(found);

  // Confirm, then the employee's own explanation, the vacancies and an objection.
  const std::string second_path = path + "/runs/" + id(second.at("id").as_int64());
  ASSERT_EQ(hr.post(second_path + "/confirm", R"({"note":"Besluit van de gemeentesecretaris"})").status, 200u);
  const json::value mine = employee.get(path + "/my-explanation").json();
  EXPECT_EQ(mine.at("personnel_number").as_string(), employee_number);
  EXPECT_EQ(mine.at("preferences").as_array().size(), 2u);
  EXPECT_EQ(mine.at("confirmed").at("by"), "hr-demo");
  std::int64_t open_lines = 0;
  for (const json::value& slot : second.at("open_slots").as_array()) open_lines += slot.at("slots").as_int64() > 0 ? 1 : 0;
  EXPECT_EQ(static_cast<std::int64_t>(hr.get(path + "/vacancies").json().at("items").as_array().size()), open_lines);
  const HttpResult objection = employee.post(path + "/objections", R"({"grounds":"Mijn tweede voorkeur had beter gepast"})");
  ASSERT_EQ(objection.status, 201u) << objection.body;
  EXPECT_EQ(objection.json().at("explanation").at("personnel_number").as_string(), employee_number);

  // The works council sees the comparison of both runs, with every small group suppressed.
  Client council = logged_in("council-demo");
  const HttpResult comparison = council.get(path + "/run-comparison");
  ASSERT_EQ(comparison.status, 200u) << comparison.body;
  const json::value runs = comparison.json();
  ASSERT_EQ(runs.at("runs").as_array().size(), 2u);
  for (const json::value& summary : runs.at("runs").as_array()) {
    EXPECT_EQ(summary.at("figures").at("employees").as_int64(), employees);
    for (const auto& [dimension, groups] : summary.at("groups").as_object()) {
      for (const json::value& group : groups.as_array()) {
        if (group.at("suppressed").as_bool()) continue;
        EXPECT_GE(group.at("employees").as_int64(), 5) << dimension << " " << group;
      }
    }
  }
  for (const std::string& name : names) EXPECT_EQ(comparison.body.find(name), std::string::npos) << name;
}

}  // namespace
}  // namespace kwm::testing
