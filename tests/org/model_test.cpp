#include <gtest/gtest.h>

#include "org/model.hpp"

namespace kwm::org {
namespace {

template <typename Enum, typename Parse>
void expect_round_trip(std::initializer_list<Enum> values, Parse parse) {
  for (Enum value : values) {
    const auto text = to_string(value);
    ASSERT_EQ(parse(text), value) << text;
    EXPECT_NE(allowed_values(value).find(text), std::string::npos) << text;
  }
  EXPECT_FALSE(parse(""));
  EXPECT_FALSE(parse("Unknown"));
}

TEST(EnumNames, EverySpellingReadsBack) {
  expect_round_trip({UnitKind::Department, UnitKind::Sector, UnitKind::Team, UnitKind::DistrictTeam, UnitKind::YouthTeam,
                     UnitKind::FrontOffice, UnitKind::BackOffice, UnitKind::Policy, UnitKind::Purchasing, UnitKind::WorkIncome,
                     UnitKind::Project, UnitKind::FlexPool},
                    unit_kind_from_string);
  expect_round_trip({Pillar::Care, Pillar::Youth, Pillar::Participation}, pillar_from_string);
  expect_round_trip({Direction::Municipality, Direction::Contractor}, direction_from_string);
  expect_round_trip({Location::Fixed, Location::Network}, location_from_string);
  expect_round_trip({FunctionStatus::Unchanged, FunctionStatus::Changed, FunctionStatus::New}, function_status_from_string);
  expect_round_trip({EducationLevel::Mbo, EducationLevel::Hbo, EducationLevel::Wo}, education_level_from_string);
  expect_round_trip({PositionKind::Structural, PositionKind::Temporary}, position_kind_from_string);
  expect_round_trip({Contract::Permanent, Contract::Temporary}, contract_from_string);
  expect_round_trip({Engagement::Employee, Engagement::Secondment, Engagement::Hired}, engagement_from_string);
  expect_round_trip({ImportKind::Units, ImportKind::Functions, ImportKind::Positions, ImportKind::People}, import_kind_from_string);
}

TEST(EnumNames, SpellingsAreTheDocumentedOnes) {
  EXPECT_EQ(to_string(UnitKind::DistrictTeam), "district_team");
  EXPECT_EQ(to_string(UnitKind::WorkIncome), "work_income");
  EXPECT_EQ(to_string(UnitKind::FlexPool), "flex_pool");
  EXPECT_EQ(to_string(FunctionStatus::New), "new");
  EXPECT_EQ(pillars_to_string({Pillar::Youth, Pillar::Care}), "youth|care");
  EXPECT_EQ(pillars_to_string({}), "");
}

TEST(MunicipalityCode, IsGmAndFourDigits) {
  EXPECT_TRUE(is_valid_municipality_code("GM0363"));
  for (const char* bad : {"", "GM363", "GM03630", "gm0363", "GMabcd", "XX0363", "GM 363"}) {
    EXPECT_FALSE(is_valid_municipality_code(bad)) << bad;
  }
}

Unit district_team() {
  Unit unit;
  unit.code = "WT1";
  unit.name = "Wijkteam 1";
  unit.kind = UnitKind::DistrictTeam;
  unit.direction = Direction::Municipality;
  return unit;
}

std::vector<std::string> fields_of(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> fields;
  for (const auto& problem : problems) fields.push_back(problem.field);
  return fields;
}

TEST(UnitRules, TableOfCases) {
  struct Case {
    const char* name;
    void (*change)(Unit&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"valid district team", [](Unit&) {}, {}},
      {"missing code", [](Unit& u) { u.code.clear(); }, {"code"}},
      {"missing name", [](Unit& u) { u.name.clear(); }, {"name"}},
      {"own parent", [](Unit& u) { u.parent_code = u.code; }, {"parent_code"}},
      {"district team without direction", [](Unit& u) { u.direction.reset(); }, {"direction"}},
      {"contractor direction without contractor", [](Unit& u) { u.direction = Direction::Contractor; }, {"contractor"}},
      {"contractor direction with contractor",
       [](Unit& u) {
         u.direction = Direction::Contractor;
         u.contractor = "Zorggroep Noord";
       },
       {}},
      {"municipality direction with contractor", [](Unit& u) { u.contractor = "Zorggroep Noord"; }, {"contractor"}},
      {"back office with direction", [](Unit& u) { u.kind = UnitKind::BackOffice; }, {"direction"}},
      {"department with location",
       [](Unit& u) {
         u.kind = UnitKind::Department;
         u.direction.reset();
         u.location = Location::Fixed;
       },
       {"location"}},
      {"code with a newline", [](Unit& u) { u.code = "A\nB"; }, {"code"}},
  };
  for (const Case& c : cases) {
    Unit unit = district_team();
    c.change(unit);
    EXPECT_EQ(fields_of(check_unit(unit)), c.fields) << c.name;
  }
}

Person employee() {
  Person person;
  person.personnel_number = "1001";
  person.name = "A. Jansen";
  person.function_code = "CONS";
  person.level = "senior";
  person.fte = Fte::from_milli(800);
  return person;
}

TEST(PersonRules, TableOfCases) {
  struct Case {
    const char* name;
    void (*change)(Person&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"valid employee", [](Person&) {}, {}},
      {"zero fte", [](Person& p) { p.fte = Fte{}; }, {"fte"}},
      {"negative fte", [](Person& p) { p.fte = Fte::from_milli(-100); }, {"fte"}},
      {"1.2 fte is the maximum", [](Person& p) { p.fte = Fte::from_milli(1200); }, {}},
      {"1.201 fte is too much", [](Person& p) { p.fte = Fte::from_milli(1201); }, {"fte"}},
      {"temporary without end", [](Person& p) { p.contract = Contract::Temporary; }, {"contract_end"}},
      {"permanent with end", [](Person& p) { p.contract_end = Date::parse("2026-01-01"); }, {"contract_end"}},
      {"end before hire",
       [](Person& p) {
         p.contract = Contract::Temporary;
         p.contract_end = Date::parse("2024-01-01");
         p.hire_date = Date::parse("2024-06-01");
       },
       {"contract_end"}},
      {"secondment without organisation", [](Person& p) { p.engagement = Engagement::Secondment; }, {"organisation"}},
      {"hired without function but with organisation",
       [](Person& p) {
         p.engagement = Engagement::Hired;
         p.organisation = "Interim BV";
         p.function_code.clear();
         p.level.clear();
       },
       {}},
      {"employee with organisation", [](Person& p) { p.organisation = "Zorggroep"; }, {"organisation"}},
      {"employee without function",
       [](Person& p) {
         p.function_code.clear();
         p.level.clear();
       },
       {"function_code"}},
      {"function without level", [](Person& p) { p.level.clear(); }, {"level"}},
  };
  for (const Case& c : cases) {
    Person person = employee();
    c.change(person);
    EXPECT_EQ(fields_of(check_person(person)), c.fields) << c.name;
  }
}

TEST(PositionRules, TemporaryNeedsEndAndStructuralHasNone) {
  Position position;
  position.fte = Fte::from_milli(1000);
  EXPECT_TRUE(check_position(position).empty());
  position.kind = PositionKind::Temporary;
  EXPECT_EQ(fields_of(check_position(position)), std::vector<std::string>{"end_date"});
  position.end_date = Date::parse("2026-06-30");
  EXPECT_TRUE(check_position(position).empty());
  position.kind = PositionKind::Structural;
  EXPECT_EQ(fields_of(check_position(position)), std::vector<std::string>{"end_date"});
  position.end_date.reset();
  position.fte = Fte{};
  EXPECT_EQ(fields_of(check_position(position)), std::vector<std::string>{"fte"});
}

TEST(FunctionRules, ScaleWithinMunicipalScales) {
  Function function{0, "CONS", "Consulent", "senior", EducationLevel::Hbo, 10, FunctionStatus::Changed};
  EXPECT_TRUE(check_function(function).empty());
  function.scale = 0;
  EXPECT_EQ(fields_of(check_function(function)), std::vector<std::string>{"scale"});
  function.scale = 19;
  EXPECT_EQ(fields_of(check_function(function)), std::vector<std::string>{"scale"});
  function.scale = 18;
  function.level.clear();
  EXPECT_EQ(fields_of(check_function(function)), std::vector<std::string>{"level"});
}

}  // namespace
}  // namespace kwm::org
