// The placement procedure's routes (docs/api.md, "Placement"): reorganisations, the function mapping,
// preferences, selection input, suitability, fixed and forbidden pairs, runs, explanations, vacancies and
// objections. Handlers translate JSON; the store applies the roles, the municipality scope and the rules.
#include <boost/json.hpp>

#include <charconv>

#include <fmt/format.h>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "placement/procedure/json.hpp"
#include "store/reorganisation_store.hpp"

namespace kwm::api {
namespace {

namespace reorg = kwm::reorganisation;
using http::Access;
using http::Method;
using http::Request;
using http::Response;

const Principal& actor(const Request& request) { return *request.principal; }

// --- JSON in -------------------------------------------------------------------------------------------

Date required_date(const json::object& body, std::string_view field) {
  const std::string text = required_string(body, field);
  if (auto date = Date::parse(text)) return *date;
  fail_invalid(std::string(field), fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", text), "invalid_date");
}

const json::array& required_array(const json::object& body, std::string_view field) {
  const auto it = body.find(field);
  if (it == body.end() || it->value().is_null()) fail_invalid(std::string(field), fmt::format("Het veld '{}' ontbreekt", field), "missing_field");
  if (!it->value().is_array()) fail_invalid(std::string(field), fmt::format("Het veld '{}' moet een lijst zijn", field), "invalid_type");
  return it->value().as_array();
}

// The object at items[i], with errors that name "field[i]".
const json::object& item_at(const json::array& items, std::size_t i, std::string_view field) {
  if (!items[i].is_object()) {
    fail_invalid(fmt::format("{}[{}]", field, i), fmt::format("Elk element van '{}' moet een JSON-object zijn", field), "invalid_type");
  }
  return items[i].as_object();
}

// Runs a field reader on an item and prefixes the field of any error with the item's path.
template <typename Read>
auto in_item(std::string_view field, std::size_t i, Read read) {
  try {
    return read();
  } catch (const Failure& failure) {
    Error error = failure.error();
    if (!error.field.empty()) error.field = fmt::format("{}[{}].{}", field, i, error.field);
    throw Failure(std::move(error));
  }
}

store::ReorganisationInput reorganisation_from(const json::object& body, const std::optional<reorg::Settings>& current) {
  store::ReorganisationInput input;
  input.code = required_string(body, "code");
  input.name = required_string(body, "name");
  input.old_unit_id = required_int(body, "old_unit_id");
  input.new_unit_id = required_int(body, "new_unit_id");
  input.preference_deadline = required_date(body, "preference_deadline");
  input.effective_date = required_date(body, "effective_date");
  const auto max = optional_int(body, "max_preferences").value_or(3);
  if (max < 1 || max > reorg::kMaxPreferencesLimit) {
    fail_invalid("max_preferences", fmt::format("Het aantal voorkeuren is 1 tot en met {}", reorg::kMaxPreferencesLimit));
  }
  input.max_preferences = static_cast<int>(max);
  input.assessment_round = optional_string(body, "assessment_round").value_or("");
  const auto settings = body.find("settings");
  if (settings != body.end() && !settings->value().is_null()) {
    input.settings = reorg::settings_from_json(settings->value());
  } else if (current) {
    input.settings = *current;
  } else {
    // Up to three bonuses by default; fewer when fewer preferences may be stated.
    input.settings.preference_bonus.resize(std::min<std::size_t>(input.settings.preference_bonus.size(), static_cast<std::size_t>(max)));
  }
  return input;
}

std::vector<store::PreferenceChoice> preferences_from(const json::object& body) {
  const json::array& items = required_array(body, "preferences");
  std::vector<store::PreferenceChoice> choices;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::object& item = item_at(items, i, "preferences");
    choices.push_back(in_item("preferences", i, [&] {
      return store::PreferenceChoice{required_int(item, "function_id"), optional_string(item, "motivation").value_or("")};
    }));
  }
  return choices;
}

std::vector<std::int64_t> query_ids(const Request& request, std::string_view name) {
  std::vector<std::int64_t> ids;
  const std::string text = request.query_param(name).value_or("");
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::int64_t value = 0;
    const auto [last, ec] = std::from_chars(text.data() + start, text.data() + end, value);
    if (ec != std::errc{} || last != text.data() + end || value <= 0) {
      fail_invalid(std::string(name), fmt::format("De parameter '{}' is een lijst van run-id's, bijvoorbeeld 3,4", name), "invalid_parameter");
    }
    ids.push_back(value);
    start = end + 1;
  }
  return ids;
}

// --- JSON out ------------------------------------------------------------------------------------------

json::value parsed(const std::string& text) { return json::parse(text); }

json::object unit_ref(const store::UnitRef& unit) { return json::object{{"id", unit.id}, {"code", unit.code}, {"name", unit.name}}; }

json::object reorganisation_json(const store::Reorganisation& r, const Principal& viewer) {
  json::object object{{"id", r.id},
                      {"code", r.code},
                      {"name", r.name},
                      {"status", r.confirmed() ? "confirmed" : "preparing"},
                      {"preference_deadline", r.preference_deadline.iso()},
                      {"effective_date", r.effective_date.iso()},
                      {"max_preferences", r.max_preferences}};
  if (!viewer.sees_whole_municipality()) return object;
  object["old_unit"] = unit_ref(r.old_unit);
  object["new_unit"] = unit_ref(r.new_unit);
  object["assessment_round"] = text_or_null(r.assessment_round);
  object["settings"] = reorg::to_json(r.settings);
  object["mapping_confirmed"] = r.mapping_confirmed_by.empty()
                                    ? json::value(nullptr)
                                    : json::value(json::object{{"by", r.mapping_confirmed_by}, {"at", r.mapping_confirmed_at}});
  object["confirmed_run_id"] = r.confirmed_run_id ? json::value(*r.confirmed_run_id) : json::value(nullptr);
  object["employees"] = r.employees;
  object["positions"] = r.positions;
  object["responded"] = r.responded;
  object["created_by"] = r.created_by;
  object["created_at"] = r.created_at;
  return object;
}

json::object preference_json(const store::PreferenceEntry& entry) {
  return json::object{{"rank", entry.rank},
                      {"function_id", entry.function_id},
                      {"function_code", entry.function_code},
                      {"function_name", entry.function_name},
                      {"level", entry.level},
                      {"motivation", entry.motivation}};
}

json::array preferences_json(const store::PreferenceSheet& sheet) {
  json::array items;
  for (const store::PreferenceEntry& entry : sheet.preferences) items.push_back(preference_json(entry));
  return items;
}

json::object own_sheet_json(const store::PreferenceSheet& sheet) {
  return json::object{{"reorganisation_id", sheet.reorganisation_id},
                      {"deadline", sheet.deadline.iso()},
                      {"open", sheet.open},
                      {"max_preferences", sheet.max_preferences},
                      {"preferences", preferences_json(sheet)},
                      {"updated_at", text_or_null(sheet.updated_at)}};
}

json::object employee_sheet_json(const store::PreferenceSheet& sheet) {
  return json::object{{"person_id", sheet.person_id},
                      {"personnel_number", sheet.personnel_number},
                      {"name", sheet.name},
                      {"unit_code", sheet.unit_code},
                      {"responded", sheet.responded},
                      {"updated_at", text_or_null(sheet.updated_at)},
                      {"preferences", preferences_json(sheet)}};
}

json::object mapping_json(const store::MappingView& view) {
  json::array old_functions, new_functions, pairs;
  for (const store::MappedFunction& f : view.old_functions) {
    old_functions.push_back(
        json::object{{"function_id", f.function_id}, {"code", f.code}, {"name", f.name}, {"level", f.level}, {"employees", f.employees}});
  }
  for (const store::MappedFunction& f : view.new_functions) {
    new_functions.push_back(json::object{{"function_id", f.function_id},
                                         {"code", f.code},
                                         {"name", f.name},
                                         {"level", f.level},
                                         {"novelty", f.continues ? "continued" : "new"}});
  }
  for (const reorg::MappingPair& pair : view.pairs) {
    json::array reasons;
    for (const std::string& reason : pair.reasons) reasons.push_back(json::value(reason));
    pairs.push_back(json::object{{"old_function_id", pair.old_function_id},
                                 {"new_function_id", pair.new_function_id},
                                 {"proposed", competence::to_string(pair.proposed)},
                                 {"overlap", pair.overlap ? json::value(*pair.overlap) : json::value(nullptr)},
                                 {"reasons", std::move(reasons)},
                                 {"match", competence::to_string(pair.match)}});
  }
  return json::object{{"confirmed", view.confirmed_by.empty() ? json::value(nullptr)
                                                             : json::value(json::object{{"by", view.confirmed_by}, {"at", view.confirmed_at}})},
                      {"old_functions", std::move(old_functions)},
                      {"new_functions", std::move(new_functions)},
                      {"pairs", std::move(pairs)}};
}

json::object headline_json(const store::RunHeadline& run) {
  return json::object{{"id", run.id},
                      {"number", run.number},
                      {"status", run.confirmed ? "confirmed" : "proposal"},
                      {"note", run.note},
                      {"created_by", run.created_by},
                      {"created_at", run.created_at},
                      {"confirmed_by", text_or_null(run.confirmed_by)},
                      {"confirmed_at", text_or_null(run.confirmed_at)},
                      {"confirmation_note", run.confirmation_note},
                      {"figures", parsed(run.figures_json)}};
}

json::object run_json(const store::RunDetail& run) {
  json::object object = headline_json(run.headline);
  object["settings"] = parsed(run.settings_json);
  object["rounds"] = parsed(run.rounds_json);
  json::array placements, surplus;
  for (const std::string& item : run.placements_json) placements.push_back(parsed(item));
  for (const std::string& item : run.surplus_json) surplus.push_back(parsed(item));
  object["placements"] = std::move(placements);
  object["surplus"] = std::move(surplus);
  object["open_slots"] = parsed(run.open_slots_json);
  return object;
}

json::object summary_json(const store::RunSummary& summary) {
  json::object object = reorg::summary_json(summary.summary);
  object["run_id"] = summary.headline.id;
  object["number"] = summary.headline.number;
  object["status"] = summary.headline.confirmed ? "confirmed" : "proposal";
  return object;
}

json::object vacancy_json(const store::Vacancy& vacancy) {
  json::array partners;
  for (const std::string& code : vacancy.partners) partners.push_back(json::value(code));
  return json::object{{"id", vacancy.id},
                      {"position_id", vacancy.position_id},
                      {"unit_code", vacancy.unit_code},
                      {"function_code", vacancy.function_code},
                      {"function_name", vacancy.function_name},
                      {"level", vacancy.level},
                      {"slots", vacancy.slots},
                      {"fte", vacancy.fte.value()},
                      {"kind", org::to_string(vacancy.kind)},
                      {"end_date", vacancy.end_date ? json::value(vacancy.end_date->iso()) : json::value(nullptr)},
                      {"stage", store::to_string(vacancy.stage)},
                      {"partners", std::move(partners)},
                      {"updated_by", vacancy.updated_by},
                      {"updated_at", vacancy.updated_at}};
}

json::object objection_json(const store::Objection& objection) {
  return json::object{{"id", objection.id},
                      {"person_id", objection.person_id},
                      {"personnel_number", objection.personnel_number},
                      {"name", objection.name},
                      {"run_id", objection.run_id},
                      {"grounds", objection.grounds},
                      {"status", store::to_string(objection.status)},
                      {"response", objection.response},
                      {"explanation", parsed(objection.explanation_json)},
                      {"registered_by", objection.registered_by},
                      {"registered_at", objection.registered_at},
                      {"updated_by", objection.updated_by},
                      {"updated_at", objection.updated_at}};
}

json::object decision_json(const store::PairDecisionRow& row) {
  return json::object{{"id", row.id},
                      {"person_id", row.person_id},
                      {"personnel_number", row.personnel_number},
                      {"name", row.name},
                      {"position_id", row.position_id},
                      {"unit_code", row.unit_code},
                      {"function_code", row.function_code},
                      {"level", row.level},
                      {"decision", reorg::to_string(row.decision)},
                      {"reason", row.reason},
                      {"decided_by", row.decided_by},
                      {"decided_at", row.decided_at}};
}

template <typename Item, typename ToJson>
json::object items_of(const std::vector<Item>& items, ToJson to_json) {
  json::array array;
  for (const Item& item : items) array.push_back(to_json(item));
  return json::object{{"items", std::move(array)}};
}

// --- Handlers ------------------------------------------------------------------------------------------

std::int64_t reorganisation_id(const Request& request) { return request.id_param("id"); }

Response list_reorganisations(store::Database& db, Request& request) {
  const auto items = store::list_reorganisations(db, actor(request));
  return json_response(items_of(items, [&](const store::Reorganisation& r) { return reorganisation_json(r, actor(request)); }));
}

Response get_reorganisation(store::Database& db, Request& request) {
  return json_response(reorganisation_json(store::get_reorganisation(db, actor(request), reorganisation_id(request)), actor(request)));
}

Response create_reorganisation(store::Database& db, Request& request) {
  const auto created = store::create_reorganisation(db, actor(request), reorganisation_from(parse_object(request), std::nullopt));
  return json_response(reorganisation_json(created, actor(request)), 201);
}

Response update_reorganisation(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const auto current = store::get_reorganisation(db, actor(request), reorganisation_id(request));
  const auto updated = store::update_reorganisation(db, actor(request), current.id, reorganisation_from(body, current.settings));
  return json_response(reorganisation_json(updated, actor(request)));
}

Response scope(store::Database& db, Request& request) {
  const store::Scope found = store::reorganisation_scope(db, actor(request), reorganisation_id(request));
  json::array employees, positions;
  for (const reorg::Employee& e : found.employees) {
    employees.push_back(json::object{{"person_id", e.person_id},
                                     {"personnel_number", e.personnel_number},
                                     {"name", e.name},
                                     {"unit_code", e.unit_code},
                                     {"unit_name", e.unit_name},
                                     {"function_id", e.function_id ? json::value(*e.function_id) : json::value(nullptr)},
                                     {"function_code", text_or_null(e.function_code)},
                                     {"function_name", text_or_null(e.function_name)},
                                     {"level", text_or_null(e.level)},
                                     {"fte", e.fte.value()},
                                     {"contract", org::to_string(e.contract)},
                                     {"education_level", e.education ? json::value(org::to_string(*e.education)) : json::value(nullptr)},
                                     {"hire_date", e.hire_date ? json::value(e.hire_date->iso()) : json::value(nullptr)}});
  }
  for (const reorg::NewPosition& p : found.positions) {
    positions.push_back(json::object{{"position_id", p.position_id},
                                     {"unit_id", p.unit_id},
                                     {"unit_code", p.unit_code},
                                     {"unit_name", p.unit_name},
                                     {"function_id", p.function_id},
                                     {"function_code", p.function_code},
                                     {"function_name", p.function_name},
                                     {"level", p.level},
                                     {"education_level", org::to_string(p.education_required)},
                                     {"fte", p.fte.value()},
                                     {"kind", org::to_string(p.kind)},
                                     {"end_date", p.end_date ? json::value(p.end_date->iso()) : json::value(nullptr)},
                                     {"slots", p.slots},
                                     {"slot_fte", p.slot_fte().value()}});
  }
  return json_response(json::object{{"employees", std::move(employees)}, {"positions", std::move(positions)}});
}

Response new_functions(store::Database& db, Request& request) {
  const auto functions = store::new_functions(db, actor(request), reorganisation_id(request));
  return json_response(items_of(functions, [](const store::NewFunction& f) {
    return json::object{{"function_id", f.function_id},
                        {"code", f.code},
                        {"name", f.name},
                        {"level", f.level},
                        {"education_level", org::to_string(f.education)},
                        {"positions", f.positions},
                        {"slots", f.slots},
                        {"fte", f.fte.value()},
                        {"novelty", f.continues ? "continued" : "new"}};
  }));
}

Response get_mapping(store::Database& db, Request& request) {
  return json_response(mapping_json(store::function_mapping(db, actor(request), reorganisation_id(request))));
}

Response propose_mapping(store::Database& db, Request& request) {
  return json_response(mapping_json(store::propose_function_mapping(db, actor(request), reorganisation_id(request))));
}

Response confirm_mapping(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const json::array& items = required_array(body, "pairs");
  std::vector<store::MatchChoice> choices;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::object& item = item_at(items, i, "pairs");
    choices.push_back(in_item("pairs", i, [&] {
      const std::string text = required_string(item, "match");
      const auto match = reorg::function_match_from_string(text);
      if (!match) {
        fail_invalid("match", fmt::format("Onbekende koppeling '{}'; kies exchangeable, equivalent, suitable of none", text), "invalid_match");
      }
      return store::MatchChoice{required_int(item, "old_function_id"), required_int(item, "new_function_id"), *match};
    }));
  }
  return json_response(mapping_json(store::confirm_function_mapping(db, actor(request), reorganisation_id(request), choices)));
}

Response own_preferences(store::Database& db, Request& request) {
  return json_response(own_sheet_json(store::own_preferences(db, actor(request), reorganisation_id(request))));
}

Response save_own_preferences(store::Database& db, Request& request) {
  const auto choices = preferences_from(parse_object(request));
  return json_response(own_sheet_json(store::save_own_preferences(db, actor(request), reorganisation_id(request), choices)));
}

Response list_preferences(store::Database& db, Request& request) {
  const auto filter = request.query_param("responded");
  if (filter && *filter != "true" && *filter != "false") {
    fail_invalid("responded", "De parameter 'responded' is true of false", "invalid_parameter");
  }
  const auto sheets = store::list_preferences(db, actor(request), reorganisation_id(request));
  json::array employees;
  std::int64_t responded = 0;
  for (const store::PreferenceSheet& sheet : sheets) {
    responded += sheet.responded ? 1 : 0;
    if (filter && (*filter == "true") != sheet.responded) continue;
    employees.push_back(employee_sheet_json(sheet));
  }
  return json_response(json::object{{"responded", responded},
                                    {"not_responded", static_cast<std::int64_t>(sheets.size()) - responded},
                                    {"employees", std::move(employees)}});
}

Response save_preferences_for(store::Database& db, Request& request) {
  const auto choices = preferences_from(parse_object(request));
  return json_response(
      employee_sheet_json(store::save_preferences_for(db, actor(request), reorganisation_id(request), request.id_param("person_id"), choices)));
}

json::object interviews_json(const std::vector<store::InterviewRow>& rows) {
  return items_of(rows, [](const store::InterviewRow& row) {
    return json::object{{"person_id", row.person_id},   {"personnel_number", row.personnel_number}, {"name", row.name},
                        {"function_id", row.function_id}, {"function_code", row.function_code},   {"level", row.level},
                        {"score", row.score},           {"note", row.note},                       {"entered_by", row.entered_by},
                        {"entered_at", row.entered_at}};
  });
}

Response list_interviews(store::Database& db, Request& request) {
  return json_response(interviews_json(store::list_interview_scores(db, actor(request), reorganisation_id(request))));
}

Response save_interviews(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const json::array& items = required_array(body, "scores");
  std::vector<store::InterviewInput> scores;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::object& item = item_at(items, i, "scores");
    scores.push_back(in_item("scores", i, [&] {
      return store::InterviewInput{required_int(item, "person_id"), required_int(item, "function_id"), optional_number(item, "score"),
                                   optional_string(item, "note").value_or("")};
    }));
  }
  return json_response(interviews_json(store::save_interview_scores(db, actor(request), reorganisation_id(request), scores)));
}

json::object appraisals_json(const std::vector<store::AppraisalRow>& rows) {
  return items_of(rows, [](const store::AppraisalRow& row) {
    return json::object{{"person_id", row.person_id}, {"personnel_number", row.personnel_number}, {"name", row.name},
                        {"score", row.score},         {"date", row.date.iso()},                  {"entered_by", row.entered_by},
                        {"entered_at", row.entered_at}};
  });
}

Response list_appraisals(store::Database& db, Request& request) {
  return json_response(appraisals_json(store::list_appraisals(db, actor(request), reorganisation_id(request))));
}

Response save_appraisals(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const json::array& items = required_array(body, "appraisals");
  std::vector<store::AppraisalInput> appraisals;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json::object& item = item_at(items, i, "appraisals");
    appraisals.push_back(in_item("appraisals", i, [&] {
      store::AppraisalInput input{required_int(item, "person_id"), std::nullopt, std::nullopt};
      if (const auto score = optional_int(item, "score")) input.score = static_cast<int>(std::clamp<std::int64_t>(*score, -1000, 1000));
      if (const auto date = optional_string(item, "date"); date && !date->empty()) {
        input.date = Date::parse(*date);
        if (!input.date) fail_invalid("date", fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD", *date), "invalid_date");
      }
      return input;
    }));
  }
  return json_response(appraisals_json(store::save_appraisals(db, actor(request), reorganisation_id(request), appraisals)));
}

Response suitability(store::Database& db, Request& request) {
  const PageRequest page = page_request(request);
  const auto person = query_id(request, "person_id");
  const auto position = query_id(request, "position_id");
  const auto assessed = store::assess_reorganisation(db, actor(request), reorganisation_id(request));
  const reorg::Suitabilities& suitabilities = *assessed->suitabilities;
  json::array items;
  std::int64_t total = 0;
  for (const reorg::PairSuitability& pair : suitabilities.pairs()) {
    if (person && assessed->input.employees[pair.employee].person_id != *person) continue;
    if (position && assessed->input.positions[pair.position].position_id != *position) continue;
    if (total >= page.offset() && total < page.offset() + page.page_size) {
      items.push_back(reorg::suitability_json(suitabilities, pair, assessed->rounds));
    }
    ++total;
  }
  return json_response(page_envelope(std::move(items), page, total));
}

Response list_decisions(store::Database& db, Request& request) {
  return json_response(items_of(store::list_pair_decisions(db, actor(request), reorganisation_id(request)), decision_json));
}

Response add_decision(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const std::string text = required_string(body, "decision");
  const auto decision = reorg::decision_from_string(text);
  if (!decision) fail_invalid("decision", fmt::format("Onbekende beslissing '{}'; kies lock of forbid", text), "invalid_decision");
  const auto row = store::add_pair_decision(db, actor(request), reorganisation_id(request), required_int(body, "person_id"),
                                            required_int(body, "position_id"), *decision, optional_string(body, "reason").value_or(""));
  return json_response(decision_json(row), 201);
}

Response remove_decision(store::Database& db, Request& request) {
  store::remove_pair_decision(db, actor(request), reorganisation_id(request), request.id_param("decision_id"));
  return no_content();
}

std::string optional_note(const Request& request) {
  if (request.body.empty()) return {};
  return optional_string(parse_object(request), "note").value_or("");
}

Response create_run(store::Database& db, Request& request) {
  const std::int64_t id = reorganisation_id(request);
  const std::int64_t run_id = store::create_run(db, actor(request), id, optional_note(request));
  return json_response(run_json(store::get_run(db, actor(request), id, run_id)), 201);
}

Response list_runs(store::Database& db, Request& request) {
  return json_response(items_of(store::list_runs(db, actor(request), reorganisation_id(request)), headline_json));
}

Response get_run(store::Database& db, Request& request) {
  return json_response(run_json(store::get_run(db, actor(request), reorganisation_id(request), request.id_param("run_id"))));
}

Response confirm_run(store::Database& db, Request& request) {
  const std::int64_t id = reorganisation_id(request), run_id = request.id_param("run_id");
  store::confirm_run(db, actor(request), id, run_id, optional_note(request));
  return json_response(run_json(store::get_run(db, actor(request), id, run_id)));
}

Response run_summary(store::Database& db, Request& request) {
  return json_response(summary_json(store::run_summary(db, actor(request), reorganisation_id(request), request.id_param("run_id"))));
}

Response compare_runs(store::Database& db, Request& request) {
  const auto summaries = store::compare_runs(db, actor(request), reorganisation_id(request), query_ids(request, "runs"));
  json::array runs;
  for (const store::RunSummary& summary : summaries) runs.push_back(summary_json(summary));
  return json_response(json::object{{"runs", std::move(runs)}});
}

Response run_explanations(store::Database& db, Request& request) {
  const auto explanations = store::run_explanations(db, actor(request), reorganisation_id(request), request.id_param("run_id"));
  return json_response(items_of(explanations, [](const store::StoredExplanation& e) { return parsed(e.explanation_json); }));
}

Response run_explanation(store::Database& db, Request& request) {
  return json_response(parsed(
      store::run_explanation(db, actor(request), reorganisation_id(request), request.id_param("run_id"), request.id_param("person_id"))
          .explanation_json));
}

Response own_explanation(store::Database& db, Request& request) {
  return json_response(parsed(store::own_explanation(db, actor(request), reorganisation_id(request)).explanation_json));
}

Response list_vacancies(store::Database& db, Request& request) {
  return json_response(items_of(store::list_vacancies(db, actor(request), reorganisation_id(request)), vacancy_json));
}

Response set_vacancy_stage(store::Database& db, Request& request) {
  const std::string text = required_string(parse_object(request), "stage");
  const auto stage = store::vacancy_stage_from_string(text);
  if (!stage) {
    fail_invalid("stage", fmt::format("Onbekende fase '{}'; kies internal, partners, external, filled of withdrawn", text), "invalid_stage");
  }
  return json_response(
      vacancy_json(store::set_vacancy_stage(db, actor(request), reorganisation_id(request), request.id_param("vacancy_id"), *stage)));
}

Response list_objections(store::Database& db, Request& request) {
  return json_response(items_of(store::list_objections(db, actor(request), reorganisation_id(request)), objection_json));
}

Response register_objection(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const auto objection = store::register_objection(db, actor(request), reorganisation_id(request), optional_int(body, "person_id"),
                                                   optional_string(body, "grounds").value_or(""));
  return json_response(objection_json(objection), 201);
}

Response update_objection(store::Database& db, Request& request) {
  const json::object body = parse_object(request);
  const std::string text = required_string(body, "status");
  const auto status = store::objection_status_from_string(text);
  if (!status) {
    fail_invalid("status", fmt::format("Onbekende status '{}'; kies received, in_review, upheld, rejected of withdrawn", text), "invalid_status");
  }
  return json_response(objection_json(store::update_objection(db, actor(request), reorganisation_id(request), request.id_param("objection_id"),
                                                              *status, optional_string(body, "response").value_or(""))));
}

}  // namespace

void add_placement_routes(http::Router& router, store::Database& db) {
  const Access hr = Access::only({Role::admin, Role::hr});
  const Access aggregates = Access::only({Role::admin, Role::hr, Role::works_council});
  const Access concerned = Access::only({Role::admin, Role::hr, Role::works_council, Role::employee});
  const Access employee = Access::only({Role::employee});
  const Access hr_or_employee = Access::only({Role::admin, Role::hr, Role::employee});
  const auto route = [&](Method method, std::string pattern, Access access, std::string summary,
                         Response (*handler)(store::Database&, Request&), std::string body = {}) {
    router.add({method, "/api/v1/reorganisations" + std::move(pattern), std::move(access), std::move(summary),
                [&db, handler](Request& request) { return handler(db, request); }, "placement", std::move(body)});
  };
  const std::string json_body = "application/json";

  route(Method::get, "", concerned, "Reorganisations the caller may see", list_reorganisations);
  route(Method::post, "", hr, "Create a reorganisation (old and new formation, deadline, settings)", create_reorganisation, json_body);
  route(Method::get, "/{id}", concerned, "One reorganisation", get_reorganisation);
  route(Method::put, "/{id}", hr, "Replace a reorganisation's settings (not after confirmation)", update_reorganisation, json_body);
  route(Method::get, "/{id}/scope", hr, "The employees of the old formation and the positions of the new one", scope);
  route(Method::get, "/{id}/functions", concerned, "The new formation's function levels, to state preferences for", new_functions);

  route(Method::get, "/{id}/function-mapping", aggregates, "Old to new functions: proposals and the confirmed match", get_mapping);
  route(Method::post, "/{id}/function-mapping/propose", hr, "Propose the mapping afresh from the competency profiles", propose_mapping);
  route(Method::put, "/{id}/function-mapping", hr, "Confirm the mapping, changing the pairs listed", confirm_mapping, json_body);

  route(Method::get, "/{id}/my-preferences", employee, "The caller's own preferences and deadline", own_preferences);
  route(Method::put, "/{id}/my-preferences", employee, "State the caller's own ranked preferences, each with a motivation",
        save_own_preferences, json_body);
  route(Method::get, "/{id}/preferences", hr, "Every employee's preferences, and who has not responded (?responded=)", list_preferences);
  route(Method::put, "/{id}/preferences/{person_id}", hr, "Enter an employee's preferences from a paper form", save_preferences_for, json_body);

  route(Method::get, "/{id}/interview-scores", hr, "The selection committee's interview scores", list_interviews);
  route(Method::put, "/{id}/interview-scores", hr, "Enter or remove interview scores (all or nothing)", save_interviews, json_body);
  route(Method::get, "/{id}/appraisals", hr, "Last appraisals", list_appraisals);
  route(Method::put, "/{id}/appraisals", hr, "Enter or remove last appraisals (all or nothing)", save_appraisals, json_body);
  route(Method::get, "/{id}/suitability", hr, "Suitability of every employee for every position, with its breakdown", suitability);

  route(Method::get, "/{id}/pair-decisions", hr, "Pairs HR fixed or forbade", list_decisions);
  route(Method::post, "/{id}/pair-decisions", hr, "Fix (lock) or forbid an employee on a position", add_decision, json_body);
  route(Method::del, "/{id}/pair-decisions/{decision_id}", hr, "Lift a fixed or forbidden pair", remove_decision);

  route(Method::post, "/{id}/runs", hr, "Run the placement: a proposal, stored with its explanations", create_run, json_body);
  route(Method::get, "/{id}/runs", aggregates, "The runs with their headline figures", list_runs);
  route(Method::get, "/{id}/runs/{run_id}", hr, "One run: placements, surplus with near misses, open slots", get_run);
  route(Method::post, "/{id}/runs/{run_id}/confirm", hr, "Confirm a run as the result, as the calling user; opens the vacancies",
        confirm_run, json_body);
  route(Method::get, "/{id}/runs/{run_id}/summary", aggregates, "A run's figures by unit, hours, contract and education", run_summary);
  route(Method::get, "/{id}/run-comparison", aggregates, "Runs side by side (?runs=3,4)", compare_runs);
  route(Method::get, "/{id}/runs/{run_id}/explanations", hr, "Every employee's explanation of a run", run_explanations);
  route(Method::get, "/{id}/runs/{run_id}/explanations/{person_id}", hr, "One employee's explanation of a run", run_explanation);
  route(Method::get, "/{id}/my-explanation", employee, "The caller's own explanation of the confirmed result", own_explanation);

  route(Method::get, "/{id}/vacancies", aggregates, "Vacancies for the slots left open by the confirmed result", list_vacancies);
  route(Method::put, "/{id}/vacancies/{vacancy_id}", hr, "Move a vacancy to its next stage", set_vacancy_stage, json_body);

  route(Method::get, "/{id}/objections", hr_or_employee, "Objections against the confirmed result (an employee: their own)", list_objections);
  route(Method::post, "/{id}/objections", hr_or_employee, "Register an objection (an employee: their own)", register_objection, json_body);
  route(Method::put, "/{id}/objections/{objection_id}", hr, "Update an objection's status and response", update_objection, json_body);
}

}  // namespace kwm::api
