#pragma once
// What the organisation service needs from storage: plain structs in and out. The store implements it
// with SQL (store::OrgRepository); it runs every write in one transaction and audits it there, and it
// decides nothing about who may see or change what — the service hands it the reach of every query.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/access.hpp"
#include "core/csv.hpp"
#include "core/date.hpp"
#include "core/principal.hpp"
#include "org/csv_import.hpp"
#include "org/formation.hpp"
#include "org/model.hpp"

namespace kwm::org {

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Which rows of a list: from `offset`, at most `limit`.
struct Slice {
  std::int64_t offset = 0;
  std::int64_t limit = 50;
  static constexpr Slice all() { return {0, INT64_MAX}; }
};

// The organisation of one municipality at one moment: its units with their figures and team compositions.
struct Snapshot {
  std::vector<Unit> units;
  std::unordered_map<std::int64_t, std::size_t> index;
  FormationTree figures;
  std::unordered_map<std::int64_t, TeamComposition> teams;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> children;

  const Unit* find(std::int64_t id) const;
  std::vector<UnitNode> nodes() const;
};

struct PositionQuery {
  std::optional<std::vector<std::int64_t>> unit_ids;  // none: every unit
  std::optional<std::int64_t> id;
};

struct PeopleQuery {
  Reach reach;                                        // whose records the caller may see
  std::optional<std::vector<std::int64_t>> unit_ids;  // none: every unit
  std::optional<std::int64_t> id;
  std::string q;                                      // personnel number or name, case-insensitive substring
  std::optional<Engagement> engagement;
  std::optional<Contract> contract;
  std::optional<Date> contract_end_before;            // temporary contracts ending on or before this date
};

// How many records point at a unit or function level, for refusing a delete that would orphan them.
struct Usage {
  std::int64_t positions = 0;
  std::int64_t people = 0;
};

// What an import did, record by record.
struct ImportCounts {
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

enum class Volume { single, bulk };

// Reads and writes inside one transaction; each insert, update, delete and import is audited as the actor
// of the transaction, with the record before and after.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual std::vector<Unit> units() = 0;
  virtual std::optional<Function> function(std::int64_t id) = 0;
  virtual std::optional<Position> position(std::int64_t id) = 0;
  virtual std::optional<Person> person(std::int64_t id) = 0;
  // Another record (not `except_id`) with the same key.
  virtual bool function_key_taken(const Function& function, std::int64_t except_id) = 0;
  virtual bool position_key_taken(const Position& position, std::int64_t except_id) = 0;
  virtual bool personnel_number_taken(std::string_view personnel_number, std::int64_t except_id) = 0;
  virtual Usage unit_usage(std::int64_t unit_id) = 0;
  virtual Usage function_usage(std::int64_t function_id) = 0;
  // The units and function levels that rows of an import file may refer to.
  virtual References references() = 0;

  virtual std::int64_t insert(const Unit& unit) = 0;
  virtual std::int64_t insert(const Function& function) = 0;
  virtual std::int64_t insert(const Position& position) = 0;
  virtual std::int64_t insert(const Person& person) = 0;
  virtual void update(const Unit& before, const Unit& after) = 0;
  virtual void update(const Function& before, const Function& after) = 0;
  virtual void update(const Position& before, const Position& after) = 0;
  virtual void update(const Person& before, const Person& after) = 0;
  virtual void remove(const Unit& unit) = 0;
  virtual void remove(const Function& function) = 0;
  virtual void remove(const Position& position) = 0;
  virtual void remove(const Person& person) = 0;
  // Validated import records, matched on their keys: new ones inserted, changed ones updated, equal ones
  // left alone; one audit entry per created or changed record.
  virtual ImportCounts import_units(const std::vector<Unit>& records) = 0;
  virtual ImportCounts import_functions(const std::vector<Function>& records) = 0;
  virtual ImportCounts import_positions(const std::vector<Position>& records) = 0;
  virtual ImportCounts import_people(const std::vector<Person>& records) = 0;
  // The entry that says a file was imported: its kind, rows and what happened to its records.
  virtual void record_import(ImportKind kind, std::int64_t rows, const ImportCounts& counts) = 0;
};

class Repository {
 public:
  virtual ~Repository() = default;

  virtual std::int64_t create_municipality(const Principal& actor, const Municipality& municipality) = 0;
  virtual std::optional<Municipality> find_municipality(std::string_view code) = 0;
  virtual std::vector<Municipality> municipalities() = 0;  // ordered by code

  // The organisation as it is now; kept between calls while nothing changed.
  virtual std::shared_ptr<const Snapshot> snapshot(std::int64_t municipality_id) = 0;
  virtual Page<Function> functions(std::int64_t municipality_id, std::string_view q, Slice slice) = 0;
  virtual std::optional<Function> function(std::int64_t municipality_id, std::int64_t id) = 0;
  virtual Page<Position> positions(std::int64_t municipality_id, const PositionQuery& query, Slice slice) = 0;
  virtual Page<Person> people(std::int64_t municipality_id, const PeopleQuery& query, Slice slice) = 0;
  virtual std::vector<Unit> all_units(std::int64_t municipality_id) = 0;
  virtual std::vector<Function> all_functions(std::int64_t municipality_id) = 0;
  virtual std::vector<Position> all_positions(std::int64_t municipality_id) = 0;
  virtual std::vector<Person> all_people(std::int64_t municipality_id) = 0;

  // Runs `change` in one transaction in the actor's municipality: all of it is stored, or nothing. A bulk
  // write (an import of many rows) lets the store tune the transaction for volume.
  virtual void write(const Principal& actor, const std::function<void(Transaction&)>& change, Volume volume = Volume::single) = 0;
};

}  // namespace kwm::org
