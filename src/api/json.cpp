#include "api/json.hpp"

#include "core/wire.hpp"

#include <charconv>

namespace kwm::api {
namespace {

const json::value* find_field(const json::object& object, std::string_view field) {
  const auto it = object.find(field);
  if (it == object.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

std::int64_t positive_query_int(const http::Request& request, std::string_view name, std::int64_t fallback,
                                std::int64_t maximum) {
  const auto text = request.query_param(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < 1 || value > maximum) {
    fail_invalid(std::string(name),
                 "De parameter '" + std::string(name) + "' moet een geheel getal van 1 tot " + std::to_string(maximum) +
                     " zijn",
                 "invalid_parameter");
  }
  return value;
}

// The field readers of the handlers not yet on wire::Fields read each value with the same codecs, so every
// capability answers a wrong type or a missing field alike.
template <typename T>
std::optional<T> optional_field(const json::object& object, std::string_view field) {
  const json::value* value = find_field(object, field);
  if (!value) return std::nullopt;
  return wire::from_json<T>(*value, field);
}

template <typename T>
T required_field(const json::object& object, std::string_view field) {
  auto value = optional_field<T>(object, field);
  if (!value) wire::detail::missing(field);
  return *value;
}

}  // namespace

http::Response json_response(const json::value& value, unsigned status) {
  http::Response response;
  response.status = status;
  response.content_type = "application/json; charset=utf-8";
  response.body = json::serialize(value);
  return response;
}

http::Response no_content() {
  http::Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

json::object parse_object(const http::Request& request) {
  boost::system::error_code ec;
  json::value value = json::parse(request.body, ec);
  if (ec) fail(ErrorKind::bad_request, "invalid_json", "De inhoud van het verzoek is geen geldige JSON: " + ec.message());
  if (!value.is_object()) fail(ErrorKind::bad_request, "invalid_json", "De inhoud van het verzoek moet een JSON-object zijn");
  return std::move(value.as_object());
}

std::string required_string(const json::object& object, std::string_view field) { return required_field<std::string>(object, field); }
std::optional<std::string> optional_string(const json::object& object, std::string_view field) {
  return optional_field<std::string>(object, field);
}
std::int64_t required_int(const json::object& object, std::string_view field) { return required_field<std::int64_t>(object, field); }
std::optional<std::int64_t> optional_int(const json::object& object, std::string_view field) {
  return optional_field<std::int64_t>(object, field);
}
double required_number(const json::object& object, std::string_view field) { return required_field<double>(object, field); }
std::optional<double> optional_number(const json::object& object, std::string_view field) {
  return optional_field<double>(object, field);
}

std::optional<std::int64_t> query_id(const http::Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value <= 0) {
    fail_invalid(std::string(name),
                 "De parameter '" + std::string(name) + "' moet een id (een positief geheel getal) zijn",
                 "invalid_parameter");
  }
  return value;
}

json::value text_or_null(std::string_view text) { return text.empty() ? json::value(nullptr) : json::value(text); }

json::value date_or_null(const std::optional<Date>& date) { return date ? json::value(date->iso()) : json::value(nullptr); }

PageRequest page_request(const http::Request& request) {
  PageRequest page;
  page.page = positive_query_int(request, "page", 1, 1'000'000);
  page.page_size = positive_query_int(request, "page_size", 50, 500);
  return page;
}

json::object page_envelope(json::array items, const PageRequest& page, std::int64_t total) {
  return json::object{{"items", std::move(items)}, {"page", page.page}, {"page_size", page.page_size}, {"total", total}};
}

}  // namespace kwm::api
