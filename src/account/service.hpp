#pragma once
// Account locks as the API and the command line see them: list and lift, for the administrator of the
// account's municipality (account/access.hpp). Setting a lock is the login's own business
// (store/account_locks.hpp), not a caller's action.
#include <memory>
#include <string>

#include "account/lock.hpp"
#include "core/principal.hpp"

namespace kwm::account {

class Service {
 public:
  explicit Service(std::unique_ptr<LockRepository> repository) : repository_(std::move(repository)) {}

  Locks locks(const Principal& caller) const;
  // A lock on an account of another municipality is reported exactly as a missing one (404).
  // `from_address`: the client address the request came from, for the audit entry.
  void unlock(const Principal& caller, const std::string& username, const std::string& from_address) const;

 private:
  std::unique_ptr<LockRepository> repository_;
};

}  // namespace kwm::account
