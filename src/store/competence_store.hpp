#pragma once
// Storage of competency management (issue 3) that has not yet moved to competence::Service: assessment
// rounds with participants, ratings and consents, and the result views. The numbers are never computed here:
// the store loads plain structs and calls the pure functions of src/competence/ (scoring, verdicts,
// aggregations, purpose limitation), so the API, the exports and the tests agree by construction.
//
// Like the organisation store, every function takes the actor: a record of another municipality, or one
// outside the actor's view, is reported exactly as a missing one (not_found); writes run in one transaction
// together with their audit entries, and a file import writes all of its rows or none.
//
// Who sees what: admin and hr everything of their municipality; a manager the people of their own units;
// an employee their own record; the works council aggregates only, every cell built from fewer than five
// people suppressed; an assessor (external assessor's account) the people of their rounds while a round is
// open, for the external source only. Workers of an external organisation take part only where that
// organisation agreed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competence/aggregation.hpp"
#include "competence/catalogue.hpp"
#include "competence/framework.hpp"
#include "competence/profile.hpp"
#include "competence/purpose.hpp"
#include "competence/scoring.hpp"
#include "competence/versioning.hpp"
#include "core/date.hpp"
#include "core/principal.hpp"
#include "org/model.hpp"
#include "core/table.hpp"

namespace kwm::store {

class Database;

// Frameworks, function profiles and external organisations are served by competence::Service
// (competence/service.hpp) over store::CompetenceRepository; rounds name profiles the same way.
using competence::ProfileKey;
using competence::StoredProfile;

// --- Assessment rounds --------------------------------------------------------------------------------

struct ParticipantSpec {
  std::string personnel_number;
  std::optional<ProfileKey> profile;  // empty: the person's own function level
};

struct RoundSpec {
  std::string code;
  std::string name;
  competence::AssessmentPurpose purpose = competence::AssessmentPurpose::Development;
  std::optional<Date> deadline;
  competence::RoundSettings settings;  // target_date lives here
  std::vector<ProfileKey> profiles;
  std::vector<std::string> frameworks;  // empty: the frameworks the profiles use
  std::vector<std::string> units;       // everyone below these whose function level is one of `profiles`
  std::vector<ParticipantSpec> people;
};

struct PinnedFramework {
  std::string code;
  int version = 1;
  std::string name;
};

struct RoundView {
  std::string code;
  std::string name;
  competence::AssessmentPurpose purpose = competence::AssessmentPurpose::Development;
  bool open = true;
  Date deadline;
  competence::RoundSettings settings;
  std::vector<PinnedFramework> frameworks;
  std::vector<ProfileKey> profiles;
  std::int64_t participants = 0;
  std::string created_at;
  std::string closed_at;  // "" while open
};

// What a participant is told about the purpose, in Dutch.
std::string purpose_text(competence::AssessmentPurpose purpose);

// Admin and hr create, extend and close rounds; the purpose never changes afterwards.
RoundView create_round(Database& db, const Principal& actor, const RoundSpec& spec);
RoundView add_participants(Database& db, const Principal& actor, const std::string& round_code,
                           const std::vector<std::string>& units, const std::vector<ParticipantSpec>& people);
RoundView close_round(Database& db, const Principal& actor, const std::string& round_code);
// Admin, hr and the works council: every round; a manager rounds with people in their units; an employee
// rounds they take part in; an assessor their open rounds.
std::vector<RoundView> list_rounds(Database& db, const Principal& actor);
RoundView get_round(Database& db, const Principal& actor, const std::string& round_code);

struct Consent {
  std::string recorded_at;
  std::string recorded_by;
};

struct Participant {
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t unit_id = 0;
  std::string unit_code;
  ProfileKey profile;  // the function level the person is assessed against
  org::Engagement engagement = org::Engagement::Employee;
  std::string organisation;
  std::optional<Consent> consent;
};
std::vector<Participant> list_participants(Database& db, const Principal& actor, const std::string& round_code);

enum class SourceStatus { NotStarted, InProgress, Complete };
std::string_view to_string(SourceStatus status);  // "not_started", "in_progress", "complete"

struct SourceProgress {
  competence::RatingSource source = competence::RatingSource::Self;
  SourceStatus status = SourceStatus::NotStarted;
  std::int64_t rated = 0;     // indicators of the person's profile with a score from this source
  std::int64_t expected = 0;  // indicators of the person's profile
  std::string last_rated_at;  // "" when nothing yet
};

struct PersonProgress {
  Participant person;
  std::vector<SourceProgress> sources;  // in the round's source order
};

struct RoundProgress {
  RoundView round;
  std::vector<PersonProgress> people;
};
// Admin and hr; a manager for their own units.
RoundProgress round_progress(Database& db, const Principal& actor, const std::string& round_code);

// --- Forms and ratings --------------------------------------------------------------------------------

struct FormIndicator {
  std::string code;
  std::string text;
  std::optional<int> score;
};

struct FormCompetency {
  std::string code;
  std::string name;
  std::string definition;
  competence::CompetencyKind kind = competence::CompetencyKind::SocialNormative;
  std::string framework_code;
  competence::Scale scale;
  std::vector<FormIndicator> indicators;
};

struct Form {
  RoundView round;
  Participant person;
  competence::RatingSource source = competence::RatingSource::Self;
  bool editable = false;  // the actor may save it now
  std::vector<FormCompetency> competencies;  // the person's profile, in order
  std::int64_t rated = 0;
  std::int64_t expected = 0;
};

struct ScoreInput {
  std::string competency_code;
  std::string indicator_code;
  std::optional<int> score;  // empty: clear the stored score
};

// Who fills which source: the employee their own self-assessment, a manager of the person's unit the
// manager source, an assessor of the round the external source while it is open. Admin and hr read every
// form and import the rest. An empty personnel number means the actor's own record.
Form get_form(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number,
              competence::RatingSource source);
// All scores or none: the problems of competence::rating_problems with fields "scores[i]....".
Form save_form(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number,
               competence::RatingSource source, const std::vector<ScoreInput>& scores);

struct OwnRound {
  RoundView round;
  SourceProgress self;
  std::optional<Consent> consent;
};
// The employee's rounds, newest first.
std::vector<OwnRound> own_rounds(Database& db, const Principal& actor);

// Consent that a development round's results may count for selection: by the employee for themselves
// (empty personnel number) or recorded by admin or hr for someone who gave it on paper.
Consent record_consent(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number);
void withdraw_consent(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number);

// CSV round_code,personnel_number,source,competency_code,indicator_code,score. All or nothing. A row replaces
// the stored score of its round, person, source and indicator; the peer rows of a person in a round replace
// all of that person's stored peer scores there. Admin and hr. Returns the number of rows.
std::int64_t import_assessments(Database& db, const Principal& actor, std::string_view csv_text);

// One person's scores of one round, for bulk loading (the demo generator): the same checks as the CSV
// import, one transaction per call. Returns the number of ratings written.
struct PersonRatings {
  std::string personnel_number;
  std::vector<competence::Rating> ratings;
};
std::int64_t store_ratings(Database& db, const Principal& actor, const std::string& round_code,
                           const std::vector<PersonRatings>& people);

// The round's ratings in the import format.
Table export_assessments(Database& db, const Principal& actor, const std::string& round_code);

// --- Results ------------------------------------------------------------------------------------------

struct PersonOutcome {
  Participant person;
  competence::PersonResult result;
  std::string explanation;  // competence::explain, in Dutch
};

struct ResultFilter {
  std::string unit;  // a unit code: the unit and its subtree
  std::string function_code;
  std::string level;
};

struct RoundResults {
  RoundView round;
  std::map<std::string, std::string> names;  // competency code -> name
  std::vector<PersonOutcome> people;
};

// Competency code -> name, over the frameworks the round pinned (any role that may see the round).
std::map<std::string, std::string> competency_names(Database& db, const Principal& actor, const std::string& round_code);

// Admin and hr everyone; a manager their units; an employee themselves.
RoundResults round_gaps(Database& db, const Principal& actor, const std::string& round_code, const ResultFilter& filter);
// One person against their round profile, or against any function level's current profile.
RoundResults person_report(Database& db, const Principal& actor, const std::string& round_code,
                           const std::string& personnel_number, const std::optional<ProfileKey>& profile);

struct TeamHeatmapView {
  RoundView round;
  std::string unit_code;
  std::map<std::string, std::string> names;
  std::vector<Participant> people;  // one per heatmap row
  competence::TeamHeatmap heatmap;
};
// Admin and hr; a manager for their own units. Never the works council: these are single people.
TeamHeatmapView team_heatmap(Database& db, const Principal& actor, const std::string& round_code, const std::string& unit_code);

struct UnitRow {
  std::string code;
  std::string name;
  int depth = 0;  // 0 for the first row's level
};

struct OrganisationHeatmapView {
  RoundView round;
  std::map<std::string, std::string> names;
  std::vector<UnitRow> units;
  competence::OrganisationHeatmap heatmap;
};
// Admin, hr, a manager below their own units, and the works council (suppressed below five people).
OrganisationHeatmapView organisation_heatmap(Database& db, const Principal& actor, const std::string& round_code,
                                             const std::string& unit_code);

struct CoverageView {
  RoundView round;
  std::string unit_code;  // "" for the whole municipality
  std::map<std::string, std::string> names;
  std::vector<competence::CoverageRow> rows;
};
CoverageView coverage(Database& db, const Principal& actor, const std::string& round_code, const std::string& unit_code);

struct GrowthView {
  RoundView from;
  RoundView to;
  std::map<std::string, std::string> names;
  competence::GrowthReport report;
};
GrowthView growth(Database& db, const Principal& actor, const std::string& from_round, const std::string& to_round,
                  const std::string& unit_code);

// What the placement code may use from a round (admin and hr). A selection round's results all; a
// development round's only for people who recorded consent for it — the others are listed as refused.
competence::AdmittedEvidence selection_evidence(Database& db, const Principal& actor, const std::string& round_code);
// One person: throws Failure(forbidden, purpose_limitation) for a development round without their consent.
competence::SelectionEvidence selection_evidence_for(Database& db, const Principal& actor, const std::string& round_code,
                                                     const std::string& personnel_number);

// --- External assessors -------------------------------------------------------------------------------

struct Assessor {
  std::string username;
  std::string linked_at;
};
// Admin and hr. add_assessor creates the account (role assessor) when a password is given, else links an
// existing assessor account to the round.
std::vector<Assessor> list_assessors(Database& db, const Principal& actor, const std::string& round_code);
Assessor add_assessor(Database& db, const Principal& actor, const std::string& round_code, const std::string& username,
                      const std::optional<std::string>& password);
void remove_assessor(Database& db, const Principal& actor, const std::string& round_code, const std::string& username);

}  // namespace kwm::store
