#pragma once
// Account locks in the database (table account_locks), so a lock survives a restart and holds for every
// server process of a shared installation. Kept by username, whether or not the account exists.
#include <memory>
#include <string>

#include "account/lock.hpp"
#include "account/service.hpp"

namespace kwm::store {

class Database;

bool account_locked(Database& db, const std::string& username);
// Sets the lock (a name already locked keeps its first lock) and, when the account exists, audits it in the
// account's municipality as "login-throttle".
void lock_account(Database& db, const account::Lock& lock);

std::unique_ptr<account::LockRepository> account_lock_repository(Database& db);
std::unique_ptr<account::Service> account_service(Database& db);

}  // namespace kwm::store
