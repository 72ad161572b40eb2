// Frameworks and function profiles through the API: reference copies, versioning, refusals with reasons,
// profile validation, CSV import all-or-nothing, comparison and career path.
#include "competence_support.hpp"

namespace kwm::testing {
namespace {

class CompetenceCatalogue : public CompetenceApiTest {};
KWM_API_TEST_SUITE(CompetenceCatalogue);

std::string renamed_casemanager(Client& client, const std::string& name) {
  boost::json::value framework = client.get("/api/v1/frameworks/casemanager").json();
  boost::json::object& object = framework.as_object();
  for (const char* meta : {"status", "in_use", "versions"}) object.erase(meta);
  object["name"] = name;
  return boost::json::serialize(framework);
}

TEST_P(CompetenceCatalogue, AFrameworkInUseGetsANewVersionAndTheOldOneStays) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  const auto list = hr.get("/api/v1/frameworks").json().at("items").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list.at(0).at("code"), "casemanager");
  EXPECT_EQ(list.at(0).at("competencies").as_int64(), 5);
  EXPECT_EQ(list.at(1).at("knowledge_areas").as_int64(), 7);

  // Nothing points at version 1 yet: an edit overwrites it.
  HttpResult edit = hr.put("/api/v1/frameworks/casemanager", renamed_casemanager(hr, "Casemanagers (concept)"));
  ASSERT_EQ(edit.status, 200u) << edit.body;
  EXPECT_EQ(edit.json().at("outcome"), "same_version");
  EXPECT_EQ(edit.json().at("framework").at("version").as_int64(), 1);
  EXPECT_TRUE(edit.json().at("diff").at("name_changed").as_bool());

  seed_round(hr, "ontw-2026", "development");
  edit = hr.put("/api/v1/frameworks/casemanager", renamed_casemanager(hr, "Casemanagers 2027"));
  ASSERT_EQ(edit.status, 200u) << edit.body;
  EXPECT_EQ(edit.json().at("outcome"), "new_version");
  EXPECT_EQ(edit.json().at("framework").at("version").as_int64(), 2);
  EXPECT_EQ(edit.json().at("framework").at("versions").as_array().size(), 2u);

  const auto old_version = hr.get("/api/v1/frameworks/casemanager?version=1").json();
  EXPECT_EQ(old_version.at("name"), "Casemanagers (concept)");
  EXPECT_EQ(old_version.at("status"), "superseded");
  EXPECT_TRUE(old_version.at("in_use").as_bool());
  // The round keeps pointing at the version it used.
  const auto round = hr.get("/api/v1/assessment-rounds/ontw-2026").json();
  EXPECT_EQ(round.at("frameworks").at(0).at("version").as_int64(), 1);

  // The same text again changes nothing.
  edit = hr.put("/api/v1/frameworks/casemanager", renamed_casemanager(hr, "Casemanagers 2027"));
  EXPECT_EQ(edit.json().at("outcome"), "unchanged");
  EXPECT_EQ(count("SELECT COUNT(*) FROM frameworks WHERE code = 'casemanager'"), 2);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'framework'"), 3);
}

TEST_P(CompetenceCatalogue, RemovingACompetencyInUseIsRefusedWithTheReason) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  const HttpResult refused = hr.del("/api/v1/frameworks/casemanager/competencies/samenwerken");
  ASSERT_EQ(refused.status, 409u) << refused.body;
  EXPECT_EQ(refused.error_code(), "competency_in_use");
  const std::string message(refused.json().at("error").at("message").as_string());
  EXPECT_NE(message.find("functieprofiel Casemanager casemanager"), std::string::npos) << message;

  const HttpResult removed = hr.del("/api/v1/frameworks/casemanager/competencies/durf");
  EXPECT_EQ(removed.status, 404u) << removed.body;
  const HttpResult unused = hr.del("/api/v1/frameworks/casemanager/competencies/verantwoordelijkheid_nemen");
  ASSERT_EQ(unused.status, 200u) << unused.body;
  EXPECT_EQ(unused.json().at("diff").at("removed").at(0), "verantwoordelijkheid_nemen");
  EXPECT_EQ(unused.json().at("framework").at("competencies").as_array().size(), 4u);

  const HttpResult delete_used = hr.del("/api/v1/frameworks/casemanager");
  EXPECT_EQ(delete_used.status, 409u);
  EXPECT_EQ(delete_used.error_code(), "framework_in_use");
}

TEST_P(CompetenceCatalogue, ImportedFrameworksAreValidatedWithTheirJsonPath) {
  Client hr = logged_in("hr-a");
  const std::string ascriptive =
      R"({"code":"eigen","name":"Eigen kader","version":1,"scale":{"min":1,"max":3,"anchors":{"1":"laag","2":"midden","3":"hoog"}},)"
      R"("competencies":[{"code":"leeftijd","name":"Leeftijd","definition":"Hoe oud iemand is.","kind":"social_normative",)"
      R"("indicators":[{"code":"i1","text":"Is jong."}]}]})";
  HttpResult result = hr.post("/api/v1/frameworks", ascriptive);
  ASSERT_EQ(result.status, 422u) << result.body;
  EXPECT_EQ(result.error_code(), "ascriptive_trait");
  EXPECT_EQ(result.json().at("error").at("field").as_string().rfind("competencies[0].", 0), 0u) << result.body;

  result = hr.post("/api/v1/frameworks", "{\"code\": ");
  EXPECT_EQ(result.status, 400u);
  EXPECT_EQ(result.error_code(), "invalid_json");

  std::string valid = ascriptive;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"leeftijd", "luisteren"}, {"Leeftijd", "Luisteren"},
                                 {"Hoe oud iemand is.", "Luistert actief."}}) {
    valid.replace(valid.find(from), from.size(), to);
  }
  result = hr.post("/api/v1/frameworks", valid);
  ASSERT_EQ(result.status, 201u) << result.body;
  EXPECT_EQ(result.json().at("outcome"), "created");
  EXPECT_EQ(count("SELECT COUNT(*) FROM frameworks WHERE code = 'eigen'"), 1);

  EXPECT_EQ(hr.post("/api/v1/reference-frameworks/casemanager/copy", R"({"code":"eigen"})").status, 409u);
  EXPECT_EQ(hr.post("/api/v1/reference-frameworks/bestaat-niet/copy", "{}").status, 404u);
  const auto references = hr.get("/api/v1/reference-frameworks").json().at("items").as_array();
  EXPECT_EQ(references.size(), 6u);
}

TEST_P(CompetenceCatalogue, ProfilesAreCheckedAgainstTheFrameworks) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  const auto profile = hr.get("/api/v1/profiles/CM/casemanager").json();
  EXPECT_EQ(profile.at("education_level"), "hbo");
  ASSERT_EQ(profile.at("competencies").as_array().size(), 2u);
  EXPECT_EQ(profile.at("competencies").at(0).at("framework_code"), "casemanager");
  EXPECT_TRUE(profile.at("competencies").at(0).at("critical").as_bool());
  EXPECT_EQ(profile.at("knowledge_areas").at(0).at("name"), "Jeugdwet");

  HttpResult result = hr.put("/api/v1/profiles/CM/senior", R"({"competencies":[{"competency_code":"zwemmen","required":3}]})");
  EXPECT_EQ(result.status, 422u);
  EXPECT_EQ(result.error_code(), "unknown_competency");
  EXPECT_EQ(result.json().at("error").at("field"), "competencies[0].competency_code");
  result = hr.put("/api/v1/profiles/CM/senior", R"({"competencies":[{"competency_code":"samenwerken","required":7}]})");
  EXPECT_EQ(result.error_code(), "required_outside_scale");
  EXPECT_EQ(result.json().at("error").at("field"), "competencies[0].required");
  result = hr.put("/api/v1/profiles/CM/senior", R"({"competencies":[{"competency_code":"jeugdwet","required":3}]})");
  EXPECT_EQ(result.error_code(), "wrong_list");
  result = hr.put("/api/v1/profiles/CM/senior", R"({"competencies":[{"competency_code":"samenwerken","required":3,"framework_code":"core"}]})");
  EXPECT_EQ(result.error_code(), "unknown_framework");
  EXPECT_EQ(hr.put("/api/v1/profiles/CM/expert", kProfile).status, 404u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM profile_requirements pr JOIN functions f ON f.id = pr.function_id WHERE f.level = 'senior'"), 0);

  Client employee = logged_in("employee-a");
  EXPECT_EQ(employee.get("/api/v1/profiles/CM/casemanager").status, 200u);
  EXPECT_EQ(employee.put("/api/v1/profiles/CM/casemanager", kProfile).status, 403u);
}

TEST_P(CompetenceCatalogue, CompareAndCareerPathShowWhatDiffers) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  ASSERT_EQ(hr.put("/api/v1/profiles/CM/senior",
                   R"({"education_level":"hbo","competencies":[{"competency_code":"samenwerken","required":4,"critical":true},)"
                   R"({"competency_code":"plannen_organiseren","required":3},{"competency_code":"resultaatgerichtheid","required":3}],)"
                   R"("knowledge_areas":[{"competency_code":"jeugdwet","required":2}]})")
                .status,
            200u);
  const auto comparison = hr.get("/api/v1/profiles/compare?from=CM/casemanager&to=CM/senior").json();
  // min-sum 3+3+2 = 8 over max-sum 4+3+3+2 = 12.
  EXPECT_NEAR(comparison.at("overlap").to_number<double>(), 8.0 / 12.0, 1e-4);
  EXPECT_EQ(comparison.at("shared").as_int64(), 3);
  EXPECT_EQ(comparison.at("differences").as_array().size(), 2u);
  EXPECT_FALSE(comparison.at("reasons").as_array().empty());

  const auto path = hr.get("/api/v1/profiles/career-path?function=CM").json();
  ASSERT_EQ(path.at("steps").as_array().size(), 1u);
  const auto& step = path.at("steps").at(0);
  EXPECT_EQ(step.at("from_level"), "casemanager");
  EXPECT_EQ(step.at("to_level"), "senior");
  EXPECT_EQ(step.at("added").at(0).at("competency_code"), "resultaatgerichtheid");
  EXPECT_EQ(step.at("raised").at(0).at("competency_code"), "samenwerken");

  EXPECT_EQ(hr.get("/api/v1/profiles/compare?from=CM&to=CM/senior").status, 422u);
  EXPECT_EQ(hr.get("/api/v1/profiles/career-path?function=XX").status, 404u);
}

TEST_P(CompetenceCatalogue, ProfilesCsvImportsAllRowsOrNone) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  const std::string header = "function_code,level,competency_code,required,critical\n";
  HttpResult result = hr.post("/api/v1/import/profiles",
                              header +
                                  "CM,senior,samenwerken,4,yes\n"
                                  "CM,stagiair,samenwerken,2,no\n"
                                  "CM,senior,plannen_organiseren,9,no\n"
                                  "CM,senior,resultaatgerichtheid,3,misschien\n"
                                  "CM,senior,zwemmen,3,no\n"
                                  "CM,senior,samenwerken,3,no\n",
                              "text/csv");
  ASSERT_EQ(result.status, 422u) << result.body;
  const auto errors = result.json().at("error").at("errors").as_array();
  ASSERT_EQ(errors.size(), 5u) << result.body;
  const std::vector<std::pair<std::int64_t, std::string>> expected = {
      {3, "function_code"}, {4, "required"}, {5, "critical"}, {6, "competency_code"}, {7, "competency_code"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(errors.at(i).at("row").as_int64(), expected[i].first) << result.body;
    EXPECT_EQ(errors.at(i).at("column").as_string(), expected[i].second) << result.body;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM function_profiles fp JOIN functions f ON f.id = fp.function_id WHERE f.level = 'senior'"), 0);

  result = hr.post("/api/v1/import/profiles",
                   "function_code;level;competency_code;required;critical\r\n"
                   "CM;senior;samenwerken;3,5;ja\r\n"
                   "CM;senior;wmo_2015;2;nee\r\n",
                   "text/csv");
  ASSERT_EQ(result.status, 200u) << result.body;
  EXPECT_EQ(result.json().at("imported").as_int64(), 2);
  const auto senior = hr.get("/api/v1/profiles/CM/senior").json();
  EXPECT_DOUBLE_EQ(senior.at("competencies").at(0).at("required").to_number<double>(), 3.5);
  EXPECT_EQ(senior.at("knowledge_areas").at(0).at("competency_code"), "wmo_2015");

  const HttpResult exported = hr.get("/api/v1/export/profiles?format=csv");
  ASSERT_EQ(exported.status, 200u);
  EXPECT_EQ(exported.body.rfind("function_code,level,competency_code,required,critical,framework_code\r\n", 0), 0u) << exported.body;
  EXPECT_NE(exported.body.find("CM,senior,samenwerken,3.5,yes,casemanager"), std::string::npos) << exported.body;
  // What was exported imports again unchanged.
  ASSERT_EQ(hr.post("/api/v1/import/profiles", exported.body, "text/csv").status, 200u);
  EXPECT_EQ(hr.get("/api/v1/profiles/CM/senior").json(), senior);
}

}  // namespace
}  // namespace kwm::testing
