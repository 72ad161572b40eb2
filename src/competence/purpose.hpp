#pragma once
// Purpose limitation (doelbinding). A round's purpose is fixed when it is created. What a development
// round finds out about a person may only feed selection or placement when that person gave explicit,
// recorded consent for that round — the agreement the study's works council made. The placement code
// takes SelectionEvidence, and the only way to make one is admit(), which applies this rule; so a
// development result cannot reach a placement decision by mistake.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "competence/scoring.hpp"

namespace kwm::competence {

enum class AssessmentPurpose { Development, Selection };
std::string_view to_string(AssessmentPurpose purpose);  // "development", "selection"
std::optional<AssessmentPurpose> assessment_purpose_from_string(std::string_view text);

// The rule itself: selection rounds always, development rounds only with consent.
bool usable_for_selection(AssessmentPurpose round_purpose, bool consent_recorded);

struct AssessedRound {
  std::string code;
  AssessmentPurpose purpose = AssessmentPurpose::Development;
};

// An employee's recorded consent to let one development round's results count for selection.
struct ConsentRecord {
  std::string personnel_number;
  std::string round_code;
  Date recorded_on;
  std::string recorded_by;  // who took it down, for the audit trail
};

class SelectionEvidence {
 public:
  // Throws Failure (kind forbidden, code "purpose_limitation") for a development round's result without
  // a consent record of this person for this round.
  static SelectionEvidence admit(const AssessedRound& round, PersonResult result, const std::optional<ConsentRecord>& consent);

  const std::string& round_code() const { return round_code_; }
  AssessmentPurpose purpose() const { return purpose_; }
  const PersonResult& result() const { return result_; }
  // The consent it was admitted under; empty for selection rounds.
  const std::optional<ConsentRecord>& consent() const { return consent_; }

 private:
  SelectionEvidence(std::string round_code, AssessmentPurpose purpose, PersonResult result, std::optional<ConsentRecord> consent);

  std::string round_code_;
  AssessmentPurpose purpose_;
  PersonResult result_;
  std::optional<ConsentRecord> consent_;
};

struct AdmittedEvidence {
  std::vector<SelectionEvidence> admitted;
  std::vector<std::string> refused;  // personnel numbers whose results may not be used
};

// A whole round at once: each result is admitted or refused by the rule above, never thrown away silently.
AdmittedEvidence admit_round(const AssessedRound& round, std::span<const PersonResult> results,
                             std::span<const ConsentRecord> consents);

}  // namespace kwm::competence
