#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/date.hpp"
#include "demo/generator.hpp"
#include "org/csv_import.hpp"
#include "org/formation.hpp"
#include "org/model.hpp"

namespace kwm::demo {
namespace {

const Date kReference = *Date::from_ymd(2026, 6, 1);

const DemoMunicipality& named(Size size) {
  static std::map<Size, DemoMunicipality> cache;
  auto it = cache.find(size);
  if (it == cache.end()) it = cache.emplace(size, generate(size, 1, kReference).at(0)).first;
  return it->second;
}

const std::vector<DemoMunicipality>& national() {
  static const std::vector<DemoMunicipality> municipalities = generate(Size::national, 1, kReference);
  return municipalities;
}

// The four files run through the importer's own validation, in import order, with each file's records
// as the references of the next: what `kwartiermaker import` would accept or refuse.
struct Imported {
  std::vector<org::Unit> units;
  std::vector<org::Function> functions;
  std::vector<org::Position> positions;
  std::vector<org::Person> people;
  std::vector<std::string> errors;  // "kind row column: message"
};

template <typename Record>
std::vector<Record> take(const org::Validated<Record>& validated, const char* kind, std::vector<std::string>& errors) {
  for (const RowError& e : validated.errors) {
    errors.push_back(std::string(kind) + " " + std::to_string(e.row) + " " + e.column + ": " + e.message);
  }
  return validated.records;
}

Imported import(const DemoMunicipality& m) {
  Imported result;
  org::References refs;
  result.units = take(org::validate_units(csv::parse(m.units_csv), refs), "units", result.errors);
  for (const org::Unit& unit : result.units) refs.unit_parents[unit.code] = unit.parent_code;
  result.functions = take(org::validate_functions(csv::parse(m.functions_csv)), "functions", result.errors);
  for (const org::Function& function : result.functions) {
    refs.function_codes.insert(function.code);
    refs.function_levels.insert(org::function_level_key(function.code, function.level));
  }
  result.positions = take(org::validate_positions(csv::parse(m.positions_csv), refs), "positions", result.errors);
  result.people = take(org::validate_people(csv::parse(m.people_csv), refs), "people", result.errors);
  return result;
}

std::string first_errors(const Imported& imported) {
  std::string text;
  for (std::size_t i = 0; i < std::min<std::size_t>(5, imported.errors.size()); ++i) text += imported.errors[i] + "\n";
  return text;
}

int employees(const Imported& imported) {
  return static_cast<int>(std::count_if(imported.people.begin(), imported.people.end(),
                                        [](const org::Person& p) { return p.engagement == org::Engagement::Employee; }));
}

Fte budgeted(const Imported& imported) {
  Fte total;
  for (const org::Position& p : imported.positions) total += p.fte;
  return total;
}

std::vector<const org::Unit*> units_of_kind(const Imported& imported, org::UnitKind kind) {
  std::vector<const org::Unit*> found;
  for (const org::Unit& unit : imported.units) {
    if (unit.kind == kind) found.push_back(&unit);
  }
  return found;
}

std::vector<const org::Person*> members(const Imported& imported, const std::string& unit_code) {
  std::vector<const org::Person*> found;
  for (const org::Person& p : imported.people) {
    if (p.unit_code == unit_code) found.push_back(&p);
  }
  return found;
}

// The study's team type of a district or youth team, derived the way the product derives it.
int team_type(const Imported& imported, const org::Unit& team) {
  std::map<std::string, std::string> function_names;
  for (const org::Function& f : imported.functions) function_names[f.code] = f.name;
  org::TeamComposition composition;
  for (const org::Person* p : members(imported, team.code)) {
    org::count_member(composition, p->engagement, p->function_code, function_names[p->function_code]);
  }
  return org::derive_team_type(team, composition).type.value_or(0);
}

TEST(DemoGenerator, SameSeedSameBytesOtherSeedOtherData) {
  for (Size size : {Size::small, Size::medium, Size::large}) {
    const auto first = generate(size, 5, kReference).at(0);
    const auto again = generate(size, 5, kReference).at(0);
    EXPECT_EQ(first.name, again.name);
    EXPECT_EQ(first.units_csv, again.units_csv);
    EXPECT_EQ(first.functions_csv, again.functions_csv);
    EXPECT_EQ(first.positions_csv, again.positions_csv);
    EXPECT_EQ(first.people_csv, again.people_csv);
    const auto other = generate(size, 6, kReference).at(0);
    EXPECT_NE(first.people_csv, other.people_csv) << to_string(size);
  }
}

TEST(DemoGenerator, NationalIsDeterministicToo) {
  const auto again = generate(Size::national, 1, kReference);
  ASSERT_EQ(again.size(), national().size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    ASSERT_EQ(again[i].code, national()[i].code);
    ASSERT_EQ(again[i].people_csv, national()[i].people_csv) << again[i].code;
    ASSERT_EQ(again[i].positions_csv, national()[i].positions_csv) << again[i].code;
  }
}

TEST(DemoGenerator, EveryFileImportsWithoutErrors) {
  for (Size size : {Size::small, Size::medium, Size::large}) {
    const Imported imported = import(named(size));
    EXPECT_TRUE(imported.errors.empty()) << to_string(size) << "\n" << first_errors(imported);
    EXPECT_FALSE(imported.people.empty());
  }
}

TEST(DemoGenerator, EveryNationalMunicipalityImportsWithoutErrors) {
  for (const DemoMunicipality& m : national()) {
    const Imported imported = import(m);
    ASSERT_TRUE(imported.errors.empty()) << m.code << "\n" << first_errors(imported);
  }
}

TEST(DemoGenerator, HeadersAreTheImportFormats) {
  const DemoMunicipality& m = named(Size::medium);
  EXPECT_TRUE(m.units_csv.starts_with("code,name,parent_code,kind,pillars,direction,contractor\r\n"));
  EXPECT_TRUE(m.functions_csv.starts_with("code,name,level,education_level,scale,status\r\n"));
  EXPECT_TRUE(m.positions_csv.starts_with("unit_code,function_code,level,fte,kind,end_date\r\n"));
  EXPECT_TRUE(m.people_csv.starts_with("personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,"
                                       "hire_date,education_level,engagement,organisation\r\n"));
}

TEST(DemoGenerator, SmallHasOneSocialTeamAndAboutFifteenStaff) {
  const DemoMunicipality& m = named(Size::small);
  EXPECT_TRUE(org::is_valid_municipality_code(m.code));
  EXPECT_GE(m.inhabitants, 14'000);
  EXPECT_LE(m.inhabitants, 16'000);
  const Imported imported = import(m);
  EXPECT_EQ(units_of_kind(imported, org::UnitKind::DistrictTeam).size(), 1u);
  EXPECT_GE(employees(imported), 11);
  EXPECT_LE(employees(imported), 17);
}

TEST(DemoGenerator, MediumHasThreeAreaTeamsOfFourToSixAndAboutFiftyFiveFte) {
  const DemoMunicipality& m = named(Size::medium);
  EXPECT_GE(m.inhabitants, 40'000);
  EXPECT_LE(m.inhabitants, 44'000);
  const Imported imported = import(m);
  const auto teams = units_of_kind(imported, org::UnitKind::DistrictTeam);
  ASSERT_EQ(teams.size(), 3u);
  for (const org::Unit* team : teams) {
    const auto people = members(imported, team->code);
    EXPECT_GE(people.size(), 4u) << team->name;
    EXPECT_LE(people.size(), 6u) << team->name;
    std::set<std::string> seconded;
    int municipal = 0;
    for (const org::Person* p : people) {
      if (p->engagement == org::Engagement::Employee) ++municipal;
      if (p->engagement == org::Engagement::Secondment) seconded.insert(p->function_code);
    }
    EXPECT_GE(municipal, 1) << team->name;
    EXPECT_EQ(seconded, (std::set<std::string>{"WVP", "MWK", "GZC"})) << team->name;
    EXPECT_EQ(team_type(imported, *team), 4) << team->name;
  }
  EXPECT_GE(budgeted(imported), Fte::from_milli(50'000));
  EXPECT_LE(budgeted(imported), Fte::from_milli(60'000));
  EXPECT_FALSE(units_of_kind(imported, org::UnitKind::BackOffice).empty());
  EXPECT_FALSE(units_of_kind(imported, org::UnitKind::WorkIncome).empty());
}

TEST(DemoGenerator, LargeHasContractedDistrictTeamsYouthTeamsAndAboutTwoHundredFiftyStaff) {
  const DemoMunicipality& m = named(Size::large);
  EXPECT_GE(m.inhabitants, 140'000);
  EXPECT_LE(m.inhabitants, 160'000);
  const Imported imported = import(m);
  int contracted = 0;
  for (const org::Unit* team : units_of_kind(imported, org::UnitKind::DistrictTeam)) {
    if (team->direction != org::Direction::Contractor) continue;
    ++contracted;
    EXPECT_FALSE(team->contractor.empty());
    const auto size = members(imported, team->code).size();
    EXPECT_GE(size, 8u) << team->name;
    EXPECT_LE(size, 12u) << team->name;
  }
  EXPECT_EQ(contracted, 11);
  const auto youth = units_of_kind(imported, org::UnitKind::YouthTeam);
  ASSERT_EQ(youth.size(), 5u);
  for (const org::Unit* team : youth) {
    const auto people = members(imported, team->code);
    EXPECT_GE(people.size(), 9u);
    EXPECT_LE(people.size(), 11u);
    for (const org::Person* p : people) EXPECT_TRUE(org::is_external(p->engagement)) << team->name;
  }
  const int staff = employees(imported);
  const int externals = static_cast<int>(imported.people.size()) - staff;
  EXPECT_GE(staff, 232);
  EXPECT_LE(staff, 268);
  EXPECT_GE(externals, 100);
  EXPECT_LE(externals, 140);
}

TEST(DemoGenerator, LargeHasAllFourTeamTypes) {
  const Imported imported = import(named(Size::large));
  std::set<int> types;
  for (const org::Unit& unit : imported.units) {
    if (org::is_directed_team(unit.kind)) types.insert(team_type(imported, unit));
  }
  EXPECT_EQ(types, (std::set<int>{1, 2, 3, 4}));
}

TEST(DemoGenerator, TemporaryPositionsContractsAndVacanciesOccur) {
  for (Size size : {Size::medium, Size::large}) {
    const Imported imported = import(named(size));
    const auto expiring = org::expiring_positions(imported.positions, kReference, 6);
    EXPECT_FALSE(expiring.empty()) << to_string(size);
    const auto temporary = std::count_if(imported.positions.begin(), imported.positions.end(),
                                         [](const org::Position& p) { return p.kind == org::PositionKind::Temporary; });
    EXPECT_GT(temporary, static_cast<std::ptrdiff_t>(expiring.size())) << "some run longer than six months";
    for (const org::Position& p : imported.positions) {
      if (p.end_date) EXPECT_GT(*p.end_date, kReference);
    }
    EXPECT_FALSE(org::expiring_contracts(imported.people, kReference, 6).empty()) << to_string(size);
    for (const org::Person& p : imported.people) {
      ASSERT_TRUE(p.hire_date.has_value());
      EXPECT_LE(*p.hire_date, kReference);
    }
    // Vacancies: the people on a unit's function level fill less than its budget somewhere.
    std::map<std::string, std::int64_t> budget, filled;
    for (const org::Position& p : imported.positions) budget[p.unit_code + "/" + p.function_code + "/" + p.level] += p.fte.milli();
    for (const org::Person& p : imported.people) filled[p.unit_code + "/" + p.function_code + "/" + p.level] += p.fte.milli();
    const bool vacancy = std::any_of(budget.begin(), budget.end(), [&](const auto& line) { return filled[line.first] < line.second; });
    EXPECT_TRUE(vacancy) << to_string(size);
    const auto hired = std::count_if(imported.people.begin(), imported.people.end(),
                                     [](const org::Person& p) { return p.engagement == org::Engagement::Hired; });
    EXPECT_GT(hired, 0) << to_string(size);
  }
}

TEST(DemoGenerator, NationalFollowsTheDutchSizeDistribution) {
  const auto& municipalities = national();
  ASSERT_EQ(municipalities.size(), 340u);
  std::set<std::string> codes, names;
  std::int64_t inhabitants = 0, largest = 0;
  int under_20k = 0, from_100k = 0;
  std::int64_t staff = 0;
  for (const DemoMunicipality& m : municipalities) {
    EXPECT_TRUE(org::is_valid_municipality_code(m.code)) << m.code;
    codes.insert(m.code);
    names.insert(m.name);
    inhabitants += m.inhabitants;
    largest = std::max(largest, m.inhabitants);
    under_20k += m.inhabitants < 20'000;
    from_100k += m.inhabitants >= 100'000;
    const csv::Table people = csv::parse(m.people_csv);
    const std::size_t engagement = *people.column("engagement");
    staff += std::count_if(people.records.begin(), people.records.end(),
                           [&](const csv::Record& r) { return r.fields[engagement] == "employee"; });
  }
  EXPECT_EQ(codes.size(), 340u);
  EXPECT_EQ(names.size(), 340u);
  EXPECT_GE(inhabitants, 15'000'000);
  EXPECT_LE(inhabitants, 20'000'000);
  EXPECT_GT(largest, 250'000);
  EXPECT_GE(under_20k, 80);
  EXPECT_LE(under_20k, 100);
  EXPECT_EQ(from_100k, 33);
  EXPECT_GE(staff, 185'000);
  EXPECT_LE(staff, 195'000);
}

TEST(DemoGenerator, MergedNationalFileImportsAsOneTenant) {
  const auto& municipalities = national();
  const DemoMunicipality merged = merge(municipalities, "GM9000", "Alle demogemeenten");
  const Imported imported = import(merged);
  ASSERT_TRUE(imported.errors.empty()) << first_errors(imported);
  std::size_t people = 0, units = 1;  // the national root
  for (const DemoMunicipality& m : municipalities) {
    people += csv::parse(m.people_csv).records.size();
    units += csv::parse(m.units_csv).records.size();
  }
  EXPECT_EQ(imported.people.size(), people);
  EXPECT_EQ(imported.units.size(), units);
  EXPECT_EQ(imported.functions.size(), csv::parse(municipalities.front().functions_csv).records.size());
  const auto roots = std::count_if(imported.units.begin(), imported.units.end(),
                                   [](const org::Unit& u) { return u.parent_code.empty(); });
  EXPECT_EQ(roots, 1);
}

}  // namespace
}  // namespace kwm::demo
