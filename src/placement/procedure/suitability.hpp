#pragma once
// Suitability of every employee for every position of the new formation: a score of 0 to 100 from the
// competency fit, the selection committee's interview and the last appraisal, each shown with its weight
// and contribution; the hard constraints (education, critical competencies, hours, HR's exclusions); and
// whether the person counts as suitable for round 3. Scores are kept in hundredths of a point (integers),
// so the breakdown adds up exactly to the score shown and the engine's sums are exact.
#include "core/spelling.hpp"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "competence/purpose.hpp"
#include "placement/procedure/mapping.hpp"
#include "placement/procedure/model.hpp"
#include "placement/procedure/settings.hpp"

namespace kwm::placement::procedure {

// The competency results the reorganisation may use. Only SelectionEvidence gets in here, and the only way
// to make one is competence::SelectionEvidence::admit, which refuses a development round's results without
// the employee's recorded consent: purpose limitation by construction.
struct CompetencyEvidence {
  std::string round_code;  // "" when the reorganisation names no assessment round
  std::vector<competence::SelectionEvidence> admitted;
  std::vector<std::string> refused;                // personnel numbers the purpose limitation keeps out
  std::map<std::string, std::string> names;        // competency code -> name, for the texts
  std::map<std::int64_t, competence::FunctionProfile> profiles;  // new function level id -> its profile
};

struct ProcedureInput {
  std::vector<Employee> employees;     // in personnel-number order: the engine's documented last resort
  std::vector<NewPosition> positions;  // the new formation, slots resolved
  FunctionMapping mapping;
  std::vector<Preference> preferences;
  std::vector<InterviewScore> interviews;
  std::vector<Appraisal> appraisals;
  std::vector<PairDecision> decisions;
  CompetencyEvidence competencies;
  Settings settings;
  int max_preferences = 3;
  Date effective_date;  // seniority is counted up to this date
};

enum class ComponentKind { Competency, Interview, Appraisal };
enum class ComponentStatus { Present, Missing, Refused };
std::string_view to_string(ComponentKind kind);      // "competency", "interview", "appraisal"
std::string_view to_string(ComponentStatus status);  // "present", "missing", "refused"

struct Component {
  ComponentKind kind = ComponentKind::Competency;
  ComponentStatus status = ComponentStatus::Missing;
  std::optional<double> value;   // as entered: fit 0-100, interview 0-10, appraisal 1-5
  std::optional<double> scaled;  // 0-100
  double weight = 0;             // as configured
  double share = 0;              // weight / sum of the weights of the components present
  std::int64_t contribution_centi = 0;
  std::string text;              // Dutch
};

enum class ConstraintKind { Education, CriticalCompetency, Hours, ExcludedByHr };
std::string_view to_string(ConstraintKind kind);  // "education", "critical_competency", "hours", "excluded_by_hr"

struct ConstraintCheck {
  ConstraintKind kind = ConstraintKind::Hours;
  bool met = true;
  std::string text;  // Dutch, about the employee's own data only
};

enum class SuitableBasis { Verdict, FunctionMatch };
std::string_view to_string(SuitableBasis basis);  // "verdict", "function_match"

struct PairSuitability {
  std::size_t employee = 0;  // index into ProcedureInput::employees
  std::size_t position = 0;  // index into ProcedureInput::positions
  std::int64_t score_centi = 0;  // 0..10000: the sum of the contributions
  std::vector<Component> components;
  std::optional<competence::VerdictKind> verdict;
  bool suitable = false;
  SuitableBasis basis = SuitableBasis::FunctionMatch;
  std::vector<ConstraintCheck> constraints;
  bool eligible = true;  // every constraint met
  FunctionMatch function_match = FunctionMatch::None;  // the employee's current function -> this one
  std::optional<int> preference_rank;
  std::optional<PairDecision> decision;

  double score() const { return static_cast<double>(score_centi) / 100.0; }
  bool locked() const { return decision && decision->decision == Decision::Lock; }
  bool forbidden() const { return decision && decision->decision == Decision::Forbid; }
  const ConstraintCheck* failed(ConstraintKind kind) const;
};

// Every employee × position, employee-major.
class Suitabilities {
 public:
  Suitabilities(const ProcedureInput& input, std::vector<PairSuitability> pairs);
  const ProcedureInput& input() const { return *input_; }
  const PairSuitability& at(std::size_t employee, std::size_t position) const {
    return pairs_[employee * input_->positions.size() + position];
  }
  const std::vector<PairSuitability>& pairs() const { return pairs_; }

 private:
  const ProcedureInput* input_;
  std::vector<PairSuitability> pairs_;
};

// Checks the inputs against each other (preferences, scores and decisions about people and functions in
// scope; ranks 1..max_preferences) and computes every pair. `input` must outlive the result.
Suitabilities assess(const ProcedureInput& input);

// Whole months of service at `on` (0 without a hire date), capped at kMaxSeniorityMonths.
std::int64_t seniority_months(const Employee& employee, Date on);
inline constexpr std::int64_t kMaxSeniorityMonths = 600;

}  // namespace kwm::placement::procedure

namespace kwm {
template <>
struct Spelling<placement::procedure::ComponentKind> {
  static constexpr SpellingTable<placement::procedure::ComponentKind, 3> names{{{placement::procedure::ComponentKind::Competency, "competency"}, {placement::procedure::ComponentKind::Interview, "interview"}, {placement::procedure::ComponentKind::Appraisal, "appraisal"}}};
};
template <>
struct Spelling<placement::procedure::ComponentStatus> {
  static constexpr SpellingTable<placement::procedure::ComponentStatus, 3> names{{{placement::procedure::ComponentStatus::Present, "present"}, {placement::procedure::ComponentStatus::Missing, "missing"}, {placement::procedure::ComponentStatus::Refused, "refused"}}};
};
template <>
struct Spelling<placement::procedure::ConstraintKind> {
  static constexpr SpellingTable<placement::procedure::ConstraintKind, 4> names{{{placement::procedure::ConstraintKind::Education, "education"}, {placement::procedure::ConstraintKind::CriticalCompetency, "critical_competency"}, {placement::procedure::ConstraintKind::Hours, "hours"}, {placement::procedure::ConstraintKind::ExcludedByHr, "excluded_by_hr"}}};
};
template <>
struct Spelling<placement::procedure::SuitableBasis> {
  static constexpr SpellingTable<placement::procedure::SuitableBasis, 2> names{{{placement::procedure::SuitableBasis::Verdict, "verdict"}, {placement::procedure::SuitableBasis::FunctionMatch, "function_match"}}};
};
}  // namespace kwm
