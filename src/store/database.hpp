#pragma once
// One handle on the database, SQLite (embedded, the default) or PostgreSQL (shared installations), with a
// pool of SOCI sessions so HTTP worker threads do not serialise on one connection.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "store/sql.hpp"

namespace kwm::store {

enum class Dialect { sqlite, postgresql };

struct DatabaseUrl {
  Dialect dialect = Dialect::sqlite;
  std::string connect_string;  // what SOCI's backend takes: a file path, or libpq's "postgresql://…"
  // "sqlite:PATH" or "postgresql://…" (also "postgres://…"); throws Failure(field "db") on anything else.
  static DatabaseUrl parse(std::string_view url);
};

class Database {
 public:
  explicit Database(const std::string& url, std::size_t pool_size = 4);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return url_.dialect; }
  const DatabaseUrl& url() const { return url_; }

  // A pooled session, given back when the lease ends.
  class Lease {
   public:
    Lease(soci::connection_pool& pool) : pool_(&pool), index_(pool.lease()) {}
    Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), index_(other.index_) {}
    Lease(const Lease&) = delete;
    ~Lease() { if (pool_) pool_->give_back(index_); }
    soci::session& operator*() const { return pool_->at(index_); }
    soci::session* operator->() const { return &pool_->at(index_); }

   private:
    soci::connection_pool* pool_;
    std::size_t index_;
  };
  Lease lease() { return Lease(*pool_); }

  // Runs work(session) in one transaction: everything or nothing is written.
  template <typename Work>
  decltype(auto) transaction(Work&& work) {
    Lease session = lease();
    soci::transaction tx(*session);
    if constexpr (std::is_void_v<decltype(work(*session))>) {
      work(*session);
      tx.commit();
    } else {
      decltype(auto) result = work(*session);
      tx.commit();
      return result;
    }
  }

 private:
  DatabaseUrl url_;
  std::unique_ptr<soci::connection_pool> pool_;
};

// The SQL of an auto-increment primary key column for this dialect.
std::string_view primary_key_sql(Dialect dialect);

}  // namespace kwm::store
