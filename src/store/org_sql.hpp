#pragma once
// Internal to the store: a prepared statement whose bound variables are given one at a time (so a query
// can be assembled from parts), and a writer for the JSON snapshots the audit log keeps.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "core/date.hpp"
#include "core/principal.hpp"
#include "org/model.hpp"
#include "store/batch_insert.hpp"
#include "store/database.hpp"

namespace kwm::store::detail {

// Bound variables are referenced, not copied: they must outlive the statement, and a statement executed
// again reads their current values, which is how one prepared INSERT serves a whole import.
class Statement {
 public:
  explicit Statement(soci::session& sql) : statement_(sql) {}

  template <typename T>
  Statement& into(T& value) {
    statement_.exchange(soci::into(value));
    return *this;
  }
  template <typename T>
  Statement& into(T& value, soci::indicator& indicator) {
    statement_.exchange(soci::into(value, indicator));
    return *this;
  }
  template <typename T>
  Statement& use(T& value) {
    statement_.exchange(soci::use(value));
    return *this;
  }
  template <typename T>
  Statement& use(T& value, soci::indicator& indicator) {
    statement_.exchange(soci::use(value, indicator));
    return *this;
  }
  Statement& prepare(const std::string& query) {
    statement_.alloc();
    statement_.prepare(query);
    statement_.define_and_bind();
    return *this;
  }
  // For statements that return at most one row (or none): true when a row was read into the intos.
  bool run() { return statement_.execute(true); }
  // For reading many rows: start(), then fetch() until it answers false.
  void start() { statement_.execute(false); }
  bool fetch() { return statement_.fetch(); }

 private:
  soci::statement statement_;
};

// A flat JSON object, enough for audit snapshots (strings, integers, raw numbers, null).
class JsonObject {
 public:
  JsonObject& string(std::string_view name, std::string_view value);
  JsonObject& integer(std::string_view name, long long value);
  JsonObject& number(std::string_view name, std::string_view literal);  // e.g. an FTE "0.8"
  JsonObject& optional_string(std::string_view name, std::string_view value);  // "" -> null
  std::string str() const { return text_ + "}"; }

 private:
  void key(std::string_view name);
  std::string text_ = "{";
};

// --- Reading records -----------------------------------------------------------------------------------
// Each select takes a condition that follows "WHERE x.municipality_id = :m" (may be empty, else starts
// with " AND"), a tail (ORDER BY / LIMIT), and a binder that binds the condition's and tail's parameters
// in the order they appear. Table aliases: units u, functions f, positions p (with u, f), people p (u, f).
using Binder = std::function<void(Statement&)>;
inline void bind_nothing(Statement&) {}

std::vector<org::Unit> select_units(soci::session& sql, long long municipality_id);
std::vector<org::Function> select_functions(soci::session& sql, long long municipality_id, std::string_view condition,
                                            std::string_view tail, const Binder& bind);
std::vector<org::Position> select_positions(soci::session& sql, long long municipality_id, std::string_view condition,
                                            std::string_view tail, const Binder& bind);
std::vector<org::Person> select_people(soci::session& sql, long long municipality_id, std::string_view condition,
                                       std::string_view tail, const Binder& bind);
long long count_rows(soci::session& sql, std::string_view table_and_alias, long long municipality_id,
                     std::string_view condition, const Binder& bind);
std::optional<org::Function> function_by_id(soci::session& sql, long long municipality_id, std::int64_t id);

// --- Snapshots and keys for the audit log --------------------------------------------------------------
// A record as the audit log keeps it: its wire form (org/wire.hpp), the same JSON the API answers with.
std::string audit_json(const org::Unit& unit);
std::string audit_json(const org::Function& function);
std::string audit_json(const org::Position& position);
std::string audit_json(const org::Person& person);
std::string audit_json(const org::Municipality& municipality);
// True when two records agree on every stored field, the fields their audit snapshots hold.
bool same_stored(const org::Unit& a, const org::Unit& b);
bool same_stored(const org::Function& a, const org::Function& b);
bool same_stored(const org::Position& a, const org::Position& b);
bool same_stored(const org::Person& a, const org::Person& b);
std::string audit_key(const org::Function& function);  // CODE/level
std::string audit_key(const org::Position& position);  // UNIT/FUNCTION/level/kind[/end date]

// Stored text back to a date; "" is no date.
std::optional<Date> stored_date(const std::string& text);
inline std::string date_text(const std::optional<Date>& date) { return date ? date->iso() : std::string(); }


// --- The organisation's version stamp -------------------------------------------------------------------
// municipalities.org_version changes with every write to the municipality's units, functions, positions or
// people, in the same transaction, so that a reader can keep what it computed from them (the formation
// snapshot) for as long as the stamp it read is still the stored one. Each new stamp is drawn at random
// rather than counted up: equal stamps then mean equal data even across databases that reuse ids (a
// restored backup, a test database made again under the same name).
//
// Run every such write through organisation_write(), which stamps first: on PostgreSQL that also locks the
// municipality's row, so concurrent writers of one municipality take turns and their checks (unique codes,
// no cycles in the tree) see each other's results; on SQLite it takes the write lock before the first read.
void stamp_organisation_change(soci::session& sql, long long municipality_id);
// The stored stamp, or nothing when the municipality does not exist.
std::optional<long long> organisation_version(soci::session& sql, long long municipality_id);

template <typename Work>
decltype(auto) organisation_write(Database& db, long long municipality_id, Work&& work) {
  return db.transaction([&](soci::session& sql) -> decltype(auto) {
    stamp_organisation_change(sql, municipality_id);
    return work(sql);
  });
}

// --- Writing records -----------------------------------------------------------------------------------
// Prepared INSERT ... RETURNING id and UPDATE statements for one kind of record, prepared once and run for
// as many rows as needed (an import of 190,000 people reuses one of each). Ids inside the records (parent,
// unit, function) must already be resolved within the municipality; no audit here, the callers do it.
class UnitWriter {
 public:
  UnitWriter(soci::session& sql, long long municipality_id);
  std::int64_t insert(const org::Unit& unit);
  void update(std::int64_t id, const org::Unit& unit);  // every column, the parent too

 private:
  void set(const org::Unit& unit);
  long long municipality_id_, id_ = 0, parent_id_ = 0;
  std::string code_, name_, kind_, pillars_, direction_, contractor_, location_;
  soci::indicator parent_ind_ = soci::i_ok, direction_ind_ = soci::i_ok, contractor_ind_ = soci::i_ok, location_ind_ = soci::i_ok;
  Statement insert_, update_;
};

class FunctionWriter {
 public:
  FunctionWriter(soci::session& sql, long long municipality_id);
  std::int64_t insert(const org::Function& function);
  void update(std::int64_t id, const org::Function& function);

 private:
  void set(const org::Function& function);
  long long municipality_id_, id_ = 0, scale_ = 0;
  std::string code_, name_, level_, education_, status_;
  Statement insert_, update_;
};

// Positions and people also go in by the batch (queue, then flush before commit): an import inserts them by
// the hundred thousand and needs no ids back.
class PositionWriter {
 public:
  PositionWriter(soci::session& sql, long long municipality_id);
  std::int64_t insert(const org::Position& position);
  void update(std::int64_t id, const org::Position& position);
  void queue(const org::Position& position);
  void flush() { batch_.flush(); }

 private:
  void set(const org::Position& position);
  template <typename Sink>
  void insert_values(Sink sink);
  long long municipality_id_, id_ = 0, unit_id_ = 0, function_id_ = 0, fte_ = 0;
  std::string kind_, end_date_;
  Statement insert_, update_;
  BatchInsert batch_;
};

class PersonWriter {
 public:
  PersonWriter(soci::session& sql, long long municipality_id);
  std::int64_t insert(const org::Person& person);
  void update(std::int64_t id, const org::Person& person);
  void queue(const org::Person& person);
  void flush() { batch_.flush(); }

 private:
  void set(const org::Person& person);
  template <typename Sink>
  void insert_values(Sink sink);
  long long municipality_id_, id_ = 0, unit_id_ = 0, function_id_ = 0, fte_ = 0;
  std::string number_, name_, contract_, contract_end_, hire_date_, education_, engagement_, organisation_;
  soci::indicator function_ind_ = soci::i_ok;
  Statement insert_, update_;
  BatchInsert batch_;
};

// "1,2,3" for an IN list of ids we hold ourselves (never user text).
std::string id_list(const std::vector<std::int64_t>& ids);

}  // namespace kwm::store::detail
