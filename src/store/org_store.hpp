#pragma once
// Storage of the organisation model: municipalities, units, functions, positions and people. Every function
// is scoped by the actor's municipality and role (see Principal): a record of another municipality, or one
// outside the actor's view, is reported exactly as a missing one. Writes are for admin and hr only, run in
// one transaction each and are audited with the record before and after.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/principal.hpp"
#include "org/csv_import.hpp"
#include "org/formation.hpp"
#include "org/model.hpp"

namespace kwm::store {

class Database;

// --- Municipalities (tenants) ---------------------------------------------------------------------------

// Creates the municipality with its cooperations and returns its id. Fails with code "municipality_exists"
// (field "code", conflict) on a duplicate code, and with field errors on a code that is not GM + 4 digits,
// an empty name or negative inhabitants. Audited in the new municipality's log as `actor`.
std::int64_t create_municipality(Database& db, const Principal& actor, const org::Municipality& municipality);
std::optional<org::Municipality> find_municipality(Database& db, std::string_view code);
std::vector<org::Municipality> list_municipalities(Database& db);  // ordered by code

// --- CSV import and export ------------------------------------------------------------------------------

// Validates the whole file and, only when every row is valid, upserts it in one transaction: units keyed on
// code, functions on (code, level), positions on (unit, function level, kind, end date), people on
// personnel number. Rows equal to what is stored are left alone, so a re-import writes nothing. Returns the
// number of rows in the file. Any error: Failure{code "import_failed", rows: every RowError} and nothing
// written. Audited: one "import" entry for the file and one entry per created or changed record.
std::int64_t import_file(Database& db, const Principal& actor, org::ImportKind kind, std::string_view csv_text);

// Everything of one kind in the actor's municipality, in the import format (admin and hr only).
org::ExportTable export_table(Database& db, const Principal& actor, org::ImportKind kind);

// --- Units and formation --------------------------------------------------------------------------------

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// A unit with its formation figures (own, and rolled up over its subtree) and derived team type.
struct UnitView {
  org::Unit unit;
  org::Formation own;
  org::Formation total;
  org::TeamTypeResult team_type;
  std::vector<std::int64_t> children_ids;
};

struct UnitDetail {
  UnitView view;
  std::vector<UnitView> children;
};

struct Team {
  UnitView unit;
  std::vector<org::Person> members;             // empty for the works council: aggregates only
  std::vector<org::Position> positions;
  std::vector<org::Position> expiring_positions;  // temporary positions ending within 6 months of `today`
  std::vector<org::Person> expiring_contracts;    // members' temporary contracts ending within 6 months
};

// Who sees which units: admin, hr and the works council all of them; a manager their own units (with the
// subtrees); employees and external users none.
Page<UnitView> list_units(Database& db, const Principal& actor, std::string_view q, std::int64_t offset,
                          std::int64_t limit);
std::vector<UnitView> unit_tree(Database& db, const Principal& actor);
UnitDetail get_unit(Database& db, const Principal& actor, std::int64_t id);
Team team_of(Database& db, const Principal& actor, std::int64_t unit_id, Date today);
// unit.parent_id names the parent (the parent_code is ignored); returns the new id.
std::int64_t create_unit(Database& db, const Principal& actor, const org::Unit& unit);
void update_unit(Database& db, const Principal& actor, std::int64_t id, const org::Unit& unit);
// Refused (conflict) while the unit has children, positions or people.
void delete_unit(Database& db, const Principal& actor, std::int64_t id);

// --- Functions ------------------------------------------------------------------------------------------

// Every role but external reads the function catalogue; q searches code and name.
Page<org::Function> list_functions(Database& db, const Principal& actor, std::string_view q, std::int64_t offset,
                                   std::int64_t limit);
org::Function get_function(Database& db, const Principal& actor, std::int64_t id);
std::int64_t create_function(Database& db, const Principal& actor, const org::Function& function);
void update_function(Database& db, const Principal& actor, std::int64_t id, const org::Function& function);
// Refused (conflict) while positions or people refer to it.
void delete_function(Database& db, const Principal& actor, std::int64_t id);

// --- Positions (formation lines) ------------------------------------------------------------------------

struct PositionFilter {
  std::optional<std::int64_t> unit_id = {};  // includes the unit's subtree
};
// Admin, hr and the works council see all positions; a manager those of their units.
Page<org::Position> list_positions(Database& db, const Principal& actor, const PositionFilter& filter,
                                   std::int64_t offset, std::int64_t limit);
org::Position get_position(Database& db, const Principal& actor, std::int64_t id);
// position.unit_id and position.function_id name the unit and function level.
std::int64_t create_position(Database& db, const Principal& actor, const org::Position& position);
void update_position(Database& db, const Principal& actor, std::int64_t id, const org::Position& position);
void delete_position(Database& db, const Principal& actor, std::int64_t id);

// --- People ---------------------------------------------------------------------------------------------

struct PeopleFilter {
  std::string q = {};                        // personnel number or name, case-insensitive substring
  std::optional<std::int64_t> unit_id = {};  // includes the unit's subtree
  std::optional<org::Engagement> engagement = {};
  std::optional<org::Contract> contract = {};
  std::optional<Date> contract_end_before = {};  // temporary contracts ending on or before this date
};
// Admin and hr see everyone; a manager the people in their units; an employee only themselves; an external
// user the workers of their own organisation; the works council no one (forbidden).
Page<org::Person> list_people(Database& db, const Principal& actor, const PeopleFilter& filter, std::int64_t offset,
                              std::int64_t limit);
org::Person get_person(Database& db, const Principal& actor, std::int64_t id);
// person.unit_id and person.function_id name the unit and function level.
std::int64_t create_person(Database& db, const Principal& actor, const org::Person& person);
void update_person(Database& db, const Principal& actor, std::int64_t id, const org::Person& person);
void delete_person(Database& db, const Principal& actor, std::int64_t id);

}  // namespace kwm::store
