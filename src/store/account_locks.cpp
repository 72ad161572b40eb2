#include "store/account_locks.hpp"

#include <boost/json.hpp>

#include "account/wire.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

// Addresses are kept as one text, separated by spaces (no address contains one).
std::string joined(const std::vector<std::string>& addresses) {
  std::string text;
  for (const std::string& address : addresses) text += (text.empty() ? "" : " ") + address;
  return text;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string audit_json(const account::Lock& lock) { return boost::json::serialize(wire::to_json(lock)); }

// The municipality of an existing account, or 0.
long long municipality_of(soci::session& sql, const std::string& username) {
  long long municipality = 0;
  sql << "SELECT municipality_id FROM users WHERE username = :u", soci::use(username), soci::into(municipality);
  return sql.got_data() ? municipality : 0;
}

std::optional<account::Lock> stored_lock(soci::session& sql, const std::string& username) {
  account::Lock lock;
  long long failures = 0;
  std::string addresses;
  sql << "SELECT username, locked_at, failures, addresses FROM account_locks WHERE username = :u", soci::use(username),
      soci::into(lock.username), soci::into(lock.locked_at), soci::into(failures), soci::into(addresses);
  if (!sql.got_data()) return std::nullopt;
  lock.failures = failures;
  lock.addresses = split(addresses);
  return lock;
}

class SqlLockRepository : public account::LockRepository {
 public:
  explicit SqlLockRepository(Database& db) : db_(db) {}

  std::vector<account::Lock> locks(std::int64_t municipality_id) override {
    auto sql = db_.lease();
    const long long municipality = municipality_id;
    std::vector<account::Lock> locks;
    soci::rowset<soci::row> rows = (sql->prepare << "SELECT l.username, l.locked_at, l.failures, l.addresses FROM account_locks l "
                                                    "JOIN users u ON u.username = l.username WHERE u.municipality_id = :m "
                                                    "ORDER BY l.username",
                                    soci::use(municipality));
    for (const soci::row& row : rows) {
      locks.push_back({row.get<std::string>(0), row.get<std::string>(1), row_integer(row, 2), split(row.get<std::string>(3))});
    }
    return locks;
  }

  bool unlock(const Principal& actor, const std::string& username, const std::string& from_address) override {
    return db_.transaction([&](soci::session& sql) {
      if (municipality_of(sql, username) != actor.municipality_id) return false;
      const std::optional<account::Lock> lock = stored_lock(sql, username);
      if (!lock) return false;
      sql << "DELETE FROM account_locks WHERE username = :u", soci::use(username);
      const boost::json::object after{{"username", username}, {"unlocked_from_address", from_address}};
      record_audit(sql, actor, "unlock", "user", username, audit_json(*lock), boost::json::serialize(after));
      return true;
    });
  }

 private:
  Database& db_;
};

}  // namespace

bool account_locked(Database& db, const std::string& username) {
  auto sql = db.lease();
  long long locked = 0;
  *sql << "SELECT COUNT(*) FROM account_locks WHERE username = :u", soci::use(username), soci::into(locked);
  return locked > 0;
}

void lock_account(Database& db, const account::Lock& lock) {
  db.transaction([&](soci::session& sql) {
    const long long failures = lock.failures;
    const std::string addresses = joined(lock.addresses);
    soci::statement insert = (sql.prepare << "INSERT INTO account_locks (username, locked_at, failures, addresses) "
                                             "VALUES (:u, :at, :f, :a) ON CONFLICT (username) DO NOTHING",
                              soci::use(lock.username), soci::use(lock.locked_at), soci::use(failures), soci::use(addresses));
    insert.execute(true);
    if (insert.get_affected_rows() == 0) return;  // locked already: the first lock and its audit entry stand
    const long long municipality = municipality_of(sql, lock.username);
    if (municipality == 0) return;
    Principal throttle;
    throttle.username = "login-throttle";
    throttle.municipality_id = municipality;
    record_audit(sql, throttle, "lock", "user", lock.username, "", audit_json(lock));
  });
}

std::unique_ptr<account::LockRepository> account_lock_repository(Database& db) {
  return std::make_unique<SqlLockRepository>(db);
}

std::unique_ptr<account::Service> account_service(Database& db) {
  return std::make_unique<account::Service>(account_lock_repository(db));
}

}  // namespace kwm::store
