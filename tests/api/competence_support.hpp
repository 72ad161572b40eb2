#pragma once
// Shared set-up of the competence API tests: the seeded municipality A gets the casemanager and knowledge
// area reference frameworks, a casemanager profile (two competencies, one critical, plus one knowledge
// area) and a round over the social domain, so that P001 (WT1) and P002 (WT2) take part.
#include <string>

#include "api_harness.hpp"

namespace kwm::testing {

class CompetenceApiTest : public ApiTest {
 protected:
  // The casemanager profile's requirements: samenwerken (3, critical), plannen_organiseren (3), jeugdwet (2).
  static constexpr const char* kProfile =
      R"({"education_level":"hbo","competencies":[{"competency_code":"samenwerken","required":3,"critical":true},)"
      R"({"competency_code":"plannen_organiseren","required":3}],"knowledge_areas":[{"competency_code":"jeugdwet","required":2}]})";

  void seed_catalogue(Client& hr) {
    for (const char* reference : {"casemanager", "knowledge-areas"}) {
      const HttpResult copied = hr.post(std::string("/api/v1/reference-frameworks/") + reference + "/copy", "{}");
      ASSERT_EQ(copied.status, 201u) << copied.body;
    }
    const HttpResult profile = hr.put("/api/v1/profiles/CM/casemanager", kProfile);
    ASSERT_EQ(profile.status, 200u) << profile.body;
  }

  static std::string round_body(const std::string& code, const std::string& purpose, const std::string& extra = "") {
    return R"({"code":")" + code + R"(","name":"Ronde )" + code + R"(","purpose":")" + purpose +
           R"(","deadline":"2026-12-31","target_date":"2027-06-30","profiles":[{"function_code":"CM","level":"casemanager"}],)"
           R"("units":["SD"])" + extra + "}";
  }

  // A round over SD with P001 and P002.
  void seed_round(Client& hr, const std::string& code, const std::string& purpose) {
    const HttpResult round = hr.post("/api/v1/assessment-rounds", round_body(code, purpose));
    ASSERT_EQ(round.status, 201u) << round.body;
  }

  // Every indicator of the profile scored `score` by one source, as assessments CSV rows.
  static std::string rows_for(const std::string& round, const std::string& person, const std::string& source, int score) {
    std::string rows;
    for (const char* competency : {"samenwerken", "plannen_organiseren", "jeugdwet"}) {
      for (const char* indicator : {"i1", "i2", "i3"}) {
        rows += round + "," + person + "," + source + "," + competency + "," + indicator + "," + std::to_string(score) + "\n";
      }
    }
    return rows;
  }

  static constexpr const char* kAssessmentsHeader = "round_code,personnel_number,source,competency_code,indicator_code,score\n";
};

}  // namespace kwm::testing
