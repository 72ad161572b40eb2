// The placement procedure's routes (docs/api.md, "Placement"): reorganisations, the function mapping,
// preferences, selection input, suitability, fixed and forbidden pairs, runs, explanations, vacancies and
// objections. Each handler reads its input (wire::from_body, query parameters), calls the placement service
// with the caller and writes the answer with the struct's one serialiser (placement/wire.hpp); the route's
// action (placement/access.hpp) is what the router checks first.
#include <charconv>

#include <fmt/format.h>

#include "api/json.hpp"
#include "api/routes.hpp"
#include "placement/access.hpp"
#include "placement/service.hpp"
#include "placement/wire.hpp"
#include "store/placement_repository.hpp"

namespace kwm::api {
namespace {

using http::Access;
using http::Contract;
using http::Method;
using http::Request;
using http::Response;
using placement::Service;

const Principal& caller(const Request& request) { return *request.principal; }

std::int64_t reorganisation_id(const Request& request) { return request.id_param("id"); }

template <typename T>
Response answer(const T& value, unsigned status = 200) {
  return json_response(wire::to_json(value), status);
}

template <typename T>
Response items(const std::vector<T>& values) {
  return json_response(json::object{{"items", wire::to_json(values)}});
}

// A run's note is optional, and so is the body that carries it.
placement::RunNote note_of(const Request& request) {
  return request.body.empty() ? placement::RunNote{} : wire::from_body<placement::RunNote>(request.body);
}

std::optional<bool> query_flag(const Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text) return std::nullopt;
  if (*text != "true" && *text != "false") {
    fail_invalid(std::string(name), fmt::format("De parameter '{}' is true of false", name), "invalid_parameter");
  }
  return *text == "true";
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

// --- Handlers ------------------------------------------------------------------------------------------

Response create_reorganisation(const Service& s, Request& r) {
  const std::int64_t id = s.create_reorganisation(caller(r), wire::from_body<placement::ReorganisationInput>(r.body));
  return answer(s.get_reorganisation(caller(r), id), 201);
}

Response update_reorganisation(const Service& s, Request& r) {
  s.update_reorganisation(caller(r), reorganisation_id(r), wire::from_body<placement::ReorganisationInput>(r.body));
  return answer(s.get_reorganisation(caller(r), reorganisation_id(r)));
}

Response suitability(const Service& s, Request& r) {
  const PageRequest page = page_request(r);
  const placement::SuitabilityPage found = s.suitability(
      caller(r), reorganisation_id(r), {query_id(r, "person_id"), query_id(r, "position_id")}, page.offset(), page.page_size);
  json::array list;
  for (const auto& item : found.items) list.push_back(wire::to_json(item));
  return json_response(page_envelope(std::move(list), page, found.total));
}

Response add_decision(const Service& s, Request& r) {
  return answer(s.add_pair_decision(caller(r), reorganisation_id(r), wire::from_body<placement::PairDecisionInput>(r.body)), 201);
}

Response create_run(const Service& s, Request& r) {
  const std::int64_t run_id = s.create_run(caller(r), reorganisation_id(r), note_of(r));
  return answer(s.run(caller(r), reorganisation_id(r), run_id), 201);
}

Response confirm_run(const Service& s, Request& r) {
  const std::int64_t run_id = r.id_param("run_id");
  s.confirm_run(caller(r), reorganisation_id(r), run_id, note_of(r));
  return answer(s.run(caller(r), reorganisation_id(r), run_id));
}

Response register_objection(const Service& s, Request& r) {
  return answer(s.register_objection(caller(r), reorganisation_id(r), wire::from_body<placement::ObjectionInput>(r.body)), 201);
}

}  // namespace

void add_placement_routes(http::Router& router, store::Database& db) {
  const std::shared_ptr<const Service> service = store::placement_service(db);
  namespace access = placement::access;
  using http::answer_schema;
  using http::items_schema;
  using http::request_schema;
  using placement::ReorganisationView;
  const auto route = [&](Method method, std::string pattern, const Action& action, std::string summary, Contract contract,
                         Response (*handler)(const Service&, Request&)) {
    router.add({method, "/api/v1/reorganisations" + std::move(pattern), Access::to(action), std::move(summary),
                [service, handler](Request& request) { return handler(*service, request); }, "placement", "", std::move(contract)});
  };
  const auto reading = [](http::SchemaWriter answer, std::vector<http::QueryParameter> query = {}) {
    return Contract{nullptr, {}, answer, 200, "application/json", std::move(query)};
  };
  const auto writing = [](http::SchemaWriter request, http::SchemaWriter answer, unsigned status = 200) {
    return Contract{request, "application/json", answer, status};
  };

  route(Method::get, "", access::read_reorganisations, "Reorganisations the caller may see (HR whole, others in outline)",
        reading(items_schema<ReorganisationView>), [](const Service& s, Request& r) { return items(s.list_reorganisations(caller(r))); });
  route(Method::post, "", access::write_reorganisations, "Create a reorganisation (old and new formation, deadline, settings)",
        writing(request_schema<placement::ReorganisationInput>, answer_schema<ReorganisationView>, 201), create_reorganisation);
  route(Method::get, "/{id}", access::read_reorganisations, "One reorganisation (HR whole, others in outline)",
        reading(answer_schema<ReorganisationView>),
        [](const Service& s, Request& r) { return answer(s.get_reorganisation(caller(r), reorganisation_id(r))); });
  route(Method::put, "/{id}", access::write_reorganisations, "Replace a reorganisation's settings (not after confirmation)",
        writing(request_schema<placement::ReorganisationInput>, answer_schema<ReorganisationView>), update_reorganisation);
  route(Method::get, "/{id}/scope", access::read_scope, "The employees of the old formation and the positions of the new one",
        reading(answer_schema<placement::ScopeView>), [](const Service& s, Request& r) { return answer(s.scope(caller(r), reorganisation_id(r))); });
  route(Method::get, "/{id}/functions", access::read_reorganisations, "The new formation's function levels, to state preferences for",
        reading(items_schema<placement::NewFunction>),
        [](const Service& s, Request& r) { return items(s.new_functions(caller(r), reorganisation_id(r))); });

  route(Method::get, "/{id}/function-mapping", access::read_mapping, "Old to new functions: proposals and the confirmed match",
        reading(answer_schema<placement::MappingView>),
        [](const Service& s, Request& r) { return answer(s.function_mapping(caller(r), reorganisation_id(r))); });
  route(Method::post, "/{id}/function-mapping/propose", access::write_mapping, "Propose the mapping afresh from the competency profiles",
        reading(answer_schema<placement::MappingView>),
        [](const Service& s, Request& r) { return answer(s.propose_function_mapping(caller(r), reorganisation_id(r))); });
  route(Method::put, "/{id}/function-mapping", access::write_mapping, "Confirm the mapping, changing the pairs listed",
        writing(request_schema<placement::MappingChoices>, answer_schema<placement::MappingView>), [](const Service& s, Request& r) {
          return answer(s.confirm_function_mapping(caller(r), reorganisation_id(r), wire::from_body<placement::MappingChoices>(r.body)));
        });

  route(Method::get, "/{id}/my-preferences", access::own_preferences, "The caller's own preferences and deadline",
        reading(answer_schema<placement::OwnPreferences>),
        [](const Service& s, Request& r) { return answer(s.own_preferences(caller(r), reorganisation_id(r))); });
  route(Method::put, "/{id}/my-preferences", access::own_preferences, "State the caller's own ranked preferences, each with a motivation",
        writing(request_schema<placement::PreferenceChoices>, answer_schema<placement::OwnPreferences>), [](const Service& s, Request& r) {
          return answer(s.save_own_preferences(caller(r), reorganisation_id(r), wire::from_body<placement::PreferenceChoices>(r.body)));
        });
  route(Method::get, "/{id}/preferences", access::read_preferences, "Every employee's preferences, and who has not responded (?responded=)",
        reading(answer_schema<placement::PreferenceOverview>, {{"responded", "string", "true of false: alleen wie wel of niet reageerde"}}),
        [](const Service& s, Request& r) { return answer(s.preferences(caller(r), reorganisation_id(r), query_flag(r, "responded"))); });
  route(Method::put, "/{id}/preferences/{person_id}", access::write_preferences, "Enter an employee's preferences from a paper form",
        writing(request_schema<placement::PreferenceChoices>, answer_schema<placement::PreferenceSheet>), [](const Service& s, Request& r) {
          return answer(s.save_preferences_for(caller(r), reorganisation_id(r), r.id_param("person_id"),
                                               wire::from_body<placement::PreferenceChoices>(r.body)));
        });

  route(Method::get, "/{id}/interview-scores", access::read_selection, "The selection committee's interview scores",
        reading(items_schema<placement::InterviewRow>),
        [](const Service& s, Request& r) { return items(s.interview_scores(caller(r), reorganisation_id(r))); });
  route(Method::put, "/{id}/interview-scores", access::write_selection, "Enter or remove interview scores (all or nothing)",
        writing(request_schema<placement::InterviewScores>, items_schema<placement::InterviewRow>), [](const Service& s, Request& r) {
          return items(s.save_interview_scores(caller(r), reorganisation_id(r), wire::from_body<placement::InterviewScores>(r.body)));
        });
  route(Method::get, "/{id}/appraisals", access::read_selection, "Last appraisals", reading(items_schema<placement::AppraisalRow>),
        [](const Service& s, Request& r) { return items(s.appraisals(caller(r), reorganisation_id(r))); });
  route(Method::put, "/{id}/appraisals", access::write_selection, "Enter or remove last appraisals (all or nothing)",
        writing(request_schema<placement::Appraisals>, items_schema<placement::AppraisalRow>), [](const Service& s, Request& r) {
          return items(s.save_appraisals(caller(r), reorganisation_id(r), wire::from_body<placement::Appraisals>(r.body)));
        });
  route(Method::get, "/{id}/suitability", access::read_suitability, "Suitability of every employee for every position, with its breakdown",
        reading(http::page_schema<placement::procedure::SuitabilityRecord>,
                {{"person_id", "integer", "Alleen deze medewerker"},
                 {"position_id", "integer", "Alleen deze formatieplaats"},
                 {"page", "integer", "Paginanummer, vanaf 1"},
                 {"page_size", "integer", "Aantal per pagina, hoogstens 500"}}),
        suitability);

  route(Method::get, "/{id}/pair-decisions", access::read_pair_decisions, "Pairs HR fixed or forbade",
        reading(items_schema<placement::PairDecisionRow>),
        [](const Service& s, Request& r) { return items(s.pair_decisions(caller(r), reorganisation_id(r))); });
  route(Method::post, "/{id}/pair-decisions", access::write_pair_decisions, "Fix (lock) or forbid an employee on a position",
        writing(request_schema<placement::PairDecisionInput>, answer_schema<placement::PairDecisionRow>, 201), add_decision);
  route(Method::del, "/{id}/pair-decisions/{decision_id}", access::write_pair_decisions, "Lift a fixed or forbidden pair",
        Contract{nullptr, {}, nullptr, 204}, [](const Service& s, Request& r) {
          s.remove_pair_decision(caller(r), reorganisation_id(r), r.id_param("decision_id"));
          return no_content();
        });

  route(Method::post, "/{id}/runs", access::create_runs, "Run the placement: a proposal, stored with its explanations",
        writing(request_schema<placement::RunNote>, answer_schema<placement::RunDetail>, 201), create_run);
  route(Method::get, "/{id}/runs", access::read_runs, "The runs with their headline figures", reading(items_schema<placement::RunHeadline>),
        [](const Service& s, Request& r) { return items(s.runs(caller(r), reorganisation_id(r))); });
  route(Method::get, "/{id}/runs/{run_id}", access::read_run_details, "One run: placements, surplus with near misses, open slots",
        reading(answer_schema<placement::RunDetail>),
        [](const Service& s, Request& r) { return answer(s.run(caller(r), reorganisation_id(r), r.id_param("run_id"))); });
  route(Method::post, "/{id}/runs/{run_id}/confirm", access::confirm_runs,
        "Confirm a run as the result, as the calling user; opens the vacancies",
        writing(request_schema<placement::RunNote>, answer_schema<placement::RunDetail>), confirm_run);
  route(Method::get, "/{id}/runs/{run_id}/summary", access::read_runs, "A run's figures by unit, hours, contract and education",
        reading(answer_schema<placement::RunSummary>),
        [](const Service& s, Request& r) { return answer(s.run_summary(caller(r), reorganisation_id(r), r.id_param("run_id"))); });
  route(Method::get, "/{id}/run-comparison", access::read_runs, "Runs side by side (?runs=3,4)",
        reading(answer_schema<placement::RunComparison>, {{"runs", "string", "Run-id's, gescheiden door komma's; leeg: alle runs"}}),
        [](const Service& s, Request& r) { return answer(s.compare_runs(caller(r), reorganisation_id(r), query_ids(r, "runs"))); });
  route(Method::get, "/{id}/runs/{run_id}/explanations", access::read_explanations, "Every employee's explanation of a run",
        reading(items_schema<placement::GivenExplanation>),
        [](const Service& s, Request& r) { return items(s.run_explanations(caller(r), reorganisation_id(r), r.id_param("run_id"))); });
  route(Method::get, "/{id}/runs/{run_id}/explanations/{person_id}", access::read_explanations, "One employee's explanation of a run",
        reading(answer_schema<placement::GivenExplanation>), [](const Service& s, Request& r) {
          return answer(s.run_explanation(caller(r), reorganisation_id(r), r.id_param("run_id"), r.id_param("person_id")));
        });
  route(Method::get, "/{id}/my-explanation", access::own_explanation, "The caller's own explanation of the confirmed result",
        reading(answer_schema<placement::GivenExplanation>),
        [](const Service& s, Request& r) { return answer(s.own_explanation(caller(r), reorganisation_id(r))); });

  route(Method::get, "/{id}/vacancies", access::read_vacancies, "Vacancies for the slots left open by the confirmed result",
        reading(items_schema<placement::Vacancy>), [](const Service& s, Request& r) { return items(s.vacancies(caller(r), reorganisation_id(r))); });
  route(Method::put, "/{id}/vacancies/{vacancy_id}", access::write_vacancies, "Move a vacancy to its next stage",
        writing(request_schema<placement::VacancyStageInput>, answer_schema<placement::Vacancy>), [](const Service& s, Request& r) {
          return answer(s.set_vacancy_stage(caller(r), reorganisation_id(r), r.id_param("vacancy_id"),
                                            wire::from_body<placement::VacancyStageInput>(r.body).stage));
        });

  route(Method::get, "/{id}/objections", access::read_objections, "Objections against the confirmed result (an employee: their own)",
        reading(items_schema<placement::Objection>), [](const Service& s, Request& r) { return items(s.objections(caller(r), reorganisation_id(r))); });
  route(Method::post, "/{id}/objections", access::register_objections, "Register an objection (an employee: their own)",
        writing(request_schema<placement::ObjectionInput>, answer_schema<placement::Objection>, 201), register_objection);
  route(Method::put, "/{id}/objections/{objection_id}", access::decide_objections, "Update an objection's status and response",
        writing(request_schema<placement::ObjectionUpdate>, answer_schema<placement::Objection>), [](const Service& s, Request& r) {
          return answer(s.update_objection(caller(r), reorganisation_id(r), r.id_param("objection_id"),
                                           wire::from_body<placement::ObjectionUpdate>(r.body)));
        });
}

}  // namespace kwm::api
