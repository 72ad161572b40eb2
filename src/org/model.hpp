#pragma once
// The organisation and formation model of one municipality: units in a tree, functions with levels,
// budgeted positions (the formation) and the people who fill them. Plain structs with no I/O, so the rules
// that work on them (team type, roll-ups, CSV validation) can be tested without a database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/fte.hpp"
#include "core/spelling.hpp"

namespace kwm::org {

enum class UnitKind {
  Department,
  Sector,
  Team,
  DistrictTeam,
  YouthTeam,
  FrontOffice,
  BackOffice,
  Policy,
  Purchasing,
  WorkIncome,
  Project,
  FlexPool,
};
enum class Pillar { Care, Youth, Participation };
enum class Direction { Municipality, Contractor };
enum class Location { Fixed, Network };
enum class FunctionStatus { Unchanged, Changed, New };
enum class EducationLevel { Mbo, Hbo, Wo };
enum class PositionKind { Structural, Temporary };
enum class Contract { Permanent, Temporary };
enum class Engagement { Employee, Secondment, Hired };
enum class ImportKind { Units, Functions, Positions, People };

// The spelling used in CSV files, the JSON API and the database: "district_team", "care", ...
std::string_view to_string(UnitKind value);
std::string_view to_string(Pillar value);
std::string_view to_string(Direction value);
std::string_view to_string(Location value);
std::string_view to_string(FunctionStatus value);
std::string_view to_string(EducationLevel value);
std::string_view to_string(PositionKind value);
std::string_view to_string(Contract value);
std::string_view to_string(Engagement value);
std::string_view to_string(ImportKind value);

// Empty optional for anything but the exact spelling above.
std::optional<UnitKind> unit_kind_from_string(std::string_view text);
std::optional<Pillar> pillar_from_string(std::string_view text);
std::optional<Direction> direction_from_string(std::string_view text);
std::optional<Location> location_from_string(std::string_view text);
std::optional<FunctionStatus> function_status_from_string(std::string_view text);
std::optional<EducationLevel> education_level_from_string(std::string_view text);
std::optional<PositionKind> position_kind_from_string(std::string_view text);
std::optional<Contract> contract_from_string(std::string_view text);
std::optional<Engagement> engagement_from_string(std::string_view text);
std::optional<ImportKind> import_kind_from_string(std::string_view text);

// The allowed spellings joined for messages: "department, sector, team, ...".
std::string allowed_values(UnitKind);
std::string allowed_values(Pillar);
std::string allowed_values(Direction);
std::string allowed_values(Location);
std::string allowed_values(FunctionStatus);
std::string allowed_values(EducationLevel);
std::string allowed_values(PositionKind);
std::string allowed_values(Contract);
std::string allowed_values(Engagement);
std::string allowed_values(ImportKind);

// "care|youth" <-> {Care, Youth}; the order of the text is kept, repeats are dropped.
std::string pillars_to_string(const std::vector<Pillar>& pillars);

// Only district and youth teams have a direction (regierol), a contractor and a location.
bool is_directed_team(UnitKind kind);
// External workers are employed elsewhere: seconded or hired.
inline bool is_external(Engagement engagement) { return engagement != Engagement::Employee; }

struct Cooperation {
  std::string kind;                        // e.g. "inkoopregio", "arbeidsmarktregio"
  std::string name;
  std::vector<std::string> partner_codes;  // CBS codes of the partner municipalities
};

struct Municipality {
  std::int64_t id = 0;
  std::string code;  // CBS code: GM followed by four digits
  std::string name;
  std::int64_t inhabitants = 0;
  std::string region;
  std::vector<Cooperation> cooperations;
};

struct Unit {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::optional<std::int64_t> parent_id;
  std::string parent_code;  // "" for a root
  UnitKind kind = UnitKind::Team;
  std::vector<Pillar> pillars;
  std::optional<Direction> direction;  // district and youth teams only
  std::string contractor;              // the main contractor, when direction is Contractor
  std::optional<Location> location;    // district and youth teams only
};

// One level of a function: functions are keyed (code, level), each level with its own scale.
struct Function {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string level;  // e.g. casemanager, senior, expert
  EducationLevel education_level = EducationLevel::Hbo;
  std::int64_t scale = 0;
  FunctionStatus status = FunctionStatus::Unchanged;
};

// A formation line: budgeted FTE of one function level in one unit. Keyed (unit, function level, kind,
// end date), so a unit may hold a structural line and temporary lines of the same function level.
struct Position {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_code;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string function_name;
  std::string level;
  Fte fte;
  PositionKind kind = PositionKind::Structural;
  std::optional<Date> end_date;  // temporary positions only
};

struct Person {
  std::int64_t id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_name;
  std::optional<std::int64_t> function_id;  // may be empty for external workers
  std::string function_code;
  std::string function_name;
  std::string level;
  Fte fte;  // for external workers: hours per week / 36
  Contract contract = Contract::Permanent;
  std::optional<Date> contract_end;  // temporary contracts only
  std::optional<Date> hire_date;
  std::optional<EducationLevel> education_level;
  Engagement engagement = Engagement::Employee;
  std::string organisation;  // external workers only: the organisation that employs them
};

// A problem with one field of a record, named as in the CSV header and the JSON body.
struct FieldProblem {
  std::string field;
  std::string message;
};

// The rules a record must satisfy on its own, whatever its source (CSV row, API body); references to
// other records (parent unit, function level) are checked by whoever can see them.
std::vector<FieldProblem> check_unit(const Unit& unit);
std::vector<FieldProblem> check_function(const Function& function);
std::vector<FieldProblem> check_position(const Position& position);
std::vector<FieldProblem> check_person(const Person& person);

// CBS municipality code: "GM" and four digits.
bool is_valid_municipality_code(std::string_view code);

// The largest part-time factor a person can have: 1.2 FTE (overtime contracts), in thousandths.
inline constexpr std::int64_t kMaxPersonFteMilli = 1200;

}  // namespace kwm::org

// The spelling used in CSV files, the JSON API and the database.
namespace kwm {

template <>
struct Spelling<org::UnitKind> {
  static constexpr SpellingTable<org::UnitKind, 12> names{{
      {org::UnitKind::Department, "department"},
      {org::UnitKind::Sector, "sector"},
      {org::UnitKind::Team, "team"},
      {org::UnitKind::DistrictTeam, "district_team"},
      {org::UnitKind::YouthTeam, "youth_team"},
      {org::UnitKind::FrontOffice, "front_office"},
      {org::UnitKind::BackOffice, "back_office"},
      {org::UnitKind::Policy, "policy"},
      {org::UnitKind::Purchasing, "purchasing"},
      {org::UnitKind::WorkIncome, "work_income"},
      {org::UnitKind::Project, "project"},
      {org::UnitKind::FlexPool, "flex_pool"},
  }};
};
template <>
struct Spelling<org::Pillar> {
  static constexpr SpellingTable<org::Pillar, 3> names{
      {{org::Pillar::Care, "care"}, {org::Pillar::Youth, "youth"}, {org::Pillar::Participation, "participation"}}};
};
template <>
struct Spelling<org::Direction> {
  static constexpr SpellingTable<org::Direction, 2> names{
      {{org::Direction::Municipality, "municipality"}, {org::Direction::Contractor, "contractor"}}};
};
template <>
struct Spelling<org::Location> {
  static constexpr SpellingTable<org::Location, 2> names{{{org::Location::Fixed, "fixed"}, {org::Location::Network, "network"}}};
};
template <>
struct Spelling<org::FunctionStatus> {
  static constexpr SpellingTable<org::FunctionStatus, 3> names{{{org::FunctionStatus::Unchanged, "unchanged"},
                                                                 {org::FunctionStatus::Changed, "changed"},
                                                                 {org::FunctionStatus::New, "new"}}};
};
template <>
struct Spelling<org::EducationLevel> {
  static constexpr SpellingTable<org::EducationLevel, 3> names{
      {{org::EducationLevel::Mbo, "mbo"}, {org::EducationLevel::Hbo, "hbo"}, {org::EducationLevel::Wo, "wo"}}};
};
template <>
struct Spelling<org::PositionKind> {
  static constexpr SpellingTable<org::PositionKind, 2> names{
      {{org::PositionKind::Structural, "structural"}, {org::PositionKind::Temporary, "temporary"}}};
};
template <>
struct Spelling<org::Contract> {
  static constexpr SpellingTable<org::Contract, 2> names{
      {{org::Contract::Permanent, "permanent"}, {org::Contract::Temporary, "temporary"}}};
};
template <>
struct Spelling<org::Engagement> {
  static constexpr SpellingTable<org::Engagement, 3> names{{{org::Engagement::Employee, "employee"},
                                                             {org::Engagement::Secondment, "secondment"},
                                                             {org::Engagement::Hired, "hired"}}};
};
template <>
struct Spelling<org::ImportKind> {
  static constexpr SpellingTable<org::ImportKind, 4> names{{{org::ImportKind::Units, "units"},
                                                            {org::ImportKind::Functions, "functions"},
                                                            {org::ImportKind::Positions, "positions"},
                                                            {org::ImportKind::People, "people"}}};
};
}  // namespace kwm
