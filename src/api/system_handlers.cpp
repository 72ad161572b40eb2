#include <boost/json.hpp>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "core/error_codes.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace kwm::api {
namespace {

json::value parse_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  return ec ? json::value(text) : value;
}

// The server only starts on the current schema, so the version read at start-up stays true; answering
// without a query keeps this the cheapest route (load balancers poll it, benchmarks use it as the ceiling).
http::Response health(int schema_version) {
  return json_response(json::object{{"status", "ok"}, {"schema_version", schema_version}});
}

http::Response audit_log(store::Database& db, http::Request& request) {
  const PageRequest page = page_request(request);
  const std::string entity = request.query_param("entity").value_or("");
  const store::AuditPage found =
      store::list_audit(db, request.principal->municipality_id, entity, page.offset(), page.page_size);
  json::array items;
  for (const store::AuditEntry& entry : found.entries) {
    items.push_back(json::object{{"id", entry.id},
                                 {"at", entry.at},
                                 {"username", entry.username},
                                 {"action", entry.action},
                                 {"entity", entry.entity},
                                 {"entity_key", entry.entity_key},
                                 {"before", parse_or_null(entry.before_json)},
                                 {"after", parse_or_null(entry.after_json)}});
  }
  return json_response(page_envelope(std::move(items), page, found.total));
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

json::array path_parameters(const std::string& pattern) {
  json::array parameters;
  for (std::size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
    const std::size_t close = pattern.find('}', open);
    const std::string name = pattern.substr(open + 1, close - open - 1);
    const bool numeric = name == "id" || name.ends_with("_id");
    parameters.push_back(json::object{{"name", name},
                                      {"in", "path"},
                                      {"required", true},
                                      {"schema", json::object{{"type", numeric ? "integer" : "string"}}}});
  }
  return parameters;
}

json::object error_schema() {
  return json::object{
      {"type", "object"},
      {"required", json::array{"error"}},
      {"properties",
       json::object{{"error",
                     json::object{{"type", "object"},
                                  {"required", json::array{"code", "message"}},
                                  {"properties", json::object{{"code", json::object{{"$ref", "#/components/schemas/ErrorCode"}}},
                                                              {"message", json::object{{"type", "string"}}},
                                                              {"field", json::object{{"type", "string"}}},
                                                              {"errors", json::object{{"type", "array"}}}}}}}}}};
}

// Every code an error answer can carry, so a client can handle each one by name.
json::object error_code_schema() {
  json::array codes;
  std::string meanings;
  for (const ErrorCodeEntry& entry : error_codes()) {
    codes.emplace_back(entry.code);
    meanings += "- `" + std::string(entry.code) + "`: " + std::string(entry.meaning) + "\n";
  }
  return json::object{{"type", "string"}, {"enum", std::move(codes)}, {"description", std::move(meanings)}};
}

json::object content_of(const std::string& type, json::object schema) {
  return json::object{{type, json::object{{"schema", std::move(schema)}}}};
}

// The answers of a route: its typed success answer where it declares one, and the error answer.
json::object responses_of(const http::Route& route, wire::Components& components) {
  json::object responses;
  if (!route.contract) {
    responses["200"] = json::object{{"description", "OK"}};
  } else if (!route.contract->answer) {
    responses[std::to_string(route.contract->status)] = json::object{{"description", "Geen inhoud"}};
  } else {
    responses[std::to_string(route.contract->status)] =
        json::object{{"description", "OK"}, {"content", content_of(route.contract->answer_type, route.contract->answer(components))}};
  }
  responses["4XX"] = json::object{{"description", "Fout in het verzoek"},
                                  {"content", content_of("application/json", json::object{{"$ref", "#/components/schemas/Error"}})}};
  return responses;
}

json::object operation(const http::Route& route, wire::Components& components) {
  json::object op{{"summary", route.summary},
                  {"operationId", lower(to_string(route.method)) + route.pattern},
                  {"tags", json::array{json::value(route.tag)}},
                  {"responses", responses_of(route, components)}};
  json::array parameters = path_parameters(route.pattern);
  if (route.contract) {
    for (const http::QueryParameter& query : route.contract->query) {
      parameters.push_back(json::object{{"name", query.name},
                                        {"in", "query"},
                                        {"required", false},
                                        {"description", query.description},
                                        {"schema", json::object{{"type", query.type}}}});
    }
  }
  if (!parameters.empty()) op["parameters"] = std::move(parameters);
  if (route.contract && route.contract->request) {
    op["requestBody"] = json::object{
        {"required", true}, {"content", content_of(route.contract->request_type, route.contract->request(components))}};
  } else if (!route.request_body.empty()) {
    op["requestBody"] = json::object{{"required", true}, {"content", content_of(route.request_body, json::object{})}};
  }
  if (route.access.is_public) {
    op["security"] = json::array{};
  } else if (route.access.action) {
    json::array roles;
    for (const Grant& grant : route.access.action->grants()) roles.push_back(json::value(to_string(grant.role)));
    op["x-roles"] = std::move(roles);
    op["x-action"] = route.access.action->name();
  } else if (!route.access.roles.empty()) {
    json::array roles;
    for (Role role : route.access.roles) roles.push_back(json::value(to_string(role)));
    op["x-roles"] = std::move(roles);
  }
  return op;
}

}  // namespace

json::object openapi_document(const http::Router& router) {
  json::object paths;
  wire::Components components;
  for (const http::Route& route : router.routes()) {
    const std::string path = route.pattern.substr(std::string_view("/api/v1").size());
    json::value& item = paths[path];
    if (!item.is_object()) item = json::object{};
    item.as_object()[lower(to_string(route.method))] = operation(route, components);
  }
  json::object schemas{{"Error", error_schema()}, {"ErrorCode", error_code_schema()}};
  for (auto& [name, schema] : components) schemas[name] = std::move(schema);
  return json::object{
      {"openapi", "3.0.3"},
      {"info", json::object{{"title", "Kwartiermaker API"}, {"version", "1"},
                            {"description", "Organisation, formation and competencies of the social domain"}}},
      {"servers", json::array{json::object{{"url", "/api/v1"}}}},
      {"security", json::array{json::object{{"session", json::array{}}}}},
      {"components",
       json::object{{"securitySchemes",
                     json::object{{"session", json::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "kwm_session"}}}}},
                    {"schemas", std::move(schemas)}}},
      {"paths", std::move(paths)}};
}

void add_system_routes(http::Router& router, store::Database& db) {
  const int schema_version = store::schema_status(db).current;
  router.add({http::Method::get, "/api/v1/health", http::Access::anyone(), "Liveness and schema version",
              [schema_version](http::Request&) { return health(schema_version); }, "system", ""});
  router.add({http::Method::get, "/api/v1/audit", http::Access::only({Role::admin, Role::hr}),
              "Audit log of every write in the municipality, newest first",
              [&db](http::Request& r) { return audit_log(db, r); }, "audit", ""});
  router.add({http::Method::get, "/api/v1/openapi.json", http::Access::anyone(), "This OpenAPI document",
              [&router](http::Request&) { return json_response(openapi_document(router)); }, "system", ""});
}

void add_all_routes(http::Router& router, store::Database& db, http::LoginThrottle& throttle) {
  add_system_routes(router, db);
  add_session_routes(router, db, throttle);
  add_org_routes(router, db);
  add_competence_routes(router, db);
  add_placement_routes(router, db);
  add_account_routes(router, db);
}

}  // namespace kwm::api
