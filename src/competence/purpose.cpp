#include "competence/purpose.hpp"

#include <fmt/format.h>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

std::optional<ConsentRecord> consent_for(const std::string& personnel_number, const std::string& round_code,
                                         std::span<const ConsentRecord> consents) {
  for (const auto& consent : consents) {
    if (consent.personnel_number == personnel_number && consent.round_code == round_code) return consent;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(AssessmentPurpose purpose) {
  return purpose == AssessmentPurpose::Selection ? "selection" : "development";
}

std::optional<AssessmentPurpose> assessment_purpose_from_string(std::string_view text) {
  return text::enum_from_string(text, {AssessmentPurpose::Development, AssessmentPurpose::Selection});
}

bool usable_for_selection(AssessmentPurpose round_purpose, bool consent_recorded) {
  return round_purpose == AssessmentPurpose::Selection || consent_recorded;
}

SelectionEvidence::SelectionEvidence(std::string round_code, AssessmentPurpose purpose, PersonResult result,
                                     std::optional<ConsentRecord> consent)
    : round_code_(std::move(round_code)), purpose_(purpose), result_(std::move(result)), consent_(std::move(consent)) {}

SelectionEvidence SelectionEvidence::admit(const AssessedRound& round, PersonResult result, const std::optional<ConsentRecord>& consent) {
  // A consent record only counts for the person and the round it was given for.
  const bool consent_recorded =
      consent && consent->personnel_number == result.personnel_number && consent->round_code == round.code;
  if (!usable_for_selection(round.purpose, consent_recorded)) {
    fail(ErrorKind::forbidden, "purpose_limitation",
         fmt::format("De uitkomsten van ontwikkelronde {} mogen niet worden gebruikt voor selectie of plaatsing van medewerker {}: "
                     "daarvoor is vastgelegde toestemming van de medewerker voor deze ronde nodig.",
                     text::quoted(round.code), result.personnel_number),
         "round");
  }
  std::optional<ConsentRecord> kept = round.purpose == AssessmentPurpose::Development ? consent : std::nullopt;
  return SelectionEvidence(round.code, round.purpose, std::move(result), std::move(kept));
}

AdmittedEvidence admit_round(const AssessedRound& round, std::span<const PersonResult> results, std::span<const ConsentRecord> consents) {
  AdmittedEvidence evidence;
  for (const auto& result : results) {
    const auto consent = consent_for(result.personnel_number, round.code, consents);
    if (!usable_for_selection(round.purpose, consent.has_value())) {
      evidence.refused.push_back(result.personnel_number);
      continue;
    }
    evidence.admitted.push_back(SelectionEvidence::admit(round, result, consent));
  }
  return evidence;
}

}  // namespace kwm::competence
