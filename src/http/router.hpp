#pragma once
// Routes of the JSON API: a method, a path pattern with {name} segments, who may call it, and a handler.
// The router also feeds /api/v1/openapi.json, so the document cannot drift from what is registered.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/access.hpp"
#include "core/error.hpp"
#include "core/principal.hpp"
#include "core/wire.hpp"

namespace kwm::http {

enum class Method { get, post, put, patch, del };
std::string_view to_string(Method method);

struct Request {
  Method method = Method::get;
  std::string target;                             // path and query as received
  std::string path;                               // decoded path without query
  std::map<std::string, std::string> path_params;  // {id} and friends
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;      // lower-case names
  std::string body;
  std::string remote_address;  // the client, behind trusted proxies too (http/client_address.hpp)
  std::optional<Principal> principal;  // set for every route that is not public
  std::string session_token;           // raw cookie value, when there is one
  std::string csrf_token;              // of the session, for routes that are not public
  bool over_tls = false;               // the server runs with --behind-https: cookies get Secure

  std::string header(std::string_view name) const;  // lower-case name; "" when absent
  // The path parameter, or a Failure naming it (e.g. "id" is not a number).
  const std::string& param(std::string_view name) const;
  std::int64_t id_param(std::string_view name = "id") const;
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie
};

// Reads an origin-form request target ("/api/v1/units?q=noord") into the request: the target as received,
// the decoded path and the decoded query parameters (a name given twice keeps its last value). False, and
// the request unchanged, when the target is malformed (the server answers 400).
bool read_target(std::string_view target, Request& request);

// {"error": {"code", "message", "field"?, "errors"?: [{"row","column","message"}]}} with the status that
// belongs to the error's kind.
Response error_response(const Error& error);
unsigned status_for(ErrorKind kind);

using Handler = std::function<Response(Request&)>;

// Who may call a route. Public routes need no session; all others need one, and a role the route's action
// grants (capabilities with an access policy, see core/access.hpp) or one of the listed roles (an empty list
// admits every logged-in role, for routes whose handler scopes the data itself).
struct Access {
  bool is_public = false;
  std::vector<Role> roles;
  const Action* action = nullptr;
  static Access anyone() { return Access{true, {}, nullptr}; }
  static Access logged_in() { return Access{false, {}, nullptr}; }
  static Access only(std::vector<Role> roles) { return Access{false, std::move(roles), nullptr}; }
  static Access to(const Action& action) { return Access{false, {}, &action}; }
  bool allows(Role role) const;
};

// The typed contract of a route for /api/v1/openapi.json: the schema of the request body and of the answer,
// each written by a function that also registers the named schemas it refers to.
using SchemaWriter = boost::json::object (*)(wire::Components&);

template <typename T>
boost::json::object request_schema(wire::Components& components) {
  return wire::schema<T>(wire::Direction::request, components);
}
template <typename T>
boost::json::object answer_schema(wire::Components& components) {
  return wire::schema<T>(wire::Direction::answer, components);
}
// {"items": [T], "page", "page_size", "total"}: the answer of a paged list.
template <typename T>
boost::json::object page_schema(wire::Components& components) {
  return boost::json::object{
      {"type", "object"},
      {"required", boost::json::array{"items", "page", "page_size", "total"}},
      {"properties", boost::json::object{{"items", boost::json::object{{"type", "array"}, {"items", answer_schema<T>(components)}}},
                                         {"page", boost::json::object{{"type", "integer"}}},
                                         {"page_size", boost::json::object{{"type", "integer"}}},
                                         {"total", boost::json::object{{"type", "integer"}}}}}};
}
// {"items": [T]}: the answer of a whole list.
template <typename T>
boost::json::object items_schema(wire::Components& components) {
  return boost::json::object{
      {"type", "object"},
      {"required", boost::json::array{"items"}},
      {"properties", boost::json::object{{"items", boost::json::object{{"type", "array"}, {"items", answer_schema<T>(components)}}}}}};
}
// A file download (CSV, XLSX, iCalendar): bytes, described by the content type.
inline boost::json::object file_schema(wire::Components&) { return {{"type", "string"}, {"format", "binary"}}; }

struct QueryParameter {
  std::string name;
  std::string type = "string";  // JSON Schema type: string, integer
  std::string description;
};

struct Contract {
  SchemaWriter request = nullptr;  // none: the route takes no body
  std::string request_type = "application/json";
  SchemaWriter answer = nullptr;   // none: 204 No Content
  unsigned status = 200;
  std::string answer_type = "application/json";
  std::vector<QueryParameter> query = {};
};

struct Route {
  Method method;
  std::string pattern;  // e.g. "/api/v1/units/{id}"
  Access access;
  std::string summary;  // one line for the OpenAPI document
  Handler handler;
  std::string tag;      // OpenAPI tag: the capability
  // Request body for the OpenAPI document: "application/json", "text/csv", or empty for none. Routes with a
  // typed contract say it there instead.
  std::string request_body;
  std::optional<Contract> contract = {};
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;  // some route has this path, with another method: 405 rather than 404
};

class Router {
 public:
  void add(Route route);
  RouteMatch match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace kwm::http
