// The organisation routes: units (with formation figures and team type), functions, positions, people,
// CSV import, export and templates. Each handler reads its input (wire::from_body, query parameters), calls
// the organisation service with the caller and writes the answer with the struct's one serialiser
// (org/wire.hpp); the route's action (org/access.hpp) is what the router checks first.
#include <fmt/format.h>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "org/access.hpp"
#include "org/service.hpp"
#include "org/wire.hpp"
#include "store/org_repository.hpp"
#include "table/file.hpp"

namespace kwm::api {
namespace {

using http::Access;
using http::Contract;
using http::Method;
using http::Request;
using http::Response;
using Service = std::shared_ptr<const org::Service>;

const Principal& caller(const Request& request) { return *request.principal; }

template <typename T>
Response answer(const T& value, unsigned status = 200) {
  return json_response(wire::to_json(value), status);
}

template <typename T>
Response page_answer(const org::Page<T>& found, const PageRequest& page) {
  json::array items;
  items.reserve(found.items.size());
  for (const T& item : found.items) items.push_back(wire::to_json(item));
  return json_response(page_envelope(std::move(items), page, found.total));
}

org::Slice slice_of(const PageRequest& page) { return {page.offset(), page.page_size}; }

template <typename Enum>
std::optional<Enum> query_enum(const Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  if (auto value = parse_spelling<Enum>(*text)) return value;
  fail_invalid(std::string(name), fmt::format("Onbekende waarde '{}' voor {}; toegestaan: {}", *text, name, allowed_spellings<Enum>()));
}

org::ImportKind kind_param(const Request& request) {
  const std::string& text = request.param("kind");
  if (auto kind = parse_spelling<org::ImportKind>(text)) return *kind;
  fail(ErrorKind::not_found, "not_found",
       fmt::format("Onbekende soort bestand '{}'; kies uit {}", text, allowed_spellings<org::ImportKind>()), "kind");
}

Response file_response(std::string body, std::string content_type, const std::string& filename) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

// --- Handlers ------------------------------------------------------------------------------------------

Response list_units(const org::Service& service, Request& request) {
  const PageRequest page = page_request(request);
  return page_answer(service.list_units(caller(request), request.query_param("q").value_or(""), slice_of(page)), page);
}

Response list_functions(const org::Service& service, Request& request) {
  const PageRequest page = page_request(request);
  return page_answer(service.list_functions(caller(request), request.query_param("q").value_or(""), slice_of(page)), page);
}

Response list_positions(const org::Service& service, Request& request) {
  const PageRequest page = page_request(request);
  return page_answer(service.list_positions(caller(request), query_id(request, "unit_id"), slice_of(page)), page);
}

Response list_people(const org::Service& service, Request& request) {
  const PageRequest page = page_request(request);
  org::PeopleFilter filter;
  filter.q = request.query_param("q").value_or("");
  filter.unit_id = query_id(request, "unit_id");
  filter.engagement = query_enum<org::Engagement>(request, "engagement");
  filter.contract = query_enum<org::Contract>(request, "contract");
  if (const auto before = request.query_param("contract_end_before"); before && !before->empty()) {
    filter.contract_end_before = Date::parse(*before);
    if (!filter.contract_end_before) {
      fail_invalid("contract_end_before", fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", *before), "invalid_parameter");
    }
  }
  return page_answer(service.list_people(caller(request), filter, slice_of(page)), page);
}

Response export_file(const org::Service& service, Request& request) {
  const org::ImportKind kind = kind_param(request);
  const std::string format = request.query_param("format").value_or("csv");
  if (format != "csv" && format != "xlsx") {
    fail_invalid("format", fmt::format("Onbekend formaat '{}'; kies csv of xlsx", format), "invalid_parameter");
  }
  const Table table = service.export_table(caller(request), kind);
  const std::string filename = fmt::format("{}-{}.{}", org::to_string(kind), caller(request).municipality_code, format);
  if (format == "xlsx") {
    return file_response(table::to_xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename);
  }
  return file_response(table::to_csv(table), "text/csv; charset=utf-8", filename);
}

// The router matches whole segments, so "{kind}.csv" arrives as one parameter and is taken apart here.
Response template_file(Request& request) {
  const std::string& file = request.param("file");
  const auto dot = file.rfind(".csv");
  const auto kind = dot != std::string::npos && dot + 4 == file.size() ? parse_spelling<org::ImportKind>(file.substr(0, dot))
                                                                        : std::nullopt;
  if (!kind) {
    fail(ErrorKind::not_found, "not_found",
         fmt::format("Er is geen sjabloon '{}'; kies units.csv, functions.csv, positions.csv of people.csv", file));
  }
  return file_response(table::to_csv(org::template_table(*kind)), "text/csv; charset=utf-8", file);
}

// The four routes of one record that look alike for every kind: read, create (201), replace and delete.
template <typename Record, typename Shown>
struct RecordOperations {
  Shown (org::Service::*get)(const Principal&, std::int64_t) const;
  std::int64_t (org::Service::*create)(const Principal&, const Record&) const;
  void (org::Service::*update)(const Principal&, std::int64_t, const Record&) const;
  void (org::Service::*remove)(const Principal&, std::int64_t) const;
};

struct RecordRoutes {
  std::string base;  // e.g. /api/v1/units
  const Action& read;
  const Action& write;
  std::string get, create, update, remove;  // summaries
};

template <typename Record, typename Shown>
void add_record_routes(http::Router& router, const Service& service, const RecordRoutes& routes,
                       const RecordOperations<Record, Shown>& ops) {
  const std::string one = routes.base + "/{id}";
  const Contract reading{nullptr, {}, http::answer_schema<Shown>};
  const Contract writing{http::request_schema<Record>, "application/json", http::answer_schema<Shown>};
  router.add({Method::get, one, Access::to(routes.read), routes.get,
              [service, ops](Request& request) { return answer(((*service).*ops.get)(caller(request), request.id_param())); },
              "organisation", "", reading});
  router.add({Method::post, routes.base, Access::to(routes.write), routes.create,
              [service, ops](Request& request) {
                const std::int64_t id = ((*service).*ops.create)(caller(request), wire::from_body<Record>(request.body));
                return answer(((*service).*ops.get)(caller(request), id), 201);
              },
              "organisation", "", Contract{writing.request, writing.request_type, writing.answer, 201}});
  router.add({Method::put, one, Access::to(routes.write), routes.update,
              [service, ops](Request& request) {
                const std::int64_t id = request.id_param();
                ((*service).*ops.update)(caller(request), id, wire::from_body<Record>(request.body));
                return answer(((*service).*ops.get)(caller(request), id));
              },
              "organisation", "", writing});
  router.add({Method::del, one, Access::to(routes.write), routes.remove,
              [service, ops](Request& request) {
                ((*service).*ops.remove)(caller(request), request.id_param());
                return no_content();
              },
              "organisation", "", Contract{nullptr, {}, nullptr, 204}});
}

const std::vector<http::QueryParameter> kPaging{{"page", "integer", "Paginanummer, vanaf 1"},
                                                {"page_size", "integer", "Aantal per pagina, hoogstens 500"}};

std::vector<http::QueryParameter> paging_and(std::vector<http::QueryParameter> more) {
  more.insert(more.end(), kPaging.begin(), kPaging.end());
  return more;
}

}  // namespace

void add_org_routes(http::Router& router, store::Database& db) {
  const Service service = store::organisation_service(db);
  namespace access = org::access;
  using http::answer_schema;
  using http::page_schema;
  const auto route = [&](Method method, std::string pattern, const Action& action, std::string summary, Contract contract,
                         Response (*handler)(const org::Service&, Request&)) {
    router.add({method, std::move(pattern), Access::to(action), std::move(summary),
                [service, handler](Request& request) { return handler(*service, request); }, "organisation", "",
                std::move(contract)});
  };

  route(Method::get, "/api/v1/units", access::read_units, "Units with own and rolled-up formation figures (?q= searches code and name)",
        Contract{nullptr, {}, page_schema<org::UnitView>, 200, "application/json", paging_and({{"q", "string", "Zoekt in code en naam"}})},
        list_units);
  route(Method::get, "/api/v1/units/tree", access::read_units, "The whole unit tree with formation figures",
        Contract{nullptr, {}, answer_schema<org::UnitTree>},
        [](const org::Service& s, Request& r) { return answer(s.unit_tree(caller(r))); });
  route(Method::get, "/api/v1/units/{id}/team", access::read_units,
        "Team page: members, positions, derived team type, positions and contracts ending within 6 months",
        Contract{nullptr, {}, answer_schema<org::Team>},
        [](const org::Service& s, Request& r) { return answer(s.team_of(caller(r), r.id_param(), Date::today())); });
  add_record_routes(router, service,
                    {"/api/v1/units", access::read_units, access::write_units,
                     "One unit with its formation, rolled-up total and children", "Create a unit", "Replace a unit",
                     "Delete a unit without children, positions or people"},
                    RecordOperations<org::Unit, org::UnitDetail>{&org::Service::get_unit, &org::Service::create_unit,
                                                                  &org::Service::update_unit, &org::Service::delete_unit});

  route(Method::get, "/api/v1/functions", access::read_functions, "Function levels (?q= searches code and name)",
        Contract{nullptr, {}, page_schema<org::Function>, 200, "application/json", paging_and({{"q", "string", "Zoekt in code en naam"}})},
        list_functions);
  add_record_routes(router, service,
                    {"/api/v1/functions", access::read_functions, access::write_functions, "One function level",
                     "Create a function level", "Replace a function level", "Delete a function level no position or person uses"},
                    RecordOperations<org::Function, org::Function>{&org::Service::get_function, &org::Service::create_function,
                                                                    &org::Service::update_function, &org::Service::delete_function});

  route(Method::get, "/api/v1/positions", access::read_units, "Formation lines (?unit_id= includes the subtree)",
        Contract{nullptr, {}, page_schema<org::Position>, 200, "application/json",
                 paging_and({{"unit_id", "integer", "Alleen deze eenheid en wat eronder valt"}})},
        list_positions);
  add_record_routes(router, service,
                    {"/api/v1/positions", access::read_units, access::write_units, "One formation line", "Create a formation line",
                     "Replace a formation line", "Delete a formation line"},
                    RecordOperations<org::Position, org::Position>{&org::Service::get_position, &org::Service::create_position,
                                                                    &org::Service::update_position, &org::Service::delete_position});

  route(Method::get, "/api/v1/people", access::read_people,
        "People the caller may see (?q=&unit_id=&engagement=&contract=&contract_end_before=; unit includes the subtree)",
        Contract{nullptr, {}, page_schema<org::Person>, 200, "application/json",
                 paging_and({{"q", "string", "Zoekt in personeelsnummer en naam"},
                             {"unit_id", "integer", "Alleen deze eenheid en wat eronder valt"},
                             {"engagement", "string", "employee, secondment of hired"},
                             {"contract", "string", "permanent of temporary"},
                             {"contract_end_before", "string", "Tijdelijke contracten die op of voor deze datum eindigen"}})},
        list_people);
  add_record_routes(router, service,
                    {"/api/v1/people", access::read_people, access::write_people, "One person the caller may see",
                     "Create a person", "Replace a person", "Delete a person"},
                    RecordOperations<org::Person, org::Person>{&org::Service::get_person, &org::Service::create_person,
                                                                &org::Service::update_person, &org::Service::delete_person});

  route(Method::post, "/api/v1/import/{kind}", access::import_files,
        "Import a CSV file of units, functions, positions or people: all rows or none",
        Contract{http::file_schema, "text/csv", answer_schema<org::ImportReport>},
        [](const org::Service& s, Request& r) { return answer(s.import_file(caller(r), kind_param(r), r.body)); });
  route(Method::get, "/api/v1/export/{kind}", access::export_files, "Export units, functions, positions or people (?format=csv|xlsx)",
        Contract{nullptr, {}, http::file_schema, 200, "text/csv", {{"format", "string", "csv of xlsx"}}}, export_file);
  router.add({Method::get, "/api/v1/templates/{file}", Access::to(access::read_templates),
              "Empty CSV template with one example row: units.csv, functions.csv, positions.csv or people.csv",
              [](Request& request) { return template_file(request); }, "organisation", "",
              Contract{nullptr, {}, http::file_schema, 200, "text/csv"}});
}

}  // namespace kwm::api
