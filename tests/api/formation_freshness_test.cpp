// The server keeps each municipality's computed formation between requests; a write through the API must
// still show on the very next read of the roll-up, and a logout must end the session at once.
#include "api_harness.hpp"

namespace kwm::testing {
namespace {

class FormationFreshness : public ApiTest {};
KWM_API_TEST_SUITE(FormationFreshness);

std::int64_t total_people(Client& client, std::int64_t unit_id) {
  const HttpResult result = client.get("/api/v1/units/" + std::to_string(unit_id));
  EXPECT_EQ(result.status, 200u) << result.body;
  return result.json().at("total").at("people").as_int64();
}

TEST_P(FormationFreshness, PersonWritesShowInTheNextRollUp) {
  Client hr = logged_in("hr-a");
  const std::int64_t department = unit_id("GM9001", "SD");
  ASSERT_EQ(total_people(hr, department), 4);
  const std::string body = R"({"personnel_number":"P900","name":"Fleur Dekker","unit_id":)" +
                           std::to_string(unit_id("GM9001", "BO")) + R"(,"function_id":)" +
                           std::to_string(function_id("GM9001", "AM", "medewerker")) +
                           R"(,"fte":1,"contract":"permanent","engagement":"employee"})";
  const HttpResult created = hr.post("/api/v1/people", body);
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(total_people(hr, department), 5);
  EXPECT_EQ(hr.del("/api/v1/people/" + std::to_string(created.json().at("id").as_int64())).status, 204u);
  EXPECT_EQ(total_people(hr, department), 4);
}

TEST_P(FormationFreshness, ImportsShowInTheNextRollUpOfEveryReader) {
  Client hr = logged_in("hr-a");
  Client council = logged_in("council-a");
  const std::int64_t team = unit_id("GM9001", "WT2");
  ASSERT_EQ(total_people(council, team), 1);
  const HttpResult imported = hr.post("/api/v1/import/people",
                                      "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,"
                                      "hire_date,education_level,engagement,organisation\n"
                                      "E900,Guus Hofman,WT2,,,0.5,temporary,2027-06-30,,,hired,Interim Partners\n",
                                      "text/csv");
  ASSERT_EQ(imported.status, 200u) << imported.body;
  EXPECT_EQ(total_people(council, team), 2);
  const auto figures = council.get("/api/v1/units/" + std::to_string(team)).json().at("total");
  EXPECT_EQ(figures.at("externals").as_int64(), 1);
}

TEST_P(FormationFreshness, AnEndedSessionIsRefusedOnTheNextRequest) {
  Client hr = logged_in("hr-a");
  const std::int64_t department = unit_id("GM9001", "SD");
  ASSERT_EQ(total_people(hr, department), 4);
  ASSERT_EQ(hr.del("/api/v1/session").status, 204u);
  EXPECT_EQ(hr.get("/api/v1/units/" + std::to_string(department)).status, 401u);
}

}  // namespace
}  // namespace kwm::testing
