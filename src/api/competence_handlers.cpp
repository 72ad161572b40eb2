// The competency routes (docs/api.md, "Competencies"): frameworks, function profiles, assessment rounds,
// forms, results and their downloads. Handlers translate JSON and query strings to the competence store,
// which scopes every query to the caller's municipality and role and audits every write; the route's Access
// is the first, coarse gate.
#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "competence/framework_json.hpp"
#include "store/competence_store.hpp"
#include "table/file.hpp"

namespace kwm::api {
namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;
using competence::RatingSource;

const Principal& actor(const Request& request) { return *request.principal; }

// --- Small JSON helpers -----------------------------------------------------------------------------------

// Four decimals are more than any score or share needs, and spare the web app 3.5999999999.
json::value number(double value) { return std::round(value * 10000.0) / 10000.0; }
json::value number(const std::optional<double>& value) { return value ? number(*value) : json::value(nullptr); }
json::value count(const std::optional<std::size_t>& value) {
  return value ? json::value(static_cast<std::int64_t>(*value)) : json::value(nullptr);
}
template <typename Item, typename ToJson>
json::array array_of(const std::vector<Item>& items, ToJson to_json) {
  json::array array;
  array.reserve(items.size());
  for (const Item& item : items) array.push_back(to_json(item));
  return array;
}

json::array strings(const std::vector<std::string>& items) {
  return array_of(items, [](const std::string& item) { return json::value(item); });
}

// Reads a nested value and names its full path in any error ("profiles[1].level").
template <typename Read>
auto at_path(const std::string& path, Read read) {
  try {
    return read();
  } catch (const Failure& failure) {
    Error error = failure.error();
    error.field = error.field.empty() ? path : path + "." + error.field;
    throw Failure(std::move(error));
  }
}

const json::array* optional_array(const json::object& body, std::string_view field) {
  const auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) return nullptr;
  if (!it->value().is_array()) fail_invalid(std::string(field), fmt::format("Het veld '{}' moet een lijst zijn", field), "invalid_type");
  return &it->value().as_array();
}

const json::object& object_at(const json::value& value, const std::string& path) {
  if (!value.is_object()) fail_invalid(path, fmt::format("'{}' moet een object zijn", path), "invalid_type");
  return value.as_object();
}

std::vector<std::string> string_list(const json::object& body, std::string_view field) {
  std::vector<std::string> items;
  const json::array* array = optional_array(body, field);
  if (!array) return items;
  for (std::size_t i = 0; i < array->size(); ++i) {
    if (!(*array)[i].is_string()) fail_invalid(fmt::format("{}[{}]", field, i), "Elk element is een tekst", "invalid_type");
    items.emplace_back((*array)[i].as_string());
  }
  return items;
}

Date required_date(const json::object& body, std::string_view field) {
  const std::string text = required_string(body, field);
  if (auto date = Date::parse(text)) return *date;
  fail_invalid(std::string(field), fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", text));
}

RatingSource source_value(const std::string& text, const std::string& field) {
  if (auto source = competence::rating_source_from_string(text)) return *source;
  fail_invalid(field, fmt::format("Onbekende bron '{}'; kies self, manager, external of peer", text), "invalid_source");
}

// --- Downloads --------------------------------------------------------------------------------------------

enum class Format { json, csv, xlsx };

Format format_of(const Request& request) {
  const std::string format = request.query_param("format").value_or("json");
  if (format == "json") return Format::json;
  if (format == "csv") return Format::csv;
  if (format == "xlsx") return Format::xlsx;
  fail_invalid("format", fmt::format("Onbekend formaat '{}'; kies json, csv of xlsx", format), "invalid_parameter");
}

Response file_response(const Table& table, Format format) {
  Response response;
  if (format == Format::xlsx) {
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.body = table::to_xlsx(table);
  } else {
    response.content_type = "text/csv; charset=utf-8";
    response.body = table::to_csv(table);
  }
  response.headers.emplace_back("Content-Disposition",
                                fmt::format("attachment; filename=\"{}.{}\"", table.name, format == Format::xlsx ? "xlsx" : "csv"));
  return response;
}

// A table route: JSON by default, the same rows as a file with ?format=csv|xlsx.
template <typename View, typename ToJson, typename ToTable>
Response respond(const Request& request, const View& view, ToJson to_json, ToTable to_table) {
  const Format format = format_of(request);
  if (format == Format::json) return json_response(to_json(view));
  return file_response(to_table(view), format);
}

Cell cell(const std::string& text) { return Cell(text); }
Cell cell(std::int64_t value) { return Cell(static_cast<double>(value)); }
Cell cell(const std::optional<std::size_t>& value) {
  return value ? Cell(static_cast<double>(*value)) : Cell();
}
Cell yes_no(bool value) { return Cell(std::string(value ? "ja" : "nee")); }

// --- Frameworks -------------------------------------------------------------------------------------------

json::object framework_json(const store::StoredFramework& stored) {
  json::object object = competence::framework_to_value(stored.framework).as_object();
  object["status"] = stored.current ? "current" : "superseded";
  object["in_use"] = stored.in_use;
  object["versions"] = array_of(stored.versions, [](int version) { return json::value(version); });
  return object;
}

json::object diff_json(const competence::FrameworkDiff& diff) {
  return json::object{{"added", strings(diff.added)},
                      {"removed", strings(diff.removed)},
                      {"changed", strings(diff.changed)},
                      {"name_changed", diff.name_changed},
                      {"scale_changed", diff.scale_changed},
                      {"reordered", diff.reordered}};
}

Response change_response(const store::FrameworkChange& change) {
  return json_response(json::object{{"outcome", store::to_string(change.outcome)},
                                    {"framework", framework_json(change.stored)},
                                    {"diff", diff_json(change.diff)}},
                       change.outcome == store::FrameworkOutcome::Created ? 201 : 200);
}

Response list_frameworks(store::Database& db, Request& request) {
  json::array items;
  for (const auto& summary : store::list_frameworks(db, actor(request))) {
    items.push_back(json::object{{"code", summary.code},
                                 {"name", summary.name},
                                 {"version", summary.version},
                                 {"status", "current"},
                                 {"in_use", summary.in_use},
                                 {"versions", array_of(summary.versions, [](int v) { return json::value(v); })},
                                 {"competencies", static_cast<std::int64_t>(summary.competencies)},
                                 {"knowledge_areas", static_cast<std::int64_t>(summary.knowledge_areas)}});
  }
  return json_response(json::object{{"items", std::move(items)}});
}

Response get_framework(store::Database& db, Request& request) {
  std::optional<int> version;
  if (const auto text = request.query_param("version"); text && !text->empty()) {
    try {
      version = std::stoi(*text);
    } catch (const std::exception&) {
      fail_invalid("version", fmt::format("'{}' is geen versienummer", *text), "invalid_parameter");
    }
  }
  return json_response(framework_json(store::get_framework(db, actor(request), request.param("code"), version)));
}

Response import_framework(store::Database& db, Request& request) {
  return change_response(store::import_framework(db, actor(request), competence::framework_from_json(request.body)));
}

Response edit_framework(store::Database& db, Request& request) {
  return change_response(store::edit_framework(db, actor(request), request.param("code"), competence::framework_from_json(request.body)));
}

Response remove_competency(store::Database& db, Request& request) {
  return change_response(store::remove_competency(db, actor(request), request.param("code"), request.param("competency")));
}

Response delete_framework(store::Database& db, Request& request) {
  store::delete_framework(db, actor(request), request.param("code"));
  return no_content();
}

Response list_reference_frameworks(store::Database&, Request&) {
  json::array items;
  for (const auto& framework : store::reference_frameworks()) {
    json::array kinds;
    for (const auto& competency : framework.competencies) {
      const json::value kind(competence::to_string(competency.kind));
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    }
    items.push_back(json::object{{"code", framework.code},
                                 {"name", framework.name},
                                 {"competencies", static_cast<std::int64_t>(framework.competencies.size())},
                                 {"kinds", std::move(kinds)}});
  }
  return json_response(json::object{{"items", std::move(items)}});
}

Response copy_reference_framework(store::Database& db, Request& request) {
  std::string code, name;
  if (!request.body.empty()) {
    const json::object body = parse_object(request);
    code = optional_string(body, "code").value_or("");
    name = optional_string(body, "name").value_or("");
  }
  return change_response(store::copy_reference_framework(db, actor(request), request.param("code"), code, name));
}

// --- Profiles ---------------------------------------------------------------------------------------------

json::object requirement_json(const competence::Requirement& requirement, const store::StoredProfile& stored) {
  const auto name = stored.names.find(requirement.competency_code);
  const auto framework = stored.framework_of.find(requirement.competency_code);
  return json::object{{"competency_code", requirement.competency_code},
                      {"framework_code", framework == stored.framework_of.end() ? json::value(nullptr) : json::value(framework->second)},
                      {"name", name == stored.names.end() ? requirement.competency_code : name->second},
                      {"required", number(requirement.required)},
                      {"critical", requirement.critical}};
}

json::value education_json(const std::optional<competence::EducationLevel>& level) {
  return level ? json::value(competence::to_string(*level)) : json::value(nullptr);
}

json::object profile_json(const store::StoredProfile& stored) {
  const auto requirements = [&](const std::vector<competence::Requirement>& list) {
    return array_of(list, [&](const competence::Requirement& r) { return requirement_json(r, stored); });
  };
  return json::object{{"function_id", stored.function.id},
                      {"function_code", stored.function.code},
                      {"function_name", stored.function.name},
                      {"level", stored.function.level},
                      {"education_level", education_json(stored.profile.education)},
                      {"competencies", requirements(stored.profile.competencies)},
                      {"knowledge_areas", requirements(stored.profile.knowledge_areas)},
                      {"updated_at", text_or_null(stored.updated_at)}};
}

std::int64_t critical_count(const competence::FunctionProfile& profile) {
  const auto all = profile.requirements();
  return std::count_if(all.begin(), all.end(), [](const competence::Requirement& r) { return r.critical; });
}

Response list_profiles(store::Database& db, Request& request) {
  const auto profiles = store::list_profiles(db, actor(request));
  return respond(
      request, profiles,
      [](const std::vector<store::StoredProfile>& list) {
        return json::object{{"items", array_of(list, [](const store::StoredProfile& p) {
                               return json::object{{"function_id", p.function.id},
                                                   {"function_code", p.function.code},
                                                   {"function_name", p.function.name},
                                                   {"level", p.function.level},
                                                   {"education_level", education_json(p.profile.education)},
                                                   {"competencies", static_cast<std::int64_t>(p.profile.competencies.size())},
                                                   {"knowledge_areas", static_cast<std::int64_t>(p.profile.knowledge_areas.size())},
                                                   {"critical", critical_count(p.profile)}};
                             })}};
      },
      [](const std::vector<store::StoredProfile>& list) {
        Table table{"functieprofielen-overzicht",
                           {"function_code", "function_name", "level", "education_level", "competencies", "knowledge_areas", "critical"},
                           {}};
        for (const auto& p : list) {
          table.add({p.function.code, p.function.name, p.function.level,
                     p.profile.education ? cell(std::string(competence::to_string(*p.profile.education))) : Cell(),
                     cell(static_cast<std::int64_t>(p.profile.competencies.size())),
                     cell(static_cast<std::int64_t>(p.profile.knowledge_areas.size())), cell(critical_count(p.profile))});
        }
        return table;
      });
}

store::ProfileKey profile_key(const Request& request) { return {request.param("function_code"), request.param("level")}; }

Response get_profile(store::Database& db, Request& request) {
  return json_response(profile_json(store::get_profile(db, actor(request), profile_key(request))));
}

std::vector<competence::Requirement> requirements_from(const json::object& body, std::string_view field,
                                                       std::map<std::string, std::string>& framework_of) {
  std::vector<competence::Requirement> requirements;
  const json::array* array = optional_array(body, field);
  if (!array) return requirements;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string path = fmt::format("{}[{}]", field, i);
    at_path(path, [&] {
      const json::object& item = object_at((*array)[i], path);
      competence::Requirement requirement{required_string(item, "competency_code"), required_number(item, "required"), false};
      if (const auto it = item.find("critical"); it != item.end() && !it->value().is_null()) {
        if (!it->value().is_bool()) fail_invalid("critical", "Het veld 'critical' is true of false", "invalid_type");
        requirement.critical = it->value().as_bool();
      }
      if (auto framework = optional_string(item, "framework_code"); framework && !framework->empty()) {
        framework_of[requirement.competency_code] = *framework;
      }
      requirements.push_back(std::move(requirement));
      return 0;
    });
  }
  return requirements;
}

Response put_profile(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  store::ProfileDraft draft;
  const store::ProfileKey key = profile_key(request);
  draft.profile.function_code = key.function_code;
  draft.profile.level = key.level;
  if (auto education = optional_string(body, "education_level"); education && !education->empty()) {
    draft.profile.education = competence::education_level_from_string(*education);
    if (!draft.profile.education) {
      fail_invalid("education_level", fmt::format("Onbekend opleidingsniveau '{}'; kies mbo, hbo of wo", *education));
    }
  }
  draft.profile.competencies = requirements_from(body, "competencies", draft.framework_of);
  draft.profile.knowledge_areas = requirements_from(body, "knowledge_areas", draft.framework_of);
  return json_response(profile_json(store::put_profile(db, actor(request), draft)));
}

store::ProfileKey key_param(const Request& request, std::string_view name) {
  const auto text = request.query_param(name).value_or("");
  const auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) {
    fail_invalid(std::string(name), fmt::format("Schrijf '{}' als FUNCTIECODE/NIVEAU, bijvoorbeeld CM/senior", name), "invalid_parameter");
  }
  return {text.substr(0, slash), text.substr(slash + 1)};
}

json::object requirement_side(const std::optional<competence::Requirement>& requirement) {
  return json::object{{"required", number(requirement->required)}, {"critical", requirement->critical}};
}

json::object difference_json(const competence::RequirementDifference& difference, const std::map<std::string, std::string>& names) {
  const auto name = names.find(difference.competency_code);
  return json::object{{"competency_code", difference.competency_code},
                      {"name", name == names.end() ? difference.competency_code : name->second},
                      {"from", difference.from ? json::value(requirement_side(difference.from)) : json::value(nullptr)},
                      {"to", difference.to ? json::value(requirement_side(difference.to)) : json::value(nullptr)},
                      {"level_change", number(difference.level_change())}};
}

Response compare_profiles(store::Database& db, Request& request) {
  const auto view = store::compare_profiles(db, actor(request), key_param(request, "from"), key_param(request, "to"));
  std::map<std::string, std::string> names = view.to.names;
  names.insert(view.from.names.begin(), view.from.names.end());
  const auto& comparison = view.proposal.comparison;
  return json_response(json::object{
      {"from", profile_json(view.from)},
      {"to", profile_json(view.to)},
      {"overlap", number(comparison.overlap)},
      {"shared", static_cast<std::int64_t>(comparison.shared)},
      {"match", competence::to_string(view.proposal.match)},
      {"reasons", strings(view.proposal.reasons)},
      {"differences", array_of(comparison.differences, [&](const auto& d) { return difference_json(d, names); })}});
}

Response career_path(store::Database& db, Request& request) {
  const std::string function = request.query_param("function").value_or("");
  if (function.empty()) fail_invalid("function", "Noem de functie: ?function=CODE", "missing_parameter");
  std::vector<std::string> levels;
  const std::string list = request.query_param("levels").value_or("");
  for (std::size_t start = 0; start < list.size();) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    if (end > start) levels.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  const auto view = store::career_path(db, actor(request), function, levels);
  std::map<std::string, std::string> names;
  for (const auto& level : view.levels) names.insert(level.names.begin(), level.names.end());
  const auto differences = [&](const std::vector<competence::RequirementDifference>& list) {
    return array_of(list, [&](const auto& d) { return difference_json(d, names); });
  };
  return json_response(json::object{
      {"function_code", view.function_code},
      {"levels", array_of(view.levels, [](const store::StoredProfile& p) { return json::value(p.function.level); })},
      {"profiles", array_of(view.levels, profile_json)},
      {"steps", array_of(view.steps, [&](const competence::CareerStep& step) {
         return json::object{{"from_level", step.from_level},
                             {"to_level", step.to_level},
                             {"from_education", education_json(step.from_education)},
                             {"to_education", education_json(step.to_education)},
                             {"added", differences(step.added)},
                             {"raised", differences(step.raised)},
                             {"lowered", differences(step.lowered)},
                             {"removed", differences(step.removed)},
                             {"became_critical", differences(step.became_critical)},
                             {"no_longer_critical", differences(step.no_longer_critical)}};
       })}});
}

Response import_profiles(store::Database& db, Request& request) {
  const auto result = store::import_profiles(db, actor(request), request.body);
  return json_response(json::object{{"imported", result.rows}, {"profiles", result.profiles}});
}

Response export_profiles(store::Database& db, Request& request) {
  const Format format = format_of(request) == Format::xlsx ? Format::xlsx : Format::csv;
  return file_response(store::export_profiles(db, actor(request)), format);
}

Response export_frameworks(store::Database& db, Request& request) {
  const Format format = format_of(request) == Format::xlsx ? Format::xlsx : Format::csv;
  return file_response(store::export_frameworks(db, actor(request)), format);
}

// --- External organisations -------------------------------------------------------------------------------

json::object organisation_json(const store::ExternalOrganisation& organisation) {
  return json::object{{"name", organisation.name},
                      {"people", organisation.people},
                      {"agreed", organisation.agreed},
                      {"changed_at", text_or_null(organisation.changed_at)}};
}

Response list_organisations(store::Database& db, Request& request) {
  return json_response(json::object{{"items", array_of(store::list_external_organisations(db, actor(request)), organisation_json)}});
}

Response set_agreement(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const auto it = body.find("agreed");
  if (it == body.end() || !it->value().is_bool()) fail_invalid("agreed", "Het veld 'agreed' is true of false", "invalid_type");
  return json_response(organisation_json(store::set_external_agreement(db, actor(request), request.param("name"), it->value().as_bool())));
}

// --- Rounds -----------------------------------------------------------------------------------------------

json::object settings_weights(const competence::SourceWeights& weights) {
  return json::object{{"self", number(weights.self)}, {"manager", number(weights.manager)}, {"external", number(weights.external)},
                      {"peer", number(weights.peer)}};
}

json::object round_json(const store::RoundView& round) {
  const auto& s = round.settings;
  return json::object{
      {"code", round.code},
      {"name", round.name},
      {"purpose", competence::to_string(round.purpose)},
      {"purpose_text", store::purpose_text(round.purpose)},
      {"status", round.open ? "open" : "closed"},
      {"deadline", round.deadline.iso()},
      {"target_date", date_or_null(s.target_date)},
      {"frameworks", array_of(round.frameworks, [](const store::PinnedFramework& f) {
         return json::object{{"code", f.code}, {"version", f.version}, {"name", f.name}};
       })},
      {"profiles", array_of(round.profiles, [](const store::ProfileKey& key) {
         return json::object{{"function_code", key.function_code}, {"level", key.level}};
       })},
      {"sources", array_of(s.sources, [](RatingSource source) { return json::value(competence::to_string(source)); })},
      {"weights", settings_weights(s.weights)},
      {"tolerance", number(s.tolerance)},
      {"trainable_step", number(s.trainable_step)},
      {"spread_threshold", number(s.spread_threshold)},
      {"participants", round.participants},
      {"created_at", round.created_at},
      {"closed_at", text_or_null(round.closed_at)}};
}

std::vector<store::ParticipantSpec> people_from(const json::object& body) {
  std::vector<store::ParticipantSpec> people;
  const json::array* array = optional_array(body, "people");
  if (!array) return people;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string path = fmt::format("people[{}]", i);
    const json::value& item = (*array)[i];
    if (item.is_string()) {
      people.push_back({std::string(item.as_string()), std::nullopt});
      continue;
    }
    people.push_back(at_path(path, [&] {
      const json::object& object = object_at(item, path);
      store::ParticipantSpec spec{required_string(object, "personnel_number"), std::nullopt};
      const auto function = optional_string(object, "function_code");
      if (function && !function->empty()) spec.profile = store::ProfileKey{*function, required_string(object, "level")};
      return spec;
    }));
  }
  return people;
}

Response create_round(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  store::RoundSpec spec;
  spec.code = required_string(body, "code");
  spec.name = required_string(body, "name");
  const std::string purpose = required_string(body, "purpose");
  const auto parsed = competence::assessment_purpose_from_string(purpose);
  if (!parsed) fail_invalid("purpose", fmt::format("Onbekend doel '{}'; kies development of selection", purpose), "invalid_purpose");
  spec.purpose = *parsed;
  spec.deadline = required_date(body, "deadline");
  spec.settings.target_date = required_date(body, "target_date");
  const json::array* profiles = optional_array(body, "profiles");
  if (!profiles) fail_invalid("profiles", "Het veld 'profiles' ontbreekt", "missing_field");
  for (std::size_t i = 0; i < profiles->size(); ++i) {
    const std::string path = fmt::format("profiles[{}]", i);
    spec.profiles.push_back(at_path(path, [&] {
      const json::object& item = object_at((*profiles)[i], path);
      return store::ProfileKey{required_string(item, "function_code"), required_string(item, "level")};
    }));
  }
  spec.frameworks = string_list(body, "frameworks");
  if (body.contains("sources") && !body.at("sources").is_null()) {
    spec.settings.sources.clear();
    const auto sources = string_list(body, "sources");
    for (std::size_t i = 0; i < sources.size(); ++i) spec.settings.sources.push_back(source_value(sources[i], fmt::format("sources[{}]", i)));
  }
  if (const auto it = body.find("weights"); it != body.end() && !it->value().is_null()) {
    at_path("weights", [&] {
      const json::object& weights = object_at(it->value(), "weights");
      auto& w = spec.settings.weights;
      w.self = optional_number(weights, "self").value_or(w.self);
      w.manager = optional_number(weights, "manager").value_or(w.manager);
      w.external = optional_number(weights, "external").value_or(w.external);
      w.peer = optional_number(weights, "peer").value_or(w.peer);
      return 0;
    });
  }
  spec.settings.tolerance = optional_number(body, "tolerance").value_or(spec.settings.tolerance);
  spec.settings.trainable_step = optional_number(body, "trainable_step").value_or(spec.settings.trainable_step);
  spec.settings.spread_threshold = optional_number(body, "spread_threshold").value_or(spec.settings.spread_threshold);
  spec.units = string_list(body, "units");
  spec.people = people_from(body);
  return json_response(round_json(store::create_round(db, actor(request), spec)), 201);
}

Response list_rounds(store::Database& db, Request& request) {
  return respond(
      request, store::list_rounds(db, actor(request)),
      [](const std::vector<store::RoundView>& rounds) { return json::object{{"items", array_of(rounds, round_json)}}; },
      [](const std::vector<store::RoundView>& rounds) {
        Table table{"beoordelingsrondes", {"code", "name", "purpose", "status", "deadline", "target_date", "participants"}, {}};
        for (const auto& r : rounds) {
          table.add({r.code, r.name, std::string(competence::to_string(r.purpose)), std::string(r.open ? "open" : "closed"), r.deadline.iso(),
                     r.settings.target_date ? cell(r.settings.target_date->iso()) : Cell(), cell(r.participants)});
        }
        return table;
      });
}

Response get_round(store::Database& db, Request& request) {
  return json_response(round_json(store::get_round(db, actor(request), request.param("code"))));
}

Response add_participants(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  return json_response(round_json(store::add_participants(db, actor(request), request.param("code"), string_list(body, "units"), people_from(body))));
}

Response close_round(store::Database& db, Request& request) {
  return json_response(round_json(store::close_round(db, actor(request), request.param("code"))));
}

json::value consent_json(const std::optional<store::Consent>& consent) {
  if (!consent) return nullptr;
  return json::object{{"recorded_at", consent->recorded_at}, {"recorded_by", consent->recorded_by}};
}

Response list_participants(store::Database& db, Request& request) {
  const std::string code = request.param("code");
  return respond(
      request, store::list_participants(db, actor(request), code),
      [](const std::vector<store::Participant>& people) {
        return json::object{{"items", array_of(people, [](const store::Participant& p) {
                               return json::object{{"personnel_number", p.personnel_number},
                                                   {"name", p.name},
                                                   {"unit_code", p.unit_code},
                                                   {"function_code", p.profile.function_code},
                                                   {"level", p.profile.level},
                                                   {"engagement", org::to_string(p.engagement)},
                                                   {"organisation", p.organisation},
                                                   {"consent", consent_json(p.consent)}};
                             })}};
      },
      [&](const std::vector<store::Participant>& people) {
        Table table{"deelnemers-" + code,
                           {"personnel_number", "name", "unit_code", "function_code", "level", "engagement", "organisation", "consent_recorded_at"},
                           {}};
        for (const auto& p : people) {
          table.add({p.personnel_number, p.name, p.unit_code, p.profile.function_code, p.profile.level,
                     std::string(org::to_string(p.engagement)), p.organisation, p.consent ? cell(p.consent->recorded_at) : Cell()});
        }
        return table;
      });
}

json::object source_progress_json(const store::SourceProgress& progress) {
  return json::object{{"status", store::to_string(progress.status)},
                      {"rated", progress.rated},
                      {"expected", progress.expected},
                      {"last_rated_at", text_or_null(progress.last_rated_at)}};
}

Response round_progress(store::Database& db, Request& request) {
  return respond(
      request, store::round_progress(db, actor(request), request.param("code")),
      [](const store::RoundProgress& progress) {
        json::object totals;
        for (auto source : progress.round.settings.sources) {
          std::int64_t complete = 0, in_progress = 0, not_started = 0;
          for (const auto& person : progress.people) {
            for (const auto& each : person.sources) {
              if (each.source != source) continue;
              (each.status == store::SourceStatus::Complete ? complete : each.status == store::SourceStatus::InProgress ? in_progress : not_started)++;
            }
          }
          totals[competence::to_string(source)] = json::object{{"complete", complete}, {"in_progress", in_progress}, {"not_started", not_started}};
        }
        return json::object{
            {"round", progress.round.code},
            {"deadline", progress.round.deadline.iso()},
            {"sources", array_of(progress.round.settings.sources, [](RatingSource s) { return json::value(competence::to_string(s)); })},
            {"people", array_of(progress.people, [](const store::PersonProgress& person) {
               json::object sources;
               for (const auto& each : person.sources) sources[competence::to_string(each.source)] = source_progress_json(each);
               return json::object{{"personnel_number", person.person.personnel_number},
                                   {"name", person.person.name},
                                   {"unit_code", person.person.unit_code},
                                   {"sources", std::move(sources)}};
             })},
            {"totals", std::move(totals)}};
      },
      [](const store::RoundProgress& progress) {
        Table table{"voortgang-" + progress.round.code,
                           {"personnel_number", "name", "unit_code", "source", "status", "rated", "expected", "last_rated_at"},
                           {}};
        for (const auto& person : progress.people) {
          for (const auto& each : person.sources) {
            table.add({person.person.personnel_number, person.person.name, person.person.unit_code,
                       std::string(competence::to_string(each.source)), std::string(store::to_string(each.status)), cell(each.rated),
                       cell(each.expected), cell(each.last_rated_at)});
          }
        }
        return table;
      });
}

// --- Forms ------------------------------------------------------------------------------------------------

json::object scale_json(const competence::Scale& scale) {
  json::object anchors;
  for (const auto& [point, text] : scale.anchors) anchors[std::to_string(point)] = text;
  return json::object{{"min", scale.min}, {"max", scale.max}, {"anchors", std::move(anchors)}};
}

json::object form_json(const store::Form& form) {
  const auto& round = form.round;
  return json::object{
      {"round", json::object{{"code", round.code},
                             {"name", round.name},
                             {"purpose", competence::to_string(round.purpose)},
                             {"purpose_text", store::purpose_text(round.purpose)},
                             {"deadline", round.deadline.iso()},
                             {"status", round.open ? "open" : "closed"}}},
      {"person", json::object{{"personnel_number", form.person.personnel_number},
                              {"name", form.person.name},
                              {"unit_code", form.person.unit_code},
                              {"function_code", form.person.profile.function_code},
                              {"level", form.person.profile.level}}},
      {"source", competence::to_string(form.source)},
      {"editable", form.editable},
      {"consent", consent_json(form.person.consent)},
      {"competencies", array_of(form.competencies, [](const store::FormCompetency& c) {
         return json::object{{"code", c.code},
                             {"name", c.name},
                             {"definition", c.definition},
                             {"kind", competence::to_string(c.kind)},
                             {"framework_code", c.framework_code},
                             {"scale", scale_json(c.scale)},
                             {"indicators", array_of(c.indicators, [](const store::FormIndicator& i) {
                                return json::object{{"code", i.code}, {"text", i.text},
                                                    {"score", i.score ? json::value(*i.score) : json::value(nullptr)}};
                              })}};
       })},
      {"rated", form.rated},
      {"expected", form.expected},
      {"complete", form.expected > 0 && form.rated == form.expected}};
}

std::vector<store::ScoreInput> scores_from(const Request& request) {
  const json::object body = parse_object(request);
  const json::array* array = optional_array(body, "scores");
  if (!array) fail_invalid("scores", "Het veld 'scores' ontbreekt", "missing_field");
  std::vector<store::ScoreInput> scores;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string path = fmt::format("scores[{}]", i);
    scores.push_back(at_path(path, [&] {
      const json::object& item = object_at((*array)[i], path);
      store::ScoreInput input{required_string(item, "competency_code"), required_string(item, "indicator_code"), std::nullopt};
      if (const auto score = optional_int(item, "score")) {
        if (*score < -1000 || *score > 1000) fail_invalid("score", "De score ligt ver buiten elke schaal", "score_outside_scale");
        input.score = static_cast<int>(*score);
      }
      return input;
    }));
  }
  return scores;
}

RatingSource source_param(const Request& request) { return source_value(request.param("source"), "source"); }

Response get_form(store::Database& db, Request& request) {
  return json_response(form_json(store::get_form(db, actor(request), request.param("code"), request.param("personnel_number"), source_param(request))));
}

Response save_form(store::Database& db, Request& request) {
  return json_response(form_json(store::save_form(db, actor(request), request.param("code"), request.param("personnel_number"),
                                                  source_param(request), scores_from(request))));
}

Response own_rounds(store::Database& db, Request& request) {
  json::array items;
  for (const auto& own : store::own_rounds(db, actor(request))) {
    json::object object = round_json(own.round);
    object["self"] = json::object{{"status", store::to_string(own.self.status)}, {"rated", own.self.rated}, {"expected", own.self.expected}};
    object["consent"] = consent_json(own.consent);
    items.push_back(std::move(object));
  }
  return json_response(json::object{{"items", std::move(items)}});
}

Response own_form(store::Database& db, Request& request) {
  return json_response(form_json(store::get_form(db, actor(request), request.param("code"), "", RatingSource::Self)));
}

Response save_own_form(store::Database& db, Request& request) {
  return json_response(form_json(store::save_form(db, actor(request), request.param("code"), "", RatingSource::Self, scores_from(request))));
}

Response consent_response(const store::Consent& consent) {
  return json_response(json::object{{"recorded_at", consent.recorded_at}, {"recorded_by", consent.recorded_by}}, 201);
}

Response own_consent(store::Database& db, Request& request) {
  return consent_response(store::record_consent(db, actor(request), request.param("code"), ""));
}

Response withdraw_own_consent(store::Database& db, Request& request) {
  store::withdraw_consent(db, actor(request), request.param("code"), "");
  return no_content();
}

Response record_consent(store::Database& db, Request& request) {
  return consent_response(store::record_consent(db, actor(request), request.param("code"), request.param("personnel_number")));
}

Response withdraw_consent(store::Database& db, Request& request) {
  store::withdraw_consent(db, actor(request), request.param("code"), request.param("personnel_number"));
  return no_content();
}

Response import_assessments(store::Database& db, Request& request) {
  return json_response(json::object{{"imported", store::import_assessments(db, actor(request), request.body)}});
}

Response export_assessments(store::Database& db, Request& request) {
  const std::string round = request.query_param("round").value_or("");
  if (round.empty()) fail_invalid("round", "Noem de ronde: ?round=CODE", "missing_parameter");
  const Format format = format_of(request) == Format::xlsx ? Format::xlsx : Format::csv;
  return file_response(store::export_assessments(db, actor(request), round), format);
}

// --- Results ----------------------------------------------------------------------------------------------

std::string name_of(const std::map<std::string, std::string>& names, const std::string& code) {
  const auto found = names.find(code);
  return found == names.end() ? code : found->second;
}

json::object result_json(const store::PersonOutcome& outcome, const std::map<std::string, std::string>& names) {
  const auto& result = outcome.result;
  const auto& verdict = result.verdict;
  return json::object{
      {"personnel_number", outcome.person.personnel_number},
      {"name", outcome.person.name},
      {"unit_code", outcome.person.unit_code},
      {"function_code", result.function_code},
      {"level", result.level},
      {"verdict", competence::to_string(verdict.kind)},
      {"target_date", date_or_null(verdict.target_date)},
      {"explanation", outcome.explanation},
      {"non_critical_gap_total", number(verdict.non_critical_gap_total)},
      {"largest_gap", number(verdict.largest_gap)},
      {"reasons", array_of(verdict.reasons, [](const competence::VerdictReason& r) {
         return json::object{{"code", r.competency_code}, {"gap", number(r.gap)}, {"critical", r.critical},
                             {"beyond_trainable_step", r.beyond_trainable_step}};
       })},
      {"not_assessed", strings(verdict.not_assessed)},
      {"competencies", array_of(result.competencies, [&](const competence::CompetencyResult& c) {
         return json::object{
             {"code", c.competency_code},
             {"name", name_of(names, c.competency_code)},
             {"required", number(c.required)},
             {"critical", c.critical},
             {"state", c.state == competence::CompetencyState::Scored ? "scored" : "not_assessed"},
             {"combined", number(c.combined)},
             {"gap", number(c.gap)},
             {"spread", number(c.spread)},
             {"spread_flagged", c.spread_flagged},
             {"sources", array_of(c.sources, [](const competence::SourceScore& s) {
                return json::object{{"source", competence::to_string(s.source)}, {"score", number(s.score)},
                                    {"ratings", static_cast<std::int64_t>(s.ratings)}};
              })},
             {"missing_sources", array_of(c.missing_sources, [](RatingSource s) { return json::value(competence::to_string(s)); })}};
       })}};
}

Response round_gaps(store::Database& db, Request& request) {
  store::ResultFilter filter{request.query_param("unit").value_or(""), request.query_param("function").value_or(""),
                             request.query_param("level").value_or("")};
  return respond(
      request, store::round_gaps(db, actor(request), request.param("code"), filter),
      [](const store::RoundResults& results) {
        return json::object{{"round", results.round.code},
                            {"people", array_of(results.people, [&](const store::PersonOutcome& o) { return result_json(o, results.names); })}};
      },
      [](const store::RoundResults& results) {
        Table table{"tekorten-" + results.round.code,
                           {"personnel_number", "name", "unit_code", "function_code", "level", "verdict", "competency_code", "competency_name",
                            "required", "critical", "combined", "gap", "spread", "spread_flagged"},
                           {}};
        for (const auto& o : results.people) {
          for (const auto& c : o.result.competencies) {
            table.add({o.person.personnel_number, o.person.name, o.person.unit_code, o.result.function_code, o.result.level,
                       std::string(competence::to_string(o.result.verdict.kind)), c.competency_code, name_of(results.names, c.competency_code),
                       c.required, yes_no(c.critical), number_cell(c.combined), number_cell(c.gap), number_cell(c.spread),
                       yes_no(c.spread_flagged)});
          }
        }
        return table;
      });
}

Response person_report(store::Database& db, Request& request) {
  std::optional<store::ProfileKey> profile;
  const std::string function = request.query_param("function").value_or("");
  if (!function.empty()) {
    const std::string level = request.query_param("level").value_or("");
    if (level.empty()) fail_invalid("level", "Noem bij ?function= ook het niveau: &level=NIVEAU", "missing_parameter");
    profile = store::ProfileKey{function, level};
  }
  const auto results = store::person_report(db, actor(request), request.param("code"), request.param("personnel_number"), profile);
  json::object object = result_json(results.people.front(), results.names);
  object["round"] = round_json(results.round);
  return json_response(object);
}

json::array competency_columns(const std::vector<std::string>& codes, const std::map<std::string, std::string>& names) {
  return array_of(codes, [&](const std::string& code) { return json::object{{"code", code}, {"name", name_of(names, code)}}; });
}

Response team_heatmap(store::Database& db, Request& request) {
  return respond(
      request, store::team_heatmap(db, actor(request), request.param("code"), request.query_param("unit").value_or("")),
      [](const store::TeamHeatmapView& view) {
        json::array rows;
        for (const auto& row : view.heatmap.cells) {
          rows.push_back(array_of(row, [](const std::optional<competence::TeamCell>& cell) -> json::value {
            if (!cell) return nullptr;
            return json::object{{"state", cell->state == competence::CompetencyState::Scored ? "scored" : "not_assessed"},
                                {"required", number(cell->required)},
                                {"critical", cell->critical},
                                {"combined", number(cell->combined)},
                                {"gap", number(cell->gap)},
                                {"spread_flagged", cell->spread_flagged}};
          }));
        }
        return json::object{{"round", view.round.code},
                            {"unit", view.unit_code},
                            {"competencies", competency_columns(view.heatmap.competencies, view.names)},
                            {"people", array_of(view.people, [](const store::Participant& p) {
                               return json::object{{"personnel_number", p.personnel_number}, {"name", p.name}};
                             })},
                            {"cells", std::move(rows)}};
      },
      [](const store::TeamHeatmapView& view) {
        Table table{"team-" + view.unit_code + "-" + view.round.code,
                           {"personnel_number", "name", "competency_code", "competency_name", "required", "critical", "combined", "gap",
                            "spread_flagged"},
                           {}};
        for (std::size_t r = 0; r < view.people.size(); ++r) {
          for (std::size_t c = 0; c < view.heatmap.competencies.size(); ++c) {
            const auto& entry = view.heatmap.cells[r][c];
            if (!entry) continue;
            const std::string& code = view.heatmap.competencies[c];
            table.add({view.people[r].personnel_number, view.people[r].name, code, name_of(view.names, code), entry->required,
                       yes_no(entry->critical), number_cell(entry->combined), number_cell(entry->gap), yes_no(entry->spread_flagged)});
          }
        }
        return table;
      });
}

json::object unit_cell_json(const competence::UnitCell& cell) {
  return json::object{{"people", count(cell.people)},
                      {"not_assessed", count(cell.not_assessed)},
                      {"average_gap", number(cell.average_gap)},
                      {"share_meeting", number(cell.share_meeting)},
                      {"suppressed", cell.suppressed}};
}

Response organisation_heatmap(store::Database& db, Request& request) {
  return respond(
      request, store::organisation_heatmap(db, actor(request), request.param("code"), request.query_param("unit").value_or("")),
      [](const store::OrganisationHeatmapView& view) {
        json::array rows;
        for (const auto& row : view.heatmap.cells) rows.push_back(array_of(row, unit_cell_json));
        return json::object{{"round", view.round.code},
                            {"competencies", competency_columns(view.heatmap.competencies, view.names)},
                            {"units", array_of(view.units, [](const store::UnitRow& u) {
                               return json::object{{"code", u.code}, {"name", u.name}, {"depth", u.depth}};
                             })},
                            {"cells", std::move(rows)}};
      },
      [](const store::OrganisationHeatmapView& view) {
        Table table{"organisatie-" + view.round.code,
                           {"unit_code", "unit_name", "depth", "competency_code", "competency_name", "people", "not_assessed", "average_gap",
                            "share_meeting", "suppressed"},
                           {}};
        for (std::size_t r = 0; r < view.units.size(); ++r) {
          for (std::size_t c = 0; c < view.heatmap.competencies.size(); ++c) {
            const auto& entry = view.heatmap.cells[r][c];
            const std::string& code = view.heatmap.competencies[c];
            table.add({view.units[r].code, view.units[r].name, cell(static_cast<std::int64_t>(view.units[r].depth)), code,
                       name_of(view.names, code), cell(entry.people), cell(entry.not_assessed), number_cell(entry.average_gap),
                       number_cell(entry.share_meeting), yes_no(entry.suppressed)});
          }
        }
        return table;
      });
}

Response round_coverage(store::Database& db, Request& request) {
  return respond(
      request, store::coverage(db, actor(request), request.param("code"), request.query_param("unit").value_or("")),
      [](const store::CoverageView& view) {
        return json::object{{"round", view.round.code},
                            {"unit", text_or_null(view.unit_code)},
                            {"rows", array_of(view.rows, [&](const competence::CoverageRow& row) {
                               return json::object{{"code", row.competency_code},
                                                   {"name", name_of(view.names, row.competency_code)},
                                                   {"people", count(row.people)},
                                                   {"meeting", count(row.meeting)},
                                                   {"not_assessed", count(row.not_assessed)},
                                                   {"share_meeting", number(row.share_meeting)},
                                                   {"suppressed", row.suppressed}};
                             })}};
      },
      [](const store::CoverageView& view) {
        Table table{"dekking-" + view.round.code,
                           {"competency_code", "competency_name", "people", "meeting", "not_assessed", "share_meeting", "suppressed"},
                           {}};
        for (const auto& row : view.rows) {
          table.add({row.competency_code, name_of(view.names, row.competency_code), cell(row.people), cell(row.meeting),
                     cell(row.not_assessed), number_cell(row.share_meeting), yes_no(row.suppressed)});
        }
        return table;
      });
}

Response round_growth(store::Database& db, Request& request) {
  const std::string from = request.query_param("from").value_or("");
  if (from.empty()) fail_invalid("from", "Noem de eerdere ronde: ?from=CODE", "missing_parameter");
  return respond(
      request, store::growth(db, actor(request), from, request.param("code"), request.query_param("unit").value_or("")),
      [](const store::GrowthView& view) {
        return json::object{
            {"from", view.from.code},
            {"to", view.to.code},
            {"competencies", array_of(view.report.competencies, [&](const competence::GrowthCell& c) {
               return json::object{{"code", c.competency_code},
                                   {"name", name_of(view.names, c.competency_code)},
                                   {"people", count(c.people)},
                                   {"average_before", number(c.average_before)},
                                   {"average_after", number(c.average_after)},
                                   {"average_change", number(c.average_change)},
                                   {"improved", count(c.improved)},
                                   {"suppressed", c.suppressed}};
             })},
            {"people", array_of(view.report.people, [](const competence::PersonGrowth& p) {
               return json::object{{"personnel_number", p.personnel_number}, {"competency_code", p.competency_code},
                                   {"before", number(p.before)}, {"after", number(p.after)}, {"change", number(p.change())}};
             })}};
      },
      [](const store::GrowthView& view) {
        Table table{"groei-" + view.from.code + "-" + view.to.code,
                           {"competency_code", "competency_name", "people", "average_before", "average_after", "average_change", "improved",
                            "suppressed"},
                           {}};
        for (const auto& c : view.report.competencies) {
          table.add({c.competency_code, name_of(view.names, c.competency_code), cell(c.people), number_cell(c.average_before),
                     number_cell(c.average_after), number_cell(c.average_change), cell(c.improved), yes_no(c.suppressed)});
        }
        return table;
      });
}

json::object evidence_json(const competence::SelectionEvidence& evidence, const std::map<std::string, std::string>& names,
                           const std::map<std::string, store::Participant>& people) {
  store::PersonOutcome outcome{people.at(evidence.result().personnel_number), evidence.result(),
                               competence::explain(evidence.result().verdict, names)};
  json::object object = result_json(outcome, names);
  object["consent"] = evidence.consent() ? json::value(json::object{{"recorded_on", evidence.consent()->recorded_on.iso()},
                                                                     {"recorded_by", evidence.consent()->recorded_by}})
                                         : json::value(nullptr);
  return object;
}

std::map<std::string, store::Participant> participants_by_number(store::Database& db, const Principal& principal, const std::string& round) {
  std::map<std::string, store::Participant> people;
  for (auto& participant : store::list_participants(db, principal, round)) people.emplace(participant.personnel_number, std::move(participant));
  return people;
}

Response selection_evidence(store::Database& db, Request& request) {
  const std::string code = request.param("code");
  const auto evidence = store::selection_evidence(db, actor(request), code);
  const store::RoundView round = store::get_round(db, actor(request), code);
  const auto people = participants_by_number(db, actor(request), code);
  const auto names = store::competency_names(db, actor(request), code);
  return json_response(json::object{{"round", code},
                                    {"purpose", competence::to_string(round.purpose)},
                                    {"admitted", array_of(evidence.admitted, [&](const auto& e) { return evidence_json(e, names, people); })},
                                    {"refused", strings(evidence.refused)}});
}

Response person_selection_evidence(store::Database& db, Request& request) {
  const std::string code = request.param("code");
  const auto evidence = store::selection_evidence_for(db, actor(request), code, request.param("personnel_number"));
  const auto names = store::competency_names(db, actor(request), code);
  return json_response(evidence_json(evidence, names, participants_by_number(db, actor(request), code)));
}

// --- Assessors ----------------------------------------------------------------------------------------------

Response list_assessors(store::Database& db, Request& request) {
  return json_response(json::object{{"items", array_of(store::list_assessors(db, actor(request), request.param("code")),
                                                       [](const store::Assessor& a) {
                                                         return json::object{{"username", a.username}, {"linked_at", a.linked_at}};
                                                       })}});
}

Response add_assessor(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const auto assessor = store::add_assessor(db, actor(request), request.param("code"), required_string(body, "username"),
                                            optional_string(body, "password"));
  return json_response(json::object{{"username", assessor.username}, {"linked_at", assessor.linked_at}}, 201);
}

Response remove_assessor(store::Database& db, Request& request) {
  store::remove_assessor(db, actor(request), request.param("code"), request.param("username"));
  return no_content();
}

}  // namespace

void add_competence_routes(http::Router& router, store::Database& db) {
  const Access writers = Access::only({Role::admin, Role::hr});
  const Access framework_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::works_council});
  const Access profile_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::employee, Role::works_council});
  const Access round_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::employee, Role::works_council, Role::assessor});
  const Access individual_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::employee});
  const Access aggregate_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::works_council});
  const Access team_readers = Access::only({Role::admin, Role::hr, Role::manager});
  const Access employees = Access::only({Role::employee});
  const Access form_readers = Access::only({Role::admin, Role::hr, Role::manager, Role::employee, Role::assessor});
  const Access raters = Access::only({Role::manager, Role::employee, Role::assessor});
  const auto route = [&](Method method, std::string pattern, Access access, std::string summary,
                         Response (*handler)(store::Database&, Request&), std::string body = {}) {
    router.add({method, std::move(pattern), std::move(access), std::move(summary),
                [&db, handler](Request& request) { return handler(db, request); }, "competence", std::move(body)});
  };
  const std::string json_body = "application/json";
  const std::string csv_body = "text/csv";

  route(Method::get, "/api/v1/frameworks", framework_readers, "Competency frameworks: current versions", list_frameworks);
  route(Method::get, "/api/v1/frameworks/{code}", framework_readers, "One framework (?version=N, default the current one)", get_framework);
  route(Method::post, "/api/v1/frameworks", writers, "Import a framework (JSON file format): new, or an edit by the versioning rules",
        import_framework, json_body);
  route(Method::put, "/api/v1/frameworks/{code}", writers, "Edit a framework: a version in use becomes version + 1", edit_framework, json_body);
  route(Method::del, "/api/v1/frameworks/{code}/competencies/{competency}", writers,
        "Remove a competency from a framework; refused while a profile or an open round uses it", remove_competency);
  route(Method::del, "/api/v1/frameworks/{code}", writers, "Delete a framework nothing refers to", delete_framework);
  route(Method::get, "/api/v1/reference-frameworks", framework_readers, "The reference frameworks shipped with Kwartiermaker",
        list_reference_frameworks);
  route(Method::post, "/api/v1/reference-frameworks/{code}/copy", writers,
        "Copy a reference framework into the municipality (optional new code and name)", copy_reference_framework, json_body);
  route(Method::get, "/api/v1/export/frameworks", writers, "Every current framework, one row per indicator (?format=csv|xlsx)",
        export_frameworks);

  route(Method::get, "/api/v1/profiles", profile_readers, "Every function level with a summary of its profile (?format=csv|xlsx)",
        list_profiles);
  route(Method::get, "/api/v1/profiles/compare", profile_readers,
        "Compare two profiles (?from=CODE/LEVEL&to=CODE/LEVEL): overlap, differences, proposed match", compare_profiles);
  route(Method::get, "/api/v1/profiles/career-path", profile_readers,
        "What changes between the levels of a function (?function=CODE&levels=a,b,c)", career_path);
  route(Method::get, "/api/v1/profiles/{function_code}/{level}", profile_readers, "The profile of one function level", get_profile);
  route(Method::put, "/api/v1/profiles/{function_code}/{level}", writers, "Replace the profile of one function level", put_profile, json_body);
  route(Method::post, "/api/v1/import/profiles", writers,
        "Import profiles CSV (function_code,level,competency_code,required,critical): all rows or none", import_profiles, csv_body);
  route(Method::get, "/api/v1/export/profiles", writers, "Every profile in the import format (?format=csv|xlsx)", export_profiles);

  route(Method::get, "/api/v1/external-organisations", writers,
        "External organisations with seconded or hired workers, and whether they agreed to assessment", list_organisations);
  route(Method::put, "/api/v1/external-organisations/{name}", writers, "Record an organisation's agreement ({\"agreed\": bool})",
        set_agreement, json_body);

  route(Method::get, "/api/v1/assessment-rounds", round_readers, "Assessment rounds the caller may see (?format=csv|xlsx)", list_rounds);
  route(Method::post, "/api/v1/assessment-rounds", writers, "Create a round; its purpose is fixed from then on", create_round, json_body);
  route(Method::get, "/api/v1/assessment-rounds/{code}", round_readers, "One assessment round", get_round);
  route(Method::get, "/api/v1/assessment-rounds/{code}/participants", form_readers, "The round's participants the caller may see",
        list_participants);
  route(Method::post, "/api/v1/assessment-rounds/{code}/participants", writers, "Add participants (units and/or people)", add_participants,
        json_body);
  route(Method::post, "/api/v1/assessment-rounds/{code}/close", writers, "Close a round: no more ratings", close_round);
  route(Method::get, "/api/v1/assessment-rounds/{code}/progress", team_readers, "Who has finished which source (?format=csv|xlsx)",
        round_progress);
  route(Method::get, "/api/v1/assessment-rounds/{code}/forms/{personnel_number}/{source}", form_readers,
        "The rating form of one person and source", get_form);
  route(Method::put, "/api/v1/assessment-rounds/{code}/forms/{personnel_number}/{source}", raters,
        "Save scores on a form: all or none", save_form, json_body);
  route(Method::post, "/api/v1/assessment-rounds/{code}/consents/{personnel_number}", writers,
        "Record an employee's consent (given on paper) to use a development round for selection", record_consent);
  route(Method::del, "/api/v1/assessment-rounds/{code}/consents/{personnel_number}", writers, "Withdraw a recorded consent",
        withdraw_consent);
  route(Method::post, "/api/v1/import/assessments", writers,
        "Import assessments CSV (round_code,personnel_number,source,competency_code,indicator_code,score): all rows or none",
        import_assessments, csv_body);
  route(Method::get, "/api/v1/export/assessments", writers, "A round's ratings in the import format (?round=CODE&format=csv|xlsx)",
        export_assessments);

  route(Method::get, "/api/v1/my/assessments", employees, "The employee's own rounds with their self-assessment status", own_rounds);
  route(Method::get, "/api/v1/my/assessments/{code}", employees, "The employee's self-assessment form", own_form);
  route(Method::put, "/api/v1/my/assessments/{code}", employees, "Save the employee's self-assessment", save_own_form, json_body);
  route(Method::post, "/api/v1/my/assessments/{code}/consent", employees,
        "Consent that this development round's results may be used for selection and placement", own_consent);
  route(Method::del, "/api/v1/my/assessments/{code}/consent", employees, "Withdraw that consent", withdraw_own_consent);

  route(Method::get, "/api/v1/assessment-rounds/{code}/gaps", individual_readers,
        "Verdicts and gaps per person (?unit=CODE&function=CODE&level=L; unit includes its subtree; ?format=csv|xlsx)", round_gaps);
  route(Method::get, "/api/v1/assessment-rounds/{code}/people/{personnel_number}/report", individual_readers,
        "One person against their round profile or any other (?function=CODE&level=L)", person_report);
  route(Method::get, "/api/v1/assessment-rounds/{code}/heatmap/team", team_readers,
        "People x competencies of a unit and its subtree (?unit=CODE; ?format=csv|xlsx)", team_heatmap);
  route(Method::get, "/api/v1/assessment-rounds/{code}/heatmap/organisation", aggregate_readers,
        "Units x competencies: average gap and share meeting (?unit=CODE; ?format=csv|xlsx)", organisation_heatmap);
  route(Method::get, "/api/v1/assessment-rounds/{code}/coverage", aggregate_readers,
        "How many people meet each critical competency (?unit=CODE; ?format=csv|xlsx)", round_coverage);
  route(Method::get, "/api/v1/assessment-rounds/{code}/growth", aggregate_readers,
        "Growth from an earlier round for the same people (?from=CODE&unit=CODE; ?format=csv|xlsx)", round_growth);
  route(Method::get, "/api/v1/assessment-rounds/{code}/selection-evidence", writers,
        "What selection and placement may use: development rounds only with consent", selection_evidence);
  route(Method::get, "/api/v1/assessment-rounds/{code}/selection-evidence/{personnel_number}", writers,
        "One person's selection evidence; 403 purpose_limitation without consent for a development round", person_selection_evidence);

  route(Method::get, "/api/v1/assessment-rounds/{code}/assessors", writers, "External assessors of a round", list_assessors);
  route(Method::post, "/api/v1/assessment-rounds/{code}/assessors", writers,
        "Create an assessor account for the round, or link an existing one", add_assessor, json_body);
  route(Method::del, "/api/v1/assessment-rounds/{code}/assessors/{username}", writers, "Unlink an assessor from a round", remove_assessor);
}

}  // namespace kwm::api
