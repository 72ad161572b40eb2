// The OpenAPI document describes exactly the routes the server has registered.
#include "api_harness.hpp"

#include <set>

#include "api/routes.hpp"
#include "http/login_throttle.hpp"

namespace kwm::testing {
namespace {

class OpenApi : public ApiTest {};
KWM_API_TEST_SUITE(OpenApi);

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST_P(OpenApi, DocumentListsEveryRegisteredRouteAndNothingElse) {
  const HttpResult result = client().get("/api/v1/openapi.json");
  ASSERT_EQ(result.status, 200u);
  const auto document = result.json().as_object();
  EXPECT_EQ(document.at("openapi").as_string().subview().substr(0, 2), "3.");
  std::set<std::string> documented;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      documented.insert(lower(method) + " /api/v1" + std::string(path));
      EXPECT_TRUE(operation.as_object().contains("responses")) << path;
      EXPECT_FALSE(operation.at("summary").as_string().empty()) << path;
    }
  }
  http::Router router;
  http::LoginThrottle throttle;
  api::add_all_routes(router, db(), throttle);
  std::set<std::string> registered;
  for (const http::Route& route : router.routes()) registered.insert(lower(to_string(route.method)) + " " + route.pattern);
  EXPECT_EQ(documented, registered);
  for (const std::string must : {"get /api/v1/health", "post /api/v1/session", "delete /api/v1/session",
                                 "get /api/v1/units", "get /api/v1/units/{id}", "post /api/v1/import/{kind}",
                                 "get /api/v1/people", "get /api/v1/audit", "get /api/v1/openapi.json"}) {
    EXPECT_TRUE(registered.contains(must)) << must;
  }
}

TEST_P(OpenApi, PathParametersAreDeclared) {
  const auto document = client().get("/api/v1/openapi.json").json();
  const auto& operation = document.at("paths").at("/units/{id}").at("get").as_object();
  ASSERT_TRUE(operation.contains("parameters"));
  EXPECT_EQ(operation.at("parameters").at(0).at("name").as_string(), "id");
  EXPECT_EQ(operation.at("parameters").at(0).at("in").as_string(), "path");
}

}  // namespace
}  // namespace kwm::testing
