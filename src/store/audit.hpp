#pragma once
// The audit log: every write records who, when, what entity, and the entity before and after, inside the
// same transaction as the write itself so the log can never miss or invent a change.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"

#include "core/principal.hpp"

namespace kwm::store {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;        // ISO-8601 UTC
  std::string username;
  std::string action;    // create, update, delete, import
  std::string entity;    // unit, function, position, person, user, municipality, ...
  std::string entity_key;
  std::string before_json;  // "" when there was nothing before
  std::string after_json;   // "" when there is nothing after
};

void record_audit(soci::session& sql, const Principal& actor, std::string_view action, std::string_view entity,
                  std::string_view entity_key, const std::string& before_json, const std::string& after_json);

// The same for many entries in one transaction (an import of 190,000 people): every entry stamped with the
// moment the writer was made. With rows_per_statement above 1 entries are written by the batch, and flush()
// must run before the transaction commits.
class BatchInsert;
class AuditWriter {
 public:
  AuditWriter(soci::session& sql, const Principal& actor, std::size_t rows_per_statement = 1);
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;
  void record(std::string_view action, std::string_view entity, std::string_view entity_key, const std::string& before_json,
              const std::string& after_json);
  void flush();

 private:
  long long municipality_id_, user_id_;
  soci::indicator user_ind_;
  std::string username_, at_;
  std::unique_ptr<BatchInsert> batch_;
};

struct AuditPage {
  std::vector<AuditEntry> entries;  // newest first
  std::int64_t total = 0;
};
class Database;
AuditPage list_audit(Database& db, std::int64_t municipality_id, const std::string& entity_filter, std::int64_t offset,
                     std::int64_t limit);

// Now as ISO-8601 UTC with seconds, the form every moment column holds.
std::string utc_now_iso();

}  // namespace kwm::store
