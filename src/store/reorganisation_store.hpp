#pragma once
// Storage of the placement procedure (issue 4, "the procedure in the product"): reorganisations with their
// old and new formation, the old → new function mapping, preferences, the selection committee's input,
// HR's fixed and forbidden pairs, runs (proposals) with their explanations, confirmation, vacancies and
// objections. The decisions and texts come from the pure library in src/placement/procedure/; this file
// loads its inputs, keeps its outputs, and applies who-sees-what.
//
// The old formation is every employee (engagement employee) in the subtree of the old unit; the new
// formation is every position in the subtree of the new unit (the same unit for a reorganisation in
// place). Every function takes the actor: a record of another municipality answers not_found exactly like
// a missing one. Writes are for admin and hr (employees write their own preferences and objections), run
// in one transaction with their audit entries, and are refused once a run has been confirmed.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/principal.hpp"
#include "placement/procedure/figures.hpp"
#include "placement/procedure/run.hpp"

namespace kwm::store {

class Database;

// --- Reorganisations ----------------------------------------------------------------------------------

struct ReorganisationInput {
  std::string code;
  std::string name;
  std::int64_t old_unit_id = 0;
  std::int64_t new_unit_id = 0;
  Date preference_deadline;
  Date effective_date;
  int max_preferences = 3;
  std::string assessment_round;  // "" for none
  reorganisation::Settings settings;
};

struct UnitRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
};

struct Reorganisation {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  UnitRef old_unit;
  UnitRef new_unit;
  Date preference_deadline;
  Date effective_date;
  int max_preferences = 3;
  std::string assessment_round;
  reorganisation::Settings settings;
  std::string mapping_confirmed_by;  // "" while unconfirmed
  std::string mapping_confirmed_at;
  std::optional<std::int64_t> confirmed_run_id;
  std::int64_t employees = 0;  // in the old formation now
  std::int64_t positions = 0;  // formation lines in the new formation now
  std::int64_t responded = 0;  // employees who stated their preferences (or that they have none)
  std::string created_by;
  std::string created_at;

  bool confirmed() const { return confirmed_run_id.has_value(); }
};

// Admin, hr and the works council see every reorganisation; an employee those whose old formation holds
// them. Managers, external users and assessors: forbidden.
std::vector<Reorganisation> list_reorganisations(Database& db, const Principal& actor);
Reorganisation get_reorganisation(Database& db, const Principal& actor, std::int64_t id);
// Admin and hr. Creating also proposes the function mapping (unconfirmed). 409 reorganisation_exists.
Reorganisation create_reorganisation(Database& db, const Principal& actor, const ReorganisationInput& input);
// The code cannot change (422 code_changed).
Reorganisation update_reorganisation(Database& db, const Principal& actor, std::int64_t id, const ReorganisationInput& input);

struct Scope {
  std::vector<reorganisation::Employee> employees;     // by personnel number
  std::vector<reorganisation::NewPosition> positions;  // by unit code, function, level
};
Scope reorganisation_scope(Database& db, const Principal& actor, std::int64_t id);  // admin, hr

struct NewFunction {
  std::int64_t function_id = 0;
  std::string code;
  std::string name;
  std::string level;
  org::EducationLevel education = org::EducationLevel::Hbo;
  std::int64_t positions = 0;
  std::int64_t slots = 0;
  Fte fte;
  bool continues = false;  // an old function is exchangeable or equivalent with it
};
// What an employee can choose from. Admin, hr, the works council, and employees in scope.
std::vector<NewFunction> new_functions(Database& db, const Principal& actor, std::int64_t id);

// --- Function mapping ---------------------------------------------------------------------------------

struct MappedFunction {
  std::int64_t function_id = 0;
  std::string code;
  std::string name;
  std::string level;
  std::int64_t employees = 0;  // old functions: how many in scope hold it
  bool continues = false;      // new functions
};

struct MappingView {
  std::string confirmed_by;  // "" while unconfirmed
  std::string confirmed_at;
  std::vector<MappedFunction> old_functions;
  std::vector<MappedFunction> new_functions;
  std::vector<reorganisation::MappingPair> pairs;  // every old × new pair, old order first
};

struct MatchChoice {
  std::int64_t old_function_id = 0;
  std::int64_t new_function_id = 0;
  reorganisation::FunctionMatch match = reorganisation::FunctionMatch::None;
};

// Admin, hr and the works council.
MappingView function_mapping(Database& db, const Principal& actor, std::int64_t id);
// Recomputes the proposals from the current profiles and clears the confirmation. Admin and hr.
MappingView propose_function_mapping(Database& db, const Principal& actor, std::int64_t id);
// Confirms the mapping as the actor: the chosen pairs get the given match, every other its proposal.
MappingView confirm_function_mapping(Database& db, const Principal& actor, std::int64_t id, const std::vector<MatchChoice>& choices);

// --- Preferences --------------------------------------------------------------------------------------

struct PreferenceChoice {
  std::int64_t function_id = 0;
  std::string motivation;
};

struct PreferenceEntry {
  int rank = 1;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string function_name;
  std::string level;
  std::string motivation;
};

struct PreferenceSheet {
  std::int64_t reorganisation_id = 0;
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::string unit_code;
  Date deadline;
  bool open = false;  // today is on or before the deadline and nothing is confirmed
  int max_preferences = 3;
  bool responded = false;
  std::string updated_at;
  std::vector<PreferenceEntry> preferences;  // by rank
};

// The employee's own sheet; not_found when they are not in the old formation.
PreferenceSheet own_preferences(Database& db, const Principal& actor, std::int64_t id);
// The employee's own ranked choices (first is rank 1; empty: no preference, still a response). 409
// deadline_passed; 422 too_many_preferences, duplicate_preference, not_in_new_formation,
// motivation_required, motivation_too_long, naming preferences[i].field.
PreferenceSheet save_own_preferences(Database& db, const Principal& actor, std::int64_t id, const std::vector<PreferenceChoice>& choices);
// Admin and hr, for an employee from a paper form: the same rules.
PreferenceSheet save_preferences_for(Database& db, const Principal& actor, std::int64_t id, std::int64_t person_id,
                                     const std::vector<PreferenceChoice>& choices);
// Admin and hr: every employee in scope, responded or not.
std::vector<PreferenceSheet> list_preferences(Database& db, const Principal& actor, std::int64_t id);

// --- Selection input ----------------------------------------------------------------------------------

struct InterviewInput {
  std::int64_t person_id = 0;
  std::int64_t function_id = 0;
  std::optional<double> score;  // empty: remove
  std::string note;
};

struct InterviewRow {
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string level;
  double score = 0;
  std::string note;
  std::string entered_by;
  std::string entered_at;
};

struct AppraisalInput {
  std::int64_t person_id = 0;
  std::optional<int> score;  // empty: remove
  std::optional<Date> date;
};

struct AppraisalRow {
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  int score = 0;
  Date date;
  std::string entered_by;
  std::string entered_at;
};

// Admin and hr. Saving is all or nothing, with fields like scores[2].score.
std::vector<InterviewRow> list_interview_scores(Database& db, const Principal& actor, std::int64_t id);
std::vector<InterviewRow> save_interview_scores(Database& db, const Principal& actor, std::int64_t id, const std::vector<InterviewInput>& scores);
std::vector<AppraisalRow> list_appraisals(Database& db, const Principal& actor, std::int64_t id);
std::vector<AppraisalRow> save_appraisals(Database& db, const Principal& actor, std::int64_t id, const std::vector<AppraisalInput>& appraisals);

// --- Suitability --------------------------------------------------------------------------------------

// Everything the rules need, loaded as it is now, and every pair assessed. Not movable: the suitabilities
// point into the input.
struct AssessedReorganisation {
  reorganisation::ProcedureInput input;
  std::optional<reorganisation::Suitabilities> suitabilities;
  std::vector<reorganisation::PlannedRound> rounds;
  AssessedReorganisation() = default;
  AssessedReorganisation(const AssessedReorganisation&) = delete;
  AssessedReorganisation& operator=(const AssessedReorganisation&) = delete;
};
// Admin and hr.
std::unique_ptr<AssessedReorganisation> assess_reorganisation(Database& db, const Principal& actor, std::int64_t id);

// --- Pair decisions -----------------------------------------------------------------------------------

struct PairDecisionRow {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t position_id = 0;
  std::string unit_code;
  std::string function_code;
  std::string level;
  reorganisation::Decision decision = reorganisation::Decision::Forbid;
  std::string reason;
  std::string decided_by;
  std::string decided_at;
};

// Admin and hr. Adding replaces an earlier decision on the same pair. 409 already_locked, no_slot_left;
// 422 reason_required, not_in_scope (person_id), not_in_new_formation (position_id).
std::vector<PairDecisionRow> list_pair_decisions(Database& db, const Principal& actor, std::int64_t id);
PairDecisionRow add_pair_decision(Database& db, const Principal& actor, std::int64_t id, std::int64_t person_id,
                                  std::int64_t position_id, reorganisation::Decision decision, const std::string& reason);
void remove_pair_decision(Database& db, const Principal& actor, std::int64_t id, std::int64_t decision_id);

// --- Runs ---------------------------------------------------------------------------------------------

struct RunHeadline {
  std::int64_t id = 0;
  std::int64_t number = 0;
  bool confirmed = false;
  std::string note;
  std::string created_by;
  std::string created_at;
  std::string confirmed_by;
  std::string confirmed_at;
  std::string confirmation_note;
  std::string figures_json;
};

// The stored JSON documents of a run (docs/api.md, "Run").
struct RunDetail {
  RunHeadline headline;
  std::string settings_json;
  std::string rounds_json;
  std::string open_slots_json;
  std::vector<std::string> placements_json;  // by personnel number
  std::vector<std::string> surplus_json;     // by personnel number
};

// Admin and hr: builds the problem from the data as it is now, runs the engine, keeps the result with
// every explanation. 409 mapping_not_confirmed, reorganisation_confirmed.
std::int64_t create_run(Database& db, const Principal& actor, std::int64_t id, const std::string& note);
// Admin, hr and the works council.
std::vector<RunHeadline> list_runs(Database& db, const Principal& actor, std::int64_t id);
RunDetail get_run(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id);  // admin, hr
// The actor confirms the run as the result (recorded with the time) and the vacancies open. 409
// already_confirmed when this or another run of the reorganisation is confirmed.
void confirm_run(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id, const std::string& note);

struct RunSummary {
  RunHeadline headline;
  reorganisation::Summary summary;
};
// Admin, hr (nothing suppressed) and the works council (groups under five people suppressed).
RunSummary run_summary(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id);
// The runs asked for, in that order; every run when the list is empty.
std::vector<RunSummary> compare_runs(Database& db, const Principal& actor, std::int64_t id, const std::vector<std::int64_t>& run_ids);

struct StoredExplanation {
  std::int64_t run_id = 0;
  std::string confirmed_by;  // "" while the run is a proposal
  std::string confirmed_at;
  std::string explanation_json;
};
// Admin and hr.
std::vector<StoredExplanation> run_explanations(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id);
StoredExplanation run_explanation(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id, std::int64_t person_id);
// The employee's own explanation of the confirmed result; 404 no_confirmed_result before confirmation.
StoredExplanation own_explanation(Database& db, const Principal& actor, std::int64_t id);

// --- Vacancies ----------------------------------------------------------------------------------------

enum class VacancyStage { Internal, Partners, External, Filled, Withdrawn };
std::string_view to_string(VacancyStage stage);  // "internal", "partners", "external", "filled", "withdrawn"
std::optional<VacancyStage> vacancy_stage_from_string(std::string_view text);

struct Vacancy {
  std::int64_t id = 0;
  std::int64_t position_id = 0;
  std::string unit_code;
  std::string function_code;
  std::string function_name;
  std::string level;
  std::int64_t slots = 0;
  Fte fte;
  org::PositionKind kind = org::PositionKind::Structural;
  std::optional<Date> end_date;
  VacancyStage stage = VacancyStage::Internal;
  std::vector<std::string> partners;  // CBS codes of the partner municipalities
  std::string updated_by;
  std::string updated_at;
};
// Admin, hr and the works council.
std::vector<Vacancy> list_vacancies(Database& db, const Principal& actor, std::int64_t id);
// Admin and hr; only forward (internal → partners → external), or to filled / withdrawn. 409 stage_backwards.
Vacancy set_vacancy_stage(Database& db, const Principal& actor, std::int64_t id, std::int64_t vacancy_id, VacancyStage stage);

// --- Objections ---------------------------------------------------------------------------------------

enum class ObjectionStatus { Received, InReview, Upheld, Rejected, Withdrawn };
std::string_view to_string(ObjectionStatus status);  // "received", "in_review", "upheld", "rejected", "withdrawn"
std::optional<ObjectionStatus> objection_status_from_string(std::string_view text);

struct Objection {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t run_id = 0;
  std::string grounds;
  ObjectionStatus status = ObjectionStatus::Received;
  std::string response;
  std::string explanation_json;  // the explanation as given at confirmation
  std::string registered_by;
  std::string registered_at;
  std::string updated_by;
  std::string updated_at;
};
// Admin and hr all; an employee their own.
std::vector<Objection> list_objections(Database& db, const Principal& actor, std::int64_t id);
// Admin and hr for anyone in the confirmed result; an employee for themselves (person_id empty or their
// own). 409 no_confirmed_result, objection_open; 422 grounds_required.
Objection register_objection(Database& db, const Principal& actor, std::int64_t id, std::optional<std::int64_t> person_id,
                             const std::string& grounds);
// Admin and hr. 422 response_required for upheld and rejected; 409 objection_closed once decided.
Objection update_objection(Database& db, const Principal& actor, std::int64_t id, std::int64_t objection_id, ObjectionStatus status,
                           const std::string& response);

}  // namespace kwm::store
