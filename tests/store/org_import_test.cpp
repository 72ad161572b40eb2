#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "org/csv_import.hpp"
#include "org_fixture.hpp"
#include "org/service.hpp"
#include "store_test_support.hpp"
#include "table/file.hpp"

namespace kwm::store::testing {
namespace {

using org::ImportKind;

class ImportTest : public StoreTest {
 protected:
  void import_all(const Principal& actor) {
    EXPECT_EQ(organisation().import_file(actor, ImportKind::Units, kUnitsCsv).rows, 4);
    EXPECT_EQ(organisation().import_file(actor, ImportKind::Functions, kFunctionsCsv).rows, 4);
    EXPECT_EQ(organisation().import_file(actor, ImportKind::Positions, positions_csv()).rows, 4);
    EXPECT_EQ(organisation().import_file(actor, ImportKind::People, people_csv()).rows, 7);
  }
  long long rows(const std::string& table) {
    return count("SELECT COUNT(*) FROM " + table + " WHERE municipality_id = :m", admin.municipality_id);
  }
  long long audited(const std::string& action) {
    return count("SELECT COUNT(*) FROM audit_log WHERE municipality_id = :m AND action = '" + action + "'", admin.municipality_id);
  }
  Error import_error(ImportKind kind, const std::string& text) {
    try {
      organisation().import_file(admin, kind, text);
    } catch (const Failure& failure) {
      return failure.error();
    }
    ADD_FAILURE() << "the import was accepted";
    return {};
  }
};

TEST_P(ImportTest, AllFourKindsImportAndExportBackInTheSameFormat) {
  import_all(admin);
  EXPECT_EQ(rows("units"), 4);
  EXPECT_EQ(rows("functions"), 4);
  EXPECT_EQ(rows("positions"), 4);
  EXPECT_EQ(rows("people"), 7);

  const Table people = organisation().export_table(admin, ImportKind::People);
  ASSERT_EQ(people.rows.size(), 7u);
  const csv::Table original = csv::parse(people_csv());
  const csv::Table written = csv::parse(table::to_csv(people));
  for (const auto& record : original.records) {
    const bool exported = std::any_of(written.records.begin(), written.records.end(),
                                      [&](const csv::Record& row) { return row.fields == record.fields; });
    EXPECT_TRUE(exported) << record.fields[0];
  }
  const Table units = organisation().export_table(admin, ImportKind::Units);
  ASSERT_EQ(units.rows.size(), 4u);
  EXPECT_EQ(units.rows[3], (std::vector<Cell>{"WT-Z", "Wijkteam Zuid", "SD", "district_team", "care", "contractor",
                                                     "Zorggroep Zuid", "network"}));
  // The export imports again without changing anything.
  EXPECT_EQ(organisation().import_file(admin, ImportKind::People, table::to_csv(people)).rows, 7);
  EXPECT_EQ(audited("update"), 0);
}

TEST_P(ImportTest, OneBadRowImportsNothingAndNamesTheRowAndColumn) {
  import_all(admin);
  std::string text = people_csv();
  text += "2001,H. Nieuw,WT-N,CONS,senior,0.5,permanent,,,hbo,employee,\n";
  text += "2002,I. Fout,WT-N,CONS,senior,1.5,permanent,,,hbo,employee,\n";  // row 10: too many fte
  text += "2003,J. Nieuw,WT-N,CONS,senior,0.5,permanent,,,hbo,employee,\n";
  const Error error = import_error(ImportKind::People, text);
  EXPECT_EQ(error.code, "import_failed");
  ASSERT_EQ(error.rows.size(), 1u);
  EXPECT_EQ(error.rows[0].row, 10);
  EXPECT_EQ(error.rows[0].column, "fte");
  EXPECT_NE(error.rows[0].message.find("1,2"), std::string::npos);
  EXPECT_EQ(rows("people"), 7);  // neither 2001 nor 2003
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE municipality_id = :m AND personnel_number = '2001'", admin.municipality_id), 0);
}

TEST_P(ImportTest, AnErrorFoundOnlyInTheLastRowStillLeavesEverythingUntouched) {
  const Error error = import_error(ImportKind::Units, kUnitsCsv + "X,Onbekend,NIETS,team,,,,\n");
  ASSERT_EQ(error.rows.size(), 1u);
  EXPECT_EQ(error.rows[0].row, 6);
  EXPECT_EQ(error.rows[0].column, "parent_code");
  EXPECT_EQ(rows("units"), 0);
  EXPECT_EQ(audited("import"), 0);
}

TEST_P(ImportTest, MalformedCsvIsAnImportError) {
  const Error error = import_error(ImportKind::Units, "code,name,kind\n\"A,B,team\n");
  EXPECT_EQ(error.code, "import_failed");
  ASSERT_FALSE(error.rows.empty());
  EXPECT_EQ(error.rows[0].row, 2);
}

TEST_P(ImportTest, BomSemicolonsDecimalCommaAndDutchDatesImport) {
  organisation().import_file(admin, ImportKind::Units, kUnitsCsv);
  organisation().import_file(admin, ImportKind::Functions, kFunctionsCsv);
  const std::string text =
      "\xEF\xBB\xBFpersonnel_number;name;unit_code;function_code;level;fte;contract;contract_end;hire_date;education_level;"
      "engagement;organisation\r\n"
      "3001;\"Kok; K.\";WT-N;CONS;junior;0,889;temporary;31-12-2026;01-03-2024;hbo;employee;\r\n";
  EXPECT_EQ(organisation().import_file(admin, ImportKind::People, text).rows, 1);
  const auto page = organisation().list_people(admin, PeopleFilter{.q = "3001"}, {0, 10});
  ASSERT_EQ(page.items.size(), 1u);
  const org::Person& person = page.items[0];
  EXPECT_EQ(person.name, "Kok; K.");
  EXPECT_EQ(person.fte.milli(), 889);
  EXPECT_EQ(person.contract_end->iso(), "2026-12-31");
  EXPECT_EQ(person.hire_date->iso(), "2024-03-01");
  EXPECT_EQ(person.level, "junior");
}

TEST_P(ImportTest, ReimportIsIdempotentAndChangesAreAuditedWithBeforeAndAfter) {
  import_all(admin);
  const long long created = audited("create");
  EXPECT_EQ(created, 4 + 4 + 4 + 7 + 1);  // every record, and the municipality
  import_all(admin);
  EXPECT_EQ(rows("people"), 7);
  EXPECT_EQ(rows("positions"), 4);
  EXPECT_EQ(audited("create"), created);
  EXPECT_EQ(audited("update"), 0);
  EXPECT_EQ(audited("import"), 8);

  std::string changed = people_csv();
  changed.replace(changed.find("1004,G. Bos,BO,ADM,medior,1,"), 28, "1004,G. Bos,BO,ADM,medior,0.6,");
  organisation().import_file(admin, ImportKind::People, changed);
  EXPECT_EQ(audited("update"), 1);
  std::string before, after;
  *db->lease() << "SELECT before_json, after_json FROM audit_log WHERE action = 'update' AND entity = 'person' AND "
                  "entity_key = '1004'",
      soci::into(before), soci::into(after);
  // The audit keeps the record's wire form, the JSON the API answers with.
  EXPECT_EQ(boost::json::parse(before).at("fte").to_number<double>(), 1.0) << before;
  EXPECT_EQ(boost::json::parse(after).at("fte").to_number<double>(), 0.6) << after;
  const auto page = organisation().list_people(admin, PeopleFilter{.q = "1004"}, {0, 10});
  EXPECT_EQ(page.items.at(0).fte.milli(), 600);
}

TEST_P(ImportTest, ReimportMovesAUnitToAnotherParent) {
  import_all(admin);
  organisation().import_file(admin, ImportKind::Units, "code,name,parent_code,kind\nWZ,Werk en inkomen,,work_income\nBO,Backoffice,WZ,back_office\n");
  const auto tree = organisation().unit_tree(admin).units;
  const auto bo = std::find_if(tree.begin(), tree.end(), [](const UnitView& v) { return v.unit.code == "BO"; });
  ASSERT_NE(bo, tree.end());
  EXPECT_EQ(bo->unit.parent_code, "WZ");
  const auto wz = std::find_if(tree.begin(), tree.end(), [](const UnitView& v) { return v.unit.code == "WZ"; });
  EXPECT_EQ(wz->total.budgeted.milli(), 3000);  // the back office's formation moved along
  EXPECT_TRUE(bo->unit.pillars.empty());        // the file's empty pillars replace the stored ones
}

TEST_P(ImportTest, AParentChangeThatWouldMakeACycleWithStoredUnitsIsRefused) {
  organisation().import_file(admin, ImportKind::Units, kUnitsCsv);
  const Error error = import_error(ImportKind::Units, "code,name,parent_code,kind\nSD,Sociaal domein,WT-N,department\n");
  ASSERT_EQ(error.rows.size(), 1u);
  EXPECT_EQ(error.rows[0].column, "parent_code");
  EXPECT_NE(error.rows[0].message.find("SD → WT-N → SD"), std::string::npos) << error.rows[0].message;
}

TEST_P(ImportTest, ReferencesAreResolvedWithinTheMunicipalityOnly) {
  import_all(admin);
  const Principal other = new_municipality("GM0002");
  // The other municipality has no units yet: WT-N is unknown there.
  try {
    organisation().import_file(other, ImportKind::Positions, positions_csv());
    FAIL() << "accepted a reference to another municipality's unit";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().rows.at(0).column, "unit_code");
  }
  // The same codes in another municipality are separate records.
  import_all(other);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE municipality_id = :m", other.municipality_id), 7);
  EXPECT_EQ(rows("people"), 7);
}

TEST_P(ImportTest, OnlyAdminAndHrImportAndExport) {
  for (Role role : {Role::manager, Role::employee, Role::works_council, Role::external}) {
    try {
      organisation().import_file(as(admin, role), ImportKind::Units, kUnitsCsv);
      ADD_FAILURE() << to_string(role) << " could import";
    } catch (const Failure& failure) {
      EXPECT_EQ(failure.error().kind, ErrorKind::forbidden);
    }
    EXPECT_THROW(organisation().export_table(as(admin, role), ImportKind::People), Failure);
  }
  EXPECT_EQ(organisation().import_file(as(admin, Role::hr), ImportKind::Units, kUnitsCsv).rows, 4);
}

TEST_P(ImportTest, AFileLargerThanOneBatchGoesInWhole) {
  import_all(admin);
  // 450 new people: two full insert batches and a partial one, five audit batches.
  std::string text = "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,"
                     "engagement,organisation\n";
  for (int i = 0; i < 450; ++i) {
    const std::string number = std::to_string(5000 + i);
    text += i % 3 == 0 ? number + ",Extern " + number + ",WT-Z,,,0.5,temporary,2027-01-01,,,hired,Interim Partners\n"
                       : number + ",Medewerker " + number + ",BO,ADM,medior,0.8,permanent,,2020-01-01,mbo,employee,\n";
  }
  EXPECT_EQ(organisation().import_file(admin, ImportKind::People, text).rows, 450);
  EXPECT_EQ(rows("people"), 7 + 450);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE municipality_id = :m AND entity = 'person' AND action = 'create'",
                  admin.municipality_id),
            7 + 450);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE municipality_id = :m AND function_id IS NULL", admin.municipality_id),
            3 + 150);
  const auto last = organisation().list_people(admin, PeopleFilter{.q = "5449"}, {0, 1}).items.at(0);
  EXPECT_EQ(last.name, "Medewerker 5449");
  EXPECT_EQ(last.fte.milli(), 800);
  EXPECT_EQ(last.level, "medior");
  EXPECT_EQ(organisation().import_file(admin, ImportKind::People, text).rows, 450);
  EXPECT_EQ(audited("update"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, kBackends, backend_name);

}  // namespace
}  // namespace kwm::store::testing
