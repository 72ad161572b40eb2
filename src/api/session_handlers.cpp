#include <spdlog/spdlog.h>

#include "account/access.hpp"
#include "api/json.hpp"
#include "api/routes.hpp"
#include "http/login_throttle.hpp"
#include "competence/access.hpp"
#include "org/access.hpp"
#include "store/account_locks.hpp"
#include "store/audit.hpp"
#include "placement/access.hpp"
#include "store/user_store.hpp"

namespace kwm::api {
namespace {

constexpr int kSessionHours = 12;

// What the user may do, action by action, with how far each reaches: the web app shows what this allows
// and the server checks the same table on every request.
json::object permissions_json(Role role) {
  json::object permissions;
  for (const Policy* policy : access_policies()) {
    for (const Action* action : policy->actions) {
      if (const auto scope = action->scope_for(role)) permissions[action->name()] = to_string(*scope);
    }
  }
  return permissions;
}

json::object user_json(const Principal& principal) {
  json::array unit_ids;
  for (std::int64_t unit : principal.unit_ids) unit_ids.push_back(unit);
  json::object user{{"id", principal.user_id},
                    {"username", principal.username},
                    {"role", to_string(principal.role)},
                    {"municipality", json::object{{"code", principal.municipality_code}, {"name", principal.municipality_name}}},
                    {"organisation", principal.organisation},
                    {"unit_ids", std::move(unit_ids)},
                    {"permissions", permissions_json(principal.role)}};
  user["person_id"] = principal.person_id ? json::value(*principal.person_id) : json::value(nullptr);
  return user;
}

std::string session_cookie(const std::string& token, bool secure, int max_age_seconds) {
  std::string cookie = "kwm_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(max_age_seconds);
  if (secure) cookie += "; Secure";
  return cookie;
}

// 429 rate_limited with Retry-After, the wait in words the login page can show as it is.
http::Response rate_limited(std::chrono::seconds wait) {
  const long long seconds = wait.count();
  const std::string in_words = seconds < 120 ? std::to_string(seconds) + (seconds == 1 ? " seconde" : " seconden")
                                             : std::to_string((seconds + 59) / 60) + " minuten";
  http::Response response = http::error_response(
      Error{ErrorKind::rate_limited, "rate_limited",
            "Te veel mislukte inlogpogingen; probeer het over " + in_words + " opnieuw", {}, {}});
  response.headers.emplace_back("Retry-After", std::to_string(seconds));
  return response;
}

// The throttle decides how long an address waits (http/login_throttle.hpp); a lock, once set, holds in the
// database until an admin lifts it and is checked before the password, so it answers the same whatever
// the password and whether or not the account exists.
http::Response login(store::Database& db, http::LoginThrottle& throttle, http::Request& request) {
  const json::object body = parse_object(request);
  const std::string username = required_string(body, "username");
  const std::string password = required_string(body, "password");
  const std::string& address = request.remote_address;
  if (const auto wait = throttle.retry_after(username, address); wait.count() > 0) return rate_limited(wait);
  if (store::account_locked(db, username)) {
    fail(ErrorKind::forbidden, "account_locked",
         "Dit account is geblokkeerd na mislukte inlogpogingen vanaf veel verschillende adressen; "
         "vraag de beheerder van uw gemeente het te deblokkeren");
  }
  const std::optional<Principal> principal = store::verify_login(db, username, password);
  if (!principal) {
    if (const auto evidence = throttle.record_failure(username, address)) {
      spdlog::warn("account '{}' locked: {} failed logins from {} addresses", username, evidence->failures,
                   evidence->addresses.size());
      store::lock_account(db, {username, store::utc_now_iso(), evidence->failures, evidence->addresses});
    }
    fail(ErrorKind::unauthenticated, "invalid_credentials", "Gebruikersnaam of wachtwoord klopt niet");
  }
  throttle.record_success(username, address);
  const store::SessionTokens tokens = store::create_session(db, principal->user_id, kSessionHours);
  http::Response response = json_response(json::object{{"user", user_json(*principal)}, {"csrf_token", tokens.csrf_token}});
  response.headers.emplace_back("Set-Cookie", session_cookie(tokens.token, request.over_tls, kSessionHours * 3600));
  return response;
}

http::Response current_session(const http::Request& request) {
  return json_response(json::object{{"user", user_json(*request.principal)}, {"csrf_token", request.csrf_token}});
}

http::Response logout(store::Database& db, http::Request& request) {
  store::delete_session(db, request.session_token);
  http::Response response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie("", request.over_tls, 0));
  return response;
}

}  // namespace

std::vector<const Policy*> access_policies() {
  return {&org::access::policy(), &competence::access::policy(), &placement::access::policy(),
          &account::access::policy()};
}

void add_session_routes(http::Router& router, store::Database& db, http::LoginThrottle& throttle) {
  router.add({http::Method::post, "/api/v1/session", http::Access::anyone(),
              "Log in with username and password; sets the session cookie and returns the CSRF token",
              [&db, &throttle](http::Request& r) { return login(db, throttle, r); }, "session", "application/json"});
  router.add({http::Method::get, "/api/v1/session", http::Access::logged_in(),
              "The logged-in user and the CSRF token of this session",
              [](http::Request& r) { return current_session(r); }, "session", ""});
  router.add({http::Method::del, "/api/v1/session", http::Access::logged_in(), "Log out",
              [&db](http::Request& r) { return logout(db, r); }, "session", ""});
}

}  // namespace kwm::api
