#pragma once
// Slows down password guessing: after too many failed logins for one account, or from one address, within
// a window, further attempts are refused until the window has passed. Kept in memory: a restart forgets,
// which costs an attacker a restart they cannot cause.
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kwm::http {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    int per_account = 5;
    int per_address = 20;
    std::chrono::seconds window{15 * 60};
  };
  LoginThrottle() = default;
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before another attempt is allowed; 0 when one is allowed now.
  long long retry_after(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());
  void record_failure(const std::string& account, const std::string& address, Clock::time_point now = Clock::now());
  void record_success(const std::string& account);

 private:
  long long wait_for(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now);

  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> by_account_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> by_address_;
};

}  // namespace kwm::http
