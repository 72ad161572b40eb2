#include "competence/framework_json.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

namespace json = boost::json;

std::string member_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

std::string element_path(const std::string& path, std::size_t index) { return fmt::format("{}[{}]", path, index); }

std::string_view json_type_name(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "true/false";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "een getal";
    case json::kind::string: return "tekst";
    case json::kind::array: return "een lijst";
    case json::kind::object: return "een object";
  }
  return "onbekend";
}

[[noreturn]] void wrong_type(const std::string& path, std::string_view expected, const json::value& found) {
  fail_invalid(path, fmt::format("Verwacht {} bij {}, maar vond {}.", expected, path.empty() ? "de hoofdwaarde" : path,
                                 json_type_name(found)),
               "wrong_type");
}

const json::object& as_object(const json::value& value, const std::string& path) {
  if (!value.is_object()) wrong_type(path, "een object", value);
  return value.get_object();
}

const json::array& as_array(const json::value& value, const std::string& path) {
  if (!value.is_array()) wrong_type(path, "een lijst", value);
  return value.get_array();
}

// Typos such as "indicator" for "indicators" would otherwise pass unnoticed and lose data.
void refuse_unknown_fields(const json::object& object, const std::string& path, std::initializer_list<std::string_view> known) {
  for (const auto& member : object) {
    const std::string_view key = member.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::vector<std::string> names(known.begin(), known.end());
    fail_invalid(member_path(path, key),
                 fmt::format("Onbekend veld {} bij {}; toegestaan zijn: {}.", text::quoted(key), path.empty() ? "de hoofdwaarde" : path,
                             text::dutch_list(names)),
                 "unknown_field");
  }
}

const json::value& required_member(const json::object& object, const std::string& path, std::string_view key) {
  const json::value* member = object.if_contains(key);
  if (!member) {
    fail_invalid(member_path(path, key),
                 fmt::format("Het veld {} ontbreekt bij {}.", text::quoted(key), path.empty() ? "de hoofdwaarde" : path),
                 "missing_field");
  }
  return *member;
}

std::string read_string(const json::object& object, const std::string& path, std::string_view key) {
  const json::value& member = required_member(object, path, key);
  if (!member.is_string()) wrong_type(member_path(path, key), "tekst", member);
  return std::string(member.get_string());
}

int read_int(const json::object& object, const std::string& path, std::string_view key) {
  const json::value& member = required_member(object, path, key);
  const std::string at = member_path(path, key);
  if (member.is_int64() && member.get_int64() >= INT32_MIN && member.get_int64() <= INT32_MAX) {
    return static_cast<int>(member.get_int64());
  }
  if (member.is_uint64() && member.get_uint64() <= INT32_MAX) return static_cast<int>(member.get_uint64());
  // Some tools write every number as 3.0; a whole number is still a whole number.
  if (member.is_double()) {
    const double value = member.get_double();
    if (value >= INT32_MIN && value <= INT32_MAX && value == std::trunc(value)) return static_cast<int>(value);
  }
  if (member.is_number()) {
    fail_invalid(at, fmt::format("Verwacht een geheel getal bij {}.", at), "wrong_type");
  }
  wrong_type(at, "een geheel getal", member);
}

Scale read_scale(const json::value& value, const std::string& path) {
  const json::object& object = as_object(value, path);
  refuse_unknown_fields(object, path, {"min", "max", "anchors"});
  Scale scale;
  scale.min = read_int(object, path, "min");
  scale.max = read_int(object, path, "max");
  const std::string anchors_path = member_path(path, "anchors");
  const json::object& anchors = as_object(required_member(object, path, "anchors"), anchors_path);
  for (const auto& member : anchors) {
    const std::string_view key = member.key();
    const std::string at = member_path(anchors_path, key);
    int point = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), point);
    if (key.empty() || ec != std::errc() || end != key.data() + key.size()) {
      fail_invalid(at, fmt::format("Ankers horen bij een schaalpunt; {} is geen geheel getal.", text::quoted(key)),
                   "invalid_anchor_point");
    }
    if (!member.value().is_string()) wrong_type(at, "tekst", member.value());
    scale.anchors[point] = std::string(member.value().get_string());
  }
  return scale;
}

CompetencyKind read_kind(const json::object& object, const std::string& path) {
  const std::string kind = read_string(object, path, "kind");
  if (const auto parsed = competency_kind_from_string(kind)) return *parsed;
  const std::string at = member_path(path, "kind");
  if (kind == "ascriptive" || kind == "ascriptief") fail_invalid(at, ascriptive_rule_message(kind), "ascriptive_trait");
  fail_invalid(at,
               fmt::format("Onbekende soort {} bij {}; kies technical, social_normative of knowledge.", text::quoted(kind), at),
               "invalid_kind");
}

Indicator read_indicator(const json::value& value, const std::string& path) {
  const json::object& object = as_object(value, path);
  refuse_unknown_fields(object, path, {"code", "text"});
  return Indicator{read_string(object, path, "code"), read_string(object, path, "text")};
}

Competency read_competency(const json::value& value, const std::string& path) {
  const json::object& object = as_object(value, path);
  refuse_unknown_fields(object, path, {"code", "name", "definition", "kind", "indicators"});
  Competency competency;
  competency.code = read_string(object, path, "code");
  competency.name = read_string(object, path, "name");
  competency.definition = read_string(object, path, "definition");
  competency.kind = read_kind(object, path);
  const std::string indicators_path = member_path(path, "indicators");
  const json::array& indicators = as_array(required_member(object, path, "indicators"), indicators_path);
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    competency.indicators.push_back(read_indicator(indicators[i], element_path(indicators_path, i)));
  }
  return competency;
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

void newline(std::string& out, int depth) {
  out += '\n';
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

// Objects and arrays alike: one item per line, indented one level deeper than the brackets.
template <class Container, class WriteItem>
void write_container(std::string& out, const Container& items, char open, char close, int depth, WriteItem write_item) {
  out += open;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    first = false;
    newline(out, depth + 1);
    write_item(item);
  }
  if (!first) newline(out, depth);
  out += close;
}

void write_pretty(std::string& out, const json::value& value, int depth) {
  if (value.is_object()) {
    write_container(out, value.get_object(), '{', '}', depth, [&](const json::key_value_pair& member) {
      out += json::serialize(json::string(member.key()));
      out += ": ";
      write_pretty(out, member.value(), depth + 1);
    });
  } else if (value.is_array()) {
    write_container(out, value.get_array(), '[', ']', depth, [&](const json::value& element) { write_pretty(out, element, depth + 1); });
  } else {
    out += json::serialize(value);
  }
}

}  // namespace

Framework framework_from_value(const json::value& value) {
  const std::string root;
  const json::object& object = as_object(value, root);
  refuse_unknown_fields(object, root, {"format", "code", "name", "version", "scale", "competencies"});
  // Files written before the format field existed are format 1.
  if (object.contains("format") && read_int(object, root, "format") != kFrameworkFormat) {
    fail_invalid("format", fmt::format("Onbekend bestandsformaat; deze versie leest formaat {}", kFrameworkFormat), "unsupported_format");
  }
  Framework framework;
  framework.code = read_string(object, root, "code");
  framework.name = read_string(object, root, "name");
  framework.version = read_int(object, root, "version");
  framework.scale = read_scale(required_member(object, root, "scale"), "scale");
  const json::array& competencies = as_array(required_member(object, root, "competencies"), "competencies");
  for (std::size_t i = 0; i < competencies.size(); ++i) {
    framework.competencies.push_back(read_competency(competencies[i], element_path("competencies", i)));
  }
  validate(framework);
  return framework;
}

Framework framework_from_json(std::string_view text) {
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const auto [line, column] = line_and_column(text, consumed);
    fail(ErrorKind::bad_request, "invalid_json", fmt::format("Het bestand is geen geldige JSON: fout op regel {}, kolom {}.", line, column));
  }
  return framework_from_value(parser.release());
}

json::value framework_to_value(const Framework& framework) {
  json::object anchors;
  for (const auto& [point, anchor] : framework.scale.anchors) anchors[std::to_string(point)] = anchor;
  json::array competencies;
  for (const auto& competency : framework.competencies) {
    json::array indicators;
    for (const auto& indicator : competency.indicators) {
      indicators.push_back(json::object{{"code", indicator.code}, {"text", indicator.text}});
    }
    json::object entry;
    entry["code"] = competency.code;
    entry["name"] = competency.name;
    entry["definition"] = competency.definition;
    entry["kind"] = to_string(competency.kind);
    entry["indicators"] = std::move(indicators);
    competencies.push_back(std::move(entry));
  }
  json::object scale;
  scale["min"] = framework.scale.min;
  scale["max"] = framework.scale.max;
  scale["anchors"] = std::move(anchors);
  json::object root;
  root["format"] = kFrameworkFormat;
  root["code"] = framework.code;
  root["name"] = framework.name;
  root["version"] = framework.version;
  root["scale"] = std::move(scale);
  root["competencies"] = std::move(competencies);
  return root;
}

std::string pretty_json(const json::value& value) {
  std::string out;
  write_pretty(out, value, 0);
  out += '\n';
  return out;
}

std::string framework_to_json(const Framework& framework) { return pretty_json(framework_to_value(framework)); }

Framework read_framework_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail_invalid("", fmt::format("Het bestand {} kan niet worden gelezen.", path.string()), "file_unreadable");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  try {
    return framework_from_json(buffer.str());
  } catch (const Failure& failure) {
    Error error = failure.error();
    error.message = fmt::format("{}: {}", path.filename().string(), error.message);
    throw Failure(std::move(error));
  }
}

}  // namespace kwm::competence
