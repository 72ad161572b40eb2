// Logging in and out, CSRF, foreign origins, throttling, security headers and the shape of errors.
#include "api_harness.hpp"

namespace kwm::testing {
namespace {

class SessionApi : public ApiTest {};
KWM_API_TEST_SUITE(SessionApi);

TEST_P(SessionApi, LoginSetsAHardenedCookieAndReturnsTheUserAndCsrfToken) {
  Client c = client();
  const HttpResult result = c.login("hr-a");
  ASSERT_EQ(result.status, 200u) << result.body;
  const std::string cookie = result.headers.at("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(c.cookie().size(), 64u);  // 256 random bits, hex
  const auto user = result.json().at("user");
  EXPECT_EQ(user.at("role").as_string(), "hr");
  EXPECT_EQ(user.at("municipality").at("code").as_string(), "GM9001");
  EXPECT_EQ(user.at("municipality").at("name").as_string(), "Testdorp");
  EXPECT_FALSE(c.csrf_token().empty());
  EXPECT_EQ(c.get("/api/v1/session").status, 200u);
}

TEST_P(SessionApi, SessionTokensAreStoredOnlyAsHashes) {
  Client c = logged_in("hr-a");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + c.cookie() + "'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 1);
}

TEST_P(SessionApi, WrongPasswordAndUnknownUserAnswerTheSame401) {
  Client c = client();
  const HttpResult wrong = c.login("hr-a", "not the password at all");
  const HttpResult unknown = c.login("nobody", "not the password at all");
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(wrong.error_code(), "invalid_credentials");
  EXPECT_EQ(wrong.body, unknown.body);
}

TEST_P(SessionApi, RepeatedFailuresSlowDownThatAccountFromThatAddress) {
  Client c = client();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(c.login("hr-a", "wrong password " + std::to_string(i)).status, 401u);
  const HttpResult throttled = c.login("hr-a");  // even the right password waits now, from this address
  EXPECT_EQ(throttled.status, 429u);
  EXPECT_EQ(throttled.error_code(), "rate_limited");
  EXPECT_EQ(throttled.headers.at("retry-after"), "1");
  EXPECT_EQ(c.login("admin-a").status, 200u);  // another account is not affected
}

TEST_P(SessionApi, MissingFieldsNameTheField) {
  const HttpResult result = client().post("/api/v1/session", R"({"username":"hr-a"})");
  EXPECT_EQ(result.status, 422u);
  EXPECT_EQ(result.json().at("error").at("field").as_string(), "password");
}

TEST_P(SessionApi, MalformedJsonIsA400) {
  const HttpResult result = client().post("/api/v1/session", "{not json");
  EXPECT_EQ(result.status, 400u);
  EXPECT_EQ(result.error_code(), "invalid_json");
}

TEST_P(SessionApi, EveryApiRouteButThePublicOnesNeedsASession) {
  Client anonymous = client();
  for (const std::string target : {"/api/v1/units", "/api/v1/people", "/api/v1/audit", "/api/v1/session"}) {
    const HttpResult result = anonymous.get(target);
    EXPECT_EQ(result.status, 401u) << target;
    EXPECT_EQ(result.error_code(), "not_logged_in") << target;
  }
  EXPECT_EQ(anonymous.get("/api/v1/health").status, 200u);
}

TEST_P(SessionApi, StateChangingRequestsNeedTheCsrfToken) {
  Client c = logged_in("hr-a");
  const std::string unit = R"({"code":"NEW","name":"Nieuw team","kind":"team","pillars":["care"]})";
  const HttpResult without = c.raw("POST", "/api/v1/units", unit,
                                   {{"Cookie", "kwm_session=" + c.cookie()}, {"Content-Type", "application/json"}});
  EXPECT_EQ(without.status, 403u);
  EXPECT_EQ(without.error_code(), "csrf_token_invalid");
  const HttpResult wrong = c.raw("POST", "/api/v1/units", unit,
                                 {{"Cookie", "kwm_session=" + c.cookie()}, {"X-CSRF-Token", "0000"},
                                  {"Content-Type", "application/json"}});
  EXPECT_EQ(wrong.status, 403u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM units WHERE code = 'NEW'"), 0);
}

TEST_P(SessionApi, AForeignOriginIsRefusedEvenWithTheToken) {
  Client c = logged_in("hr-a");
  const HttpResult result = c.raw("DELETE", "/api/v1/session", "",
                                  {{"Cookie", "kwm_session=" + c.cookie()}, {"X-CSRF-Token", c.csrf_token()},
                                   {"Origin", "https://evil.example"}});
  EXPECT_EQ(result.status, 403u);
  EXPECT_EQ(result.error_code(), "foreign_origin");
  EXPECT_EQ(c.get("/api/v1/session").status, 200u);
}

TEST_P(SessionApi, LogoutEndsTheSession) {
  Client c = logged_in("hr-a");
  EXPECT_EQ(c.del("/api/v1/session").status, 204u);
  EXPECT_EQ(c.get("/api/v1/session").status, 401u);
}

TEST_P(SessionApi, AnswersCarrySecurityHeaders) {
  const HttpResult result = client().get("/api/v1/health");
  const std::string csp = result.headers.at("content-security-policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("script-src 'self' 'unsafe-inline'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(result.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(result.headers.at("referrer-policy"), "no-referrer");
}

TEST_P(SessionApi, UnknownRoutesAndMethodsAnswer404And405) {
  Client c = logged_in("hr-a");
  EXPECT_EQ(c.get("/api/v1/nothing-here").status, 404u);
  const HttpResult wrong_method = c.raw("PATCH", "/api/v1/health", "", {});
  EXPECT_EQ(wrong_method.status, 405u);
}

TEST_P(SessionApi, ABodyOverTheLimitIsA413) {
  Client c = logged_in("hr-a");
  const HttpResult result = c.post("/api/v1/import/people", std::string(2 * 1024 * 1024, 'x'), "text/csv");
  EXPECT_EQ(result.status, 413u);
  EXPECT_EQ(result.error_code(), "payload_too_large");
}

}  // namespace
}  // namespace kwm::testing
