#include "store/audit.hpp"

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "store/database.hpp"

namespace kwm::store {

std::string utc_now_iso() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

AuditWriter::AuditWriter(soci::session& sql, const Principal& actor)
    : municipality_id_(actor.municipality_id),
      user_id_(actor.user_id),
      user_ind_(actor.user_id == 0 ? soci::i_null : soci::i_ok),
      username_(actor.username),
      at_(utc_now_iso()),
      statement_(sql) {
  statement_.exchange(soci::use(municipality_id_));
  statement_.exchange(soci::use(user_id_, user_ind_));
  for (std::string* text : {&username_, &at_, &action_, &entity_, &key_, &before_, &after_}) statement_.exchange(soci::use(*text));
  statement_.alloc();
  statement_.prepare("INSERT INTO audit_log (municipality_id, user_id, username, at, action, entity, entity_key, before_json, "
                     "after_json) VALUES (:m, :u, :n, :at, :a, :e, :k, :b, :af)");
  statement_.define_and_bind();
}

void AuditWriter::record(std::string_view action, std::string_view entity, std::string_view entity_key,
                         std::string before_json, std::string after_json) {
  action_ = action;
  entity_ = entity;
  key_ = entity_key;
  before_ = std::move(before_json);
  after_ = std::move(after_json);
  statement_.execute(true);
}

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
