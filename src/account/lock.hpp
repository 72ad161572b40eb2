#pragma once
// An account locked because failed logins for it came from many distinct addresses (see
// http/login_throttle.hpp): an attack that per-address delays cannot slow. Until an administrator lifts the
// lock, no password opens the account, the right one included.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/principal.hpp"

namespace kwm::account {

struct Lock {
  std::string username;
  std::string locked_at;               // ISO-8601 UTC
  std::int64_t failures = 0;           // failed logins counted when the lock was set
  std::vector<std::string> addresses;  // the distinct client addresses they came from
};

struct Locks {
  std::vector<Lock> items;  // by username
};

// What the service needs from storage. Locks are kept by username, whether or not such an account exists,
// so a lock tells nobody which usernames are real; only locks of existing accounts are listed and audited.
class LockRepository {
 public:
  virtual ~LockRepository() = default;
  // The locks on accounts of the municipality.
  virtual std::vector<Lock> locks(std::int64_t municipality_id) = 0;
  // Lifts the lock on an account of the actor's municipality and audits it as the actor; false when that
  // municipality has no locked account of this name.
  virtual bool unlock(const Principal& actor, const std::string& username, const std::string& from_address) = 0;
};

}  // namespace kwm::account
