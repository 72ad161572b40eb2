#include "store/audit.hpp"

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "store/batch_insert.hpp"
#include "store/database.hpp"

namespace kwm::store {

std::string utc_now_iso() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

AuditWriter::AuditWriter(soci::session& sql, const Principal& actor, std::size_t rows_per_statement)
    : municipality_id_(actor.municipality_id),
      user_id_(actor.user_id),
      user_ind_(actor.user_id == 0 ? soci::i_null : soci::i_ok),
      username_(actor.username),
      at_(utc_now_iso()) {
  using Type = BatchInsert::Type;
  batch_ = std::make_unique<BatchInsert>(
      sql, "audit_log",
      std::vector<BatchInsert::Column>{{"municipality_id", Type::integer}, {"user_id", Type::integer}, {"username", Type::text},
                                       {"at", Type::text}, {"action", Type::text}, {"entity", Type::text},
                                       {"entity_key", Type::text}, {"before_json", Type::text}, {"after_json", Type::text}},
      rows_per_statement);
}

AuditWriter::~AuditWriter() = default;

void AuditWriter::record(std::string_view action, std::string_view entity, std::string_view entity_key,
                         const std::string& before_json, const std::string& after_json) {
  batch_->add(municipality_id_);
  batch_->add(user_id_, user_ind_);
  batch_->add(username_);
  batch_->add(at_);
  batch_->add(std::string(action));
  batch_->add(std::string(entity));
  batch_->add(std::string(entity_key));
  batch_->add(before_json);
  batch_->add(after_json);
  batch_->end_row();
}

void AuditWriter::flush() { batch_->flush(); }

void record_audit(soci::session& sql, const Principal& actor, std::string_view action, std::string_view entity,
                  std::string_view entity_key, const std::string& before_json, const std::string& after_json) {
  AuditWriter(sql, actor).record(action, entity, entity_key, before_json, after_json);
}

AuditPage list_audit(Database& db, std::int64_t municipality_id, const std::string& entity_filter, std::int64_t offset,
                     std::int64_t limit) {
  auto sql = db.lease();
  const long long municipality = municipality_id;
  AuditPage page;
  long long total = 0;
  *sql << "SELECT COUNT(*) FROM audit_log WHERE municipality_id = :m AND (:e = '' OR entity = :e2)",
      soci::use(municipality), soci::use(entity_filter), soci::use(entity_filter), soci::into(total);
  page.total = total;
  const long long off = offset, lim = limit;
  soci::rowset<soci::row> rows = (sql->prepare << "SELECT id, at, username, action, entity, entity_key, before_json, "
                                                  "after_json FROM audit_log WHERE municipality_id = :m AND (:e = '' OR "
                                                  "entity = :e2) ORDER BY id DESC LIMIT :l OFFSET :o",
                                  soci::use(municipality), soci::use(entity_filter), soci::use(entity_filter),
                                  soci::use(lim), soci::use(off));
  for (const soci::row& row : rows) {
    page.entries.push_back(AuditEntry{row_integer(row, 0), row.get<std::string>(1), row.get<std::string>(2),
                                      row.get<std::string>(3), row.get<std::string>(4), row.get<std::string>(5),
                                      row.get<std::string>(6), row.get<std::string>(7)});
  }
  return page;
}

}  // namespace kwm::store
