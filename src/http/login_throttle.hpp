#pragma once
// Slows down password guessing without handing a guesser the power to lock an account's owner out.
//
// Three counts of failed logins, each forgotten after a quiet period without failures:
// - per (account, client address): a few failures are free, then each further attempt must wait a delay
//   that doubles with every failure, up to a cap. The owner, logging in from another address, has a count
//   of their own and is not slowed by an attacker elsewhere.
// - per client address, over all accounts: more failures are free, then the same doubling with a lower
//   cap. This slows one address that tries a password on many accounts (password spraying); the cap keeps
//   the wait short for the innocent people who share that address (an office behind one NAT address).
// - per account, over all addresses: only an attack spread over many addresses escapes both delays, so when
//   failures for one account came from many distinct addresses, record_failure says the account should be
//   locked. Keeping the lock (in the database, until an admin lifts it) is the caller's part; the count
//   starts afresh, so an unlocked account is not locked again by the next failure.
// A success clears only its own (account, address) count: an attacker who logs in to an account of their
// own does not clear their address's count. Counts are kept in memory: a restart forgets them.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kwm::http {

// A doubling delay: `free_failures` failures cost nothing, the next waits `first`, each one after that twice
// as long, never more than `cap`. A count is forgotten after `forget_after` without a failure.
struct ProgressiveDelay {
  int free_failures;
  std::chrono::seconds first;
  std::chrono::seconds cap;
  std::chrono::seconds forget_after;
  std::chrono::seconds after(int failures) const;  // the wait after this many failures
};

struct LoginLimits {
  ProgressiveDelay per_account_and_address{3, std::chrono::seconds(1), std::chrono::minutes(15), std::chrono::hours(1)};
  ProgressiveDelay per_address{30, std::chrono::seconds(1), std::chrono::minutes(2), std::chrono::hours(1)};
  int lock_after_addresses = 20;   // distinct addresses with failures for one account …
  int lock_after_failures = 100;   // … and this many failures in all …
  std::chrono::seconds lock_window = std::chrono::hours(24);  // … without a quiet day in between
};

// Why an account should be locked: the failures counted and the distinct addresses they came from.
struct LockEvidence {
  int failures = 0;
  std::vector<std::string> addresses;  // sorted
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  using Now = std::function<Clock::time_point()>;  // injectable, so tests need not sleep

  LoginThrottle() : LoginThrottle(LoginLimits{}) {}
  explicit LoginThrottle(LoginLimits limits, Now now = &Clock::now) : limits_(limits), now_(std::move(now)) {}

  const LoginLimits& limits() const { return limits_; }

  // How long this address must wait before it may try this account again; zero when it may now.
  std::chrono::seconds retry_after(std::string_view account, const std::string& address);
  // Counts a wrong password; evidence when this failure brings the account to the lock threshold.
  std::optional<LockEvidence> record_failure(std::string_view account, const std::string& address);
  void record_success(std::string_view account, const std::string& address);

 private:
  struct Count {
    int failures = 0;
    Clock::time_point last;
  };
  struct Spread {
    int failures = 0;
    Clock::time_point last;
    std::unordered_set<std::string> addresses;
  };
  static std::chrono::seconds wait(const Count* count, const ProgressiveDelay& delay, Clock::time_point now);
  static void count_failure(Count& count, const ProgressiveDelay& delay, Clock::time_point now);
  void forget_quiet_counts(Clock::time_point now);

  LoginLimits limits_;
  Now now_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Count> by_account_and_address_;
  std::unordered_map<std::string, Count> by_address_;
  std::unordered_map<std::string, Spread> by_account_;
  unsigned failures_since_sweep_ = 0;
};

}  // namespace kwm::http
