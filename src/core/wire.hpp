#pragma once
// The wire format of the structs that cross the API or land in the audit log. Each struct declares its
// fields once, in a specialisation of wire::Fields<T> (a tuple of field(...) and computed(...) entries, in
// the capability's own `wire.hpp`); from that one declaration come
//   - to_json<T>(value)        the JSON answer (and audit entry),
//   - from_json<T>(json)       the JSON request body, every error naming its field ("people[2].fte"),
//   - schema<T>(direction)     the JSON Schema (OpenAPI 3.0) of both, for /api/v1/openapi.json,
// so the serialiser, the parser and the published contract cannot drift apart.
//
// Value types: bool, integers, double, std::string, Fte (a number with at most three decimals), Date
// (YYYY-MM-DD), enums with a Spelling<E> (core/spelling.hpp), std::optional<T> (null), std::vector<T> (array) and structs with
// Fields<T> (an object, published once under Fields<T>::name in components/schemas).
#include <array>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <boost/json.hpp>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/fte.hpp"
#include "core/spelling.hpp"
#include "core/text_policy.hpp"

namespace kwm::wire {

namespace json = boost::json;

// --- Field declarations --------------------------------------------------------------------------------

enum FieldFlags : unsigned {
  optional_input = 0,  // may be left out of a request body (the member keeps its default)
  required = 1,        // must be in a request body
  output_only = 2,     // in answers only; ignored in request bodies (ids, names looked up, derived figures)
  empty_is_null = 4,   // a std::string written as null when empty, so clients never tell "" from "no value"
};

template <typename Owner, typename Member>
struct MemberField {
  using owner_type = Owner;
  using value_type = Member;
  std::string_view name;
  Member Owner::*member;
  unsigned flags;
};

template <typename Owner, typename Getter>
struct ComputedField {
  using owner_type = Owner;
  using value_type = std::remove_cvref_t<std::invoke_result_t<Getter, const Owner&>>;
  std::string_view name;
  Getter get;
};

template <typename Owner, typename Member>
constexpr MemberField<Owner, Member> field(std::string_view name, Member Owner::*member, unsigned flags = optional_input) {
  return {name, member, flags};
}

// An answer-only field computed from the struct, e.g. a share from two figures: computed<Owner>(name, getter).
template <typename Owner, typename Getter>
constexpr ComputedField<Owner, Getter> computed(std::string_view name, Getter get) {
  return {name, get};
}

// The fields of a member struct written as if they were the owner's own, e.g. a unit's fields beside its
// figures in one answer object.
template <typename Owner, typename Member>
struct InlineFields {
  Member Owner::*member;
};

template <typename Owner, typename Member>
constexpr InlineFields<Owner, Member> inline_fields(Member Owner::*member) {
  return {member};
}

// Specialise with `static constexpr std::string_view name = "Unit";` and
// `static constexpr auto fields = std::make_tuple(field(...), ...);`.
template <typename T>
struct Fields;

template <typename T>
concept Described = requires {
  Fields<T>::name;
  Fields<T>::fields;
};

enum class Direction { answer, request };

// The named schemas a document refers to, filled while schemas are made.
using Components = std::map<std::string, json::object, std::less<>>;

// --- Reading: errors name the field's path ------------------------------------------------------------

namespace detail {

std::string join_path(std::string_view path, std::string_view name);
std::string index_path(std::string_view path, std::size_t index);
[[noreturn]] void wrong_type(std::string_view path, std::string_view expected);
[[noreturn]] void missing(std::string_view path);
[[noreturn]] void bad_value(std::string_view path, std::string message);
std::optional<std::int64_t> as_integer(const json::value& value);
json::object nullable(json::object schema);

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {};
template <typename T>
struct is_vector : std::false_type {};
template <typename T>
struct is_vector<std::vector<T>> : std::true_type {};

}  // namespace detail

template <typename T>
struct Codec;

template <typename T>
json::value to_json(const T& value) {
  return Codec<T>::write(value);
}

// Reads `value` as a T; `path` names it in errors ("" for a whole body).
template <typename T>
T from_json(const json::value& value, std::string_view path = {}) {
  return Codec<T>::read(value, path);
}

template <typename T>
json::object schema(Direction direction, Components& components) {
  return Codec<T>::schema(direction, components);
}

template <>
struct Codec<bool> {
  static json::value write(bool value) { return value; }
  static bool read(const json::value& value, std::string_view path) {
    if (!value.is_bool()) detail::wrong_type(path, "waar of onwaar (true/false)");
    return value.as_bool();
  }
  static json::object schema(Direction, Components&) { return {{"type", "boolean"}}; }
};

template <std::integral T>
  requires(!std::same_as<T, bool>)
struct Codec<T> {
  static json::value write(T value) { return static_cast<std::int64_t>(value); }
  static T read(const json::value& value, std::string_view path) {
    const auto number = detail::as_integer(value);
    if (!number) detail::wrong_type(path, "een geheel getal");
    return static_cast<T>(*number);
  }
  static json::object schema(Direction, Components&) { return {{"type", "integer"}, {"format", "int64"}}; }
};

template <>
struct Codec<double> {
  static json::value write(double value) { return value; }
  static double read(const json::value& value, std::string_view path) {
    if (!value.is_number()) detail::wrong_type(path, "een getal");
    const double number = value.to_number<double>();
    if (!std::isfinite(number)) detail::wrong_type(path, "een eindig getal");
    return number;
  }
  static json::object schema(Direction, Components&) { return {{"type", "number"}}; }
};

template <>
struct Codec<std::string> {
  static json::value write(const std::string& value) { return json::value(value); }
  static std::string read(const json::value& value, std::string_view path) {
    if (!value.is_string()) detail::wrong_type(path, "tekst");
    return accept_utf8(value.as_string(), path);  // one spelling of every text: Unicode normal form C
  }
  static json::object schema(Direction, Components&) { return {{"type", "string"}}; }
};

template <>
struct Codec<Fte> {
  static json::value write(Fte value) { return value.value(); }
  static Fte read(const json::value& value, std::string_view path);
  static json::object schema(Direction, Components&) { return {{"type", "number"}, {"multipleOf", 0.001}}; }
};

template <>
struct Codec<Date> {
  static json::value write(Date value) { return json::value(value.iso()); }
  static Date read(const json::value& value, std::string_view path);
  static json::object schema(Direction, Components&) { return {{"type", "string"}, {"format", "date"}}; }
};

template <Spelled E>
struct Codec<E> {
  static json::value write(E value) { return json::value(spell(value)); }
  static E read(const json::value& value, std::string_view path) {
    if (!value.is_string()) detail::wrong_type(path, "tekst");
    if (auto parsed = parse_spelling<E>(value.as_string())) return *parsed;
    detail::bad_value(path, "Onbekende waarde '" + std::string(value.as_string()) + "' voor " + std::string(path) +
                                "; toegestaan: " + allowed_spellings<E>());
  }
  static json::object schema(Direction, Components&) {
    json::array values;
    for (const auto& [value, name] : Spelling<E>::names) values.emplace_back(name);
    return {{"type", "string"}, {"enum", std::move(values)}};
  }
};

template <typename T>
struct Codec<std::optional<T>> {
  static json::value write(const std::optional<T>& value) { return value ? Codec<T>::write(*value) : json::value(nullptr); }
  static std::optional<T> read(const json::value& value, std::string_view path) {
    if (value.is_null()) return std::nullopt;
    // An empty text where a date or a choice belongs is "no value", as a form's empty field sends it.
    if constexpr (!std::is_same_v<T, std::string>) {
      if (value.is_string() && value.as_string().empty()) return std::nullopt;
    }
    return Codec<T>::read(value, path);
  }
  static json::object schema(Direction direction, Components& components) {
    return detail::nullable(Codec<T>::schema(direction, components));
  }
};

template <typename T>
struct Codec<std::vector<T>> {
  static json::value write(const std::vector<T>& values) {
    json::array array;
    array.reserve(values.size());
    for (const T& value : values) array.push_back(Codec<T>::write(value));
    return array;
  }
  static std::vector<T> read(const json::value& value, std::string_view path) {
    if (!value.is_array()) detail::wrong_type(path, "een lijst");
    std::vector<T> values;
    values.reserve(value.as_array().size());
    std::size_t index = 0;
    for (const json::value& item : value.as_array()) values.push_back(Codec<T>::read(item, detail::index_path(path, index++)));
    return values;
  }
  static json::object schema(Direction direction, Components& components) {
    return {{"type", "array"}, {"items", Codec<T>::schema(direction, components)}};
  }
};

template <Described T>
struct Codec<T> {
  static json::value write(const T& value) {
    json::object object;
    write_into(object, value);
    return object;
  }

  static T read(const json::value& value, std::string_view path) {
    if (!value.is_object()) detail::wrong_type(path.empty() ? std::string_view("de inhoud") : path, "een JSON-object");
    T result{};
    read_into(value.as_object(), result, path);
    return result;
  }

  // A reference to the named schema, which is published once in `components`.
  static json::object schema(Direction direction, Components& components) {
    const std::string name = schema_name(direction);
    if (!components.contains(name)) {
      components.emplace(name, json::object{});  // reserved first: a struct may contain itself
      json::object properties;
      json::array required_names;
      describe_into(properties, required_names, direction, components);
      json::object object{{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
      if (!required_names.empty()) object.emplace("required", std::move(required_names));
      components[name] = std::move(object);
    }
    return {{"$ref", "#/components/schemas/" + name}};
  }

  static std::string schema_name(Direction direction) {
    return std::string(Fields<T>::name) + (direction == Direction::request ? "Input" : "");
  }

  // The fields one by one, also for a struct whose fields are inlined into another's (inline_fields).
  static void write_into(json::object& object, const T& value) {
    std::apply([&](const auto&... f) { (write_field(object, value, f), ...); }, Fields<T>::fields);
  }
  static void read_into(const json::object& object, T& result, std::string_view path) {
    std::apply([&](const auto&... f) { (read_field(object, result, f, path), ...); }, Fields<T>::fields);
  }
  static void describe_into(json::object& properties, json::array& required_names, Direction direction,
                            Components& components) {
    std::apply([&](const auto&... f) { (describe_field(properties, required_names, f, direction, components), ...); },
               Fields<T>::fields);
  }

 private:
  template <typename Member>
  static void write_field(json::object& object, const T& value, const MemberField<T, Member>& f) {
    const Member& member = value.*(f.member);
    if constexpr (std::is_same_v<Member, std::string>) {
      if ((f.flags & empty_is_null) && member.empty()) {
        object.emplace(f.name, nullptr);
        return;
      }
    }
    object.emplace(f.name, Codec<Member>::write(member));
  }
  template <typename Getter>
  static void write_field(json::object& object, const T& value, const ComputedField<T, Getter>& f) {
    using Value = typename ComputedField<T, Getter>::value_type;
    object.emplace(f.name, Codec<Value>::write(f.get(value)));
  }
  template <typename Member>
  static void write_field(json::object& object, const T& value, const InlineFields<T, Member>& f) {
    Codec<Member>::write_into(object, value.*(f.member));
  }

  template <typename Member>
  static void read_field(const json::object& object, T& result, const MemberField<T, Member>& f, std::string_view path) {
    if (f.flags & output_only) return;
    const std::string field_path = detail::join_path(path, f.name);
    const auto it = object.find(f.name);
    // null is "no value": for an optional member that is the empty optional, for others the default.
    if (it == object.end() || it->value().is_null()) {
      if (f.flags & required) detail::missing(field_path);
      return;
    }
    result.*(f.member) = Codec<Member>::read(it->value(), field_path);
  }
  template <typename Getter>
  static void read_field(const json::object&, T&, const ComputedField<T, Getter>&, std::string_view) {}
  template <typename Member>
  static void read_field(const json::object& object, T& result, const InlineFields<T, Member>& f, std::string_view path) {
    Codec<Member>::read_into(object, result.*(f.member), path);
  }

  template <typename Member>
  static void describe_field(json::object& properties, json::array& required_names, const MemberField<T, Member>& f,
                             Direction direction, Components& components) {
    if (direction == Direction::request && (f.flags & output_only)) return;
    json::object property = Codec<Member>::schema(direction, components);
    if constexpr (std::is_same_v<Member, std::string>) {
      if (f.flags & empty_is_null) property = detail::nullable(std::move(property));
    }
    properties.emplace(f.name, std::move(property));
    // Answers always carry every field (null where there is no value); requests need only the required ones.
    if (direction == Direction::answer || (f.flags & required)) required_names.emplace_back(f.name);
  }
  template <typename Getter>
  static void describe_field(json::object& properties, json::array& required_names, const ComputedField<T, Getter>& f,
                             Direction direction, Components& components) {
    if (direction == Direction::request) return;
    using Value = typename ComputedField<T, Getter>::value_type;
    properties.emplace(f.name, Codec<Value>::schema(direction, components));
    required_names.emplace_back(f.name);
  }
  template <typename Member>
  static void describe_field(json::object& properties, json::array& required_names, const InlineFields<T, Member>&,
                             Direction direction, Components& components) {
    Codec<Member>::describe_into(properties, required_names, direction, components);
  }
};

// One of several described structs, e.g. a record in full or in outline as the caller may see it: written as
// the one it holds, published as "oneOf". Answers only.
template <typename... Ts>
struct Codec<std::variant<Ts...>> {
  static json::value write(const std::variant<Ts...>& value) {
    return std::visit([](const auto& held) { return Codec<std::remove_cvref_t<decltype(held)>>::write(held); }, value);
  }
  static json::object schema(Direction direction, Components& components) {
    return {{"oneOf", json::array{json::value(Codec<Ts>::schema(direction, components))...}}};
  }
};

// Reads a whole request body as a T: the body must be a JSON object (code "invalid_json" otherwise).
template <typename T>
T from_body(std::string_view body) {
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) fail(ErrorKind::bad_request, "invalid_json", "De inhoud van het verzoek is geen geldige JSON: " + ec.message());
  if (!value.is_object()) fail(ErrorKind::bad_request, "invalid_json", "De inhoud van het verzoek moet een JSON-object zijn");
  return from_json<T>(value);
}

}  // namespace kwm::wire
