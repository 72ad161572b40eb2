#include "http/router.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <algorithm>
#include <charconv>

namespace kwm::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool match_pattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
  const auto pattern_segments = split_path(pattern);
  const auto path_segments = split_path(path);
  if (pattern_segments.size() != path_segments.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < pattern_segments.size(); ++i) {
    const std::string_view expected = pattern_segments[i];
    const std::string_view actual = path_segments[i];
    if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
      if (actual.empty()) return false;
      found.emplace(std::string(expected.substr(1, expected.size() - 2)), std::string(actual));
    } else if (expected != actual) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

std::string_view to_string(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
  }
  return "GET";
}

std::string Request::header(std::string_view name) const {
  const auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string{} : it->second;
}

const std::string& Request::param(std::string_view name) const {
  const auto it = path_params.find(std::string(name));
  if (it == path_params.end()) fail_invalid(std::string(name), "Het pad mist de parameter '" + std::string(name) + "'");
  return it->second;
}

std::int64_t Request::id_param(std::string_view name) const {
  const std::string& text = param(name);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  // A malformed id can name nothing that exists: answer as for any id that is not there.
  if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) fail_not_found("Het gevraagde item");
  return value;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  const auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

bool read_target(std::string_view target, Request& request) {
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  request.target = std::string(target);
  request.path = std::string(parsed->path());
  for (const auto& param : parsed->params()) request.query[std::string(param.key)] = std::string(param.value);
  return true;
}

unsigned status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_request: return 400;
    case ErrorKind::invalid: return 422;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::method_not_allowed: return 405;
    case ErrorKind::conflict: return 409;
    case ErrorKind::too_large: return 413;
    case ErrorKind::rate_limited: return 429;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

Response error_response(const Error& error) {
  boost::json::object body{{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) body["field"] = error.field;
  if (!error.rows.empty()) {
    boost::json::array rows;
    for (const RowError& row : error.rows) {
      rows.push_back(boost::json::object{{"row", row.row}, {"column", row.column}, {"message", row.message}});
    }
    body["errors"] = std::move(rows);
  }
  Response response;
  response.status = status_for(error.kind);
  response.content_type = "application/json; charset=utf-8";
  response.body = boost::json::serialize(boost::json::object{{"error", std::move(body)}});
  return response;
}

bool Access::allows(Role role) const {
  if (action) return action->allows(role);
  return roles.empty() || std::find(roles.begin(), roles.end(), role) != roles.end();
}

void Router::add(Route route) { routes_.push_back(std::move(route)); }

// Literal segments beat parameters, so "/units/tree" wins over "/units/{id}" whatever the order of add().
RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch result;
  int best_literals = -1;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match_pattern(route.pattern, path, params)) continue;
    result.path_known = true;
    const int literals = static_cast<int>(split_path(route.pattern).size() - params.size());
    if (route.method != method || literals <= best_literals) continue;
    best_literals = literals;
    result.route = &route;
    result.params = std::move(params);
  }
  return result;
}

}  // namespace kwm::http
