// Assessment rounds through the API: creation rules, the assessments CSV (each error its own), forms for
// self and manager, progress, verdicts and gaps, coverage, growth and downloads.
#include "competence_support.hpp"

namespace kwm::testing {
namespace {

class CompetenceRounds : public CompetenceApiTest {};
KWM_API_TEST_SUITE(CompetenceRounds);

std::string form_scores(int samenwerken, int plannen, int jeugdwet) {
  std::string scores;
  const std::pair<const char*, int> items[] = {{"samenwerken", samenwerken}, {"plannen_organiseren", plannen}, {"jeugdwet", jeugdwet}};
  for (const auto& [competency, score] : items) {
    for (const char* indicator : {"i1", "i2", "i3"}) {
      if (!scores.empty()) scores += ",";
      scores += std::string(R"({"competency_code":")") + competency + R"(","indicator_code":")" + indicator + R"(","score":)" +
                std::to_string(score) + "}";
    }
  }
  return R"({"scores":[)" + scores + "]}";
}

const boost::json::value& competency(const boost::json::value& person, const std::string& code) {
  for (const auto& item : person.at("competencies").as_array())
    if (item.at("code").as_string() == code) return item;
  throw std::runtime_error("no competency " + code);
}

TEST_P(CompetenceRounds, ARoundNeedsProfilesPeopleAndValidSettings) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  HttpResult result = hr.post("/api/v1/assessment-rounds", round_body("r1", "promotion"));
  EXPECT_EQ(result.error_code(), "invalid_purpose");
  result = hr.post("/api/v1/assessment-rounds",
                   R"({"code":"r1","name":"R","purpose":"selection","deadline":"2026-12-31","target_date":"2027-06-30",)"
                   R"("profiles":[{"function_code":"CM","level":"senior"}],"units":["SD"]})");
  EXPECT_EQ(result.error_code(), "profile_missing");
  EXPECT_EQ(result.json().at("error").at("field"), "profiles[0]");
  result = hr.post("/api/v1/assessment-rounds", round_body("r1", "selection", R"(,"weights":{"manager":0})"));
  EXPECT_EQ(result.error_code(), "invalid_weight");
  EXPECT_EQ(result.json().at("error").at("field"), "weights.manager");
  result = hr.post("/api/v1/assessment-rounds", round_body("r1", "selection", R"(,"people":["P003"])"));
  EXPECT_EQ(result.error_code(), "profile_not_in_round");
  EXPECT_EQ(result.json().at("error").at("field"), "people[0]");
  result = hr.post("/api/v1/assessment-rounds",
                   R"({"code":"r1","name":"R","purpose":"selection","deadline":"2026-12-31","target_date":"2027-06-30",)"
                   R"("profiles":[{"function_code":"CM","level":"casemanager"}],"units":["BO"]})");
  EXPECT_EQ(result.error_code(), "no_participants");
  EXPECT_EQ(count("SELECT COUNT(*) FROM assessment_rounds"), 0);

  result = hr.post("/api/v1/assessment-rounds", round_body("r1", "selection", R"(,"sources":["self","manager"],"tolerance":0.5)"));
  ASSERT_EQ(result.status, 201u) << result.body;
  const auto round = result.json();
  EXPECT_EQ(round.at("purpose"), "selection");
  EXPECT_EQ(round.at("participants").as_int64(), 2);
  EXPECT_EQ(round.at("sources").as_array().size(), 2u);
  EXPECT_DOUBLE_EQ(round.at("tolerance").to_number<double>(), 0.5);
  EXPECT_EQ(round.at("frameworks").as_array().size(), 2u);
  EXPECT_FALSE(round.at("purpose_text").as_string().empty());
  EXPECT_EQ(hr.post("/api/v1/assessment-rounds", round_body("r1", "development")).status, 409u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'assessment_round'"), 1);

  // The round keeps its copy of the profile when the profile changes afterwards.
  ASSERT_EQ(hr.put("/api/v1/profiles/CM/casemanager", R"({"competencies":[{"competency_code":"samenwerken","required":5}]})").status, 200u);
  const auto gaps = hr.get("/api/v1/assessment-rounds/r1/gaps").json();
  EXPECT_EQ(gaps.at("people").at(0).at("competencies").as_array().size(), 3u);
}

TEST_P(CompetenceRounds, EachAssessmentsCsvErrorIsItsOwnAndNothingIsWritten) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  ASSERT_EQ(hr.post("/api/v1/assessment-rounds", round_body("r2", "selection", R"(,"sources":["self","manager"])")).status, 201u);
  const std::string file = std::string(kAssessmentsHeader) +
                           "r1,P001,self,samenwerken,i1,4\n"       // 2: fine
                           "r1,P001,self,samenwerken,i2,6\n"       // 3: outside the scale
                           "r1,P001,self,samenwerken,i9,3\n"       // 4: unknown indicator
                           "r2,P001,external,samenwerken,i1,3\n"   // 5: r2 collects no external
                           "r1,P003,self,samenwerken,i1,3\n"       // 6: P003 is not in the round
                           "r9,P001,self,samenwerken,i1,3\n"       // 7: unknown round
                           "r1,P001,self,zwemmen,i1,3\n"           // 8: unknown competency
                           "r1,P001,self,samenwerken,i1,2\n"       // 9: twice the same indicator
                           "r1,P001,boss,samenwerken,i3,2\n"       // 10: unknown source
                           "r1,P001,self,samenwerken,i3,drie\n"    // 11: not a number
                           "r1,P001,self,resultaatgerichtheid,i1,3\n";  // 12: not in the profile
  const HttpResult result = hr.post("/api/v1/import/assessments", file, "text/csv");
  ASSERT_EQ(result.status, 422u) << result.body;
  const auto errors = result.json().at("error").at("errors").as_array();
  const std::vector<std::pair<std::int64_t, std::string>> expected = {
      {3, "score"}, {4, "indicator_code"}, {5, "source"}, {6, "personnel_number"}, {7, "round_code"}, {8, "competency_code"},
      {9, "indicator_code"}, {10, "source"}, {11, "score"}, {12, "competency_code"}};
  ASSERT_EQ(errors.size(), expected.size()) << result.body;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(errors.at(i).at("row").as_int64(), expected[i].first) << errors.at(i);
    EXPECT_EQ(errors.at(i).at("column").as_string(), expected[i].second) << errors.at(i);
    EXPECT_FALSE(errors.at(i).at("message").as_string().empty());
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings"), 0);

  const HttpResult missing_column = hr.post("/api/v1/import/assessments", "round_code,personnel_number,source\nr1,P001,self\n", "text/csv");
  EXPECT_EQ(missing_column.status, 422u);
  EXPECT_EQ(missing_column.json().at("error").at("errors").at(0).at("row").as_int64(), 1);
}

TEST_P(CompetenceRounds, SelfManagerAndExternalScoresGiveVerdictsAndGaps) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");

  Client employee = logged_in("employee-a");
  const auto mine = employee.get("/api/v1/my/assessments").json().at("items").as_array();
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine.at(0).at("purpose"), "selection");
  EXPECT_EQ(mine.at(0).at("self").at("status"), "not_started");
  auto form = employee.get("/api/v1/my/assessments/r1").json();
  EXPECT_TRUE(form.at("editable").as_bool());
  EXPECT_EQ(form.at("expected").as_int64(), 9);
  EXPECT_EQ(form.at("competencies").at(0).at("scale").at("anchors").as_object().size(), 5u);

  // self 2 on samenwerken; manager and external 4: (1*2 + 2*4 + 2*4) / 5 = 3.6, spread 2 (flagged).
  HttpResult saved = employee.put("/api/v1/my/assessments/r1", form_scores(2, 3, 2));
  ASSERT_EQ(saved.status, 200u) << saved.body;
  EXPECT_TRUE(saved.json().at("complete").as_bool());
  saved = employee.put("/api/v1/my/assessments/r1",
                       R"({"scores":[{"competency_code":"samenwerken","indicator_code":"i1","score":9}]})");
  EXPECT_EQ(saved.status, 422u);
  EXPECT_EQ(saved.error_code(), "score_outside_scale");
  EXPECT_EQ(saved.json().at("error").at("field"), "scores[0].score");

  Client manager = logged_in("manager-a");
  saved = manager.put("/api/v1/assessment-rounds/r1/forms/P001/manager", form_scores(4, 2, 2));
  ASSERT_EQ(saved.status, 200u) << saved.body;
  ASSERT_EQ(hr.post("/api/v1/import/assessments", std::string(kAssessmentsHeader) + rows_for("r1", "P001", "external", 4), "text/csv").status,
            200u);

  const auto progress = hr.get("/api/v1/assessment-rounds/r1/progress").json();
  EXPECT_EQ(progress.at("totals").at("self").at("complete").as_int64(), 1);
  EXPECT_EQ(progress.at("totals").at("self").at("not_started").as_int64(), 1);
  EXPECT_EQ(progress.at("people").at(0).at("sources").at("manager").at("status"), "complete");

  const auto gaps = hr.get("/api/v1/assessment-rounds/r1/gaps?unit=WT1").json().at("people").as_array();
  ASSERT_EQ(gaps.size(), 1u);
  const auto& person = gaps.at(0);
  EXPECT_EQ(person.at("personnel_number"), "P001");
  const auto& samenwerken = competency(person, "samenwerken");
  EXPECT_NEAR(samenwerken.at("combined").to_number<double>(), 3.6, 1e-9);
  EXPECT_NEAR(samenwerken.at("gap").to_number<double>(), 0.0, 1e-9);
  EXPECT_NEAR(samenwerken.at("spread").to_number<double>(), 2.0, 1e-9);
  EXPECT_TRUE(samenwerken.at("spread_flagged").as_bool());
  // plannen: (3 + 2*2 + 2*4) / 5 = 3.0 meets 3; jeugdwet: (2 + 4 + 8) / 5 = 2.8 meets 2.
  EXPECT_NEAR(competency(person, "plannen_organiseren").at("combined").to_number<double>(), 3.0, 1e-9);
  EXPECT_EQ(person.at("verdict"), "meets");
  EXPECT_FALSE(person.at("explanation").as_string().empty());

  // P002 has no scores at all: no verdict yet, never a zero.
  const auto all = hr.get("/api/v1/assessment-rounds/r1/gaps?function=CM&level=casemanager").json().at("people").as_array();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all.at(1).at("verdict"), "incomplete");
  EXPECT_TRUE(competency(all.at(1), "samenwerken").at("combined").is_null());

  const auto report = hr.get("/api/v1/assessment-rounds/r1/people/P001/report?function=CM&level=casemanager").json();
  EXPECT_EQ(report.at("verdict"), "meets");
  const auto team = hr.get("/api/v1/assessment-rounds/r1/heatmap/team?unit=SD").json();
  EXPECT_EQ(team.at("people").as_array().size(), 2u);
  EXPECT_EQ(team.at("competencies").as_array().size(), 3u);
  EXPECT_TRUE(team.at("cells").at(1).at(0).at("combined").is_null());

  const auto coverage = hr.get("/api/v1/assessment-rounds/r1/coverage?unit=SD").json().at("rows").as_array();
  ASSERT_EQ(coverage.size(), 1u);  // only samenwerken is critical
  EXPECT_EQ(coverage.at(0).at("people").as_int64(), 2);
  EXPECT_EQ(coverage.at(0).at("meeting").as_int64(), 1);
  EXPECT_EQ(coverage.at(0).at("not_assessed").as_int64(), 1);
}

TEST_P(CompetenceRounds, APersonIsReportedAgainstAProfileTheyDoNotHoldYet) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  ASSERT_EQ(hr.put("/api/v1/profiles/CM/senior",
                   R"({"competencies":[{"competency_code":"samenwerken","required":4,"critical":true},)"
                   R"({"competency_code":"resultaatgerichtheid","required":3}]})")
                .status,
            200u);
  seed_round(hr, "r1", "selection");
  std::string rows;
  for (const char* source : {"self", "manager", "external"}) rows += rows_for("r1", "P001", source, 3);
  ASSERT_EQ(hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows, "text/csv").status, 200u);

  const auto senior = hr.get("/api/v1/assessment-rounds/r1/people/P001/report?function=CM&level=senior").json();
  EXPECT_EQ(senior.at("level"), "senior");
  EXPECT_EQ(senior.at("verdict"), "incomplete");  // resultaatgerichtheid was not assessed in this round
  EXPECT_NEAR(competency(senior, "samenwerken").at("gap").to_number<double>(), 1.0, 1e-9);
  EXPECT_EQ(competency(senior, "resultaatgerichtheid").at("state"), "not_assessed");
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/r1/people/P001/report?function=CM&level=expert").status, 404u);
}

TEST_P(CompetenceRounds, GrowthComparesTheSamePeopleOverTwoRounds) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "voorjaar", "development");
  seed_round(hr, "najaar", "development");
  std::string rows;
  for (const char* person : {"P001", "P002"}) {
    rows += rows_for("voorjaar", person, "manager", 2);
    rows += rows_for("najaar", person, "manager", person == std::string("P001") ? 4 : 2);
  }
  ASSERT_EQ(hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows, "text/csv").status, 200u);
  const auto growth = hr.get("/api/v1/assessment-rounds/najaar/growth?from=voorjaar").json();
  const auto& first = growth.at("competencies").at(0);
  EXPECT_EQ(first.at("people").as_int64(), 2);
  EXPECT_NEAR(first.at("average_change").to_number<double>(), 1.0, 1e-9);
  EXPECT_EQ(first.at("improved").as_int64(), 1);
  EXPECT_EQ(growth.at("people").as_array().size(), 6u);
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/najaar/growth").status, 422u);
}

TEST_P(CompetenceRounds, ClosedRoundsTakeNoMoreScores) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  ASSERT_EQ(hr.post("/api/v1/assessment-rounds/r1/close", "").status, 200u);
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/r1").json().at("status"), "closed");
  EXPECT_EQ(hr.post("/api/v1/assessment-rounds/r1/close", "").status, 409u);
  Client employee = logged_in("employee-a");
  const HttpResult saved = employee.put("/api/v1/my/assessments/r1", form_scores(3, 3, 3));
  EXPECT_EQ(saved.status, 409u);
  EXPECT_EQ(saved.error_code(), "round_closed");
  EXPECT_FALSE(employee.get("/api/v1/my/assessments/r1").json().at("editable").as_bool());
  const HttpResult imported = hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows_for("r1", "P001", "manager", 3), "text/csv");
  EXPECT_EQ(imported.status, 422u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings"), 0);
}

TEST_P(CompetenceRounds, EveryTableDownloadsAsCsvAndExcel) {
  Client hr = logged_in("hr-a");
  seed_catalogue(hr);
  seed_round(hr, "r1", "selection");
  ASSERT_EQ(hr.post("/api/v1/import/assessments", kAssessmentsHeader + rows_for("r1", "P001", "manager", 3), "text/csv").status, 200u);
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"/api/v1/assessment-rounds", "code,name,purpose"},
      {"/api/v1/assessment-rounds/r1/participants", "personnel_number,name"},
      {"/api/v1/assessment-rounds/r1/progress", "personnel_number,name,unit_code,source"},
      {"/api/v1/assessment-rounds/r1/gaps", "personnel_number,name,unit_code,function_code"},
      {"/api/v1/assessment-rounds/r1/heatmap/team?unit=SD", "personnel_number,name,competency_code"},
      {"/api/v1/assessment-rounds/r1/heatmap/organisation", "unit_code,unit_name,depth"},
      {"/api/v1/assessment-rounds/r1/coverage", "competency_code,competency_name,people"},
      {"/api/v1/assessment-rounds/r1/growth?from=r1", "competency_code,competency_name,people"},
      {"/api/v1/profiles", "function_code,function_name,level"},
      {"/api/v1/export/frameworks", "framework_code,version,competency_code"},
      {"/api/v1/export/assessments?round=r1", "round_code,personnel_number,source"},
  };
  for (const auto& [target, header] : tables) {
    const std::string separator = target.find('?') == std::string::npos ? "?" : "&";
    const HttpResult csv = hr.get(target + separator + "format=csv");
    ASSERT_EQ(csv.status, 200u) << target << " " << csv.body;
    EXPECT_EQ(csv.headers.at("content-type").rfind("text/csv", 0), 0u) << target;
    EXPECT_EQ(csv.body.rfind(header, 0), 0u) << target << ": " << csv.body.substr(0, 120);
    const HttpResult xlsx = hr.get(target + separator + "format=xlsx");
    ASSERT_EQ(xlsx.status, 200u) << target;
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK") << target;
  }
  EXPECT_EQ(hr.get("/api/v1/assessment-rounds/r1/gaps?format=pdf").status, 422u);
  const HttpResult export_csv = hr.get("/api/v1/export/assessments?round=r1&format=csv");
  EXPECT_NE(export_csv.body.find("r1,P001,manager,jeugdwet,i1,3"), std::string::npos) << export_csv.body;
}

}  // namespace
}  // namespace kwm::testing
