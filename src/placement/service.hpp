#pragma once
// The placement procedure of a reorganisation as its callers see it (API handlers, tests): reorganisations
// with their old and new formation, the function mapping, preferences, the selection committee's input,
// HR's fixed and forbidden pairs, runs with their explanations, confirmation, vacancies and objections.
// Every operation takes the caller, checks the access policy (placement/access.hpp), applies the rules and
// calls the pure procedure (placement/procedure/) for suitability, runs, explanations and figures; the
// Repository only loads and stores. A record of another municipality, or one outside the caller's reach,
// answers not_found exactly like a missing one. Writes are refused once a run has been confirmed.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/principal.hpp"
#include "placement/records.hpp"
#include "placement/repository.hpp"

namespace kwm::placement {

struct SuitabilityFilter {
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> position_id;
};

struct SuitabilityPage {
  std::vector<procedure::SuitabilityRecord> items;
  std::int64_t total = 0;
};

class Service {
 public:
  explicit Service(std::shared_ptr<Repository> repository);

  std::vector<ReorganisationView> list_reorganisations(const Principal& caller) const;
  ReorganisationView get_reorganisation(const Principal& caller, std::int64_t id) const;
  // Also proposes the function mapping (unconfirmed). 409 reorganisation_exists. Returns the new id.
  std::int64_t create_reorganisation(const Principal& caller, const ReorganisationInput& input) const;
  // The code cannot change (422 code_changed); other units clear the mapping's confirmation.
  void update_reorganisation(const Principal& caller, std::int64_t id, const ReorganisationInput& input) const;
  ScopeView scope(const Principal& caller, std::int64_t id) const;
  // What an employee can choose from.
  std::vector<NewFunction> new_functions(const Principal& caller, std::int64_t id) const;

  MappingView function_mapping(const Principal& caller, std::int64_t id) const;
  // Recomputes the proposals from the current profiles and clears the confirmation.
  MappingView propose_function_mapping(const Principal& caller, std::int64_t id) const;
  // The chosen pairs get the given match, every other its proposal; confirmed as the caller.
  MappingView confirm_function_mapping(const Principal& caller, std::int64_t id, const MappingChoices& choices) const;

  OwnPreferences own_preferences(const Principal& caller, std::int64_t id) const;
  // 409 deadline_passed; 422 too_many_preferences, duplicate_preference, not_in_new_formation,
  // motivation_required, motivation_too_long, naming preferences[i].field.
  OwnPreferences save_own_preferences(const Principal& caller, std::int64_t id, const PreferenceChoices& choices) const;
  // For an employee, from a paper form: the same rules.
  PreferenceSheet save_preferences_for(const Principal& caller, std::int64_t id, std::int64_t person_id,
                                       const PreferenceChoices& choices) const;
  // Every employee in scope; `responded` keeps only those who did (true) or did not (false).
  PreferenceOverview preferences(const Principal& caller, std::int64_t id, std::optional<bool> responded) const;

  std::vector<InterviewRow> interview_scores(const Principal& caller, std::int64_t id) const;
  // All or nothing, with fields like scores[2].score.
  std::vector<InterviewRow> save_interview_scores(const Principal& caller, std::int64_t id, const InterviewScores& scores) const;
  std::vector<AppraisalRow> appraisals(const Principal& caller, std::int64_t id) const;
  std::vector<AppraisalRow> save_appraisals(const Principal& caller, std::int64_t id, const Appraisals& appraisals) const;

  // Every employee × position of the new formation as the data is now, employee-major.
  SuitabilityPage suitability(const Principal& caller, std::int64_t id, const SuitabilityFilter& filter, std::int64_t offset,
                              std::int64_t limit) const;

  std::vector<PairDecisionRow> pair_decisions(const Principal& caller, std::int64_t id) const;
  // Replaces an earlier decision on the same pair. 409 already_locked, no_slot_left; 422 reason_required,
  // not_in_scope (person_id), not_in_new_formation (position_id).
  PairDecisionRow add_pair_decision(const Principal& caller, std::int64_t id, const PairDecisionInput& input) const;
  void remove_pair_decision(const Principal& caller, std::int64_t id, std::int64_t decision_id) const;

  // Builds the problem from the data as it is now, runs the engine, keeps the result with every
  // explanation. 409 mapping_not_confirmed, reorganisation_confirmed. Returns the run's id.
  std::int64_t create_run(const Principal& caller, std::int64_t id, const RunNote& note) const;
  std::vector<RunHeadline> runs(const Principal& caller, std::int64_t id) const;
  RunDetail run(const Principal& caller, std::int64_t id, std::int64_t run_id) const;
  // Confirms the run as the result, as the caller, and opens the vacancies of its open slots. 409
  // already_confirmed when this or another run of the reorganisation is confirmed.
  void confirm_run(const Principal& caller, std::int64_t id, std::int64_t run_id, const RunNote& note) const;
  // Figures whole and per group; groups under five people suppressed for whoever sees aggregates only.
  RunSummary run_summary(const Principal& caller, std::int64_t id, std::int64_t run_id) const;
  // The runs asked for, in that order; every run when the list is empty.
  RunComparison compare_runs(const Principal& caller, std::int64_t id, const std::vector<std::int64_t>& run_ids) const;

  std::vector<GivenExplanation> run_explanations(const Principal& caller, std::int64_t id, std::int64_t run_id) const;
  GivenExplanation run_explanation(const Principal& caller, std::int64_t id, std::int64_t run_id, std::int64_t person_id) const;
  // The employee's own explanation of the confirmed result; 404 no_confirmed_result before confirmation.
  GivenExplanation own_explanation(const Principal& caller, std::int64_t id) const;

  std::vector<Vacancy> vacancies(const Principal& caller, std::int64_t id) const;
  // Only forward (internal → partners → external), or to filled / withdrawn. 409 stage_backwards.
  Vacancy set_vacancy_stage(const Principal& caller, std::int64_t id, std::int64_t vacancy_id, VacancyStage stage) const;

  // HR all; an employee their own.
  std::vector<Objection> objections(const Principal& caller, std::int64_t id) const;
  // HR for anyone in the confirmed result; an employee for themselves (person_id none or their own). 409
  // no_confirmed_result, objection_open; 422 grounds_required.
  Objection register_objection(const Principal& caller, std::int64_t id, const ObjectionInput& input) const;
  // 422 response_required for upheld and rejected; 409 objection_closed once decided.
  Objection update_objection(const Principal& caller, std::int64_t id, std::int64_t objection_id, const ObjectionUpdate& update) const;

 private:
  std::shared_ptr<Repository> repository_;
};

}  // namespace kwm::placement
