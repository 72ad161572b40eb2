#pragma once
// The placement procedure's records as the service, the repository and the API exchange them: the
// reorganisation, the function mapping, preferences, the selection committee's input, HR's pair decisions,
// runs, explanations, vacancies and objections. Plain structs; their wire format is placement/wire.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/fte.hpp"
#include "core/spelling.hpp"
#include "org/model.hpp"
#include "placement/procedure/records.hpp"
#include "placement/procedure/settings.hpp"

namespace kwm::placement {

struct UnitRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
};

// Who did something, and when (UTC, ISO 8601).
struct ByWhom {
  std::string by;
  std::string at;
};

enum class ReorganisationStatus { Preparing, Confirmed };
enum class RunStatus { Proposal, Confirmed };
// A new function level continues an old one when some old function is exchangeable or equivalent with it.
enum class Novelty { Continued, New };
inline Novelty novelty_of(bool continues) { return continues ? Novelty::Continued : Novelty::New; }

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
  // None: the defaults when creating (with as many bonuses as preferences), the current ones when updating.
  std::optional<procedure::Settings> settings;
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
  procedure::Settings settings;
  std::optional<ByWhom> mapping_confirmed;
  std::optional<std::int64_t> confirmed_run_id;
  std::int64_t employees = 0;  // in the old formation now
  std::int64_t positions = 0;  // formation lines in the new formation now
  std::int64_t responded = 0;  // employees still in scope who stated their preferences (or that they have none)
  std::string created_by;
  std::string created_at;

  bool confirmed() const { return confirmed_run_id.has_value(); }
};

// What employees and the works council see of a reorganisation: no settings, units or counts.
struct ReorganisationOutline {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  bool confirmed = false;
  Date preference_deadline;
  Date effective_date;
  int max_preferences = 3;
};

// A reorganisation as the caller may see it: whole for HR, in outline for everyone else.
using ReorganisationView = std::variant<Reorganisation, ReorganisationOutline>;

struct ScopeView {
  std::vector<procedure::Employee> employees;     // by personnel number
  std::vector<procedure::NewPosition> positions;  // by unit code, function, level
};

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

// --- Function mapping ---------------------------------------------------------------------------------

struct OldFunction {
  std::int64_t function_id = 0;
  std::string code;
  std::string name;
  std::string level;
  std::int64_t employees = 0;  // how many in scope hold it
};

struct MappedNewFunction {
  std::int64_t function_id = 0;
  std::string code;
  std::string name;
  std::string level;
  bool continues = false;
};

struct MappingView {
  std::optional<ByWhom> confirmed;
  std::vector<OldFunction> old_functions;
  std::vector<MappedNewFunction> new_functions;
  std::vector<procedure::MappingPair> pairs;  // every old × new pair, old order first
};

struct MatchChoice {
  std::int64_t old_function_id = 0;
  std::int64_t new_function_id = 0;
  std::string match;  // a competence::FunctionMatch
};

struct MappingChoices {
  std::vector<MatchChoice> pairs;
};

// --- Preferences --------------------------------------------------------------------------------------

struct PreferenceChoice {
  std::int64_t function_id = 0;
  std::string motivation;
};

struct PreferenceChoices {
  std::vector<PreferenceChoice> preferences;  // first is rank 1; empty: no preference, still a response
};

struct PreferenceEntry {
  int rank = 1;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string function_name;
  std::string level;
  std::string motivation;
};

// One employee's response as stored.
struct PreferenceSheet {
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::string unit_code;
  bool responded = false;
  std::string updated_at;  // "" before a response
  std::vector<PreferenceEntry> preferences;  // by rank
};

// The employee's own view: their choices, the deadline and whether it is still open.
struct OwnPreferences {
  std::int64_t reorganisation_id = 0;
  Date deadline;
  bool open = false;  // today is on or before the deadline and nothing is confirmed
  int max_preferences = 3;
  std::vector<PreferenceEntry> preferences;
  std::string updated_at;
};

struct PreferenceOverview {
  std::int64_t responded = 0;
  std::int64_t not_responded = 0;
  std::vector<PreferenceSheet> employees;  // filtered as asked
};

// --- Selection input ----------------------------------------------------------------------------------

struct InterviewInput {
  std::int64_t person_id = 0;
  std::int64_t function_id = 0;
  std::optional<double> score;  // none: remove
  std::string note;
};

struct InterviewScores {
  std::vector<InterviewInput> scores;
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
  std::optional<std::int64_t> score;  // none: remove
  std::optional<Date> date;
};

struct Appraisals {
  std::vector<AppraisalInput> appraisals;
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

// --- Pair decisions -----------------------------------------------------------------------------------

struct PairDecisionInput {
  std::int64_t person_id = 0;
  std::int64_t position_id = 0;
  procedure::Decision decision = procedure::Decision::Forbid;
  std::string reason;
};

struct PairDecisionRow {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t position_id = 0;
  std::string unit_code;
  std::string function_code;
  std::string level;
  procedure::Decision decision = procedure::Decision::Forbid;
  std::string reason;
  std::string decided_by;
  std::string decided_at;
};

// --- Runs ---------------------------------------------------------------------------------------------

struct RunNote {
  std::string note;
};

struct RunHeadline {
  std::int64_t id = 0;
  std::int64_t number = 0;
  bool confirmed = false;
  std::string note;
  std::string created_by;
  std::string created_at;
  std::string confirmed_by;  // "" while a proposal
  std::string confirmed_at;
  std::string confirmation_note;
  procedure::Figures figures;
  int max_preferences = 3;  // as allowed when the run was made; not on the wire
};

// A run as stored: what it was made with and what it proposed, employee by employee.
struct RunDetail {
  RunHeadline headline;
  procedure::Settings settings;
  std::vector<procedure::RoundRecord> rounds;
  std::vector<procedure::PlacementRecord> placements;  // by personnel number
  std::vector<procedure::SurplusRecord> surplus;       // by personnel number
  std::vector<procedure::OpenSlot> open_slots;
};

// One employee's outcome in a run as stored: the figures' input and both records.
struct RunPersonRow {
  procedure::RunPerson person;
  std::string personnel_number;
  std::string name;
  std::optional<std::int64_t> position_id;
  std::optional<procedure::PlacementRecord> placement;  // placed
  std::optional<procedure::SurplusRecord> surplus;      // not placed
  procedure::ExplanationRecord explanation;
};

// A new run, computed by the service, for the repository to store.
struct NewRun {
  std::string note;
  int max_preferences = 3;
  procedure::Settings settings;
  std::vector<procedure::RoundRecord> rounds;
  procedure::Figures figures;
  std::vector<procedure::OpenSlot> open_slots;
  std::vector<RunPersonRow> people;
};

struct RunSummary {
  std::int64_t run_id = 0;
  std::int64_t number = 0;
  bool confirmed = false;
  procedure::Figures figures;
  procedure::GroupsByDimension groups;
};

struct RunComparison {
  std::vector<RunSummary> runs;
};

// The explanation as given: the record of the run, with the run and its confirmation.
struct GivenExplanation {
  std::int64_t run_id = 0;
  std::optional<ByWhom> confirmed;
  procedure::ExplanationRecord explanation;
};

// --- Vacancies ----------------------------------------------------------------------------------------

enum class VacancyStage { Internal, Partners, External, Filled, Withdrawn };

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

struct VacancyStageInput {
  VacancyStage stage = VacancyStage::Internal;
};

// --- Objections ---------------------------------------------------------------------------------------

enum class ObjectionStatus { Received, InReview, Upheld, Rejected, Withdrawn };
bool is_closed(ObjectionStatus status);

struct ObjectionInput {
  std::optional<std::int64_t> person_id;  // an employee: none or their own
  std::string grounds;
};

struct ObjectionUpdate {
  ObjectionStatus status = ObjectionStatus::Received;
  std::string response;
};

struct Objection {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t run_id = 0;
  std::string grounds;
  ObjectionStatus status = ObjectionStatus::Received;
  std::string response;
  GivenExplanation explanation;  // as given at registration
  std::string registered_by;
  std::string registered_at;
  std::string updated_by;
  std::string updated_at;
};

}  // namespace kwm::placement

namespace kwm {
template <>
struct Spelling<placement::ReorganisationStatus> {
  static constexpr SpellingTable<placement::ReorganisationStatus, 2> names{
      {{placement::ReorganisationStatus::Preparing, "preparing"}, {placement::ReorganisationStatus::Confirmed, "confirmed"}}};
};
template <>
struct Spelling<placement::RunStatus> {
  static constexpr SpellingTable<placement::RunStatus, 2> names{
      {{placement::RunStatus::Proposal, "proposal"}, {placement::RunStatus::Confirmed, "confirmed"}}};
};
template <>
struct Spelling<placement::Novelty> {
  static constexpr SpellingTable<placement::Novelty, 2> names{
      {{placement::Novelty::Continued, "continued"}, {placement::Novelty::New, "new"}}};
};
template <>
struct Spelling<placement::VacancyStage> {
  static constexpr SpellingTable<placement::VacancyStage, 5> names{{{placement::VacancyStage::Internal, "internal"},
                                                                    {placement::VacancyStage::Partners, "partners"},
                                                                    {placement::VacancyStage::External, "external"},
                                                                    {placement::VacancyStage::Filled, "filled"},
                                                                    {placement::VacancyStage::Withdrawn, "withdrawn"}}};
};
template <>
struct Spelling<placement::ObjectionStatus> {
  static constexpr SpellingTable<placement::ObjectionStatus, 5> names{{{placement::ObjectionStatus::Received, "received"},
                                                                       {placement::ObjectionStatus::InReview, "in_review"},
                                                                       {placement::ObjectionStatus::Upheld, "upheld"},
                                                                       {placement::ObjectionStatus::Rejected, "rejected"},
                                                                       {placement::ObjectionStatus::Withdrawn, "withdrawn"}}};
};
}  // namespace kwm
