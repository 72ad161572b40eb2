// The organisation routes: units (with formation figures and team type), functions, positions, people,
// CSV import, export and templates. Handlers only translate between JSON and the store, which applies the
// municipality scope and the role rules itself; the route's Access is a first, coarse gate.
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "org/csv_import.hpp"
#include "store/org_store.hpp"

namespace kwm::api {
namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

// --- JSON out ------------------------------------------------------------------------------------------

json::value fte_json(Fte fte) { return fte.value(); }

template <typename Enum>
json::value enum_json(const std::optional<Enum>& value) {
  return value ? json::value(org::to_string(*value)) : json::value(nullptr);
}

// The unit answers take a storage: the unit routes build each answer in one arena (answer_storage), since a
// unit with its children is otherwise a few hundred small allocations, the largest cost of the roll-up
// route after the database.
json::object formation_json(const org::Formation& f, const json::storage_ptr& sp = {}) {
  return json::object({{"budgeted_fte", fte_json(f.budgeted)},
                       {"filled_fte", fte_json(f.filled)},
                       {"vacant_fte", fte_json(f.vacant)},
                       {"external_fte", fte_json(f.external)},
                       {"temporary_fte", fte_json(f.temporary)},
                       {"external_share", f.external_share()},
                       {"temporary_share", f.temporary_share()},
                       {"people", f.people},
                       {"externals", f.externals}},
                      0, sp);
}

json::object unit_json(const store::UnitView& view, const json::storage_ptr& sp = {}) {
  const org::Unit& unit = view.unit;
  json::array pillars(sp);
  pillars.reserve(unit.pillars.size());
  for (org::Pillar pillar : unit.pillars) pillars.emplace_back(org::to_string(pillar));
  return json::object({{"id", unit.id},
                       {"code", unit.code},
                       {"name", unit.name},
                       {"parent_id", unit.parent_id ? json::value(*unit.parent_id) : json::value(nullptr)},
                       {"kind", org::to_string(unit.kind)},
                       {"pillars", std::move(pillars)},
                       {"direction", enum_json(unit.direction)},
                       {"contractor", text_or_null(unit.contractor)},
                       {"location", enum_json(unit.location)},
                       {"team_type", view.team_type.type ? json::value(*view.team_type.type) : json::value(nullptr)}},
                      0, sp);
}

json::object unit_with_figures(const store::UnitView& view, const json::storage_ptr& sp = {}) {
  json::object object = unit_json(view, sp);
  object.emplace("formation", formation_json(view.own, sp));
  object.emplace("total", formation_json(view.total, sp));
  return object;
}

json::storage_ptr answer_storage() { return json::make_shared_resource<json::monotonic_resource>(); }

json::object function_json(const org::Function& function) {
  return json::object{{"id", function.id},
                      {"code", function.code},
                      {"name", function.name},
                      {"level", function.level},
                      {"education_level", org::to_string(function.education_level)},
                      {"scale", function.scale},
                      {"status", org::to_string(function.status)}};
}

json::object position_json(const org::Position& position) {
  return json::object{{"id", position.id},
                      {"unit_id", position.unit_id},
                      {"unit_code", position.unit_code},
                      {"function_id", position.function_id},
                      {"function_code", position.function_code},
                      {"function_name", position.function_name},
                      {"level", position.level},
                      {"fte", fte_json(position.fte)},
                      {"kind", org::to_string(position.kind)},
                      {"end_date", date_or_null(position.end_date)}};
}

json::object person_json(const org::Person& person) {
  return json::object{{"id", person.id},
                      {"personnel_number", person.personnel_number},
                      {"name", person.name},
                      {"unit_id", person.unit_id},
                      {"unit_code", person.unit_code},
                      {"unit_name", person.unit_name},
                      {"function_id", person.function_id ? json::value(*person.function_id) : json::value(nullptr)},
                      {"function_code", text_or_null(person.function_code)},
                      {"function_name", text_or_null(person.function_name)},
                      {"level", text_or_null(person.level)},
                      {"fte", fte_json(person.fte)},
                      {"contract", org::to_string(person.contract)},
                      {"contract_end", date_or_null(person.contract_end)},
                      {"hire_date", date_or_null(person.hire_date)},
                      {"education_level", enum_json(person.education_level)},
                      {"engagement", org::to_string(person.engagement)},
                      {"organisation", person.organisation}};
}

json::object member_json(const org::Person& person) {
  return json::object{{"id", person.id},
                      {"personnel_number", person.personnel_number},
                      {"name", person.name},
                      {"function", text_or_null(person.function_name)},
                      {"level", text_or_null(person.level)},
                      {"fte", fte_json(person.fte)},
                      {"engagement", org::to_string(person.engagement)},
                      {"organisation", person.organisation},
                      {"contract", org::to_string(person.contract)},
                      {"contract_end", date_or_null(person.contract_end)}};
}

template <typename Item, typename ToJson>
json::array array_of(const std::vector<Item>& items, ToJson to_json) {
  json::array array;
  array.reserve(items.size());
  for (const Item& item : items) array.push_back(to_json(item));
  return array;
}

// --- JSON and query in ---------------------------------------------------------------------------------

template <typename Enum, typename Parse>
Enum enum_value(std::string_view field, const std::string& text, Parse parse) {
  if (auto value = parse(text)) return *value;
  fail_invalid(std::string(field),
               fmt::format("Onbekende waarde '{}' voor {}; toegestaan: {}", text, field, org::allowed_values(Enum{})));
}

template <typename Enum, typename Parse>
Enum required_enum(const json::object& body, std::string_view field, Parse parse) {
  return enum_value<Enum>(field, required_string(body, field), parse);
}

template <typename Enum, typename Parse>
std::optional<Enum> optional_enum(const json::object& body, std::string_view field, Parse parse) {
  const auto text = optional_string(body, field);
  if (!text || text->empty()) return std::nullopt;
  return enum_value<Enum>(field, *text, parse);
}

std::optional<Date> optional_date(const json::object& body, std::string_view field) {
  const auto text = optional_string(body, field);
  if (!text || text->empty()) return std::nullopt;
  if (auto date = Date::parse(*text)) return date;
  fail_invalid(std::string(field), fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", *text));
}

Fte required_fte(const json::object& body) {
  const double value = required_number(body, "fte");
  const double milli = value * 1000.0;
  if (std::fabs(milli - std::round(milli)) > 1e-6 || std::fabs(value) > 1e6) {
    fail_invalid("fte", "Het aantal fte heeft hooguit drie decimalen, bijvoorbeeld 0.889");
  }
  return Fte::from_double(value);
}

std::vector<org::Pillar> pillars_of(const json::object& body) {
  std::vector<org::Pillar> pillars;
  const auto it = body.find("pillars");
  if (it == body.end() || it->value().is_null()) return pillars;
  if (!it->value().is_array()) fail_invalid("pillars", "Het veld 'pillars' moet een lijst zijn, bijvoorbeeld [\"care\", \"youth\"]");
  for (const json::value& item : it->value().as_array()) {
    if (!item.is_string()) fail_invalid("pillars", "Elke pijler is een tekst: care, youth of participation");
    const org::Pillar pillar = enum_value<org::Pillar>("pillars", std::string(item.as_string()), org::pillar_from_string);
    if (std::find(pillars.begin(), pillars.end(), pillar) == pillars.end()) pillars.push_back(pillar);
  }
  return pillars;
}

org::Unit unit_from(const json::object& body) {
  org::Unit unit;
  unit.code = required_string(body, "code");
  unit.name = required_string(body, "name");
  unit.parent_id = optional_int(body, "parent_id");
  unit.kind = required_enum<org::UnitKind>(body, "kind", org::unit_kind_from_string);
  unit.pillars = pillars_of(body);
  unit.direction = optional_enum<org::Direction>(body, "direction", org::direction_from_string);
  unit.contractor = optional_string(body, "contractor").value_or("");
  unit.location = optional_enum<org::Location>(body, "location", org::location_from_string);
  return unit;
}

org::Function function_from(const json::object& body) {
  org::Function function;
  function.code = required_string(body, "code");
  function.name = required_string(body, "name");
  function.level = required_string(body, "level");
  function.education_level = required_enum<org::EducationLevel>(body, "education_level", org::education_level_from_string);
  function.scale = required_int(body, "scale");
  function.status = required_enum<org::FunctionStatus>(body, "status", org::function_status_from_string);
  return function;
}

org::Position position_from(const json::object& body) {
  org::Position position;
  position.unit_id = required_int(body, "unit_id");
  position.function_id = required_int(body, "function_id");
  position.fte = required_fte(body);
  position.kind = required_enum<org::PositionKind>(body, "kind", org::position_kind_from_string);
  position.end_date = optional_date(body, "end_date");
  return position;
}

org::Person person_from(const json::object& body) {
  org::Person person;
  person.personnel_number = required_string(body, "personnel_number");
  person.name = required_string(body, "name");
  person.unit_id = required_int(body, "unit_id");
  person.function_id = optional_int(body, "function_id");
  person.fte = required_fte(body);
  person.contract = required_enum<org::Contract>(body, "contract", org::contract_from_string);
  person.contract_end = optional_date(body, "contract_end");
  person.hire_date = optional_date(body, "hire_date");
  person.education_level = optional_enum<org::EducationLevel>(body, "education_level", org::education_level_from_string);
  person.engagement = required_enum<org::Engagement>(body, "engagement", org::engagement_from_string);
  person.organisation = optional_string(body, "organisation").value_or("");
  return person;
}

template <typename Enum, typename Parse>
std::optional<Enum> query_enum(const Request& request, std::string_view name, Parse parse) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  return enum_value<Enum>(name, *text, parse);
}

org::ImportKind kind_param(const Request& request) {
  const std::string& text = request.param("kind");
  if (auto kind = org::import_kind_from_string(text)) return *kind;
  fail(ErrorKind::not_found, "not_found",
       fmt::format("Onbekende soort bestand '{}'; kies uit {}", text, org::allowed_values(org::ImportKind{})), "kind");
}

const Principal& actor(const Request& request) { return *request.principal; }

Response file_response(std::string body, std::string content_type, const std::string& filename) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

// --- Handlers ------------------------------------------------------------------------------------------

Response list_units(store::Database& db, Request& request) {
  const PageRequest page = page_request(request);
  const auto found = store::list_units(db, actor(request), request.query_param("q").value_or(""), page.offset(), page.page_size);
  return json_response(page_envelope(array_of(found.items, [](const store::UnitView& view) { return unit_with_figures(view); }), page,
                                     found.total));
}

Response unit_tree(store::Database& db, Request& request) {
  const json::storage_ptr sp = answer_storage();
  json::array units(sp);
  for (const store::UnitView& view : store::unit_tree(db, actor(request))) {
    json::object object = unit_with_figures(view, sp);
    json::array children(sp);
    for (std::int64_t child : view.children_ids) children.emplace_back(child);
    object.emplace("children_ids", std::move(children));
    units.emplace_back(std::move(object));
  }
  return json_response(json::object({{"units", std::move(units)}}, 0, sp));
}

json::object unit_detail_json(const store::UnitDetail& detail) {
  const json::storage_ptr sp = answer_storage();
  json::object object = unit_with_figures(detail.view, sp);
  json::array children(sp);
  children.reserve(detail.children.size());
  for (const store::UnitView& child : detail.children) {
    json::object item = unit_json(child, sp);
    item.emplace("total", formation_json(child.total, sp));
    children.emplace_back(std::move(item));
  }
  object.emplace("children", std::move(children));
  return object;
}

Response unit_team(store::Database& db, Request& request) {
  const store::Team team = store::team_of(db, actor(request), request.id_param(), Date::today());
  json::object object{{"unit", unit_json(team.unit)},
                      {"formation", formation_json(team.unit.own)},
                      {"team_type_reason", team.unit.team_type.reason},
                      {"members", array_of(team.members, member_json)},
                      {"positions", array_of(team.positions, position_json)},
                      {"expiring_positions", array_of(team.expiring_positions, position_json)},
                      {"expiring_contracts", array_of(team.expiring_contracts, member_json)}};
  object["team_type"] = team.unit.team_type.type ? json::value(*team.unit.team_type.type) : json::value(nullptr);
  return json_response(object);
}

Response list_functions(store::Database& db, Request& request) {
  const PageRequest page = page_request(request);
  const auto found = store::list_functions(db, actor(request), request.query_param("q").value_or(""), page.offset(), page.page_size);
  return json_response(page_envelope(array_of(found.items, function_json), page, found.total));
}

Response list_positions(store::Database& db, Request& request) {
  const PageRequest page = page_request(request);
  const store::PositionFilter filter{query_id(request, "unit_id")};
  const auto found = store::list_positions(db, actor(request), filter, page.offset(), page.page_size);
  return json_response(page_envelope(array_of(found.items, position_json), page, found.total));
}

Response list_people(store::Database& db, Request& request) {
  const PageRequest page = page_request(request);
  store::PeopleFilter filter;
  filter.q = request.query_param("q").value_or("");
  filter.unit_id = query_id(request, "unit_id");
  filter.engagement = query_enum<org::Engagement>(request, "engagement", org::engagement_from_string);
  filter.contract = query_enum<org::Contract>(request, "contract", org::contract_from_string);
  if (const auto before = request.query_param("contract_end_before"); before && !before->empty()) {
    filter.contract_end_before = Date::parse(*before);
    if (!filter.contract_end_before) {
      fail_invalid("contract_end_before", fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", *before), "invalid_parameter");
    }
  }
  const auto found = store::list_people(db, actor(request), filter, page.offset(), page.page_size);
  return json_response(page_envelope(array_of(found.items, person_json), page, found.total));
}

Response import_csv(store::Database& db, Request& request) {
  const org::ImportKind kind = kind_param(request);
  const std::int64_t imported = store::import_file(db, actor(request), kind, request.body);
  return json_response(json::object{{"imported", imported}});
}

Response export_file(store::Database& db, Request& request) {
  const org::ImportKind kind = kind_param(request);
  const std::string format = request.query_param("format").value_or("csv");
  if (format != "csv" && format != "xlsx") {
    fail_invalid("format", fmt::format("Onbekend formaat '{}'; kies csv of xlsx", format), "invalid_parameter");
  }
  const org::ExportTable table = store::export_table(db, actor(request), kind);
  const std::string filename = fmt::format("{}-{}.{}", org::to_string(kind), actor(request).municipality_code, format);
  if (format == "xlsx") {
    return file_response(org::to_xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename);
  }
  return file_response(org::to_csv(table), "text/csv; charset=utf-8", filename);
}

// The router matches whole segments, so "{kind}.csv" arrives as one parameter and is taken apart here.
Response template_file(Request& request) {
  const std::string& file = request.param("file");
  const auto dot = file.rfind(".csv");
  const auto kind = dot != std::string::npos && dot + 4 == file.size() ? org::import_kind_from_string(file.substr(0, dot))
                                                                        : std::nullopt;
  if (!kind) {
    fail(ErrorKind::not_found, "not_found",
         fmt::format("Er is geen sjabloon '{}'; kies units.csv, functions.csv, positions.csv of people.csv", file));
  }
  return file_response(org::to_csv(org::template_table(*kind)), "text/csv; charset=utf-8", file);
}

// The four routes of one record that look alike for every kind: read, create (201), replace and delete.
template <typename Record, typename Shown>
struct RecordOperations {
  Shown (*get)(store::Database&, const Principal&, std::int64_t);
  std::int64_t (*create)(store::Database&, const Principal&, const Record&);
  void (*update)(store::Database&, const Principal&, std::int64_t, const Record&);
  void (*remove)(store::Database&, const Principal&, std::int64_t);
  Record (*from_json)(const json::object&);
  json::object (*to_json)(const Shown&);
};

struct RecordSummaries {
  std::string get, create, update, remove;
};

template <typename Record, typename Shown>
void add_record_routes(http::Router& router, store::Database& db, const std::string& base, const RecordOperations<Record, Shown>& ops,
                       const Access& readers, const Access& writers, const RecordSummaries& summaries) {
  const std::string one = base + "/{id}";
  router.add({Method::get, one, readers, summaries.get,
              [&db, ops](Request& request) { return json_response(ops.to_json(ops.get(db, actor(request), request.id_param()))); },
              "organisation", ""});
  router.add({Method::post, base, writers, summaries.create,
              [&db, ops](Request& request) {
                const std::int64_t id = ops.create(db, actor(request), ops.from_json(parse_object(request)));
                return json_response(ops.to_json(ops.get(db, actor(request), id)), 201);
              },
              "organisation", "application/json"});
  router.add({Method::put, one, writers, summaries.update,
              [&db, ops](Request& request) {
                const std::int64_t id = request.id_param();
                ops.update(db, actor(request), id, ops.from_json(parse_object(request)));
                return json_response(ops.to_json(ops.get(db, actor(request), id)));
              },
              "organisation", "application/json"});
  router.add({Method::del, one, writers, summaries.remove,
              [&db, ops](Request& request) {
                ops.remove(db, actor(request), request.id_param());
                return no_content();
              },
              "organisation", ""});
}

}  // namespace

void add_org_routes(http::Router& router, store::Database& db) {
  const Access writers = Access::only({Role::admin, Role::hr});
  const Access unit_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::works_council});
  const Access function_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::works_council, Role::employee});
  const Access people_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::employee, Role::external});
  const auto route = [&](Method method, std::string pattern, Access access, std::string summary,
                         Response (*handler)(store::Database&, Request&), std::string body = {}) {
    router.add({method, std::move(pattern), std::move(access), std::move(summary),
                [&db, handler](Request& request) { return handler(db, request); }, "organisation", std::move(body)});
  };

  route(Method::get, "/api/v1/units", unit_readers, "Units with own and rolled-up formation figures (?q= searches code and name)",
        list_units);
  route(Method::get, "/api/v1/units/tree", unit_readers, "The whole unit tree with formation figures", unit_tree);
  route(Method::get, "/api/v1/units/{id}/team", unit_readers,
        "Team page: members, positions, derived team type, positions and contracts ending within 6 months", unit_team);
  add_record_routes(router, db, "/api/v1/units",
                    RecordOperations<org::Unit, store::UnitDetail>{store::get_unit, store::create_unit, store::update_unit,
                                                                    store::delete_unit, unit_from, unit_detail_json},
                    unit_readers, writers,
                    {"One unit with its formation, rolled-up total and children", "Create a unit", "Replace a unit",
                     "Delete a unit without children, positions or people"});

  route(Method::get, "/api/v1/functions", function_readers, "Function levels (?q= searches code and name)", list_functions);
  add_record_routes(router, db, "/api/v1/functions",
                    RecordOperations<org::Function, org::Function>{store::get_function, store::create_function,
                                                                    store::update_function, store::delete_function,
                                                                    function_from, function_json},
                    function_readers, writers,
                    {"One function level", "Create a function level", "Replace a function level",
                     "Delete a function level no position or person uses"});

  route(Method::get, "/api/v1/positions", unit_readers, "Formation lines (?unit_id= includes the subtree)", list_positions);
  add_record_routes(router, db, "/api/v1/positions",
                    RecordOperations<org::Position, org::Position>{store::get_position, store::create_position,
                                                                    store::update_position, store::delete_position,
                                                                    position_from, position_json},
                    unit_readers, writers,
                    {"One formation line", "Create a formation line", "Replace a formation line", "Delete a formation line"});

  route(Method::get, "/api/v1/people", people_readers,
        "People the caller may see (?q=&unit_id=&engagement=&contract=&contract_end_before=; unit includes the subtree)",
        list_people);
  add_record_routes(router, db, "/api/v1/people",
                    RecordOperations<org::Person, org::Person>{store::get_person, store::create_person, store::update_person,
                                                                store::delete_person, person_from, person_json},
                    people_readers, writers,
                    {"One person the caller may see", "Create a person", "Replace a person", "Delete a person"});

  route(Method::post, "/api/v1/import/{kind}", writers,
        "Import a CSV file of units, functions, positions or people: all rows or none", import_csv, "text/csv");
  route(Method::get, "/api/v1/export/{kind}", writers, "Export units, functions, positions or people (?format=csv|xlsx)",
        export_file);
  router.add({Method::get, "/api/v1/templates/{file}", Access::logged_in(),
              "Empty CSV template with one example row: units.csv, functions.csv, positions.csv or people.csv",
              [](Request& request) { return template_file(request); }, "organisation", ""});
}

}  // namespace kwm::api
