#include "http/router.hpp"
#include "http/server.hpp"

#include <gtest/gtest.h>

namespace kwm::http {
namespace {

Route route(Method method, std::string pattern) {
  return Route{method, std::move(pattern), Access::logged_in(), "test", [](Request&) { return Response{}; }, "test", ""};
}

TEST(Router, ReadsTheTargetAsTheServerDoes) {
  Request request;
  ASSERT_TRUE(read_target("/api/v1/units/caf%C3%A9?q=Noord%20Oost&page=2&q=Zuid", request));
  EXPECT_EQ(request.target, "/api/v1/units/caf%C3%A9?q=Noord%20Oost&page=2&q=Zuid");
  EXPECT_EQ(request.path, "/api/v1/units/café");
  EXPECT_EQ(request.query_param("q"), "Zuid");  // the last of a repeated name
  EXPECT_EQ(request.query_param("page"), "2");

  Request refused;
  EXPECT_FALSE(read_target("http://example.org/api", refused));
  EXPECT_FALSE(read_target("/api/v1/units/%zz", refused));
  EXPECT_TRUE(refused.path.empty());
  EXPECT_TRUE(refused.target.empty());
}

TEST(Router, MatchesParametersAndPrefersLiteralSegments) {
  Router router;
  router.add(route(Method::get, "/api/v1/units/{id}"));
  router.add(route(Method::get, "/api/v1/units/tree"));
  router.add(route(Method::get, "/api/v1/units/{id}/team"));
  const RouteMatch tree = router.match(Method::get, "/api/v1/units/tree");
  ASSERT_NE(tree.route, nullptr);
  EXPECT_EQ(tree.route->pattern, "/api/v1/units/tree");
  const RouteMatch unit = router.match(Method::get, "/api/v1/units/42");
  ASSERT_NE(unit.route, nullptr);
  EXPECT_EQ(unit.params.at("id"), "42");
  const RouteMatch team = router.match(Method::get, "/api/v1/units/42/team");
  ASSERT_NE(team.route, nullptr);
  EXPECT_EQ(team.route->pattern, "/api/v1/units/{id}/team");
}

TEST(Router, KnownPathWithOtherMethodIsReportedForA405) {
  Router router;
  router.add(route(Method::get, "/api/v1/health"));
  const RouteMatch post = router.match(Method::post, "/api/v1/health");
  EXPECT_EQ(post.route, nullptr);
  EXPECT_TRUE(post.path_known);
  const RouteMatch missing = router.match(Method::get, "/api/v1/nothing");
  EXPECT_FALSE(missing.path_known);
}

TEST(Router, EmptySegmentsDoNotMatchParameters) {
  Router router;
  router.add(route(Method::get, "/api/v1/units/{id}"));
  EXPECT_EQ(router.match(Method::get, "/api/v1/units/").route, nullptr);
  EXPECT_EQ(router.match(Method::get, "/api/v1/units/1/2").route, nullptr);
}

TEST(Request, MalformedIdsAnswerAsNotFound) {
  Request request;
  request.path_params["id"] = "12abc";
  try {
    request.id_param();
    FAIL();
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().kind, ErrorKind::not_found);
  }
  request.path_params["id"] = "12";
  EXPECT_EQ(request.id_param(), 12);
}

TEST(ErrorResponse, CarriesCodeMessageFieldAndRows) {
  Error error{ErrorKind::invalid, "import_failed", "Fout", "", {RowError{3, "fte", "Ongeldig"}}};
  const Response response = error_response(error);
  EXPECT_EQ(response.status, 422u);
  EXPECT_NE(response.body.find(R"("row":3)"), std::string::npos);
  EXPECT_NE(response.body.find(R"("column":"fte")"), std::string::npos);
  EXPECT_EQ(error_response(Error{ErrorKind::not_found, "not_found", "x", "", {}}).status, 404u);
  EXPECT_EQ(error_response(Error{ErrorKind::bad_request, "invalid_json", "x", "", {}}).status, 400u);
  EXPECT_EQ(error_response(Error{ErrorKind::method_not_allowed, "method_not_allowed", "x", "", {}}).status, 405u);
}

TEST(AccessLog, ControlCharactersCannotForgeALine) {
  EXPECT_EQ(log_safe("/api/v1/units"), "/api/v1/units");
  EXPECT_EQ(log_safe("/x\ninjected status=200"), "/x\\x0ainjected\\x20status=200");
  EXPECT_EQ(log_safe(std::string_view("/a\0b", 4)), "/a\\x00b");
  EXPECT_EQ(log_safe("\\x0a"), "\\x5cx0a");
  EXPECT_EQ(log_safe("co\x7f\r"), "co\\x7f\\x0d");
}

}  // namespace
}  // namespace kwm::http
