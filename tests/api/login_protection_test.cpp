// Login throttling as an attacker and the account's owner meet it: per (account, address) and per address
// delays, the lock after failures from many addresses and its admin unlock, the client address behind a
// trusted proxy, and HSTS with Secure cookies only behind HTTPS. The throttle's clock is moved by hand.
#include "api_harness.hpp"

namespace kwm::testing {
namespace {

using namespace std::chrono_literals;

// Small limits, so each test needs few (slow, Argon2id) failed logins: 2 free failures per account and
// address, 6 per address; a lock after failures from 3 addresses, 6 in all.
http::LoginLimits small_limits() {
  http::LoginLimits limits;
  limits.per_account_and_address = {2, 1s, 60s, 3600s};
  limits.per_address = {6, 1s, 30s, 3600s};
  limits.lock_after_addresses = 3;
  limits.lock_after_failures = 6;
  return limits;
}

// Behind a reverse proxy on the loopback address: each client's X-Forwarded-For is its address.
class ProxiedLogin : public ApiTest {
 protected:
  void configure(http::ServerOptions& options) override {
    options.proxy_trust.proxies = {*http::AddressBlock::parse("127.0.0.0/8"), *http::AddressBlock::parse("::1")};
  }
  http::LoginLimits login_limits() const override { return small_limits(); }

  Client from(const std::string& address) {
    Client c = client();
    c.always_send("X-Forwarded-For", address);
    return c;
  }
  std::int64_t audit_entries(const std::string& action, const std::string& username) {
    return count("SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND action = '" + action + "' AND entity_key = '" +
                 username + "'");
  }
  // Fails from each address in turn until the account is locked.
  void lock_by_many_addresses(const std::string& username) {
    for (int round = 0; round < 2; ++round) {
      for (const std::string address : {"203.0.113.1", "203.0.113.2", "203.0.113.3"}) {
        EXPECT_EQ(from(address).login(username, "wrong password").status, 401u) << address;
      }
    }
  }
};
KWM_API_TEST_SUITE(ProxiedLogin);

TEST_P(ProxiedLogin, AnAttackerElsewhereDoesNotStopTheOwnerLoggingIn) {
  Client attacker = from("203.0.113.66");
  Client owner = from("198.51.100.7");
  int refused = 0;
  for (int i = 0; i < 8; ++i) {
    const HttpResult result = attacker.login("hr-a", "guess " + std::to_string(i));
    refused += result.status == 429u ? 1 : 0;
    EXPECT_TRUE(result.status == 401u || result.status == 429u) << result.body;
  }
  EXPECT_GT(refused, 0);
  EXPECT_EQ(attacker.login("hr-a").status, 429u);  // the attacker waits, whatever the password
  EXPECT_EQ(owner.login("hr-a").status, 200u);
}

TEST_P(ProxiedLogin, TheDelayPerAccountAndAddressDoublesWithEveryFailure) {
  Client c = from("198.51.100.7");
  EXPECT_EQ(c.login("hr-a", "wrong").status, 401u);
  EXPECT_EQ(c.login("hr-a", "wrong").status, 401u);
  std::vector<std::string> waits;
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(c.login("hr-a", "wrong").status, 401u);
    const HttpResult throttled = c.login("hr-a");
    ASSERT_EQ(throttled.status, 429u) << throttled.body;
    EXPECT_EQ(throttled.error_code(), "rate_limited");
    waits.push_back(throttled.headers.at("retry-after"));
    advance_clock(std::chrono::seconds(std::stoi(waits.back())));
  }
  EXPECT_EQ(waits, (std::vector<std::string>{"1", "2", "4", "8"}));
  EXPECT_EQ(c.login("hr-a").status, 200u);  // waited out, the right password works
}

TEST_P(ProxiedLogin, AnAddressTryingManyAccountsIsSlowedForEveryAccount) {
  Client sprayer = from("203.0.113.66");
  for (int i = 0; i < 7; ++i) EXPECT_EQ(sprayer.login("nobody-" + std::to_string(i), "Welkom01!").status, 401u);
  const HttpResult throttled = sprayer.login("hr-a");
  EXPECT_EQ(throttled.status, 429u);
  EXPECT_EQ(throttled.headers.at("retry-after"), "1");
  EXPECT_EQ(from("198.51.100.7").login("hr-a").status, 200u);  // other addresses are not slowed
  advance_clock(1s);
  EXPECT_EQ(sprayer.login("hr-a").status, 200u);
}

TEST_P(ProxiedLogin, FailuresFromManyAddressesLockTheAccountUntilAnAdminUnlocksIt) {
  lock_by_many_addresses("hr-a");
  EXPECT_EQ(audit_entries("lock", "hr-a"), 1);
  const HttpResult locked = from("198.51.100.7").login("hr-a");  // the right password, from a fresh address
  EXPECT_EQ(locked.status, 403u);
  EXPECT_EQ(locked.error_code(), "account_locked");
  advance_clock(48h);  // a lock does not wear off
  EXPECT_EQ(from("198.51.100.7").login("hr-a").error_code(), "account_locked");

  Client admin = from("198.51.100.20");
  ASSERT_EQ(admin.login("admin-a").status, 200u);
  const auto locks = admin.get("/api/v1/account-locks").json().at("items").as_array();
  ASSERT_EQ(locks.size(), 1u);
  EXPECT_EQ(locks[0].at("username").as_string(), "hr-a");
  EXPECT_EQ(locks[0].at("failures").as_int64(), 6);
  EXPECT_EQ(boost::json::serialize(locks[0].at("addresses")), R"(["203.0.113.1","203.0.113.2","203.0.113.3"])");

  EXPECT_EQ(admin.del("/api/v1/account-locks/hr-a").status, 204u);
  EXPECT_EQ(audit_entries("unlock", "hr-a"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'unlock' AND username = 'admin-a' AND "
                  "after_json LIKE '%198.51.100.20%'"),
            1);  // the audit names the admin and the client address behind the proxy
  EXPECT_EQ(admin.get("/api/v1/account-locks").json().at("items").as_array().size(), 0u);
  EXPECT_EQ(from("198.51.100.7").login("hr-a").status, 200u);
  EXPECT_EQ(admin.del("/api/v1/account-locks/hr-a").status, 404u);  // nothing left to lift
}

TEST_P(ProxiedLogin, OnlyTheAdminOfTheAccountsMunicipalityListsAndLiftsItsLock) {
  lock_by_many_addresses("hr-a");
  Client other_admin = from("198.51.100.21");
  ASSERT_EQ(other_admin.login("admin-b").status, 200u);
  EXPECT_EQ(other_admin.get("/api/v1/account-locks").json().at("items").as_array().size(), 0u);
  EXPECT_EQ(other_admin.del("/api/v1/account-locks/hr-a").status, 404u);
  Client hr = from("198.51.100.22");
  ASSERT_EQ(hr.login("manager-a").status, 200u);
  const HttpResult refused = hr.del("/api/v1/account-locks/hr-a");
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(refused.error_code(), "role_not_allowed");
  EXPECT_EQ(count("SELECT COUNT(*) FROM account_locks WHERE username = 'hr-a'"), 1);
}

TEST_P(ProxiedLogin, ALockedNameAnswersTheSameWhetherOrNotTheAccountExists) {
  lock_by_many_addresses("hr-a");
  lock_by_many_addresses("no-such-user");
  const HttpResult real = from("198.51.100.7").login("hr-a", "anything at all");
  const HttpResult made_up = from("198.51.100.7").login("no-such-user", "anything at all");
  EXPECT_EQ(real.status, 403u);
  EXPECT_EQ(real.body, made_up.body);
  EXPECT_EQ(audit_entries("lock", "no-such-user"), 0);  // no account, no municipality to audit in
}

TEST_P(ProxiedLogin, SpoofedLeftMostEntriesDoNotEscapeTheThrottle) {
  // The attacker writes a new X-Forwarded-For every time; the proxy appends the address it really saw.
  for (int i = 0; i < 3; ++i) {
    Client attacker = from("10.6.6." + std::to_string(i) + ", 203.0.113.66");
    EXPECT_EQ(attacker.login("hr-a", "wrong").status, 401u);
  }
  EXPECT_EQ(from("1.2.3.4, 203.0.113.66").login("hr-a").status, 429u);
  EXPECT_EQ(from("203.0.113.66, 198.51.100.7").login("hr-a").status, 200u);  // the real client elsewhere
}

// The same server without a trusted proxy: X-Forwarded-For is the client's own invention.
class DirectLogin : public ApiTest {
 protected:
  http::LoginLimits login_limits() const override { return small_limits(); }
};
KWM_API_TEST_SUITE(DirectLogin);

TEST_P(DirectLogin, AnUntrustedPeersForwardedForIsIgnored) {
  for (int i = 0; i < 3; ++i) {
    Client attacker = client();
    attacker.always_send("X-Forwarded-For", "198.51.100." + std::to_string(i));
    EXPECT_EQ(attacker.login("hr-a", "wrong").status, 401u);
  }
  Client rotating = client();
  rotating.always_send("X-Forwarded-For", "198.51.100.99");
  EXPECT_EQ(rotating.login("hr-a").status, 429u);  // all of it came from 127.0.0.1
}

TEST_P(DirectLogin, NoHstsAndNoSecureCookieUnlessBehindHttps) {
  Client c = client();
  c.always_send("X-Forwarded-Proto", "https");  // a claim any client can make
  const HttpResult login = c.login("hr-a");
  ASSERT_EQ(login.status, 200u);
  EXPECT_EQ(login.headers.at("set-cookie").find("Secure"), std::string::npos);
  EXPECT_FALSE(login.headers.contains("strict-transport-security"));
  EXPECT_FALSE(c.get("/api/v1/health").headers.contains("strict-transport-security"));
}

class BehindHttps : public ApiTest {
 protected:
  void configure(http::ServerOptions& options) override { options.behind_https = true; }
};
KWM_API_TEST_SUITE(BehindHttps);

TEST_P(BehindHttps, EveryAnswerCarriesHstsAndTheCookiesAreSecure) {
  Client c = client();
  const HttpResult login = c.login("hr-a");
  ASSERT_EQ(login.status, 200u);
  EXPECT_NE(login.headers.at("set-cookie").find("; Secure"), std::string::npos);
  EXPECT_EQ(login.headers.at("strict-transport-security"), "max-age=31536000");
  EXPECT_EQ(c.get("/api/v1/health").headers.at("strict-transport-security"), "max-age=31536000");
  EXPECT_EQ(c.get("/api/v1/nothing-here").headers.at("strict-transport-security"), "max-age=31536000");
  const HttpResult logout = c.del("/api/v1/session");
  EXPECT_NE(logout.headers.at("set-cookie").find("; Secure"), std::string::npos);
}

}  // namespace
}  // namespace kwm::testing
