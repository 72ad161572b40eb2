// The placement procedure end to end through the API, on SQLite and PostgreSQL: a new formation, the
// function mapping, preferences (an employee's own and HR's paper forms), interview scores and appraisals,
// a run, a locked pair, a rerun, confirmation, explanations, vacancies and objections; plus purpose
// limitation, roles and tenant isolation.
#include <boost/json.hpp>

#include "competence_support.hpp"
#include "core/date.hpp"

namespace kwm::testing {
namespace {

namespace json = boost::json;

std::string id(std::int64_t value) { return std::to_string(value); }
std::string body(const json::object& object) { return json::serialize(object); }

const json::value* find_by(const json::value& items, const char* key, const json::value& value) {
  for (const json::value& item : items.as_array())
    if (item.at(key) == value) return &item;
  return nullptr;
}

class PlacementProcedure : public CompetenceApiTest {
 protected:
  // The new formation: a unit NW with three lines (casemanager 1, senior 1, administratief 2 fte), one more
  // casemanager (P004) in the old formation, and a reorganisation from SD to NW whose deadline lies ahead.
  void seed_reorganisation(Client& hr) {
    HttpResult unit = hr.post("/api/v1/units", R"({"code":"NW","name":"Sociaal Domein Nieuw","kind":"department","pillars":["care"]})");
    ASSERT_EQ(unit.status, 201u) << unit.body;
    new_unit = unit.json().at("id").as_int64();
    const std::pair<std::pair<const char*, const char*>, double> lines[] = {
        {{"CM", "casemanager"}, 1.0}, {{"CM", "senior"}, 1.0}, {{"AM", "medewerker"}, 2.0}};
    for (const auto& [function, fte] : lines) {
      const HttpResult position = hr.post("/api/v1/positions", body({{"unit_id", new_unit},
                                                                        {"function_id", function_id("GM9001", function.first, function.second)},
                                                                        {"fte", fte},
                                                                        {"kind", "structural"}}));
      ASSERT_EQ(position.status, 201u) << position.body;
      positions.push_back(position.json().at("id").as_int64());
    }
    const HttpResult person = hr.post("/api/v1/people", body({{"personnel_number", "P004"},
                                                               {"name", "Dirk Hoekstra"},
                                                               {"unit_id", unit_id("GM9001", "WT1")},
                                                               {"function_id", function_id("GM9001", "CM", "casemanager")},
                                                               {"fte", 1},
                                                               {"contract", "permanent"},
                                                               {"hire_date", "2020-03-01"},
                                                               {"education_level", "hbo"},
                                                               {"engagement", "employee"}}));
    ASSERT_EQ(person.status, 201u) << person.body;
    deadline = Date::today().plus_days(365);
    const HttpResult created = hr.post("/api/v1/reorganisations", body({{"code", "SD-2027"},
                                                                        {"name", "Herinrichting sociaal domein"},
                                                                        {"old_unit_id", unit_id("GM9001", "SD")},
                                                                        {"new_unit_id", new_unit},
                                                                        {"preference_deadline", deadline.iso()},
                                                                        {"effective_date", deadline.plus_days(1).iso()}}));
    ASSERT_EQ(created.status, 201u) << created.body;
    reorganisation = "/api/v1/reorganisations/" + id(created.json().at("id").as_int64());
  }

  std::int64_t cm() { return function_id("GM9001", "CM", "casemanager"); }
  std::int64_t senior() { return function_id("GM9001", "CM", "senior"); }
  std::int64_t am() { return function_id("GM9001", "AM", "medewerker"); }

  void confirm_mapping(Client& hr) {
    const HttpResult confirmed = hr.put(reorganisation + "/function-mapping",
                                        body({{"pairs", json::array{json::object{{"old_function_id", cm()}, {"new_function_id", cm()}, {"match", "exchangeable"}},
                                                                    json::object{{"old_function_id", cm()}, {"new_function_id", senior()}, {"match", "suitable"}}}}}));
    ASSERT_EQ(confirmed.status, 200u) << confirmed.body;
  }

  std::int64_t new_unit = 0;
  std::vector<std::int64_t> positions;  // casemanager, senior, administratief
  Date deadline;
  std::string reorganisation;
};
KWM_API_TEST_SUITE(PlacementProcedure);

TEST_P(PlacementProcedure, FromPreferencesThroughARerunToConfirmationExplanationsAndObjections) {
  Client hr = logged_in("hr-a");
  seed_reorganisation(hr);
  Client employee = logged_in("employee-a");  // P001

  // The mapping is proposed without profiles: the same function only, by its status.
  const auto mapping = hr.get(reorganisation + "/function-mapping").json();
  EXPECT_TRUE(mapping.at("confirmed").is_null());
  ASSERT_EQ(mapping.at("pairs").as_array().size(), 6u);  // CM/casemanager and AM/medewerker × three new levels
  for (const json::value& pair : mapping.at("pairs").as_array()) {
    if (pair.at("old_function_id") == am() && pair.at("new_function_id") == am()) EXPECT_EQ(pair.at("proposed"), "exchangeable");
    if (pair.at("old_function_id") == cm() && pair.at("new_function_id") == cm()) EXPECT_EQ(pair.at("proposed"), "equivalent");
  }
  EXPECT_EQ(hr.post(reorganisation + "/runs", "{}").error_code(), "mapping_not_confirmed");
  confirm_mapping(hr);
  EXPECT_EQ(hr.get(reorganisation + "/function-mapping").json().at("confirmed").at("by"), "hr-a");

  // The employee states preferences: the rules first, then a valid list.
  const auto functions = employee.get(reorganisation + "/functions").json();
  EXPECT_EQ(functions.at("items").as_array().size(), 3u);
  const auto own = employee.get(reorganisation + "/my-preferences").json();
  EXPECT_TRUE(own.at("open").as_bool());
  EXPECT_EQ(own.at("max_preferences").as_int64(), 3);
  const auto choice = [](std::int64_t function, const char* motivation) {
    return json::object{{"function_id", function}, {"motivation", motivation}};
  };
  HttpResult saved = employee.put(reorganisation + "/my-preferences",
                                  body({{"preferences", json::array{choice(senior(), "Ik wil doorgroeien"), choice(senior(), "Nog eens")}}}));
  EXPECT_EQ(saved.error_code(), "duplicate_preference");
  EXPECT_EQ(saved.json().at("error").at("field"), "preferences[1].function_id");
  saved = employee.put(reorganisation + "/my-preferences", body({{"preferences", json::array{choice(senior(), " ")}}}));
  EXPECT_EQ(saved.json().at("error").at("field"), "preferences[0].motivation");
  saved = employee.put(reorganisation + "/my-preferences",
                       body({{"preferences", json::array{choice(function_id("GM9001", "CM", "casemanager") + 999, "x")}}}));
  EXPECT_EQ(saved.status, 422u);
  saved = employee.put(reorganisation + "/my-preferences",
                       body({{"preferences", json::array{choice(senior(), "a"), choice(cm(), "b"), choice(am(), "c"), choice(cm(), "d")}}}));
  EXPECT_EQ(saved.error_code(), "too_many_preferences");
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorganisation_preferences"), 0);
  saved = employee.put(reorganisation + "/my-preferences",
                       body({{"preferences", json::array{choice(senior(), "Ik wil doorgroeien naar senior"), choice(cm(), "Mijn vak")}}}));
  ASSERT_EQ(saved.status, 200u) << saved.body;
  EXPECT_EQ(saved.json().at("preferences").at(0).at("function_code"), "CM");
  EXPECT_EQ(saved.json().at("preferences").at(0).at("level"), "senior");

  // HR enters P004's paper form and sees who has not responded.
  const HttpResult paper = hr.put(reorganisation + "/preferences/" + id(person_id("GM9001", "P004")),
                                  body({{"preferences", json::array{choice(senior(), "Per brief van 3 maart")}}}));
  ASSERT_EQ(paper.status, 200u) << paper.body;
  const auto responses = hr.get(reorganisation + "/preferences?responded=false").json();
  EXPECT_EQ(responses.at("responded").as_int64(), 2);
  EXPECT_EQ(responses.at("not_responded").as_int64(), 2);
  ASSERT_EQ(responses.at("employees").as_array().size(), 2u);
  EXPECT_EQ(responses.at("employees").at(0).at("personnel_number"), "P002");
  EXPECT_EQ(responses.at("employees").at(1).at("personnel_number"), "P003");

  // The selection committee's scores and the last appraisals.
  const auto score = [this](const char* person, std::int64_t function, double value) {
    return json::object{{"person_id", person_id("GM9001", person)}, {"function_id", function}, {"score", value}};
  };
  HttpResult scores = hr.put(reorganisation + "/interview-scores",
                             body({{"scores", json::array{score("P001", senior(), 7), score("P002", cm(), 11)}}}));
  EXPECT_EQ(scores.json().at("error").at("field"), "scores[1].score");
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorganisation_interviews"), 0);
  scores = hr.put(reorganisation + "/interview-scores",
                  body({{"scores", json::array{score("P001", senior(), 7), score("P001", cm(), 6), score("P002", cm(), 8),
                                               score("P004", senior(), 9)}}}));
  ASSERT_EQ(scores.status, 200u) << scores.body;
  EXPECT_EQ(scores.json().at("items").as_array().size(), 4u);
  const HttpResult appraisals = hr.put(reorganisation + "/appraisals",
                                       body({{"appraisals", json::array{json::object{{"person_id", person_id("GM9001", "P001")}, {"score", 4}, {"date", "2025-11-01"}},
                                                                        json::object{{"person_id", person_id("GM9001", "P002")}, {"score", 3}, {"date", "2025-11-01"}}}}}));
  ASSERT_EQ(appraisals.status, 200u) << appraisals.body;

  // Every score has its breakdown: interview 60 and appraisal 75, weighted 0.6 and 0.4 without a competency fit.
  const auto breakdown =
      hr.get(reorganisation + "/suitability?person_id=" + id(person_id("GM9001", "P001")) + "&position_id=" + id(positions[0])).json();
  ASSERT_EQ(breakdown.at("total").as_int64(), 1);
  const json::value& pair = breakdown.at("items").at(0);
  EXPECT_DOUBLE_EQ(pair.at("score").to_number<double>(), 66.0);
  EXPECT_EQ(pair.at("components").at(0).at("status"), "missing");
  EXPECT_DOUBLE_EQ(pair.at("components").at(1).at("share").to_number<double>(), 0.6);
  EXPECT_DOUBLE_EQ(pair.at("components").at(2).at("contribution").to_number<double>(), 30.0);
  EXPECT_TRUE(pair.at("eligible").as_bool());
  EXPECT_EQ(hr.get(reorganisation + "/suitability").json().at("total").as_int64(), 12);  // 4 employees × 3 positions

  // Run 1: P002 follows the casemanager function, P003 the administrative one, P004 wins the senior place.
  HttpResult run = hr.post(reorganisation + "/runs", R"({"note":"Eerste voorstel"})");
  ASSERT_EQ(run.status, 201u) << run.body;
  const auto first = run.json();
  const std::int64_t first_run = first.at("id").as_int64();
  EXPECT_EQ(first.at("status"), "proposal");
  EXPECT_EQ(first.at("figures").at("placed").as_int64(), 3);
  EXPECT_EQ(first.at("figures").at("surplus").as_int64(), 1);
  ASSERT_EQ(first.at("surplus").as_array().size(), 1u);
  EXPECT_EQ(first.at("surplus").at(0).at("personnel_number"), "P001");
  // Closest first: the casemanager place in round 1 (2 points; a tie would have gone to P001's longer
  // service), then the senior place in the preference round.
  const json::value& near_misses = first.at("surplus").at(0).at("near_misses");
  ASSERT_EQ(near_misses.as_array().size(), 2u);
  EXPECT_EQ(near_misses.at(0).at("position_id").as_int64(), positions[0]);
  EXPECT_EQ(near_misses.at(0).at("round_name"), "Mens-volgt-functie");
  EXPECT_DOUBLE_EQ(near_misses.at(0).at("points_short").to_number<double>(), 2.0);
  EXPECT_EQ(near_misses.at(1).at("position_id").as_int64(), positions[1]);
  EXPECT_DOUBLE_EQ(near_misses.at(1).at("points_short").to_number<double>(), 18.0);
  const json::value* p004 = find_by(first.at("placements"), "personnel_number", "P004");
  ASSERT_NE(p004, nullptr);
  EXPECT_EQ(p004->at("round_name"), "Voorkeur");
  EXPECT_DOUBLE_EQ(p004->at("bonus").to_number<double>(), 30.0);
  EXPECT_EQ(find_by(first.at("placements"), "personnel_number", "P002")->at("round_name"), "Mens-volgt-functie");

  // P001's explanation, as HR reads it: why neither preference was granted, without anyone else's score.
  const auto why = hr.get(reorganisation + "/runs/" + id(first_run) + "/explanations/" + id(person_id("GM9001", "P001"))).json();
  EXPECT_EQ(why.at("outcome"), "surplus");
  EXPECT_EQ(why.at("preferences").at(0).at("reason"), "higher_candidate");
  EXPECT_DOUBLE_EQ(why.at("preferences").at(0).at("points_short").to_number<double>(), 18.0);
  EXPECT_EQ(why.at("preferences").at(1).at("reason"), "no_place_left");
  const std::string text(why.at("text").as_string());
  EXPECT_NE(text.find("een kandidaat met een hogere geschiktheidsscore"), std::string::npos) << text;
  EXPECT_NE(text.find("geen plaats meer na ronde 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Met 18 punten meer was u hier geplaatst."), std::string::npos) << text;
  EXPECT_EQ(text.find("Hoekstra"), std::string::npos) << text;
  EXPECT_EQ(text.find("120"), std::string::npos) << text;

  // HR fixes P001 on the senior place, forbids another pair, and runs again.
  HttpResult decision = hr.post(reorganisation + "/pair-decisions",
                                body({{"person_id", person_id("GM9001", "P001")}, {"position_id", positions[1]}, {"decision", "lock"}, {"reason", ""}}));
  EXPECT_EQ(decision.error_code(), "reason_required");
  decision = hr.post(reorganisation + "/pair-decisions", body({{"person_id", person_id("GM9001", "P001")},
                                                               {"position_id", positions[1]},
                                                               {"decision", "lock"},
                                                               {"reason", "Toegezegd bij de vorige reorganisatie"}}));
  ASSERT_EQ(decision.status, 201u) << decision.body;
  EXPECT_EQ(hr.post(reorganisation + "/pair-decisions", body({{"person_id", person_id("GM9001", "P004")},
                                                              {"position_id", positions[1]},
                                                              {"decision", "lock"},
                                                              {"reason", "Ook deze"}}))
                .error_code(),
            "no_slot_left");
  ASSERT_EQ(hr.post(reorganisation + "/pair-decisions", body({{"person_id", person_id("GM9001", "P002")},
                                                              {"position_id", positions[1]},
                                                              {"decision", "forbid"},
                                                              {"reason", "Werkt niet onder eigen partner"}}))
                .status,
            201u);
  EXPECT_EQ(hr.get(reorganisation + "/pair-decisions").json().at("items").as_array().size(), 2u);
  run = hr.post(reorganisation + "/runs", R"({"note":"Met vastgezette plaats"})");
  ASSERT_EQ(run.status, 201u) << run.body;
  const auto second = run.json();
  const std::int64_t second_run = second.at("id").as_int64();
  EXPECT_EQ(second.at("number").as_int64(), 2);
  EXPECT_EQ(second.at("rounds").at(0).at("name"), "Vastgezet door HR");
  const json::value* locked = find_by(second.at("placements"), "personnel_number", "P001");
  ASSERT_NE(locked, nullptr);
  EXPECT_TRUE(locked->at("locked").as_bool());
  EXPECT_EQ(locked->at("position_id").as_int64(), positions[1]);
  EXPECT_EQ(second.at("surplus").at(0).at("personnel_number"), "P004");
  EXPECT_EQ(second.at("open_slots").at(0).at("position_id").as_int64(), positions[2]);

  // The two runs side by side.
  const auto comparison = hr.get(reorganisation + "/run-comparison?runs=" + id(first_run) + "," + id(second_run)).json();
  ASSERT_EQ(comparison.at("runs").as_array().size(), 2u);
  EXPECT_EQ(comparison.at("runs").at(0).at("figures").at("surplus").as_int64(), 1);
  EXPECT_EQ(comparison.at("runs").at(1).at("figures").at("on_preference").at(0).as_int64(), 1);
  EXPECT_FALSE(comparison.at("runs").at(0).at("groups").at("unit").as_array().empty());
  EXPECT_EQ(hr.get(reorganisation + "/run-comparison?runs=abc").error_code(), "invalid_parameter");

  // Nothing is decided before a named person confirms; then the employee reads their own explanation.
  EXPECT_EQ(employee.get(reorganisation + "/my-explanation").error_code(), "no_confirmed_result");
  const HttpResult confirmed = hr.post(reorganisation + "/runs/" + id(second_run) + "/confirm", R"({"note":"Besluit directie 12 mei"})");
  ASSERT_EQ(confirmed.status, 200u) << confirmed.body;
  EXPECT_EQ(confirmed.json().at("status"), "confirmed");
  EXPECT_EQ(confirmed.json().at("confirmed_by"), "hr-a");
  EXPECT_FALSE(confirmed.json().at("confirmed_at").as_string().empty());
  EXPECT_EQ(hr.post(reorganisation + "/runs/" + id(first_run) + "/confirm", "{}").error_code(), "already_confirmed");
  EXPECT_EQ(hr.post(reorganisation + "/runs", "{}").error_code(), "reorganisation_confirmed");
  EXPECT_EQ(employee.put(reorganisation + "/my-preferences", body({{"preferences", json::array{}}})).status, 409u);

  const auto mine = employee.get(reorganisation + "/my-explanation").json();
  EXPECT_EQ(mine.at("outcome"), "placed");
  EXPECT_EQ(mine.at("confirmed").at("by"), "hr-a");
  EXPECT_NE(std::string(mine.at("text").as_string()).find("Toegezegd bij de vorige reorganisatie"), std::string::npos) << mine;

  // The open administrative slot became a vacancy, offered inside first and only moving forward.
  const auto vacancies = hr.get(reorganisation + "/vacancies").json();
  ASSERT_EQ(vacancies.at("items").as_array().size(), 1u);
  const json::value& vacancy = vacancies.at("items").at(0);
  EXPECT_EQ(vacancy.at("stage"), "internal");
  EXPECT_EQ(vacancy.at("slots").as_int64(), 1);
  const std::string vacancy_path = reorganisation + "/vacancies/" + id(vacancy.at("id").as_int64());
  EXPECT_EQ(hr.put(vacancy_path, R"({"stage":"partners"})").status, 200u);
  EXPECT_EQ(hr.put(vacancy_path, R"({"stage":"internal"})").error_code(), "stage_backwards");

  // Objections: HR registers P004's, the employee their own; each keeps the explanation as given.
  HttpResult objection = employee.post(reorganisation + "/objections",
                                       body({{"person_id", person_id("GM9001", "P004")}, {"grounds", "Namens een collega"}}));
  EXPECT_EQ(objection.status, 404u);
  objection = hr.post(reorganisation + "/objections", body({{"person_id", person_id("GM9001", "P004")}, {"grounds", ""}}));
  EXPECT_EQ(objection.error_code(), "grounds_required");
  objection = hr.post(reorganisation + "/objections",
                      body({{"person_id", person_id("GM9001", "P004")}, {"grounds", "Ik had de hoogste score voor senior"}}));
  ASSERT_EQ(objection.status, 201u) << objection.body;
  const auto registered = objection.json();
  EXPECT_EQ(registered.at("status"), "received");
  EXPECT_EQ(registered.at("explanation").at("outcome"), "surplus");
  EXPECT_EQ(registered.at("explanation").at("confirmed").at("by"), "hr-a");
  EXPECT_EQ(hr.post(reorganisation + "/objections", body({{"person_id", person_id("GM9001", "P004")}, {"grounds", "Nog een"}})).error_code(),
            "objection_open");
  ASSERT_EQ(employee.post(reorganisation + "/objections", R"({"grounds":"Ik wil terug naar mijn eigen team"})").status, 201u);
  const auto own_objections = employee.get(reorganisation + "/objections").json();
  ASSERT_EQ(own_objections.at("items").as_array().size(), 1u);
  EXPECT_EQ(own_objections.at("items").at(0).at("personnel_number"), "P001");
  const std::string objection_path = reorganisation + "/objections/" + id(registered.at("id").as_int64());
  EXPECT_EQ(hr.put(objection_path, R"({"status":"rejected"})").error_code(), "response_required");
  const HttpResult decided =
      hr.put(objection_path, R"({"status":"rejected","response":"De plaats was eerder toegezegd; zie de uitleg bij voorkeur 1."})");
  ASSERT_EQ(decided.status, 200u) << decided.body;
  EXPECT_EQ(decided.json().at("status"), "rejected");
  EXPECT_EQ(hr.put(objection_path, R"({"status":"in_review"})").error_code(), "objection_closed");

  // Every write is in the audit log.
  for (const char* entity : {"reorganisation", "function_mapping", "preference", "interview_score", "appraisal", "pair_decision",
                             "placement_run", "vacancy", "objection"}) {
    EXPECT_GT(count(std::string("SELECT COUNT(*) FROM audit_log WHERE entity = '") + entity + "'"), 0) << entity;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'placement_run' AND action = 'confirm'"), 1);
}

TEST_P(PlacementProcedure, PreferencesAreRefusedAfterTheDeadline) {
  Client hr = logged_in("hr-a");
  seed_reorganisation(hr);
  const auto current = hr.get(reorganisation).json().as_object();
  json::object update{{"code", current.at("code")},
                      {"name", current.at("name")},
                      {"old_unit_id", current.at("old_unit").at("id")},
                      {"new_unit_id", current.at("new_unit").at("id")},
                      {"preference_deadline", Date::today().plus_days(-1).iso()},
                      {"effective_date", Date::today().iso()}};
  const HttpResult updated = hr.put(reorganisation, body(update));
  ASSERT_EQ(updated.status, 200u) << updated.body;
  Client employee = logged_in("employee-a");
  EXPECT_FALSE(employee.get(reorganisation + "/my-preferences").json().at("open").as_bool());
  const HttpResult late = employee.put(reorganisation + "/my-preferences",
                                       body({{"preferences", json::array{json::object{{"function_id", senior()}, {"motivation", "Te laat"}}}}}));
  EXPECT_EQ(late.status, 409u);
  EXPECT_EQ(late.error_code(), "deadline_passed");
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorganisation_responses"), 0);
}

TEST_P(PlacementProcedure, BadSettingsAreRefusedNamingTheField) {
  Client hr = logged_in("hr-a");
  seed_reorganisation(hr);
  json::object draft{{"code", "SD-2"},
                     {"name", "Tweede"},
                     {"old_unit_id", unit_id("GM9001", "SD")},
                     {"new_unit_id", new_unit},
                     {"preference_deadline", "2030-01-01"},
                     {"effective_date", "2030-02-01"}};
  draft["settings"] = json::object{{"rounds", json::array{json::object{{"kind", "loting"}}}}};
  EXPECT_EQ(hr.post("/api/v1/reorganisations", body(draft)).json().at("error").at("field"), "settings.rounds[0].kind");
  draft["settings"] = json::object{{"weights", json::object{{"competency", 0}, {"interview", 0}, {"appraisal", 0}}}};
  EXPECT_EQ(hr.post("/api/v1/reorganisations", body(draft)).json().at("error").at("field"), "settings.weights");
  draft["settings"] = json::object{{"slots", json::array{json::object{{"position_id", position_id("GM9001", "BO")}, {"slots", 1}}}}};
  EXPECT_EQ(hr.post("/api/v1/reorganisations", body(draft)).error_code(), "not_in_new_formation");
  draft["settings"] = nullptr;
  draft["code"] = "SD-2027";
  EXPECT_EQ(hr.post("/api/v1/reorganisations", body(draft)).error_code(), "reorganisation_exists");
  draft["code"] = "SD-2";
  draft["assessment_round"] = "bestaat-niet";
  EXPECT_EQ(hr.post("/api/v1/reorganisations", body(draft)).json().at("error").at("field"), "assessment_round");
  EXPECT_EQ(count("SELECT COUNT(*) FROM reorganisations"), 1);
}

TEST_P(PlacementProcedure, ADevelopmentRoundCountsOnlyForEmployeesWhoConsented) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "ontw-2026", "development");
  const std::string ratings = std::string(kAssessmentsHeader) + rows_for("ontw-2026", "P001", "self", 4) +
                              rows_for("ontw-2026", "P001", "manager", 4) + rows_for("ontw-2026", "P002", "self", 3) +
                              rows_for("ontw-2026", "P002", "manager", 3);
  const HttpResult imported = hr.post("/api/v1/import/assessments", ratings, "text/csv");
  ASSERT_EQ(imported.status, 200u) << imported.body;
  // A reorganisation in place, whose suitability input is the development round.
  const HttpResult created = hr.post("/api/v1/reorganisations", body({{"code", "IN-PLACE"},
                                                                      {"name", "Herschikking binnen het sociaal domein"},
                                                                      {"old_unit_id", unit_id("GM9001", "SD")},
                                                                      {"new_unit_id", unit_id("GM9001", "SD")},
                                                                      {"preference_deadline", "2099-01-01"},
                                                                      {"effective_date", "2099-02-01"},
                                                                      {"assessment_round", "ontw-2026"}}));
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string path = "/api/v1/reorganisations/" + id(created.json().at("id").as_int64());
  const std::string position = id(position_id("GM9001", "WT2"));  // CM casemanager
  const auto competency_of = [&](const char* person) {
    const auto page = hr.get(path + "/suitability?person_id=" + id(person_id("GM9001", person)) + "&position_id=" + position).json();
    return page.at("items").at(0).at("components").at(0);
  };
  // Without consent the development results are refused as input, and the breakdown says why.
  json::value refused = competency_of("P001");
  EXPECT_EQ(refused.at("status"), "refused");
  EXPECT_TRUE(refused.at("value").is_null());
  EXPECT_NE(std::string(refused.at("text").as_string()).find("toestemming"), std::string::npos);
  EXPECT_EQ(competency_of("P002").at("status"), "refused");

  // With P002's recorded consent, P002's results count; P001's still do not.
  ASSERT_EQ(hr.post("/api/v1/assessment-rounds/ontw-2026/consents/P002", "").status, 201u);
  const json::value admitted = competency_of("P002");
  EXPECT_EQ(admitted.at("status"), "present");
  EXPECT_GT(admitted.at("value").to_number<double>(), 0.0);
  EXPECT_NE(std::string(admitted.at("text").as_string()).find("ontwikkelronde met toestemming"), std::string::npos);
  EXPECT_EQ(competency_of("P001").at("status"), "refused");

  // A run made now keeps the refusal in P001's explanation.
  ASSERT_EQ(hr.put(path + "/function-mapping", R"({"pairs":[]})").status, 200u);
  const HttpResult run = hr.post(path + "/runs", "{}");
  ASSERT_EQ(run.status, 201u) << run.body;
  const auto explanation =
      hr.get(path + "/runs/" + id(run.json().at("id").as_int64()) + "/explanations/" + id(person_id("GM9001", "P001"))).json();
  EXPECT_NE(std::string(explanation.at("text").as_string()).find("tellen niet mee"), std::string::npos) << explanation;
}

TEST_P(PlacementProcedure, EmployeesSeeOnlyTheirOwnAndTheWorksCouncilOnlyAggregates) {
  Client hr = logged_in("hr-a");
  seed_reorganisation(hr);
  confirm_mapping(hr);
  const HttpResult run = hr.post(reorganisation + "/runs", "{}");
  ASSERT_EQ(run.status, 201u) << run.body;
  const std::string run_path = reorganisation + "/runs/" + id(run.json().at("id").as_int64());

  Client employee = logged_in("employee-a");
  EXPECT_EQ(employee.get(run_path).status, 403u);
  EXPECT_EQ(employee.get(run_path + "/explanations").status, 403u);
  EXPECT_EQ(employee.get(run_path + "/explanations/" + id(person_id("GM9001", "P002"))).status, 403u);
  EXPECT_EQ(employee.get(reorganisation + "/preferences").status, 403u);
  EXPECT_EQ(employee.get(reorganisation + "/suitability").status, 403u);
  EXPECT_EQ(employee.post(reorganisation + "/runs", "{}").status, 403u);
  EXPECT_EQ(employee.put(reorganisation + "/preferences/" + id(person_id("GM9001", "P002")), R"({"preferences":[]})").status, 403u);
  const auto visible = employee.get("/api/v1/reorganisations").json();
  ASSERT_EQ(visible.at("items").as_array().size(), 1u);
  EXPECT_FALSE(visible.at("items").at(0).as_object().contains("settings"));

  Client council = logged_in("council-a");
  EXPECT_EQ(council.get(run_path).status, 403u);
  EXPECT_EQ(council.get(run_path + "/explanations").status, 403u);
  EXPECT_EQ(council.get(reorganisation + "/scope").status, 403u);
  EXPECT_EQ(council.get(reorganisation + "/my-explanation").status, 403u);
  EXPECT_EQ(council.post(reorganisation + "/runs", "{}").status, 403u);
  EXPECT_EQ(council.get(reorganisation + "/runs").status, 200u);
  const HttpResult summary = council.get(run_path + "/summary");
  ASSERT_EQ(summary.status, 200u) << summary.body;
  const json::value aggregates = summary.json();
  EXPECT_EQ(aggregates.at("figures").at("employees").as_int64(), 4);
  for (const auto& [dimension, groups] : aggregates.at("groups").as_object()) {
    for (const json::value& group : groups.as_array()) {
      EXPECT_TRUE(group.at("suppressed").as_bool()) << dimension << " " << group;  // every group has fewer than five
      EXPECT_TRUE(group.at("placed").is_null());
    }
  }
  for (const char* name : {"Veldkamp", "Oosterhout", "Hoekstra", "P001"}) EXPECT_EQ(summary.body.find(name), std::string::npos) << name;
  // HR sees the same groups unsuppressed.
  const auto full = hr.get(run_path + "/summary").json();
  EXPECT_FALSE(full.at("groups").at("unit").at(0).at("suppressed").as_bool());

  Client manager = logged_in("manager-a");
  EXPECT_EQ(manager.get("/api/v1/reorganisations").status, 403u);
  Client external = logged_in("external-a");
  EXPECT_EQ(external.get(reorganisation).status, 403u);
}

TEST_P(PlacementProcedure, AnotherMunicipalitySeesNothingOfIt) {
  Client hr = logged_in("hr-a");
  seed_reorganisation(hr);
  confirm_mapping(hr);
  const HttpResult run = hr.post(reorganisation + "/runs", "{}");
  ASSERT_EQ(run.status, 201u) << run.body;
  const std::string run_path = reorganisation + "/runs/" + id(run.json().at("id").as_int64());

  Client other = logged_in("hr-b");
  EXPECT_TRUE(other.get("/api/v1/reorganisations").json().at("items").as_array().empty());
  for (const std::string& target : {reorganisation, reorganisation + "/function-mapping", reorganisation + "/preferences", run_path,
                                    run_path + "/summary", run_path + "/explanations", reorganisation + "/vacancies"}) {
    const HttpResult result = other.get(target);
    EXPECT_EQ(result.status, 404u) << target << " " << result.body;
  }
  EXPECT_EQ(other.post(reorganisation + "/runs", "{}").status, 404u);
  EXPECT_EQ(other.post(run_path + "/confirm", "{}").status, 404u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM placement_runs WHERE status = 'confirmed'"), 0);
  // B cannot build a reorganisation out of A's units either.
  const HttpResult foreign = other.post("/api/v1/reorganisations", body({{"code", "X"},
                                                                         {"name", "Overname"},
                                                                         {"old_unit_id", unit_id("GM9001", "SD")},
                                                                         {"new_unit_id", unit_id("GM9002", "SDB")},
                                                                         {"preference_deadline", "2030-01-01"},
                                                                         {"effective_date", "2030-02-01"}}));
  EXPECT_EQ(foreign.json().at("error").at("field"), "old_unit_id");
}

}  // namespace
}  // namespace kwm::testing
