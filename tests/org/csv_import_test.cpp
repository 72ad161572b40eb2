#include <gtest/gtest.h>

#include "org/csv_import.hpp"

namespace kwm::org {
namespace {

// What the store holds already: department SD with district team WT1 below it; function CONS at two
// levels and TL at one.
References existing() {
  References references;
  references.unit_parents = {{"SD", ""}, {"WT1", "SD"}};
  references.function_codes = {"CONS", "TL"};
  references.function_levels = {function_level_key("CONS", "junior"), function_level_key("CONS", "senior"),
                                function_level_key("TL", "teamleider")};
  return references;
}

std::vector<RowError> errors_of(ImportKind kind, std::string_view text) {
  const csv::Table table = csv::parse(text);
  switch (kind) {
    case ImportKind::Units: return validate_units(table, existing()).errors;
    case ImportKind::Functions: return validate_functions(table).errors;
    case ImportKind::Positions: return validate_positions(table, existing()).errors;
    case ImportKind::People: return validate_people(table, existing()).errors;
  }
  return {};
}

std::string describe(const std::vector<RowError>& errors) {
  std::string text;
  for (const RowError& e : errors) text += "\n  rij " + std::to_string(e.row) + ", kolom " + e.column + ": " + e.message;
  return text;
}

struct Case {
  const char* name;
  ImportKind kind;
  std::string csv;
  std::int64_t row;
  std::string column;
  std::string message_part;
};

const std::string kUnits = "code,name,parent_code,kind,pillars,direction,contractor\n";
const std::string kFunctions = "code,name,level,education_level,scale,status\n";
const std::string kPositions = "unit_code,function_code,level,fte,kind,end_date\n";
const std::string kPeople =
    "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,engagement,organisation\n";
const std::string kEmployee = "1,A. Jansen,WT1,CONS,senior,0.8,permanent,,2020-01-01,hbo,employee,\n";

const Case kCases[] = {
    // Header problems are reported on row 1, under the column they concern.
    {"unknown column", ImportKind::Units, "code,name,kind,colour\nA,X,team,red\n", 1, "colour", "Onbekende kolom 'colour'"},
    {"missing required column", ImportKind::Units, "code,name\nA,X\n", 1, "kind", "Verplichte kolom 'kind' ontbreekt"},
    {"column twice", ImportKind::Units, "code,name,kind,kind\nA,X,team,team\n", 1, "kind", "twee keer in de kopregel"},
    {"nameless column", ImportKind::Functions, "code,name,,level,education_level,scale,status\n", 1, "", "Kolom 3 heeft geen naam"},
    {"missing people column", ImportKind::People, "personnel_number,name,unit_code,fte,contract\n", 1, "engagement",
     "Verplichte kolom 'engagement'"},
    {"row wider than header", ImportKind::Units, "code,name,kind\nA,X,team,extra\n", 2, "", "4 velden, de kopregel 3"},
    // Units
    {"empty code", ImportKind::Units, kUnits + ",Wijkteam,,team,,,\n", 2, "code", "De code is verplicht"},
    {"duplicate unit code", ImportKind::Units, kUnits + "A,X,,team,,,\nB,Y,,team,,,\nA,Z,,team,,,\n", 4, "code",
     "Code 'A' staat ook al in rij 2"},
    {"bad unit kind", ImportKind::Units, kUnits + "A,X,,wijkteam,,,\n", 2, "kind", "Onbekende waarde 'wijkteam' voor soort eenheid"},
    {"bad pillar", ImportKind::Units, kUnits + "A,X,,team,care|zorg,,\n", 2, "pillars", "Onbekende pijler 'zorg'"},
    {"unknown parent", ImportKind::Units, kUnits + "A,X,NOPE,team,,,\n", 2, "parent_code",
     "Bovenliggende eenheid 'NOPE' bestaat niet"},
    {"own parent", ImportKind::Units, kUnits + "A,X,A,team,,,\n", 2, "parent_code", "onder zichzelf"},
    {"cycle within the file", ImportKind::Units, kUnits + "A,X,B,team,,,\nB,Y,A,team,,,\n", 2, "parent_code",
     "A → B → A"},
    {"cycle through stored units", ImportKind::Units, kUnits + "SD,Sociaal domein,WT1,department,,,\n", 2, "parent_code",
     "SD → WT1 → SD"},
    {"bad direction", ImportKind::Units, kUnits + "A,X,SD,district_team,care,gemeente,\n", 2, "direction",
     "Onbekende waarde 'gemeente' voor regierol"},
    {"direction outside district team", ImportKind::Units, kUnits + "A,X,SD,back_office,,municipality,\n", 2, "direction",
     "Alleen een wijkteam of jeugdteam heeft een regierol"},
    {"district team without direction", ImportKind::Units, kUnits + "A,X,SD,district_team,care,,\n", 2, "direction",
     "Geef voor een wijkteam of jeugdteam de regierol op"},
    {"contractor direction without contractor", ImportKind::Units, kUnits + "A,X,SD,youth_team,youth,contractor,\n", 2,
     "contractor", "de naam van de hoofdaannemer verplicht"},
    {"bad location", ImportKind::Units, "code,name,kind,direction,location\nA,X,district_team,municipality,wijkhuis\n", 2,
     "location", "Onbekende waarde 'wijkhuis' voor locatie"},
    // Functions
    {"bad education level", ImportKind::Functions, kFunctions + "C,Consulent,senior,universiteit,10,new\n", 2,
     "education_level", "Onbekende waarde 'universiteit' voor opleidingsniveau"},
    {"bad status", ImportKind::Functions, kFunctions + "C,Consulent,senior,hbo,10,nieuw\n", 2, "status",
     "Onbekende waarde 'nieuw' voor functiestatus"},
    {"scale not a number", ImportKind::Functions, kFunctions + "C,Consulent,senior,hbo,tien,new\n", 2, "scale",
     "'tien' is geen geldige salarisschaal"},
    {"scale out of range", ImportKind::Functions, kFunctions + "C,Consulent,senior,hbo,19,new\n", 2, "scale",
     "Schaal 19 bestaat niet"},
    {"empty level", ImportKind::Functions, kFunctions + "C,Consulent,,hbo,10,new\n", 2, "level", "Het functieniveau is verplicht"},
    {"duplicate function level", ImportKind::Functions, kFunctions + "C,Consulent,senior,hbo,10,new\nC,Consulent,senior,hbo,11,new\n",
     3, "level", "Functie 'C' met niveau 'senior' staat ook al in rij 2"},
    // Positions
    {"unknown unit", ImportKind::Positions, kPositions + "WT9,CONS,senior,1,structural,\n", 2, "unit_code",
     "Eenheid 'WT9' bestaat niet"},
    {"unknown function", ImportKind::Positions, kPositions + "WT1,JURIST,senior,1,structural,\n", 2, "function_code",
     "Functie 'JURIST' bestaat niet"},
    {"unknown level", ImportKind::Positions, kPositions + "WT1,CONS,expert,1,structural,\n", 2, "level",
     "Functie 'CONS' heeft geen niveau 'expert'"},
    {"zero position fte", ImportKind::Positions, kPositions + "WT1,CONS,senior,0,structural,\n", 2, "fte",
     "moet groter dan 0 zijn"},
    {"negative position fte", ImportKind::Positions, kPositions + "WT1,CONS,senior,-1,structural,\n", 2, "fte",
     "mag niet negatief zijn"},
    {"negative fraction", ImportKind::Positions, kPositions + "WT1,CONS,senior,-0.5,structural,\n", 2, "fte",
     "mag niet negatief zijn"},
    {"fte not a number", ImportKind::Positions, kPositions + "WT1,CONS,senior,abc,structural,\n", 2, "fte",
     "'abc' is geen geldig aantal fte"},
    {"empty fte", ImportKind::Positions, kPositions + "WT1,CONS,senior,,structural,\n", 2, "fte", "Vul het aantal fte in"},
    {"bad position kind", ImportKind::Positions, kPositions + "WT1,CONS,senior,1,tijdelijk,2026-01-01\n", 2, "kind",
     "Onbekende waarde 'tijdelijk' voor soort formatieplaats"},
    {"temporary position without end", ImportKind::Positions, kPositions + "WT1,CONS,senior,1,temporary,\n", 2, "end_date",
     "Een tijdelijke formatieplaats heeft een einddatum nodig"},
    {"structural position with end", ImportKind::Positions, kPositions + "WT1,CONS,senior,1,structural,2026-01-01\n", 2,
     "end_date", "Een structurele formatieplaats heeft geen einddatum"},
    {"date that does not exist", ImportKind::Positions, kPositions + "WT1,CONS,senior,1,temporary,31-02-2025\n", 2, "end_date",
     "'31-02-2025' is geen geldige datum"},
    {"duplicate position line", ImportKind::Positions,
     kPositions + "WT1,CONS,senior,1,temporary,2026-01-01\nWT1,CONS,senior,0.5,temporary,01-01-2026\n", 3, "unit_code",
     "staat ook al in rij 2"},
    // People
    {"fte above 1.2", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1.3,permanent,,,hbo,employee,\n", 2, "fte",
     "meer dan het maximum van 1,2"},
    {"zero person fte", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,0,permanent,,,hbo,employee,\n", 2, "fte",
     "Het aantal fte moet groter dan 0 zijn"},
    {"negative person fte", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,-0.2,permanent,,,hbo,employee,\n", 2, "fte",
     "mag niet negatief zijn"},
    {"temporary contract without end", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1,temporary,,,hbo,employee,\n", 2,
     "contract_end", "Een tijdelijk contract heeft een einddatum nodig"},
    {"permanent contract with end", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1,permanent,2026-01-01,,hbo,employee,\n",
     2, "contract_end", "Een vast contract heeft geen einddatum"},
    {"bad contract", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1,vast,,,hbo,employee,\n", 2, "contract",
     "Onbekende waarde 'vast' voor contractsoort"},
    {"external without organisation", ImportKind::People, kPeople + "1,A,WT1,,,0.5,temporary,2026-01-01,,,secondment,\n", 2,
     "organisation", "organisatie verplicht"},
    {"hired without organisation", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,0.5,temporary,2026-01-01,,,hired,\n", 2,
     "organisation", "organisatie verplicht"},
    {"employee with organisation", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1,permanent,,,hbo,employee,Zorggroep\n",
     2, "organisation", "geen externe organisatie"},
    {"employee without function", ImportKind::People, kPeople + "1,A,WT1,,,1,permanent,,,hbo,employee,\n", 2, "function_code",
     "heeft een functie nodig"},
    {"bad engagement", ImportKind::People, kPeople + "1,A,WT1,,,1,temporary,2026-01-01,,,detachering,Zorggroep\n", 2,
     "engagement", "Onbekende waarde 'detachering' voor soort dienstverband"},
    {"bad hire date", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1,permanent,,2020-13-01,hbo,employee,\n", 2,
     "hire_date", "'2020-13-01' is geen geldige datum"},
    {"end before hire", ImportKind::People, kPeople + "1,A,WT1,CONS,senior,1,temporary,2020-01-01,2021-01-01,hbo,employee,\n",
     2, "contract_end", "vóór de datum van indiensttreding"},
    {"unknown person unit", ImportKind::People, kPeople + "1,A,WT7,CONS,senior,1,permanent,,,hbo,employee,\n", 2, "unit_code",
     "Eenheid 'WT7' bestaat niet"},
    {"unknown person function", ImportKind::People, kPeople + "1,A,WT1,JURIST,senior,1,permanent,,,hbo,employee,\n", 2,
     "function_code", "Functie 'JURIST' bestaat niet"},
    {"function without level", ImportKind::People, kPeople + "1,A,WT1,CONS,,1,permanent,,,hbo,employee,\n", 2, "level",
     "Geef bij de functie ook het functieniveau op"},
    {"duplicate personnel number", ImportKind::People, kPeople + kEmployee + kEmployee, 3, "personnel_number",
     "Personeelsnummer '1' staat ook al in rij 2"},
    {"decimal comma above 1.2 in a semicolon file", ImportKind::People,
     "personnel_number;name;unit_code;function_code;level;fte;contract;engagement\n1;A;WT1;CONS;senior;1,5;permanent;employee\n",
     2, "fte", "(1,5) is meer dan het maximum van 1,2"},
};

TEST(CsvValidation, EveryRuleHasItsOwnMessageOnItsRowAndColumn) {
  for (const Case& c : kCases) {
    const auto errors = errors_of(c.kind, c.csv);
    const bool found = std::any_of(errors.begin(), errors.end(), [&](const RowError& e) {
      return e.row == c.row && e.column == c.column && e.message.find(c.message_part) != std::string::npos;
    });
    EXPECT_TRUE(found) << c.name << ": expected rij " << c.row << ", kolom " << c.column << ": ..." << c.message_part
                       << "...; got" << describe(errors);
  }
}

TEST(CsvValidation, AllRowsAreCheckedNotJustTheFirstBadOne) {
  const std::string text = kPeople + kEmployee + "2,B,WT1,CONS,senior,0,permanent,,,hbo,employee,\n" +
                           "3,C,WT1,CONS,senior,1,permanent,,,hbo,employee,\n" +
                           "4,D,WT1,CONS,senior,1,temporary,,,hbo,employee,\n";
  const auto result = validate_people(csv::parse(text), existing());
  ASSERT_EQ(result.errors.size(), 2u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].row, 3);
  EXPECT_EQ(result.errors[0].column, "fte");
  EXPECT_EQ(result.errors[1].row, 5);
  EXPECT_EQ(result.errors[1].column, "contract_end");
}

TEST(CsvValidation, OneMessagePerCell) {
  // The fte could not be read: no second complaint that it is not above zero.
  const auto errors = errors_of(ImportKind::People, kPeople + "1,A,WT1,CONS,senior,x,permanent,,,hbo,employee,\n");
  ASSERT_EQ(errors.size(), 1u) << describe(errors);
}

TEST(CsvValidation, UnitsMayReferToParentsLaterInTheFile) {
  const auto result = validate_units(csv::parse(kUnits + "WT2,Wijkteam 2,NEW,district_team,care|youth,contractor,Zorggroep\n"
                                                         "NEW,Nieuwe sector,SD,sector,,,\n"),
                                     existing());
  ASSERT_TRUE(result.ok()) << describe(result.errors);
  ASSERT_EQ(result.records.size(), 2u);
  const Unit& team = result.records[0];
  EXPECT_EQ(team.parent_code, "NEW");
  EXPECT_EQ(team.kind, UnitKind::DistrictTeam);
  EXPECT_EQ(team.pillars, (std::vector<Pillar>{Pillar::Care, Pillar::Youth}));
  EXPECT_EQ(team.direction, Direction::Contractor);
  EXPECT_EQ(team.contractor, "Zorggroep");
}

TEST(CsvValidation, DutchExcelFileWithBomSemicolonsDecimalCommaAndDutchDates) {
  const std::string text =
      "\xEF\xBB\xBF" "personnel_number;name;unit_code;function_code;level;fte;contract;contract_end;hire_date;education_level;"
      "engagement;organisation\r\n"
      "1001;\"Jansen; A.\";WT1;CONS;senior;0,8;temporary;31-12-2026;01-03-2024;hbo;employee;\r\n"
      "1002;B. Bakker;WT1;;;0.5;temporary;30-06-2026;;;secondment;Zorggroep Noord\r\n";
  const auto result = validate_people(csv::parse(text), existing());
  ASSERT_TRUE(result.ok()) << describe(result.errors);
  ASSERT_EQ(result.records.size(), 2u);
  const Person& first = result.records[0];
  EXPECT_EQ(first.name, "Jansen; A.");
  EXPECT_EQ(first.fte.milli(), 800);
  EXPECT_EQ(first.contract, Contract::Temporary);
  EXPECT_EQ(first.contract_end->iso(), "2026-12-31");
  EXPECT_EQ(first.hire_date->iso(), "2024-03-01");
  EXPECT_EQ(first.education_level, EducationLevel::Hbo);
  const Person& second = result.records[1];
  EXPECT_EQ(second.fte.milli(), 500);  // a point is accepted in a semicolon file too
  EXPECT_EQ(second.engagement, Engagement::Secondment);
  EXPECT_EQ(second.organisation, "Zorggroep Noord");
  EXPECT_TRUE(second.function_code.empty());
}

TEST(CsvValidation, ColumnsInAnyOrderAndOptionalColumnsMayBeLeftOut) {
  const auto result = validate_positions(csv::parse("kind,fte,level,function_code,unit_code\nstructural,2.5,junior,CONS,SD\n"),
                                         existing());
  ASSERT_TRUE(result.ok()) << describe(result.errors);
  EXPECT_EQ(result.records[0].unit_code, "SD");
  EXPECT_EQ(result.records[0].fte.milli(), 2500);
  EXPECT_EQ(result.records[0].kind, PositionKind::Structural);
}

TEST(CsvValidation, HeaderOnlyFileHasNoRecordsAndNoErrors) {
  const auto result = validate_functions(csv::parse(kFunctions));
  EXPECT_TRUE(result.ok());
  EXPECT_TRUE(result.records.empty());
}

}  // namespace
}  // namespace kwm::org
