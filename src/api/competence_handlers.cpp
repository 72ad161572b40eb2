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
#include "competence/access.hpp"
#include "competence/framework_json.hpp"
#include "competence/service.hpp"
#include "competence/wire.hpp"
#include "store/competence_repository.hpp"
#include "store/competence_store.hpp"
#include "table/file.hpp"

namespace kwm::api {
namespace {

using http::Access;
using http::Contract;
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

// --- Frameworks, profiles and external organisations: the competence service --------------------------

using Catalogue = std::shared_ptr<const competence::Service>;

template <typename T>
Response answer(const T& value, unsigned status = 200) {
  return json_response(wire::to_json(value), status);
}

Response change_answer(const competence::FrameworkChange& change) {
  return answer(change, change.outcome == competence::FrameworkOutcome::Created ? 201 : 200);
}

std::optional<int> version_param(const Request& request) {
  const auto text = request.query_param("version");
  if (!text || text->empty()) return std::nullopt;
  try {
    return std::stoi(*text);
  } catch (const std::exception&) {
    fail_invalid("version", fmt::format("'{}' is geen versienummer", *text), "invalid_parameter");
  }
}

// The framework file format (docs/frameworks.md), with its own precise errors.
competence::Framework framework_body(const Request& request) { return competence::framework_from_json(request.body); }

competence::ProfileKey profile_key(const Request& request) { return {request.param("function_code"), request.param("level")}; }

competence::ProfileKey key_param(const Request& request, std::string_view name) {
  const auto text = request.query_param(name).value_or("");
  const auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) {
    fail_invalid(std::string(name), fmt::format("Schrijf '{}' als FUNCTIECODE/NIVEAU, bijvoorbeeld CM/senior", name), "invalid_parameter");
  }
  return {text.substr(0, slash), text.substr(slash + 1)};
}

competence::ProfileDraft profile_draft(const Request& request) {
  const auto body = wire::from_body<wire::ProfileBody>(request.body);
  competence::ProfileDraft draft;
  draft.education = body.education_level;
  for (const auto& [from, to] : {std::pair{&body.competencies, &draft.competencies}, std::pair{&body.knowledge_areas, &draft.knowledge_areas}}) {
    for (const competence::NamedRequirement& item : *from) {
      to->push_back({item.competency_code, item.required, item.critical});
      if (item.framework_code && !item.framework_code->empty()) draft.framework_of[item.competency_code] = *item.framework_code;
    }
  }
  return draft;
}

std::vector<std::string> levels_param(const Request& request) {
  std::vector<std::string> levels;
  const std::string list = request.query_param("levels").value_or("");
  for (std::size_t start = 0; start < list.size();) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    if (end > start) levels.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return levels;
}

Response career_path(const competence::Service& service, Request& request) {
  const std::string function = request.query_param("function").value_or("");
  if (function.empty()) fail_invalid("function", "Noem de functie: ?function=CODE", "missing_parameter");
  return answer(service.career_path(actor(request), function, levels_param(request)));
}

Response copy_reference_framework(const competence::Service& service, Request& request) {
  const auto names = request.body.empty() ? competence::FrameworkCopy{} : wire::from_body<competence::FrameworkCopy>(request.body);
  return change_answer(service.copy_reference_framework(actor(request), request.param("code"), names));
}

// An export: CSV unless ?format=xlsx.
Response export_answer(const Request& request, const Table& table) {
  return file_response(table, format_of(request) == Format::xlsx ? Format::xlsx : Format::csv);
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
  namespace access = competence::access;
  using http::answer_schema;
  using http::request_schema;
  const Catalogue catalogue = store::competence_service(db);
  const auto typed = [&](Method method, std::string pattern, const Action& action, std::string summary, Contract contract,
                         Response (*handler)(const competence::Service&, Request&)) {
    router.add({method, std::move(pattern), Access::to(action), std::move(summary),
                [catalogue, handler](Request& request) { return handler(*catalogue, request); }, "competence", "",
                std::move(contract)});
  };
  // Routes still served by the competence store; their contracts are not typed yet.
  const auto route = [&](Method method, std::string pattern, const Action& action, std::string summary,
                         Response (*handler)(store::Database&, Request&), std::string body = {}) {
    router.add({method, std::move(pattern), Access::to(action), std::move(summary),
                [&db, handler](Request& request) { return handler(db, request); }, "competence", std::move(body)});
  };
  const std::string json_body = "application/json";
  const std::string csv_body = "text/csv";
  const http::QueryParameter format{"format", "string", "json (standaard), csv of xlsx"};
  const http::QueryParameter file_format{"format", "string", "csv (standaard) of xlsx"};
  const Contract file_download{nullptr, {}, http::file_schema, 200, "text/csv", {file_format}};
  const Contract framework_change{request_schema<competence::Framework>, json_body, answer_schema<competence::FrameworkChange>};

  typed(Method::get, "/api/v1/frameworks", access::read_frameworks, "Competency frameworks: current versions",
        Contract{nullptr, {}, answer_schema<competence::FrameworkList>},
        [](const competence::Service& s, Request& r) { return answer(s.list_frameworks(actor(r))); });
  typed(Method::get, "/api/v1/frameworks/{code}", access::read_frameworks, "One framework (?version=N, default the current one)",
        Contract{nullptr, {}, answer_schema<competence::StoredFramework>, 200, json_body, {{"version", "integer", "Versienummer"}}},
        [](const competence::Service& s, Request& r) { return answer(s.get_framework(actor(r), r.param("code"), version_param(r))); });
  typed(Method::post, "/api/v1/frameworks", access::write_frameworks,
        "Import a framework (JSON file format): new, or an edit by the versioning rules",
        Contract{framework_change.request, json_body, framework_change.answer, 201},
        [](const competence::Service& s, Request& r) { return change_answer(s.import_framework(actor(r), framework_body(r))); });
  typed(Method::put, "/api/v1/frameworks/{code}", access::write_frameworks, "Edit a framework: a version in use becomes version + 1",
        framework_change,
        [](const competence::Service& s, Request& r) { return change_answer(s.edit_framework(actor(r), r.param("code"), framework_body(r))); });
  typed(Method::del, "/api/v1/frameworks/{code}/competencies/{competency}", access::write_frameworks,
        "Remove a competency from a framework; refused while a profile or an open round uses it",
        Contract{nullptr, {}, answer_schema<competence::FrameworkChange>}, [](const competence::Service& s, Request& r) {
          return change_answer(s.remove_competency(actor(r), r.param("code"), r.param("competency")));
        });
  typed(Method::del, "/api/v1/frameworks/{code}", access::write_frameworks, "Delete a framework nothing refers to",
        Contract{nullptr, {}, nullptr, 204}, [](const competence::Service& s, Request& r) {
          s.delete_framework(actor(r), r.param("code"));
          return no_content();
        });
  typed(Method::get, "/api/v1/reference-frameworks", access::read_frameworks, "The reference frameworks shipped with Kwartiermaker",
        Contract{nullptr, {}, answer_schema<competence::ReferenceFrameworkList>},
        [](const competence::Service& s, Request& r) { return answer(s.reference_frameworks(actor(r))); });
  typed(Method::post, "/api/v1/reference-frameworks/{code}/copy", access::write_frameworks,
        "Copy a reference framework into the municipality (optional new code and name)",
        Contract{request_schema<competence::FrameworkCopy>, json_body, answer_schema<competence::FrameworkChange>, 201},
        copy_reference_framework);
  typed(Method::get, "/api/v1/export/frameworks", access::export_catalogue,
        "Every current framework, one row per indicator (?format=csv|xlsx)", file_download,
        [](const competence::Service& s, Request& r) { return export_answer(r, s.export_frameworks(actor(r))); });

  typed(Method::get, "/api/v1/profiles", access::read_profiles, "Every function level with a summary of its profile (?format=csv|xlsx)",
        Contract{nullptr, {}, answer_schema<competence::ProfileList>, 200, json_body, {format}},
        [](const competence::Service& s, Request& r) {
          const Format chosen = format_of(r);
          return chosen == Format::json ? answer(s.list_profiles(actor(r))) : file_response(s.profile_overview(actor(r)), chosen);
        });
  typed(Method::get, "/api/v1/profiles/compare", access::read_profiles,
        "Compare two profiles (?from=CODE/LEVEL&to=CODE/LEVEL): overlap, differences, proposed match",
        Contract{nullptr, {}, answer_schema<competence::ProfileComparisonView>, 200, json_body,
                 {{"from", "string", "FUNCTIECODE/NIVEAU"}, {"to", "string", "FUNCTIECODE/NIVEAU"}}},
        [](const competence::Service& s, Request& r) {
          return answer(s.compare_profiles(actor(r), key_param(r, "from"), key_param(r, "to")));
        });
  typed(Method::get, "/api/v1/profiles/career-path", access::read_profiles,
        "What changes between the levels of a function (?function=CODE&levels=a,b,c)",
        Contract{nullptr, {}, answer_schema<competence::CareerPathView>, 200, json_body,
                 {{"function", "string", "Functiecode"}, {"levels", "string", "Niveaus, met komma's gescheiden"}}},
        career_path);
  typed(Method::get, "/api/v1/profiles/{function_code}/{level}", access::read_profiles, "The profile of one function level",
        Contract{nullptr, {}, answer_schema<competence::StoredProfile>},
        [](const competence::Service& s, Request& r) { return answer(s.get_profile(actor(r), profile_key(r))); });
  typed(Method::put, "/api/v1/profiles/{function_code}/{level}", access::write_profiles, "Replace the profile of one function level",
        Contract{request_schema<wire::ProfileBody>, json_body, answer_schema<competence::StoredProfile>},
        [](const competence::Service& s, Request& r) { return answer(s.put_profile(actor(r), profile_key(r), profile_draft(r))); });
  typed(Method::post, "/api/v1/import/profiles", access::write_profiles,
        "Import profiles CSV (function_code,level,competency_code,required,critical): all rows or none",
        Contract{http::file_schema, csv_body, answer_schema<competence::ProfileImport>},
        [](const competence::Service& s, Request& r) { return answer(s.import_profiles(actor(r), r.body)); });
  typed(Method::get, "/api/v1/export/profiles", access::export_catalogue, "Every profile in the import format (?format=csv|xlsx)",
        file_download, [](const competence::Service& s, Request& r) { return export_answer(r, s.export_profiles(actor(r))); });

  typed(Method::get, "/api/v1/external-organisations", access::external_organisations,
        "External organisations with seconded or hired workers, and whether they agreed to assessment",
        Contract{nullptr, {}, answer_schema<competence::ExternalOrganisationList>},
        [](const competence::Service& s, Request& r) { return answer(s.external_organisations(actor(r))); });
  typed(Method::put, "/api/v1/external-organisations/{name}", access::external_organisations,
        "Record an organisation's agreement ({\"agreed\": bool})",
        Contract{request_schema<competence::ExternalOrganisation>, json_body, answer_schema<competence::ExternalOrganisation>},
        [](const competence::Service& s, Request& r) {
          const auto body = wire::from_body<competence::ExternalOrganisation>(r.body);
          return answer(s.set_external_agreement(actor(r), r.param("name"), body.agreed));
        });

  route(Method::get, "/api/v1/assessment-rounds", access::read_rounds, "Assessment rounds the caller may see (?format=csv|xlsx)", list_rounds);
  route(Method::post, "/api/v1/assessment-rounds", access::manage_rounds, "Create a round; its purpose is fixed from then on", create_round, json_body);
  route(Method::get, "/api/v1/assessment-rounds/{code}", access::read_rounds, "One assessment round", get_round);
  route(Method::get, "/api/v1/assessment-rounds/{code}/participants", access::read_participants, "The round's participants the caller may see",
        list_participants);
  route(Method::post, "/api/v1/assessment-rounds/{code}/participants", access::manage_rounds, "Add participants (units and/or people)", add_participants,
        json_body);
  route(Method::post, "/api/v1/assessment-rounds/{code}/close", access::manage_rounds, "Close a round: no more ratings", close_round);
  route(Method::get, "/api/v1/assessment-rounds/{code}/progress", access::read_progress, "Who has finished which source (?format=csv|xlsx)",
        round_progress);
  route(Method::get, "/api/v1/assessment-rounds/{code}/forms/{personnel_number}/{source}", access::read_forms,
        "The rating form of one person and source", get_form);
  route(Method::put, "/api/v1/assessment-rounds/{code}/forms/{personnel_number}/{source}", access::rate,
        "Save scores on a form: all or none", save_form, json_body);
  route(Method::post, "/api/v1/assessment-rounds/{code}/consents/{personnel_number}", access::manage_rounds,
        "Record an employee's consent (given on paper) to use a development round for selection", record_consent);
  route(Method::del, "/api/v1/assessment-rounds/{code}/consents/{personnel_number}", access::manage_rounds, "Withdraw a recorded consent",
        withdraw_consent);
  route(Method::post, "/api/v1/import/assessments", access::transfer_assessments,
        "Import assessments CSV (round_code,personnel_number,source,competency_code,indicator_code,score): all rows or none",
        import_assessments, csv_body);
  route(Method::get, "/api/v1/export/assessments", access::transfer_assessments, "A round's ratings in the import format (?round=CODE&format=csv|xlsx)",
        export_assessments);

  route(Method::get, "/api/v1/my/assessments", access::self_assessment, "The employee's own rounds with their self-assessment status", own_rounds);
  route(Method::get, "/api/v1/my/assessments/{code}", access::self_assessment, "The employee's self-assessment form", own_form);
  route(Method::put, "/api/v1/my/assessments/{code}", access::self_assessment, "Save the employee's self-assessment", save_own_form, json_body);
  route(Method::post, "/api/v1/my/assessments/{code}/consent", access::self_assessment,
        "Consent that this development round's results may be used for selection and placement", own_consent);
  route(Method::del, "/api/v1/my/assessments/{code}/consent", access::self_assessment, "Withdraw that consent", withdraw_own_consent);

  route(Method::get, "/api/v1/assessment-rounds/{code}/gaps", access::read_results,
        "Verdicts and gaps per person (?unit=CODE&function=CODE&level=L; unit includes its subtree; ?format=csv|xlsx)", round_gaps);
  route(Method::get, "/api/v1/assessment-rounds/{code}/people/{personnel_number}/report", access::read_results,
        "One person against their round profile or any other (?function=CODE&level=L)", person_report);
  route(Method::get, "/api/v1/assessment-rounds/{code}/heatmap/team", access::read_team_heatmap,
        "People x competencies of a unit and its subtree (?unit=CODE; ?format=csv|xlsx)", team_heatmap);
  route(Method::get, "/api/v1/assessment-rounds/{code}/heatmap/organisation", access::read_aggregates,
        "Units x competencies: average gap and share meeting (?unit=CODE; ?format=csv|xlsx)", organisation_heatmap);
  route(Method::get, "/api/v1/assessment-rounds/{code}/coverage", access::read_aggregates,
        "How many people meet each critical competency (?unit=CODE; ?format=csv|xlsx)", round_coverage);
  route(Method::get, "/api/v1/assessment-rounds/{code}/growth", access::read_aggregates,
        "Growth from an earlier round for the same people (?from=CODE&unit=CODE; ?format=csv|xlsx)", round_growth);
  route(Method::get, "/api/v1/assessment-rounds/{code}/selection-evidence", access::read_selection_evidence,
        "What selection and placement may use: development rounds only with consent", selection_evidence);
  route(Method::get, "/api/v1/assessment-rounds/{code}/selection-evidence/{personnel_number}", access::read_selection_evidence,
        "One person's selection evidence; 403 purpose_limitation without consent for a development round", person_selection_evidence);

  route(Method::get, "/api/v1/assessment-rounds/{code}/assessors", access::manage_rounds, "External assessors of a round", list_assessors);
  route(Method::post, "/api/v1/assessment-rounds/{code}/assessors", access::manage_rounds,
        "Create an assessor account for the round, or link an existing one", add_assessor, json_body);
  route(Method::del, "/api/v1/assessment-rounds/{code}/assessors/{username}", access::manage_rounds, "Unlink an assessor from a round", remove_assessor);
}

}  // namespace kwm::api
