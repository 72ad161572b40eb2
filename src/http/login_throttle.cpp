#include "http/login_throttle.hpp"

namespace kwm::http {

long long LoginThrottle::wait_for(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now) {
  while (!failures.empty() && now - failures.front() >= limits_.window) failures.pop_front();
  if (static_cast<int>(failures.size()) < limit) return 0;
  const auto free_at = failures[failures.size() - limit] + limits_.window;
  return std::chrono::ceil<std::chrono::seconds>(free_at - now).count();
}

long long LoginThrottle::retry_after(const std::string& account, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const long long account_wait = wait_for(by_account_[account], limits_.per_account, now);
  const long long address_wait = wait_for(by_address_[address], limits_.per_address, now);
  return std::max(account_wait, address_wait);
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::record_success(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

}  // namespace kwm::http
