#include "http/login_throttle.hpp"

#include <algorithm>

namespace kwm::http {

namespace {

// Usernames have at most 100 characters; a longer name in a login attempt is counted by its start, so that
// made-up names cannot make the counts large.
constexpr std::size_t kAccountKeyLength = 128;
// Counts past their quiet period are swept out every so many failures, keeping memory bounded by the
// failures of the last hour or day rather than of the server's lifetime.
constexpr unsigned kSweepEvery = 1024;

std::string account_key(std::string_view account) { return std::string(account.substr(0, kAccountKeyLength)); }

}  // namespace

std::chrono::seconds ProgressiveDelay::after(int failures) const {
  if (failures <= free_failures) return std::chrono::seconds(0);
  const int doublings = failures - free_failures - 1;
  std::chrono::seconds delay = first;
  for (int i = 0; i < doublings && delay < cap; ++i) delay *= 2;
  return std::min(delay, cap);
}

std::chrono::seconds LoginThrottle::wait(const Count* count, const ProgressiveDelay& delay, Clock::time_point now) {
  if (!count || now - count->last >= delay.forget_after) return std::chrono::seconds(0);
  const auto free_at = count->last + delay.after(count->failures);
  if (free_at <= now) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(free_at - now);
}

void LoginThrottle::count_failure(Count& count, const ProgressiveDelay& delay, Clock::time_point now) {
  if (count.failures > 0 && now - count.last >= delay.forget_after) count.failures = 0;
  ++count.failures;
  count.last = now;
}

std::chrono::seconds LoginThrottle::retry_after(std::string_view account, const std::string& address) {
  const Clock::time_point now = now_();
  std::lock_guard lock(mutex_);
  const auto pair = by_account_and_address_.find({account_key(account), address});
  const auto from_address = by_address_.find(address);
  return std::max(wait(pair == by_account_and_address_.end() ? nullptr : &pair->second, limits_.per_account_and_address, now),
                  wait(from_address == by_address_.end() ? nullptr : &from_address->second, limits_.per_address, now));
}

std::optional<LockEvidence> LoginThrottle::record_failure(std::string_view account, const std::string& address) {
  const Clock::time_point now = now_();
  std::lock_guard lock(mutex_);
  if (++failures_since_sweep_ >= kSweepEvery) forget_quiet_counts(now);
  const std::string key = account_key(account);
  count_failure(by_account_and_address_[{key, address}], limits_.per_account_and_address, now);
  count_failure(by_address_[address], limits_.per_address, now);

  Spread& spread = by_account_[key];
  if (spread.failures > 0 && now - spread.last >= limits_.lock_window) spread = Spread{};
  ++spread.failures;
  spread.last = now;
  if (static_cast<int>(spread.addresses.size()) < limits_.lock_after_addresses) spread.addresses.insert(address);
  if (static_cast<int>(spread.addresses.size()) < limits_.lock_after_addresses || spread.failures < limits_.lock_after_failures) {
    return std::nullopt;
  }
  LockEvidence evidence{spread.failures, {spread.addresses.begin(), spread.addresses.end()}};
  std::sort(evidence.addresses.begin(), evidence.addresses.end());
  by_account_.erase(key);
  return evidence;
}

void LoginThrottle::record_success(std::string_view account, const std::string& address) {
  std::lock_guard lock(mutex_);
  by_account_and_address_.erase({account_key(account), address});
}

void LoginThrottle::forget_quiet_counts(Clock::time_point now) {
  failures_since_sweep_ = 0;
  std::erase_if(by_account_and_address_,
                [&](const auto& entry) { return now - entry.second.last >= limits_.per_account_and_address.forget_after; });
  std::erase_if(by_address_, [&](const auto& entry) { return now - entry.second.last >= limits_.per_address.forget_after; });
  std::erase_if(by_account_, [&](const auto& entry) { return now - entry.second.last >= limits_.lock_window; });
}

}  // namespace kwm::http
