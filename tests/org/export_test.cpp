#include <gtest/gtest.h>

#include "org/csv_import.hpp"
#include "table/file.hpp"

namespace kwm::org {
namespace {

References template_references() {
  References references;
  references.unit_parents = {{"SD", ""}, {"WT-NOORD", "SD"}};
  references.function_codes = {"CONS-SD"};
  references.function_levels = {function_level_key("CONS-SD", "senior")};
  return references;
}

TEST(Templates, HeaderIsTheImportFormatAndTheExampleRowImports) {
  for (ImportKind kind : {ImportKind::Units, ImportKind::Functions, ImportKind::Positions, ImportKind::People}) {
    const Table table = template_table(kind);
    ASSERT_EQ(table.header.size(), columns(kind).size());
    ASSERT_EQ(table.rows.size(), 1u);
    const csv::Table parsed = csv::parse(table::to_csv(table));
    std::vector<RowError> errors;
    switch (kind) {
      case ImportKind::Units: errors = validate_units(parsed, template_references()).errors; break;
      case ImportKind::Functions: errors = validate_functions(parsed).errors; break;
      case ImportKind::Positions: errors = validate_positions(parsed, template_references()).errors; break;
      case ImportKind::People: errors = validate_people(parsed, template_references()).errors; break;
    }
    EXPECT_TRUE(errors.empty()) << to_string(kind) << ": " << (errors.empty() ? "" : errors.front().message);
  }
}

TEST(ExportCsv, PeopleRoundTripThroughTheImport) {
  Person employee;
  employee.personnel_number = "1001";
  employee.name = "Jansen, \"Anna\"";  // separator and quotes survive
  employee.unit_code = "WT-NOORD";
  employee.function_code = "CONS-SD";
  employee.level = "senior";
  employee.fte = Fte::from_milli(889);
  employee.contract = Contract::Temporary;
  employee.contract_end = Date::parse("2026-12-31");
  employee.hire_date = Date::parse("2024-03-01");
  employee.education_level = EducationLevel::Hbo;
  Person nurse;
  nurse.personnel_number = "EXT-7";
  nurse.name = "B. Bakker";
  nurse.unit_code = "WT-NOORD";
  nurse.fte = Fte::from_milli(500);
  nurse.engagement = Engagement::Secondment;
  nurse.organisation = "Zorggroep Noord";

  Table table = empty_table(ImportKind::People);
  table.rows = {export_row(employee), export_row(nurse)};
  const std::string text = table::to_csv(table);
  EXPECT_TRUE(text.starts_with("personnel_number,name,unit_code,"));
  const auto result = validate_people(csv::parse(text), template_references());
  ASSERT_TRUE(result.ok()) << result.errors.front().message;
  ASSERT_EQ(result.records.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(export_row(result.records[i]), table.rows[i]);
  EXPECT_EQ(result.records[0].name, employee.name);
  EXPECT_EQ(result.records[0].fte.milli(), 889);
}

TEST(ExportCsv, UnitsRoundTrip) {
  Unit team;
  team.code = "WT-ZUID";
  team.name = "Wijkteam Zuid";
  team.parent_code = "SD";
  team.kind = UnitKind::DistrictTeam;
  team.pillars = {Pillar::Care, Pillar::Participation};
  team.direction = Direction::Contractor;
  team.contractor = "Zorggroep Zuid";
  team.location = Location::Network;
  Table table = empty_table(ImportKind::Units);
  table.rows = {export_row(team)};
  const auto result = validate_units(csv::parse(table::to_csv(table)), template_references());
  ASSERT_TRUE(result.ok()) << result.errors.front().message;
  EXPECT_EQ(export_row(result.records.at(0)), table.rows[0]);
}

TEST(ExportXlsx, IsAZipWorkbookWithOneSheet) {
  Table table = template_table(ImportKind::Positions);
  const std::string bytes = table::to_xlsx(table);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

}  // namespace
}  // namespace kwm::org
