// Writing validated import records of the organisation: an idempotent upsert with one audit entry per
// created or changed record, written by the batch.
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/org_sql.hpp"
#include "store/org_import.hpp"
#include "org/wire.hpp"

namespace kwm::store::detail {
namespace {

constexpr std::size_t kAuditRowsPerStatement = 100;

struct ImportContext {
  ImportContext(soci::session& session, const Principal& who)
      : sql(session), actor(who), audit(session, who, kAuditRowsPerStatement) {}
  soci::session& sql;
  const Principal& actor;
  AuditWriter audit;
  org::ImportCounts counts;
};

// Writes one record of the file: a new record is inserted, a changed one updated, an equal one left alone.
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

void write_units(ImportContext& context, const std::vector<org::Unit>& records) {
  soci::session& sql = context.sql;
  const Principal& actor = context.actor;
  const auto existing = detail::select_units(sql, actor.municipality_id);
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

void write_functions(ImportContext& context, const std::vector<org::Function>& records) {
  soci::session& sql = context.sql;
  const Principal& actor = context.actor;
  const auto existing = detail::select_functions(sql, actor.municipality_id, "", "", detail::bind_nothing);
  std::unordered_map<std::string, const org::Function*> stored;
  for (const org::Function& function : existing) stored[org::function_level_key(function.code, function.level)] = &function;
  detail::FunctionWriter writer(sql, actor.municipality_id);
  for (org::Function function : records) {
    const auto before = stored.find(org::function_level_key(function.code, function.level));
    const org::Function* previous = before == stored.end() ? nullptr : before->second;
    if (previous) function.id = previous->id;
    upsert(context, "function", detail::audit_key(function), previous, function, [&] { function.id = writer.insert(function); },
           [&] { writer.update(previous->id, function); });
  }
}

std::string position_key(std::int64_t unit_id, std::int64_t function_id, org::PositionKind kind, const std::optional<Date>& end) {
  return fmt::format("{}/{}/{}/{}", unit_id, function_id, org::to_string(kind), detail::date_text(end));
}

// The ids of the units and function levels that records refer to by code.
struct StoredIds {
  StoredIds(soci::session& sql, long long municipality_id) {
    for (const org::Unit& unit : detail::select_units(sql, municipality_id)) unit_ids[unit.code] = unit.id;
    for (const org::Function& function : detail::select_functions(sql, municipality_id, "", "", detail::bind_nothing))
      function_ids[org::function_level_key(function.code, function.level)] = function.id;
  }
  std::int64_t unit_id(const std::string& code) const { return unit_ids.at(code); }
  std::int64_t function_id(const std::string& code, const std::string& level) const {
    return function_ids.at(org::function_level_key(code, level));
  }
  std::unordered_map<std::string, std::int64_t> unit_ids, function_ids;
};

void write_positions(ImportContext& context, const std::vector<org::Position>& records) {
  const StoredIds stored_ids(context.sql, context.actor.municipality_id);
  const auto existing = detail::select_positions(context.sql, context.actor.municipality_id, "", "", detail::bind_nothing);
  std::unordered_map<std::string, const org::Position*> stored;
  for (const org::Position& position : existing)
    stored[position_key(position.unit_id, position.function_id, position.kind, position.end_date)] = &position;

  detail::PositionWriter writer(context.sql, context.actor.municipality_id);
  for (org::Position position : records) {
    position.unit_id = stored_ids.unit_id(position.unit_code);
    position.function_id = stored_ids.function_id(position.function_code, position.level);
    const auto before = stored.find(position_key(position.unit_id, position.function_id, position.kind, position.end_date));
    const org::Position* previous = before == stored.end() ? nullptr : before->second;
    if (previous) position.id = previous->id;
    upsert(context, "position", detail::audit_key(position), previous, position, [&] { writer.queue(position); },
           [&] { writer.update(previous->id, position); });
  }
  writer.flush();
}

void write_people(ImportContext& context, const std::vector<org::Person>& records) {
  const StoredIds stored_ids(context.sql, context.actor.municipality_id);
  const auto existing = detail::select_people(context.sql, context.actor.municipality_id, "", "", detail::bind_nothing);
  std::unordered_map<std::string, const org::Person*> stored;
  stored.reserve(existing.size());
  for (const org::Person& person : existing) stored[person.personnel_number] = &person;

  detail::PersonWriter writer(context.sql, context.actor.municipality_id);
  for (org::Person person : records) {
    person.unit_id = stored_ids.unit_id(person.unit_code);
    if (!person.function_code.empty()) person.function_id = stored_ids.function_id(person.function_code, person.level);
    const auto before = stored.find(person.personnel_number);
    const org::Person* previous = before == stored.end() ? nullptr : before->second;
    if (previous) person.id = previous->id;
    upsert(context, "person", person.personnel_number, previous, person, [&] { writer.queue(person); },
           [&] { writer.update(previous->id, person); });
  }
  writer.flush();
}

template <typename Record, typename Write>
org::ImportCounts write_all(soci::session& sql, const Principal& actor, const std::vector<Record>& records, Write write) {
  ImportContext context(sql, actor);
  write(context, records);
  context.audit.flush();
  return context.counts;
}

}  // namespace

// SQLite keeps 2 MB of pages by default; a large import that updates indexes all over the file then writes
// the same pages to the WAL again and again, and a larger cache halves that I/O. Each multi-row INSERT
// (BatchInsert) keeps a statement journal, which SQLite moves to a temporary file beyond 64 KiB unless
// temporary storage is in memory (fixed when the write transaction starts): a national people file wrote
// ~70 MB there.
BulkWriteSettings::BulkWriteSettings(soci::session& sql, Dialect dialect, org::Volume volume)
    : sql_(sql), active_(dialect == Dialect::sqlite && volume == org::Volume::bulk) {
  if (!active_) return;
  sql_ << "PRAGMA cache_size", soci::into(previous_cache_);
  sql_ << "PRAGMA temp_store", soci::into(previous_temp_store_);
  sql_ << "PRAGMA cache_size = -131072";  // 128 MiB
  sql_ << "PRAGMA temp_store = MEMORY";
}

BulkWriteSettings::~BulkWriteSettings() {
  if (!active_) return;
  try {
    sql_ << "PRAGMA cache_size = " + std::to_string(previous_cache_);
    sql_ << "PRAGMA temp_store = " + std::to_string(previous_temp_store_);
  } catch (const std::exception&) {
    // The session may be unusable after a failed import; the pool's next user gets the default back then.
  }
}

org::References references_of(soci::session& sql, long long municipality_id) {
  org::References references = unit_references(detail::select_units(sql, municipality_id));
  add_function_references(references, detail::select_functions(sql, municipality_id, "", "", detail::bind_nothing));
  return references;
}

org::ImportCounts import_units(soci::session& sql, const Principal& actor, const std::vector<org::Unit>& records) {
  return write_all(sql, actor, records, write_units);
}
org::ImportCounts import_functions(soci::session& sql, const Principal& actor, const std::vector<org::Function>& records) {
  return write_all(sql, actor, records, write_functions);
}
org::ImportCounts import_positions(soci::session& sql, const Principal& actor, const std::vector<org::Position>& records) {
  return write_all(sql, actor, records, write_positions);
}
org::ImportCounts import_people(soci::session& sql, const Principal& actor, const std::vector<org::Person>& records) {
  return write_all(sql, actor, records, write_people);
}

void record_import(soci::session& sql, const Principal& actor, org::ImportKind kind, std::int64_t rows,
                   const org::ImportCounts& counts) {
  wire::json::object summary = wire::to_json(counts).as_object();
  summary.emplace("rows", rows);
  record_audit(sql, actor, "import", org::to_string(kind), "csv", "", wire::json::serialize(summary));
}

}  // namespace kwm::store::detail
