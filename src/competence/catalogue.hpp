#pragma once
// The catalogue of competency management as stored: framework versions, function profiles with the
// framework each requirement comes from, and the agreement of external organisations. Plain structs, and
// the pure rules that turn stored rows into what the service answers: a profile's requirements sorted into
// competencies and knowledge areas, a requirement's framework resolved, a profile CSV file read.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competence/framework.hpp"
#include "competence/profile.hpp"
#include "competence/versioning.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "org/model.hpp"

namespace kwm::competence {

// --- Frameworks ---------------------------------------------------------------------------------------

// One stored version of a framework.
struct FrameworkRecord {
  std::int64_t id = 0;
  bool current = true;  // false for a superseded version
  Framework framework;
};

struct StoredFramework {
  Framework framework;
  bool current = true;
  bool in_use = false;        // a round points at this version: it is frozen
  std::vector<int> versions;  // every stored version of this code, ascending
};

struct FrameworkSummary {
  std::string code;
  std::string name;
  int version = 1;
  bool in_use = false;
  std::vector<int> versions;
  std::int64_t competencies = 0;     // kinds technical and social_normative
  std::int64_t knowledge_areas = 0;  // kind knowledge
};
FrameworkSummary summary_of(const StoredFramework& stored);

enum class FrameworkOutcome { Created, Unchanged, SameVersion, NewVersion };
std::string_view to_string(FrameworkOutcome outcome);  // "created", "unchanged", "same_version", "new_version"

struct FrameworkChange {
  FrameworkOutcome outcome = FrameworkOutcome::Unchanged;
  StoredFramework stored;
  FrameworkDiff diff;
};

// What still refers to a framework code, for refusing its deletion.
struct FrameworkReferences {
  std::int64_t profile_requirements = 0;
  std::int64_t rounds = 0;
};

// A reference framework as listed for copying.
struct ReferenceFramework {
  std::string code;
  std::string name;
  std::int64_t competencies = 0;
  std::vector<CompetencyKind> kinds;  // in order of first appearance
};
ReferenceFramework reference_of(const Framework& framework);

// An optional new code and name for the copy of a reference framework.
struct FrameworkCopy {
  std::string code;
  std::string name;
};

// --- Function profiles --------------------------------------------------------------------------------

struct ProfileKey {
  std::string function_code;
  std::string level;
  friend auto operator<=>(const ProfileKey&, const ProfileKey&) = default;
};

// A requirement as stored: with the framework it comes from.
struct FramedRequirement {
  std::string framework_code;
  Requirement requirement;
};

// A function level's profile as stored, requirements in order.
struct ProfileRecord {
  std::optional<EducationLevel> education;
  std::string updated_at;  // "" when never stored
  std::vector<FramedRequirement> requirements;
};

// A requirement as answered: with its framework and the competency's name.
struct NamedRequirement {
  std::string competency_code;
  std::optional<std::string> framework_code;
  std::string name;
  double required = 0;
  bool critical = false;
};

struct StoredProfile {
  org::Function function;
  FunctionProfile profile;                          // empty when the function level has none yet
  std::map<std::string, std::string> framework_of;  // competency code -> framework code
  std::map<std::string, std::string> names;         // competency code -> name in that framework
  std::string updated_at;                           // "" when never set

  std::vector<NamedRequirement> named(const std::vector<Requirement>& requirements) const;
  std::int64_t critical_count() const;
};

// The stored row as a profile: a requirement is a knowledge area or a competency as its kind in the
// framework's current version says.
StoredProfile assemble_profile(const org::Function& function, const ProfileRecord* record,
                               const std::vector<FrameworkRecord>& current_frameworks);

// A profile as submitted: the requirements, and the framework of each where the submitter named it
// (otherwise the one current framework that has the code).
struct ProfileDraft {
  std::optional<EducationLevel> education;
  std::vector<Requirement> competencies;
  std::vector<Requirement> knowledge_areas;
  std::map<std::string, std::string> framework_of;
};

// The framework a requirement comes from: the one named, or else the one current framework that has it.
// Failure (invalid) with field "framework_code" or "competency_code": unknown_framework,
// unknown_competency, ambiguous_competency.
std::string resolve_framework(const std::vector<FrameworkRecord>& frameworks, const std::string& competency_code,
                              const std::string& named);
// The frameworks a profile draws on, each cut down to the competencies the profile takes from it, so that
// competence::validate(profile, ...) checks kinds and scales against exactly the chosen definitions.
std::vector<Framework> chosen_frameworks(const std::vector<FrameworkRecord>& frameworks,
                                         const std::map<std::string, std::string>& framework_of);
// The record to store for a checked profile.
ProfileRecord record_of(const FunctionProfile& profile, const std::map<std::string, std::string>& framework_of);
bool same_requirements(const ProfileRecord& a, const ProfileRecord& b);

struct ProfileComparisonView {
  StoredProfile from;
  StoredProfile to;
  MatchProposal proposal;
};

struct CareerPathView {
  std::string function_code;
  std::vector<StoredProfile> levels;
  std::vector<CareerStep> steps;
};

// A requirement that differs between two profiles, as answered: with the competency's name.
struct RequirementChange {
  std::string competency_code;
  std::string name;
  std::optional<Requirement> from;
  std::optional<Requirement> to;
  double level_change = 0;
};
// The names come from both profiles; figures are rounded to four decimals, more than any level needs.
std::vector<RequirementChange> named_changes(const std::vector<RequirementDifference>& differences,
                                             const std::map<std::string, std::string>& names);
std::map<std::string, std::string> names_of(const std::vector<StoredProfile>& profiles);

// A step of a career path as answered.
struct NamedCareerStep {
  std::string from_level;
  std::string to_level;
  std::optional<EducationLevel> from_education;
  std::optional<EducationLevel> to_education;
  std::vector<RequirementChange> added, raised, lowered, removed, became_critical, no_longer_critical;
};
std::vector<NamedCareerStep> named_steps(const CareerPathView& path);
double four_decimals(double value);

// One row of a profile CSV file, read and checked against the current frameworks.
struct ProfileRow {
  std::int64_t row = 0;
  ProfileKey key;
  std::string framework_code;
  Requirement requirement;
};
// CSV function_code,level,competency_code,required,critical[,framework_code]. Every problem is a RowError;
// whether the function levels exist is for the caller to check (`function_exists`).
struct ProfileRows {
  std::vector<ProfileRow> rows;
  std::vector<RowError> errors;
};
ProfileRows read_profile_rows(const csv::Table& table, const std::vector<FrameworkRecord>& frameworks,
                              const std::function<bool(const ProfileKey&)>& function_exists);

struct ProfileImport {
  std::int64_t rows = 0;
  std::int64_t profiles = 0;
};

// An import with errors: Failure{import_failed, rows in row order}, nothing written.
[[noreturn]] void fail_import_rows(std::vector<RowError> errors);

// --- External organisations ---------------------------------------------------------------------------

struct ExternalOrganisation {
  std::string name;
  std::int64_t people = 0;  // seconded or hired workers in the municipality
  bool agreed = false;
  std::string changed_at;   // "" when never set
};

// The decision recorded for an organisation.
struct Agreement {
  std::string name;
  bool agreed = false;
};

}  // namespace kwm::competence

namespace kwm {
template <>
struct Spelling<competence::FrameworkOutcome> {
  static constexpr SpellingTable<competence::FrameworkOutcome, 4> names{{{competence::FrameworkOutcome::Created, "created"},
                                                                         {competence::FrameworkOutcome::Unchanged, "unchanged"},
                                                                         {competence::FrameworkOutcome::SameVersion, "same_version"},
                                                                         {competence::FrameworkOutcome::NewVersion, "new_version"}}};
};
}  // namespace kwm
