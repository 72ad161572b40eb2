#include "store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "core/error.hpp"

namespace kwm::store {

DatabaseUrl DatabaseUrl::parse(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.empty()) fail_invalid("db", "De database-URL 'sqlite:' noemt geen bestand, bijvoorbeeld sqlite:kwartiermaker.db");
    return DatabaseUrl{Dialect::sqlite, std::move(path)};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return DatabaseUrl{Dialect::postgresql, std::string(url)};
  }
  fail_invalid("db", "Onbekende database-URL '" + std::string(url) +
                         "': gebruik sqlite:PAD of postgresql://gebruiker@host:poort/database");
}

std::string_view primary_key_sql(Dialect dialect) {
  return dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
}

Database::Database(const std::string& url, std::size_t pool_size)
    : url_(DatabaseUrl::parse(url)), pool_(std::make_unique<soci::connection_pool>(pool_size)) {
  for (std::size_t i = 0; i < pool_size; ++i) {
    soci::session& session = pool_->at(i);
    try {
      if (url_.dialect == Dialect::sqlite) {
        session.open(*soci::factory_sqlite3(), "db=" + url_.connect_string + " timeout=30 shared_cache=false");
        session << "PRAGMA foreign_keys = ON";
        session << "PRAGMA journal_mode = WAL";
        session << "PRAGMA synchronous = NORMAL";
      } else {
        session.open(*soci::factory_postgresql(), url_.connect_string);
        session << "SET client_min_messages = WARNING";
      }
    } catch (const soci::soci_error& e) {
      fail(ErrorKind::invalid, "db_unreachable",
           "De database is niet te openen (" + url_.connect_string + "): " + e.what(), "db");
    }
  }
}

Database::~Database() = default;

}  // namespace kwm::store
