// Access as data, tested as data: the role × route matrix comes from the access policies themselves, and a
// sweep calls every route of openapi.json as every role of another municipality, with the ids of the first
// one's records, and fails on any answer that carries that municipality's data or is a 5xx.
#include "api_harness.hpp"

#include <set>

#include "api/routes.hpp"
#include "http/login_throttle.hpp"

namespace kwm::testing {
namespace {

class AccessSweep : public ApiTest {
 protected:
  // The route's path with every {parameter} filled in with one of municipality A's real records; with id 0
  // (which names nothing) when the call must not change anything.
  std::string target_of(const std::string& pattern, bool real_ids = true) {
    const std::map<std::string, std::string> values{
        {"{id}", real_ids ? std::to_string(id_for(pattern)) : "0"},
        {"{kind}", "people"},
        {"{file}", "people.csv"},
        {"{code}", "WT1"},
        {"{personnel_number}", "P001"},
    };
    std::string path = pattern;
    for (std::size_t open = path.find('{'); open != std::string::npos; open = path.find('{')) {
      const std::size_t close = path.find('}', open);
      const std::string name = path.substr(open, close - open + 1);
      const auto value = values.find(name);
      path.replace(open, close - open + 1, value == values.end() ? "1" : value->second);
    }
    return path;
  }

  std::int64_t id_for(const std::string& pattern) {
    if (pattern.starts_with("/api/v1/people")) return person_id("GM9001", "P001");
    if (pattern.starts_with("/api/v1/functions")) return function_id("GM9001", "CM", "casemanager");
    if (pattern.starts_with("/api/v1/positions")) return position_id("GM9001", "WT1");
    return unit_id("GM9001", "WT1");
  }

  HttpResult call(Client& client, http::Method method, const std::string& target) {
    switch (method) {
      case http::Method::get: return client.get(target);
      case http::Method::post: return client.post(target, "{}");
      case http::Method::put: return client.put(target, "{}");
      case http::Method::patch: return client.raw("PATCH", target, "{}", {{"Cookie", client.cookie()}, {"X-CSRF-Token", client.csrf_token()}});
      case http::Method::del: return client.del(target);
    }
    return {};
  }

  std::vector<http::Route> routes() {
    http::Router router;
    http::LoginThrottle throttle;
    api::add_all_routes(router, db(), throttle);
    return router.routes();
  }
};
KWM_API_TEST_SUITE(AccessSweep);

const std::vector<std::pair<std::string, Role>> kUsersOfA{{"admin-a", Role::admin},       {"hr-a", Role::hr},
                                                          {"manager-a", Role::manager},   {"employee-a", Role::employee},
                                                          {"council-a", Role::works_council}, {"external-a", Role::external}};

// Every route with an action, as every role of A: a role without a grant gets 403 role_not_allowed before
// anything else happens; a role with one never does. Writes name no record and send an empty body, so the
// roles that may write change nothing.
TEST_P(AccessSweep, EveryRouteAnswersEveryRoleAsItsPolicySays) {
  std::size_t calls = 0;
  for (const auto& [username, role] : kUsersOfA) {
    Client user = logged_in(username);
    for (const http::Route& route : routes()) {
      if (!route.access.action) continue;
      const HttpResult result = call(user, route.method, target_of(route.pattern, route.method == http::Method::get));
      ++calls;
      const bool refused = result.status == 403u && result.error_code() == "role_not_allowed";
      EXPECT_EQ(refused, !route.access.action->allows(role))
          << username << " " << to_string(route.method) << " " << route.pattern << ": " << result.status << " " << result.body;
      EXPECT_LT(result.status, 500u) << username << " " << route.pattern << ": " << result.body;
    }
  }
  EXPECT_GT(calls, 6u * 20u);
  RecordProperty("calls", static_cast<int>(calls));
}

// Every route of openapi.json as every role of B, with A's ids: no answer may carry A's data, none may be a
// 5xx, and no write may succeed on A's records.
TEST_P(AccessSweep, AnotherMunicipalityNeverSeesOrChangesAnything) {
  const auto document = client().get("/api/v1/openapi.json").json();
  std::vector<std::pair<http::Method, std::string>> operations;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      const std::string pattern = "/api/v1" + std::string(path);
      if (pattern == "/api/v1/session") continue;  // logging in and out is not about anyone's data
      const std::string verb(method);
      const http::Method m = verb == "get" ? http::Method::get
                             : verb == "post" ? http::Method::post
                             : verb == "put" ? http::Method::put
                             : verb == "patch" ? http::Method::patch
                                               : http::Method::del;
      operations.emplace_back(m, pattern);
    }
  }
  // What only A has: its people, its units' names, its municipality.
  const std::vector<std::string> a_only{"P001", "Anna Veldkamp", "Dewi Zonneveld", "E001", "Wijkteam Noord", "GM9001", "Testdorp"};
  const std::int64_t people_before = count("SELECT COUNT(*) FROM people");
  const std::int64_t units_before = count("SELECT COUNT(*) FROM units");
  std::size_t calls = 0, leaks = 0;
  for (const std::string username : {"admin-b", "hr-b", "manager-b", "employee-b", "council-b", "external-b"}) {
    Client user = logged_in(username);
    for (const auto& [method, pattern] : operations) {
      const HttpResult result = call(user, method, target_of(pattern));
      ++calls;
      EXPECT_LT(result.status, 500u) << username << " " << pattern << ": " << result.body;
      if (result.status >= 300u) continue;
      for (const std::string& marker : a_only) {
        if (result.body.find(marker) == std::string::npos) continue;
        ++leaks;
        ADD_FAILURE() << username << " " << to_string(method) << " " << pattern << " answered " << result.status
                      << " with A's '" << marker << "': " << result.body.substr(0, 400);
      }
      if (method != http::Method::get && pattern.find("{id}") != std::string::npos) {
        ADD_FAILURE() << username << " " << to_string(method) << " " << pattern << " succeeded on A's record: " << result.status;
      }
    }
  }
  EXPECT_EQ(leaks, 0u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), people_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM units"), units_before);
  EXPECT_GT(calls, 6u * 100u);
  RecordProperty("calls", static_cast<int>(calls));
}

// GET /api/v1/session tells the web app what the user may do, from the same table.
TEST_P(AccessSweep, SessionListsThePermissionsOfTheRole) {
  for (const auto& [username, role] : kUsersOfA) {
    Client user = logged_in(username);
    const auto permissions = user.get("/api/v1/session").json().at("user").at("permissions").as_object();
    for (const Policy* policy : api::access_policies()) {
      for (const Action* action : policy->actions) {
        const auto scope = action->scope_for(role);
        EXPECT_EQ(permissions.contains(action->name()), scope.has_value()) << username << " " << action->name();
        if (scope) EXPECT_EQ(permissions.at(action->name()).as_string(), to_string(*scope)) << username << " " << action->name();
      }
    }
  }
}

}  // namespace
}  // namespace kwm::testing
