// CSV import (all-or-nothing, idempotent upsert) and export of the organisation model.
#include <unordered_map>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/org_sql.hpp"
#include "store/org_store.hpp"

namespace kwm::store {
namespace {

constexpr std::size_t kAuditRowsPerStatement = 100;

struct ImportCounts {
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

[[noreturn]] void fail_import(std::vector<RowError> errors) {
  const std::size_t count = errors.size();
  Error error{ErrorKind::invalid, "import_failed",
              fmt::format("Het bestand is niet ingelezen: {} {} gevonden. Er is niets opgeslagen.", count,
                          count == 1 ? "fout" : "fouten"),
              {}, std::move(errors)};
  throw Failure(std::move(error));
}

template <typename Record>
std::vector<Record>& accepted(org::Validated<Record>& validated) {
  if (!validated.ok()) fail_import(std::move(validated.errors));
  return validated.records;
}

// Writes one record of the file: a new record is inserted, a changed one updated, an equal one left alone.
// SQLite settings for the import's duration, made before its first write. SQLite keeps 2 MB of pages by
// default; a large import that updates indexes all over the file then writes the same pages to the WAL
// again and again, and a larger cache halves that I/O. Each multi-row INSERT (BatchInsert) keeps a
// statement journal, which SQLite moves to a temporary file beyond 64 KiB unless temporary storage is in
// memory (fixed when the write transaction starts): a national people file wrote ~70 MB there.
class BulkWriteSettings {
 public:
  BulkWriteSettings(soci::session& sql, store::Dialect dialect) : sql_(sql), active_(dialect == store::Dialect::sqlite) {
    if (!active_) return;
    sql_ << "PRAGMA cache_size", soci::into(previous_cache_);
    sql_ << "PRAGMA temp_store", soci::into(previous_temp_store_);
    sql_ << "PRAGMA cache_size = -131072";  // 128 MiB
    sql_ << "PRAGMA temp_store = MEMORY";
  }
  ~BulkWriteSettings() {
    if (!active_) return;
    try {
      sql_ << "PRAGMA cache_size = " + std::to_string(previous_cache_);
      sql_ << "PRAGMA temp_store = " + std::to_string(previous_temp_store_);
    } catch (const std::exception&) {
      // The session may be unusable after a failed import; the pool's next user gets the default back then.
    }
  }
  BulkWriteSettings(const BulkWriteSettings&) = delete;
  BulkWriteSettings& operator=(const BulkWriteSettings&) = delete;

 private:
  soci::session& sql_;
  bool active_;
  long long previous_cache_ = -2000;
  long long previous_temp_store_ = 0;
};

struct ImportContext {
  soci::session& sql;
  const Principal& actor;
  AuditWriter audit;
  ImportCounts counts;
};

template <typename Record, typename Insert, typename Update>
void upsert(ImportContext& context, std::string_view entity, const std::string& key, const Record* before, const Record& after,
            Insert insert, Update update) {
  if (!before) {
    insert();
    context.audit.record("create", entity, key, "", detail::audit_json(after));
    ++context.counts.created;
  } else if (detail::same_stored(*before, after)) {
    ++context.counts.unchanged;
  } else {
    update();
    context.audit.record("update", entity, key, detail::audit_json(*before), detail::audit_json(after));
    ++context.counts.updated;
  }
}

org::References unit_references(const std::vector<org::Unit>& units) {
  org::References references;
  for (const org::Unit& unit : units) references.unit_parents[unit.code] = unit.parent_code;
  return references;
}

void add_function_references(org::References& references, const std::vector<org::Function>& functions) {
  for (const org::Function& function : functions) {
    references.function_codes.insert(function.code);
    references.function_levels.insert(org::function_level_key(function.code, function.level));
  }
}

void import_units(ImportContext& context, const csv::Table& table) {
  soci::session& sql = context.sql;
  const Principal& actor = context.actor;
  const auto existing = detail::select_units(sql, actor.municipality_id);
  auto validated = org::validate_units(table, unit_references(existing));
  auto& records = accepted(validated);

  std::unordered_map<std::string, const org::Unit*> stored;
  std::unordered_map<std::string, std::int64_t> ids;
  for (const org::Unit& unit : existing) {
    stored[unit.code] = &unit;
    ids[unit.code] = unit.id;
  }
  detail::UnitWriter writer(sql, actor.municipality_id);
  // New units first, without parents, so that every parent has an id whatever the order of the rows.
  for (const org::Unit& record : records) {
    if (stored.contains(record.code)) continue;
    org::Unit root = record;
    root.parent_id.reset();
    ids[record.code] = writer.insert(root);
  }
  for (const org::Unit& record : records) {
    org::Unit unit = record;
    unit.id = ids.at(unit.code);
    if (!unit.parent_code.empty()) unit.parent_id = ids.at(unit.parent_code);
    const auto before = stored.find(unit.code);
    upsert(context, "unit", unit.code, before == stored.end() ? nullptr : before->second, unit,
           [&] { if (unit.parent_id) writer.update(unit.id, unit); },
           [&] { writer.update(unit.id, unit); });
  }
}

void import_functions(ImportContext& context, const csv::Table& table) {
  soci::session& sql = context.sql;
  const Principal& actor = context.actor;
  auto validated = org::validate_functions(table);
  auto& records = accepted(validated);
  const auto existing = detail::select_functions(sql, actor.municipality_id, "", "", detail::bind_nothing);
  std::unordered_map<std::string, const org::Function*> stored;
  for (const org::Function& function : existing) stored[org::function_level_key(function.code, function.level)] = &function;
  detail::FunctionWriter writer(sql, actor.municipality_id);
  for (const org::Function& function : records) {
    const auto before = stored.find(org::function_level_key(function.code, function.level));
    const org::Function* previous = before == stored.end() ? nullptr : before->second;
    upsert(context, "function", detail::audit_key(function), previous, function, [&] { writer.insert(function); },
           [&] { writer.update(previous->id, function); });
  }
}

std::string position_key(std::int64_t unit_id, std::int64_t function_id, org::PositionKind kind, const std::optional<Date>& end) {
  return fmt::format("{}/{}/{}/{}", unit_id, function_id, org::to_string(kind), detail::date_text(end));
}

// The units and function levels a positions or people file may refer to, with their ids.
struct StoredReferences {
  StoredReferences(soci::session& sql, long long municipality_id) {
    const auto units = detail::select_units(sql, municipality_id);
    const auto functions = detail::select_functions(sql, municipality_id, "", "", detail::bind_nothing);
    references = unit_references(units);
    add_function_references(references, functions);
    for (const org::Unit& unit : units) unit_ids[unit.code] = unit.id;
    for (const org::Function& function : functions) function_ids[org::function_level_key(function.code, function.level)] = function.id;
  }
  std::int64_t unit_id(const std::string& code) const { return unit_ids.at(code); }
  std::int64_t function_id(const std::string& code, const std::string& level) const {
    return function_ids.at(org::function_level_key(code, level));
  }

  org::References references;
  std::unordered_map<std::string, std::int64_t> unit_ids, function_ids;
};

void import_positions(ImportContext& context, const csv::Table& table) {
  const StoredReferences stored_references(context.sql, context.actor.municipality_id);
  auto validated = org::validate_positions(table, stored_references.references);
  auto& records = accepted(validated);
  const auto existing = detail::select_positions(context.sql, context.actor.municipality_id, "", "", detail::bind_nothing);
  std::unordered_map<std::string, const org::Position*> stored;
  for (const org::Position& position : existing)
    stored[position_key(position.unit_id, position.function_id, position.kind, position.end_date)] = &position;

  detail::PositionWriter writer(context.sql, context.actor.municipality_id);
  for (org::Position& position : records) {
    position.unit_id = stored_references.unit_id(position.unit_code);
    position.function_id = stored_references.function_id(position.function_code, position.level);
    const auto before = stored.find(position_key(position.unit_id, position.function_id, position.kind, position.end_date));
    const org::Position* previous = before == stored.end() ? nullptr : before->second;
    upsert(context, "position", detail::audit_key(position), previous, position, [&] { writer.queue(position); },
           [&] { writer.update(previous->id, position); });
  }
  writer.flush();
}

void import_people(ImportContext& context, const csv::Table& table) {
  const StoredReferences stored_references(context.sql, context.actor.municipality_id);
  auto validated = org::validate_people(table, stored_references.references);
  auto& records = accepted(validated);
  const auto existing = detail::select_people(context.sql, context.actor.municipality_id, "", "", detail::bind_nothing);
  std::unordered_map<std::string, const org::Person*> stored;
  stored.reserve(existing.size());
  for (const org::Person& person : existing) stored[person.personnel_number] = &person;

  detail::PersonWriter writer(context.sql, context.actor.municipality_id);
  for (org::Person& person : records) {
    person.unit_id = stored_references.unit_id(person.unit_code);
    if (!person.function_code.empty()) person.function_id = stored_references.function_id(person.function_code, person.level);
    const auto before = stored.find(person.personnel_number);
    const org::Person* previous = before == stored.end() ? nullptr : before->second;
    upsert(context, "person", person.personnel_number, previous, person, [&] { writer.queue(person); },
           [&] { writer.update(previous->id, person); });
  }
  writer.flush();
}

}  // namespace

std::int64_t import_file(Database& db, const Principal& actor, org::ImportKind kind, std::string_view csv_text) {
  detail::require_writer(actor);
  if (actor.municipality_id == 0) fail_invalid("municipality", "Kies eerst de gemeente waarvoor het bestand bedoeld is");
  csv::Table table;
  try {
    table = csv::parse(csv_text);
  } catch (const Failure& failure) {
    fail_import(failure.error().rows);
  }
  // As detail::organisation_write, with the SQLite settings made between BEGIN and the stamp, the first write.
  return db.transaction([&](soci::session& sql) {
    const BulkWriteSettings settings(sql, db.dialect());
    detail::stamp_organisation_change(sql, actor.municipality_id);
    ImportContext context{sql, actor, AuditWriter(sql, actor, kAuditRowsPerStatement), {}};
    switch (kind) {
      case org::ImportKind::Units: import_units(context, table); break;
      case org::ImportKind::Functions: import_functions(context, table); break;
      case org::ImportKind::Positions: import_positions(context, table); break;
      case org::ImportKind::People: import_people(context, table); break;
    }
    context.audit.flush();
    const ImportCounts& counts = context.counts;
    const auto rows = static_cast<std::int64_t>(table.records.size());
    detail::JsonObject summary;
    summary.integer("rows", rows).integer("created", counts.created).integer("updated", counts.updated)
        .integer("unchanged", counts.unchanged);
    record_audit(sql, actor, "import", org::to_string(kind), "csv", "", summary.str());
    return rows;
  });
}

org::ExportTable export_table(Database& db, const Principal& actor, org::ImportKind kind) {
  detail::require_writer(actor);
  auto sql = db.lease();
  org::ExportTable table = org::empty_table(kind);
  const long long m = actor.municipality_id;
  switch (kind) {
    case org::ImportKind::Units:
      for (const auto& unit : detail::select_units(*sql, m)) table.rows.push_back(org::export_row(unit));
      break;
    case org::ImportKind::Functions:
      for (const auto& function : detail::select_functions(*sql, m, "", "ORDER BY f.code, f.level", detail::bind_nothing))
        table.rows.push_back(org::export_row(function));
      break;
    case org::ImportKind::Positions:
      for (const auto& position :
           detail::select_positions(*sql, m, "", "ORDER BY u.code, f.code, f.level, p.kind, p.end_date", detail::bind_nothing))
        table.rows.push_back(org::export_row(position));
      break;
    case org::ImportKind::People:
      for (const auto& person : detail::select_people(*sql, m, "", "ORDER BY p.personnel_number", detail::bind_nothing))
        table.rows.push_back(org::export_row(person));
      break;
  }
  return table;
}

}  // namespace kwm::store
