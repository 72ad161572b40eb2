// The request router (http/router.hpp) over the real route table: an arbitrary method and request target,
// read as the server reads them (read_target: decoded path and query), then matched, then the path
// parameters read as handlers read them. The routes come from the OpenAPI document of the built server
// (scripts/fuzz writes one "METHOD /pattern" per line into the file named by KWM_FUZZ_ROUTES), so the table
// is exactly what `kwartiermaker serve` registers.
//
// Input: the method, one space, the target; the rest of the first line is the target, later lines are
// ignored. Besides the sanitizers: a matched route has the request's method, its pattern with the
// parameters filled in is the path, every parameter is a non-empty path segment, and a match implies the
// path is known.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "http/router.hpp"

namespace {

using namespace kwm;
using namespace kwm::http;

Router& router() {
  static Router instance;
  return instance;
}

std::optional<Method> method_named(std::string_view name) {
  for (Method m : {Method::get, Method::post, Method::put, Method::patch, Method::del})
    if (name == to_string(m)) return m;
  if (name == "HEAD") return Method::get;  // as the server answers it
  return std::nullopt;
}

Response never_called(Request&) { std::abort(); }

std::string filled_in(std::string_view pattern, const std::map<std::string, std::string>& params) {
  std::string path;
  while (!pattern.empty()) {
    const auto open = pattern.find('{');
    if (open == std::string_view::npos) break;
    const auto close = pattern.find('}', open);
    path.append(pattern.substr(0, open));
    path.append(params.at(std::string(pattern.substr(open + 1, close - open - 1))));
    pattern.remove_prefix(close + 1);
  }
  path.append(pattern);
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* file = std::getenv("KWM_FUZZ_ROUTES");
  std::ifstream in(file ? file : "");
  if (!in) {
    std::fprintf(stderr, "router_fuzz: set KWM_FUZZ_ROUTES to a file of \"METHOD /pattern\" lines (scripts/fuzz writes it)\n");
    std::exit(2);
  }
  std::string method, pattern;
  while (in >> method >> pattern) {
    const auto m = method_named(method);
    if (!m) continue;
    router().add(Route{*m, pattern, Access::anyone(), "", never_called, "", "", std::nullopt});
  }
  if (router().routes().empty()) {
    std::fprintf(stderr, "router_fuzz: no routes in %s\n", file);
    std::exit(2);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::text_of(data, size);
  text = text.substr(0, text.find('\n'));
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return 0;
  const auto method = method_named(text.substr(0, space));
  if (!method) return 0;

  Request request;
  request.method = *method;
  if (!read_target(text.substr(space + 1), request)) {
    fuzz::require(request.path.empty() && request.query.empty(), "a refused target leaves the request unchanged");
    return 0;
  }
  for (const auto& [name, value] : request.query) fuzz::require(request.query_param(name) == value, "query parameters read back");

  const RouteMatch match = router().match(request.method, request.path);
  if (!match.route) return 0;
  fuzz::require(match.path_known, "a matched path is known");
  fuzz::require(match.route->method == request.method, "the route has the request's method");
  for (const auto& [name, value] : match.params)
    fuzz::require(!value.empty() && value.find('/') == std::string::npos, "a parameter is one non-empty segment");
  fuzz::require(filled_in(match.route->pattern, match.params) == request.path, "the pattern filled in is the path");

  request.path_params = match.params;
  for (const auto& [name, value] : match.params) {
    fuzz::require(request.param(name) == value, "path parameters read back");
    try {
      fuzz::require(request.id_param(name) > 0, "an id is positive");
    } catch (const Failure& failure) {
      fuzz::require(failure.error().kind == ErrorKind::not_found, "a malformed id is not found");
    }
  }
  return 0;
}
