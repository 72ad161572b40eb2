// Who sees what in competency management: employees only their own, managers their own units, the works
// council aggregates with small cells suppressed, external assessors only their round's people while it is
// open, another municipality nothing; and purpose limitation of development rounds, end to end.
#include "competence_support.hpp"
#include "store/competence_store.hpp"
#include "store/user_store.hpp"

namespace kwm::testing {
namespace {

class CompetenceAccess : public CompetenceApiTest {};
KWM_API_TEST_SUITE(CompetenceAccess);

const std::string kOneScore = R"({"scores":[{"competency_code":"samenwerken","indicator_code":"i1","score":3}]})";

TEST_P(CompetenceAccess, EmployeesSeeOnlyTheirOwnFormAndResults) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  Client employee = logged_in("employee-a");
  EXPECT_EQ(employee.get("/api/v1/assessment-rounds/r1/forms/P001/self").status, 200u);
  EXPECT_EQ(employee.get("/api/v1/assessment-rounds/r1/forms/P002/self").status, 404u);
  EXPECT_EQ(employee.put("/api/v1/assessment-rounds/r1/forms/P002/self", kOneScore).status, 404u);
  EXPECT_EQ(employee.put("/api/v1/assessment-rounds/r1/forms/P001/manager", kOneScore).status, 403u);
  const auto gaps = employee.get("/api/v1/assessment-rounds/r1/gaps").json().at("people").as_array();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps.at(0).at("personnel_number"), "P001");
  EXPECT_EQ(employee.get("/api/v1/assessment-rounds/r1/people/P002/report").status, 404u);
  EXPECT_EQ(employee.get("/api/v1/assessment-rounds/r1/heatmap/team?unit=WT1").status, 403u);
  EXPECT_EQ(employee.get("/api/v1/assessment-rounds/r1/heatmap/organisation").status, 403u);
  EXPECT_EQ(employee.post("/api/v1/import/assessments", kAssessmentsHeader + rows_for("r1", "P001", "manager", 5), "text/csv").status, 403u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings"), 0);
}

TEST_P(CompetenceAccess, ManagersRateAndSeeOnlyTheirOwnUnits) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  Client manager = logged_in("manager-a");  // leads WT1: P001, not P002 (WT2)
  EXPECT_EQ(manager.put("/api/v1/assessment-rounds/r1/forms/P001/manager", kOneScore).status, 200u);
  EXPECT_EQ(manager.put("/api/v1/assessment-rounds/r1/forms/P002/manager", kOneScore).status, 404u);
  EXPECT_EQ(manager.put("/api/v1/assessment-rounds/r1/forms/P001/self", kOneScore).status, 403u);
  const auto gaps = manager.get("/api/v1/assessment-rounds/r1/gaps").json().at("people").as_array();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps.at(0).at("personnel_number"), "P001");
  EXPECT_EQ(manager.get("/api/v1/assessment-rounds/r1/heatmap/team?unit=WT2").status, 404u);
  EXPECT_EQ(manager.get("/api/v1/assessment-rounds/r1/heatmap/team?unit=WT1").json().at("people").as_array().size(), 1u);
  const auto progress = manager.get("/api/v1/assessment-rounds/r1/progress").json();
  ASSERT_EQ(progress.at("people").as_array().size(), 1u);
  EXPECT_EQ(progress.at("people").at(0).at("sources").at("manager").at("status"), "in_progress");
  const auto heatmap = manager.get("/api/v1/assessment-rounds/r1/heatmap/organisation").json();
  ASSERT_EQ(heatmap.at("units").as_array().size(), 1u);
  EXPECT_EQ(heatmap.at("units").at(0).at("code"), "WT1");
  EXPECT_EQ(manager.post("/api/v1/assessment-rounds", round_body("r2", "selection")).status, 403u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings"), 1);
}

TEST_P(CompetenceAccess, WorksCouncilSeesAggregatesWithCellsUnderFivePeopleSuppressed) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  // Four more casemanagers in WT1: five there, one (P002) in WT2, six in SD.
  std::string people = "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,engagement,organisation\n";
  for (int i = 1; i <= 4; ++i) {
    people += "N00" + std::to_string(i) + ",Nieuw " + std::to_string(i) + ",WT1,CM,casemanager,1,permanent,,2020-01-01,hbo,employee,\n";
  }
  ASSERT_EQ(hr.post("/api/v1/import/people", people, "text/csv").status, 200u);
  seed_round(hr, "r1", "selection");
  std::string rows;
  for (const char* person : {"P001", "P002", "N001", "N002", "N003", "N004"}) rows += rows_for("r1", person, "manager", 3);
  ASSERT_EQ(hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows, "text/csv").status, 200u);

  Client council = logged_in("council-a");
  const auto heatmap = council.get("/api/v1/assessment-rounds/r1/heatmap/organisation").json();
  const auto units = heatmap.at("units").as_array();
  ASSERT_EQ(units.size(), 3u);  // SD, WT1, WT2
  for (std::size_t row = 0; row < units.size(); ++row) {
    const auto& cell = heatmap.at("cells").at(row).at(0);
    if (units.at(row).at("code") == "WT2") {
      EXPECT_TRUE(cell.at("suppressed").as_bool());
      EXPECT_TRUE(cell.at("people").is_null());
      EXPECT_TRUE(cell.at("average_gap").is_null());
    } else {
      EXPECT_FALSE(cell.at("suppressed").as_bool()) << units.at(row);
      EXPECT_GE(cell.at("people").as_int64(), 5);
      EXPECT_DOUBLE_EQ(cell.at("share_meeting").to_number<double>(), 1.0);
    }
  }
  const auto wt2 = council.get("/api/v1/assessment-rounds/r1/coverage?unit=WT2").json().at("rows").as_array();
  ASSERT_EQ(wt2.size(), 1u);
  EXPECT_TRUE(wt2.at(0).at("suppressed").as_bool());
  EXPECT_TRUE(wt2.at(0).at("meeting").is_null());
  const auto growth = council.get("/api/v1/assessment-rounds/r1/growth?from=r1").json();
  EXPECT_TRUE(growth.at("people").as_array().empty());
  EXPECT_FALSE(growth.at("competencies").at(0).at("suppressed").as_bool());

  // HR sees the small cell's figures.
  const auto full = hr.get("/api/v1/assessment-rounds/r1/heatmap/organisation?unit=WT2").json();
  EXPECT_EQ(full.at("cells").at(0).at(0).at("people").as_int64(), 1);
  // And nothing about single people reaches the council.
  EXPECT_EQ(council.get("/api/v1/assessment-rounds/r1/gaps").status, 403u);
  EXPECT_EQ(council.get("/api/v1/assessment-rounds/r1/heatmap/team?unit=WT1").status, 403u);
  EXPECT_EQ(council.get("/api/v1/assessment-rounds/r1/people/P001/report").status, 403u);
  EXPECT_EQ(council.get("/api/v1/assessment-rounds/r1/participants").status, 403u);
  EXPECT_EQ(council.get("/api/v1/assessment-rounds/r1/progress").status, 403u);
}

TEST_P(CompetenceAccess, ExternalAssessorsRateOnlyTheirRoundsPeopleWhileItIsOpen) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  seed_round(hr, "r2", "selection");
  HttpResult added = hr.post("/api/v1/assessment-rounds/r1/assessors", R"({"username":"bureau-a","password":"correct horse battery"})");
  ASSERT_EQ(added.status, 201u) << added.body;
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/r1/assessors").json().at("items").as_array().size(), 1u);
  EXPECT_EQ(hr.post("/api/v1/assessment-rounds/r1/assessors", R"({"username":"hr-a"})").error_code(), "not_assessor");

  Client assessor = logged_in("bureau-a");
  const auto rounds = assessor.get("/api/v1/assessment-rounds").json().at("items").as_array();
  ASSERT_EQ(rounds.size(), 1u);
  EXPECT_EQ(rounds.at(0).at("code"), "r1");
  EXPECT_EQ(assessor.get("/api/v1/assessment-rounds/r2").status, 404u);
  EXPECT_EQ(assessor.get("/api/v1/assessment-rounds/r1/participants").json().at("items").as_array().size(), 2u);
  EXPECT_EQ(assessor.put("/api/v1/assessment-rounds/r1/forms/P002/external", kOneScore).status, 200u);
  EXPECT_EQ(assessor.put("/api/v1/assessment-rounds/r2/forms/P002/external", kOneScore).status, 404u);
  EXPECT_EQ(assessor.put("/api/v1/assessment-rounds/r1/forms/P002/self", kOneScore).status, 403u);
  EXPECT_EQ(assessor.get("/api/v1/assessment-rounds/r1/gaps").status, 403u);
  EXPECT_EQ(assessor.get("/api/v1/people").status, 403u);
  EXPECT_EQ(assessor.get("/api/v1/frameworks").status, 403u);

  ASSERT_EQ(hr.post("/api/v1/assessment-rounds/r1/close", "").status, 200u);
  const HttpResult closed = assessor.get("/api/v1/assessment-rounds/r1/forms/P002/external");
  EXPECT_EQ(closed.status, 403u);
  EXPECT_EQ(closed.error_code(), "round_closed");
  EXPECT_EQ(assessor.put("/api/v1/assessment-rounds/r1/forms/P002/external", kOneScore).status, 403u);
  EXPECT_TRUE(assessor.get("/api/v1/assessment-rounds").json().at("items").as_array().empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings WHERE source = 'external'"), 1);
}

TEST_P(CompetenceAccess, AnotherMunicipalitysCompetenceDataAnswers404) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "development");
  Client other = logged_in("hr-b");
  for (const std::string target : {"/api/v1/assessment-rounds/r1", "/api/v1/assessment-rounds/r1/gaps", "/api/v1/frameworks/casemanager",
                                   "/api/v1/assessment-rounds/r1/forms/P001/self", "/api/v1/assessment-rounds/r1/heatmap/organisation",
                                   "/api/v1/assessment-rounds/r1/selection-evidence", "/api/v1/profiles/CM/senior"}) {
    const HttpResult result = other.get(target);
    EXPECT_EQ(result.status, 404u) << target << " " << result.body;
  }
  EXPECT_TRUE(other.get("/api/v1/assessment-rounds").json().at("items").as_array().empty());
  EXPECT_TRUE(other.get("/api/v1/frameworks").json().at("items").as_array().empty());
  EXPECT_TRUE(other.get("/api/v1/profiles/CM/casemanager").json().at("competencies").as_array().empty());
  EXPECT_EQ(other.post("/api/v1/assessment-rounds/r1/close", "").status, 404u);
  const HttpResult imported = other.post("/api/v1/import/assessments", kAssessmentsHeader + rows_for("r1", "P001", "manager", 1), "text/csv");
  EXPECT_EQ(imported.status, 422u);
  EXPECT_EQ(imported.json().at("error").at("errors").at(0).at("column"), "round_code");
  // B can use the same codes for its own round without touching A's.
  seed_catalogue(other);
  ASSERT_EQ(other.post("/api/v1/assessment-rounds",
                       R"({"code":"r1","name":"B","purpose":"selection","deadline":"2026-12-31","target_date":"2027-06-30",)"
                       R"("profiles":[{"function_code":"CM","level":"casemanager"}],"units":["SDB"]})")
                .status,
            201u);
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/r1").json().at("purpose"), "development");
  Client external = logged_in("external-a");
  EXPECT_EQ(external.get("/api/v1/assessment-rounds").status, 403u);
}

TEST_P(CompetenceAccess, ADevelopmentRoundFeedsSelectionOnlyWithRecordedConsent) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "ontw", "development");
  std::string rows;
  for (const char* source : {"self", "manager", "external"}) rows += rows_for("ontw", "P001", source, 4) + rows_for("ontw", "P002", source, 2);
  ASSERT_EQ(hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows, "text/csv").status, 200u);

  // The placement code path, through the API and through the store function it calls.
  HttpResult evidence = hr.get("/api/v1/assessment-rounds/ontw/selection-evidence/P001");
  EXPECT_EQ(evidence.status, 403u);
  EXPECT_EQ(evidence.error_code(), "purpose_limitation");
  auto all = hr.get("/api/v1/assessment-rounds/ontw/selection-evidence").json();
  EXPECT_TRUE(all.at("admitted").as_array().empty());
  EXPECT_EQ(all.at("refused").as_array().size(), 2u);
  const Principal hr_principal = *store::principal_for_username(db(), "hr-a");
  try {
    store::selection_evidence_for(db(), hr_principal, "ontw", "P001");
    ADD_FAILURE() << "a development result without consent was admitted as selection evidence";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "purpose_limitation");
  }

  Client employee = logged_in("employee-a");
  const auto mine = employee.get("/api/v1/my/assessments/ontw").json();
  EXPECT_EQ(mine.at("round").at("purpose"), "development");
  EXPECT_TRUE(mine.at("consent").is_null());
  const HttpResult consent = employee.post("/api/v1/my/assessments/ontw/consent", "");
  ASSERT_EQ(consent.status, 201u) << consent.body;
  EXPECT_EQ(consent.json().at("recorded_by"), "employee-a");

  evidence = hr.get("/api/v1/assessment-rounds/ontw/selection-evidence/P001");
  ASSERT_EQ(evidence.status, 200u) << evidence.body;
  EXPECT_EQ(evidence.json().at("verdict"), "meets");
  EXPECT_EQ(evidence.json().at("consent").at("recorded_by"), "employee-a");
  all = hr.get("/api/v1/assessment-rounds/ontw/selection-evidence").json();
  ASSERT_EQ(all.at("admitted").as_array().size(), 1u);
  EXPECT_EQ(all.at("refused").at(0), "P002");
  const auto admitted = store::selection_evidence(db(), hr_principal, "ontw");
  ASSERT_EQ(admitted.admitted.size(), 1u);
  EXPECT_EQ(admitted.admitted.front().result().personnel_number, "P001");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'consent'"), 1);

  // Consent is the employee's own: withdrawing it closes the door again.
  EXPECT_EQ(employee.del("/api/v1/my/assessments/ontw/consent").status, 204u);
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/ontw/selection-evidence/P001").status, 403u);
  // HR may record consent given on paper; a selection round needs none.
  EXPECT_EQ(hr.post("/api/v1/assessment-rounds/ontw/consents/P002", "").status, 201u);
  // P002 scored 2 everywhere: gaps of 1 on samenwerken (critical) and plannen_organiseren, none larger than the step.
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/ontw/selection-evidence/P002").json().at("verdict"), "trainable");
  seed_round(hr, "sel", "selection");
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/sel/selection-evidence").json().at("admitted").as_array().size(), 2u);
  EXPECT_EQ(hr.post("/api/v1/assessment-rounds/sel/consents/P001", "").error_code(), "not_development");
  Client manager = logged_in("manager-a");
  EXPECT_EQ(manager.get("/api/v1/assessment-rounds/ontw/selection-evidence").status, 403u);
}

TEST_P(CompetenceAccess, SecondedWorkersTakePartOnlyWhereTheirOrganisationAgreed) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  const std::string external = R"({"people":[{"personnel_number":"E001","function_code":"CM","level":"casemanager"}]})";
  HttpResult added = hr.post("/api/v1/assessment-rounds/r1/participants", external);
  EXPECT_EQ(added.status, 422u);
  EXPECT_EQ(added.error_code(), "organisation_not_agreed");
  const auto organisations = hr.get("/api/v1/external-organisations").json().at("items").as_array();
  ASSERT_EQ(organisations.size(), 1u);
  EXPECT_EQ(organisations.at(0).at("name"), "Thuiszorg Noord");
  EXPECT_FALSE(organisations.at(0).at("agreed").as_bool());

  ASSERT_EQ(hr.put("/api/v1/external-organisations/Thuiszorg%20Noord", R"({"agreed":true})").status, 200u);
  added = hr.post("/api/v1/assessment-rounds/r1/participants", external);
  ASSERT_EQ(added.status, 200u) << added.body;
  EXPECT_EQ(added.json().at("participants").as_int64(), 3);
  ASSERT_EQ(hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows_for("r1", "E001", "manager", 3), "text/csv").status, 200u);
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/r1/gaps?unit=WT1").json().at("people").as_array().size(), 2u);

  // Withdrawn agreement: the worker drops out of every view.
  ASSERT_EQ(hr.put("/api/v1/external-organisations/Thuiszorg%20Noord", R"({"agreed":false})").status, 200u);
  const auto gaps = hr.get("/api/v1/assessment-rounds/r1/gaps?unit=WT1").json().at("people").as_array();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps.at(0).at("personnel_number"), "P001");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'external_organisation'"), 2);
}

}  // namespace
}  // namespace kwm::testing
