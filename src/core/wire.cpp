#include "core/wire.hpp"

#include <fmt/format.h>

namespace kwm::wire {
namespace detail {

std::string join_path(std::string_view path, std::string_view name) {
  if (path.empty()) return std::string(name);
  return fmt::format("{}.{}", path, name);
}

std::string index_path(std::string_view path, std::size_t index) { return fmt::format("{}[{}]", path, index); }

void wrong_type(std::string_view path, std::string_view expected) {
  fail_invalid(std::string(path), fmt::format("Het veld '{}' moet {} zijn", path, expected), "invalid_type");
}

void missing(std::string_view path) {
  fail_invalid(std::string(path), fmt::format("Het veld '{}' ontbreekt", path), "missing_field");
}

void bad_value(std::string_view path, std::string message) { fail_invalid(std::string(path), std::move(message)); }

std::optional<std::int64_t> as_integer(const json::value& value) {
  if (value.is_int64()) return value.as_int64();
  if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(value.as_uint64());
  if (value.is_double()) {
    const double d = value.as_double();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

// OpenAPI 3.0 cannot put "nullable" beside a "$ref": wrap the reference.
json::object nullable(json::object schema) {
  if (schema.contains("$ref")) return {{"allOf", json::array{std::move(schema)}}, {"nullable", true}};
  schema["nullable"] = true;
  return schema;
}

}  // namespace detail

Fte Codec<Fte>::read(const json::value& value, std::string_view path) {
  const double number = Codec<double>::read(value, path);
  const double milli = number * 1000.0;
  if (std::fabs(milli - std::round(milli)) > 1e-6 || std::fabs(number) > 1e6)
    detail::bad_value(path, "Het aantal fte heeft hooguit drie decimalen, bijvoorbeeld 0.889");
  return Fte::from_double(number);
}

Date Codec<Date>::read(const json::value& value, std::string_view path) {
  const std::string text = Codec<std::string>::read(value, path);
  if (auto date = Date::parse(text)) return *date;
  detail::bad_value(path, fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", text));
}

}  // namespace kwm::wire
