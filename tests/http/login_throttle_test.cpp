#include "http/login_throttle.hpp"

#include <gtest/gtest.h>

namespace kwm::http {
namespace {

using namespace std::chrono_literals;

TEST(LoginThrottle, BlocksAnAccountAfterTheLimitUntilTheWindowPasses) {
  LoginThrottle throttle({3, 100, 60s});
  const auto t0 = LoginThrottle::Clock::now();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.retry_after("anna", "10.0.0.1", t0), 0);
    throttle.record_failure("anna", "10.0.0.1", t0 + std::chrono::seconds(i));
  }
  EXPECT_EQ(throttle.retry_after("anna", "10.0.0.1", t0 + 10s), 50);
  EXPECT_EQ(throttle.retry_after("bert", "10.0.0.1", t0 + 10s), 0);
  EXPECT_EQ(throttle.retry_after("anna", "10.0.0.1", t0 + 61s), 0);
}

TEST(LoginThrottle, BlocksAnAddressThatTriesManyAccounts) {
  LoginThrottle throttle({100, 4, 60s});
  const auto t0 = LoginThrottle::Clock::now();
  for (int i = 0; i < 4; ++i) throttle.record_failure("user" + std::to_string(i), "10.0.0.2", t0);
  EXPECT_GT(throttle.retry_after("someone-else", "10.0.0.2", t0 + 1s), 0);
  EXPECT_EQ(throttle.retry_after("someone-else", "10.0.0.3", t0 + 1s), 0);
}

TEST(LoginThrottle, SuccessClearsTheAccountsFailures) {
  LoginThrottle throttle({2, 100, 60s});
  const auto t0 = LoginThrottle::Clock::now();
  throttle.record_failure("anna", "a", t0);
  throttle.record_success("anna");
  throttle.record_failure("anna", "a", t0);
  EXPECT_EQ(throttle.retry_after("anna", "a", t0), 0);
}

}  // namespace
}  // namespace kwm::http
