#include "http/login_throttle.hpp"

#include <gtest/gtest.h>

namespace kwm::http {
namespace {

using namespace std::chrono_literals;
using std::chrono::seconds;

// A clock the test moves by hand.
struct ManualClock {
  LoginThrottle::Clock::time_point now = LoginThrottle::Clock::time_point{} + 1000h;
  LoginThrottle::Now reader() {
    return [this] { return now; };
  }
};

LoginLimits small_limits() {
  LoginLimits limits;
  limits.per_account_and_address = {2, 10s, 80s, 3600s};
  limits.per_address = {5, 1s, 30s, 3600s};
  limits.lock_after_addresses = 3;
  limits.lock_after_failures = 6;
  limits.lock_window = 86400s;
  return limits;
}

TEST(ProgressiveDelay, DoublesAfterTheFreeFailuresUpToTheCap) {
  const ProgressiveDelay delay{3, 1s, 60s, 3600s};
  const std::vector<seconds> expected{0s, 0s, 0s, 0s, 1s, 2s, 4s, 8s, 16s, 32s, 60s, 60s, 60s};
  for (int failures = 0; failures < static_cast<int>(expected.size()); ++failures) {
    EXPECT_EQ(delay.after(failures), expected[failures]) << failures;
  }
  EXPECT_EQ(delay.after(100000), 60s);
}

TEST(LoginThrottle, TheDelayPerAccountAndAddressGrowsWithEveryFailure) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);
    throttle.record_failure("anna", "198.51.100.1");
  }
  EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);  // two free failures
  std::vector<seconds> waits;
  for (int i = 0; i < 5; ++i) {
    throttle.record_failure("anna", "198.51.100.1");
    waits.push_back(throttle.retry_after("anna", "198.51.100.1"));
    clock.now += waits.back();
  }
  EXPECT_EQ(waits, (std::vector<seconds>{10s, 20s, 40s, 80s, 80s}));
  clock.now += 1s;
  EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);  // waiting it out admits the next attempt
}

TEST(LoginThrottle, AnAttackerElsewhereDoesNotSlowTheOwner) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  for (int i = 0; i < 4; ++i) throttle.record_failure("anna", "203.0.113.66");
  EXPECT_GT(throttle.retry_after("anna", "203.0.113.66"), 0s);
  EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);
  EXPECT_EQ(throttle.retry_after("bert", "203.0.113.66"), 0s);  // below the address's free failures
}

TEST(LoginThrottle, AnAddressTryingManyAccountsIsSlowedForAll) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  for (int i = 0; i < 5; ++i) throttle.record_failure("user" + std::to_string(i), "203.0.113.66");
  EXPECT_EQ(throttle.retry_after("someone-else", "203.0.113.66"), 0s);
  throttle.record_failure("user5", "203.0.113.66");
  EXPECT_EQ(throttle.retry_after("someone-else", "203.0.113.66"), 1s);
  throttle.record_failure("user6", "203.0.113.66");
  EXPECT_EQ(throttle.retry_after("someone-else", "203.0.113.66"), 2s);
  EXPECT_EQ(throttle.retry_after("someone-else", "198.51.100.1"), 0s);
}

TEST(LoginThrottle, CountsAreForgottenAfterAQuietPeriod) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  for (int i = 0; i < 6; ++i) throttle.record_failure("anna", "198.51.100.1");
  EXPECT_GT(throttle.retry_after("anna", "198.51.100.1"), 0s);
  clock.now += 3600s;
  EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);
  throttle.record_failure("anna", "198.51.100.1");  // counts from one again
  EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);
}

TEST(LoginThrottle, SuccessClearsOnlyItsOwnAccountAndAddress) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  for (int i = 0; i < 3; ++i) throttle.record_failure("anna", "198.51.100.1");
  for (int i = 0; i < 3; ++i) throttle.record_failure("anna", "203.0.113.66");
  throttle.record_success("anna", "198.51.100.1");
  EXPECT_EQ(throttle.retry_after("anna", "198.51.100.1"), 0s);
  EXPECT_GT(throttle.retry_after("anna", "203.0.113.66"), 0s);
  // Logging in to an account of one's own does not clear the address's count over all accounts.
  for (int i = 0; i < 6; ++i) throttle.record_failure("user" + std::to_string(i), "192.0.2.9");
  throttle.record_success("mallory", "192.0.2.9");
  EXPECT_GT(throttle.retry_after("mallory", "192.0.2.9"), 0s);
}

TEST(LoginThrottle, ManyFailuresFromManyAddressesAskForALock) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  // Many failures from few addresses never lock: the delays deal with those.
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(throttle.record_failure("anna", i % 2 ? "198.51.100.1" : "198.51.100.2"));
  EXPECT_FALSE(throttle.record_failure("bert", "198.51.100.3"));
  const auto evidence = throttle.record_failure("anna", "198.51.100.3");
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->failures, 21);
  EXPECT_EQ(evidence->addresses, (std::vector<std::string>{"198.51.100.1", "198.51.100.2", "198.51.100.3"}));
  // Counting starts afresh once the lock was asked for.
  EXPECT_FALSE(throttle.record_failure("anna", "198.51.100.4"));
}

TEST(LoginThrottle, ManyAddressesWithFewFailuresDoNotLock) {
  ManualClock clock;
  LoginThrottle throttle(small_limits(), clock.reader());
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(throttle.record_failure("anna", "198.51.100." + std::to_string(i)));
  clock.now += 86400s;  // a quiet day forgets the spread
  EXPECT_FALSE(throttle.record_failure("anna", "198.51.100.9"));
}

}  // namespace
}  // namespace kwm::http
