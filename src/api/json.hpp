#pragma once
// Small helpers every handler uses to read JSON bodies and write JSON answers, so that each field error
// names its field and each answer has the same shape.
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "http/router.hpp"

namespace kwm::api {

namespace json = boost::json;

http::Response json_response(const json::value& value, unsigned status = 200);
http::Response no_content();

// Parses the body as a JSON object or fails with code "invalid_json".
json::object parse_object(const http::Request& request);

// Field readers: a missing required field, or a field of the wrong type, fails with that field's name.
std::string required_string(const json::object& object, std::string_view field);
std::optional<std::string> optional_string(const json::object& object, std::string_view field);
std::int64_t required_int(const json::object& object, std::string_view field);
std::optional<std::int64_t> optional_int(const json::object& object, std::string_view field);
double required_number(const json::object& object, std::string_view field);
std::optional<double> optional_number(const json::object& object, std::string_view field);

// An optional positive id in the query string (?unit_id=12), or a Failure naming the parameter.
std::optional<std::int64_t> query_id(const http::Request& request, std::string_view name);

// null for an empty text or an absent date, so clients never have to tell "" from "no value".
json::value text_or_null(std::string_view text);
json::value date_or_null(const std::optional<Date>& date);

struct PageRequest {
  std::int64_t page = 1;       // 1-based
  std::int64_t page_size = 50; // at most 500
  std::int64_t offset() const { return (page - 1) * page_size; }
};
// Reads ?page= and ?page_size= or fails naming the parameter.
PageRequest page_request(const http::Request& request);
// {"items": [...], "page": n, "page_size": n, "total": n}
json::object page_envelope(json::array items, const PageRequest& page, std::int64_t total);

}  // namespace kwm::api
