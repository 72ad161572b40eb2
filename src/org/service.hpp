#pragma once
// The organisation capability as its callers see it (API handlers, the CLI, the demo loader): municipalities,
// units with formation figures and team type, functions, formation lines, people, CSV import and export.
// Every operation takes the caller, checks the access policy (org/access.hpp), narrows reads to the
// caller's reach, applies the record rules of org/model.hpp and leaves SQL, transactions and audit to the
// Repository. A record outside the caller's reach is reported exactly as a missing one.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/principal.hpp"
#include "org/csv_import.hpp"
#include "org/formation.hpp"
#include "org/model.hpp"
#include "org/repository.hpp"

namespace kwm::org {

// A unit with its formation figures (own, and rolled up over its subtree) and derived team type.
struct UnitView {
  Unit unit;
  Formation own;
  Formation total;
  TeamTypeResult team_type;
  std::vector<std::int64_t> children_ids;
};

struct UnitTree {
  std::vector<UnitView> units;
};

struct UnitDetail {
  UnitView view;
  std::vector<UnitView> children;
};

struct Team {
  UnitView unit;
  std::vector<Person> members;               // empty for whoever may not read people (the works council)
  std::vector<Position> positions;
  std::vector<Position> expiring_positions;  // temporary positions ending within 6 months of `today`
  std::vector<Person> expiring_contracts;    // members' temporary contracts ending within 6 months
};

struct PeopleFilter {
  std::string q = {};                        // personnel number or name, case-insensitive substring
  std::optional<std::int64_t> unit_id = {};  // includes the unit's subtree
  std::optional<Engagement> engagement = {};
  std::optional<Contract> contract = {};
  std::optional<Date> contract_end_before = {};
};

struct ImportReport {
  std::int64_t rows = 0;
  ImportCounts counts;
};

class Service {
 public:
  explicit Service(std::shared_ptr<Repository> repository);

  // Municipalities are created by the operator of the installation (CLI): no policy, the actor is recorded.
  // Fails with "municipality_exists" (conflict) on a duplicate code, with field errors on a code that is not
  // GM + 4 digits, an empty name or negative inhabitants.
  std::int64_t create_municipality(const Principal& actor, const Municipality& municipality) const;
  std::optional<Municipality> find_municipality(std::string_view code) const;
  std::vector<Municipality> municipalities() const;

  Page<UnitView> list_units(const Principal& caller, std::string_view q, Slice slice) const;
  UnitTree unit_tree(const Principal& caller) const;
  UnitDetail get_unit(const Principal& caller, std::int64_t id) const;
  Team team_of(const Principal& caller, std::int64_t unit_id, Date today) const;
  // unit.parent_id names the parent (parent_code is ignored); returns the new id.
  std::int64_t create_unit(const Principal& caller, const Unit& unit) const;
  void update_unit(const Principal& caller, std::int64_t id, const Unit& unit) const;
  // Refused (conflict) while the unit has children, positions or people.
  void delete_unit(const Principal& caller, std::int64_t id) const;

  Page<Function> list_functions(const Principal& caller, std::string_view q, Slice slice) const;
  Function get_function(const Principal& caller, std::int64_t id) const;
  std::int64_t create_function(const Principal& caller, const Function& function) const;
  void update_function(const Principal& caller, std::int64_t id, const Function& function) const;
  // Refused (conflict) while positions or people refer to it.
  void delete_function(const Principal& caller, std::int64_t id) const;

  // unit_id includes the unit's subtree.
  Page<Position> list_positions(const Principal& caller, std::optional<std::int64_t> unit_id, Slice slice) const;
  Position get_position(const Principal& caller, std::int64_t id) const;
  // position.unit_id and position.function_id name the unit and function level.
  std::int64_t create_position(const Principal& caller, const Position& position) const;
  void update_position(const Principal& caller, std::int64_t id, const Position& position) const;
  void delete_position(const Principal& caller, std::int64_t id) const;

  Page<Person> list_people(const Principal& caller, const PeopleFilter& filter, Slice slice) const;
  Person get_person(const Principal& caller, std::int64_t id) const;
  // person.unit_id and person.function_id name the unit and function level.
  std::int64_t create_person(const Principal& caller, const Person& person) const;
  void update_person(const Principal& caller, std::int64_t id, const Person& person) const;
  void delete_person(const Principal& caller, std::int64_t id) const;

  // Validates the whole file and, only when every row is valid, stores it in one transaction: units keyed on
  // code, functions on (code, level), positions on (unit, function level, kind, end date), people on
  // personnel number; rows equal to what is stored are left alone. Any error: Failure{code "import_failed",
  // rows: every RowError} and nothing written.
  ImportReport import_file(const Principal& caller, ImportKind kind, std::string_view csv_text) const;
  // Everything of one kind in the caller's municipality, in the import format.
  Table export_table(const Principal& caller, ImportKind kind) const;

 private:
  std::shared_ptr<Repository> repository_;
};

}  // namespace kwm::org
