#include "placement/procedure/suitability.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "placement/procedure/text.hpp"

namespace kwm::placement::procedure {
namespace {

// Competency levels are compared on the framework's scale; this absorbs the binary noise of weighted means.
constexpr double kLevelEpsilon = 1e-9;

std::string quoted(std::string_view name) { return fmt::format("‘{}’", name); }

// Where a person's competency result for one function level comes from.
struct FitSource {
  competence::PersonResult result;
  bool derived = false;          // re-scored from a result against another profile
  std::string assessed_against;  // "CODE (level)" of the profile the person was assessed against
  bool development = false;      // admitted under consent
};

class EvidenceIndex {
 public:
  explicit EvidenceIndex(const CompetencyEvidence& evidence) : evidence_(&evidence) {
    for (const competence::SelectionEvidence& item : evidence.admitted) by_person_[item.result().personnel_number].push_back(&item);
    refused_.insert(evidence.refused.begin(), evidence.refused.end());
  }

  bool configured() const { return !evidence_->round_code.empty(); }
  bool refused(const std::string& personnel_number) const { return refused_.contains(personnel_number); }
  const std::string& round_code() const { return evidence_->round_code; }

  std::optional<FitSource> fit(const Employee& employee, const NewPosition& position) const {
    const auto found = by_person_.find(employee.personnel_number);
    if (found == by_person_.end()) return std::nullopt;
    for (const competence::SelectionEvidence* item : found->second) {
      const competence::PersonResult& result = item->result();
      if (result.function_code == position.function_code && result.level == position.level) {
        return FitSource{result, false, label(result), is_development(*item)};
      }
    }
    const auto profile = evidence_->profiles.find(position.function_id);
    if (profile == evidence_->profiles.end() || profile->second.requirements().empty()) return std::nullopt;
    for (const competence::SelectionEvidence* item : found->second) {
      if (auto derived = derive(item->result(), profile->second)) {
        return FitSource{std::move(*derived), true, label(item->result()), is_development(*item)};
      }
    }
    return std::nullopt;
  }

 private:
  static std::string label(const competence::PersonResult& result) { return fmt::format("{} ({})", result.function_code, result.level); }
  static bool is_development(const competence::SelectionEvidence& item) {
    return item.purpose() == competence::AssessmentPurpose::Development;
  }

  // A result against another profile still tells how the person scored on each competency; when it
  // covers every requirement of the target profile, the gaps and the verdict follow by the same rules.
  static std::optional<competence::PersonResult> derive(const competence::PersonResult& assessed, const competence::FunctionProfile& target) {
    std::vector<competence::CompetencyResult> results;
    for (const competence::Requirement& requirement : target.requirements()) {
      const competence::CompetencyResult* source = assessed.find(requirement.competency_code);
      if (!source || source->state != competence::CompetencyState::Scored || !source->combined) return std::nullopt;
      competence::CompetencyResult result = *source;
      result.required = requirement.required;
      result.critical = requirement.critical;
      result.gap = std::max(0.0, requirement.required - *result.combined);
      results.push_back(std::move(result));
    }
    competence::RoundSettings settings;
    settings.tolerance = assessed.verdict.tolerance;
    settings.trainable_step = assessed.verdict.trainable_step;
    settings.target_date = assessed.verdict.target_date;
    competence::PersonResult derived;
    derived.personnel_number = assessed.personnel_number;
    derived.function_code = target.function_code;
    derived.level = target.level;
    derived.verdict = competence::decide(results, settings);
    derived.competencies = std::move(results);
    return derived;
  }

  const CompetencyEvidence* evidence_;
  std::map<std::string, std::vector<const competence::SelectionEvidence*>> by_person_;
  std::set<std::string> refused_;
};

std::string verdict_text(competence::VerdictKind kind) {
  switch (kind) {
    case competence::VerdictKind::Meets: return "voldoet";
    case competence::VerdictKind::Trainable: return "trainbaar";
    case competence::VerdictKind::DoesNotMeet: return "voldoet niet";
    case competence::VerdictKind::Incomplete: return "nog onvolledig";
  }
  return "nog onvolledig";
}

// Σ min(combined, required) / Σ required over the scored requirements: 100 when every level is reached.
std::optional<double> fit_of(const competence::PersonResult& result) {
  double reached = 0, required = 0;
  for (const competence::CompetencyResult& competency : result.competencies) {
    if (competency.state != competence::CompetencyState::Scored || !competency.combined || competency.required <= 0) continue;
    reached += std::min(*competency.combined, competency.required);
    required += competency.required;
  }
  if (required <= 0) return std::nullopt;
  return 100.0 * reached / required;
}

Component competency_component(const EvidenceIndex& evidence, const Employee& employee, const std::optional<FitSource>& source) {
  Component component{ComponentKind::Competency, ComponentStatus::Missing, std::nullopt, std::nullopt, 0, 0, 0, {}};
  if (!evidence.configured()) {
    component.text = "Competenties: deze reorganisatie gebruikt geen assessmentronde.";
    return component;
  }
  if (evidence.refused(employee.personnel_number)) {
    component.status = ComponentStatus::Refused;
    component.text = fmt::format(
        "Competenties: de uitkomsten van ontwikkelronde {} tellen niet mee, want de medewerker heeft geen toestemming gegeven om "
        "ze voor selectie te gebruiken.",
        quoted(evidence.round_code()));
    return component;
  }
  if (!source) {
    component.text = fmt::format("Competenties: de uitkomst van ronde {} is niet tegen het profiel van deze functie bepaald en dekt dat "
                                 "profiel ook niet.",
                                 quoted(evidence.round_code()));
    return component;
  }
  const auto fit = fit_of(source->result);
  if (!fit) {
    component.text = fmt::format("Competenties: in ronde {} zijn nog geen competenties van dit profiel gescoord.", quoted(evidence.round_code()));
    return component;
  }
  component.status = ComponentStatus::Present;
  component.value = *fit;
  component.scaled = *fit;
  const std::string origin = source->derived ? fmt::format("afgeleid uit de beoordeling tegen {} in ronde {}", source->assessed_against,
                                                           quoted(evidence.round_code()))
                                             : fmt::format("uit ronde {}", quoted(evidence.round_code()));
  component.text = fmt::format("Competenties: {} van 100 ({}{}); oordeel: {}.", text::number(*fit), origin,
                               source->development ? ", een ontwikkelronde met toestemming van de medewerker" : "",
                               verdict_text(source->result.verdict.kind));
  return component;
}

Component interview_component(const InterviewScore* interview) {
  Component component{ComponentKind::Interview, ComponentStatus::Missing, std::nullopt, std::nullopt, 0, 0, 0, {}};
  if (!interview) {
    component.text = "Selectiegesprek: geen score van de selectiecommissie voor deze functie.";
    return component;
  }
  component.status = ComponentStatus::Present;
  component.value = interview->score;
  component.scaled = interview->score * 100.0 / kInterviewMax;
  component.text = fmt::format("Selectiegesprek: {} van 10.", text::number(interview->score));
  return component;
}

std::string_view appraisal_word(int score) {
  static constexpr std::string_view kWords[] = {"onvoldoende", "matig", "voldoende", "goed", "uitstekend"};
  return kWords[std::clamp(score, kAppraisalMin, kAppraisalMax) - kAppraisalMin];
}

Component appraisal_component(const Appraisal* appraisal) {
  Component component{ComponentKind::Appraisal, ComponentStatus::Missing, std::nullopt, std::nullopt, 0, 0, 0, {}};
  if (!appraisal) {
    component.text = "Laatste beoordeling: niet vastgelegd.";
    return component;
  }
  component.status = ComponentStatus::Present;
  component.value = appraisal->score;
  component.scaled = 100.0 * (appraisal->score - kAppraisalMin) / (kAppraisalMax - kAppraisalMin);
  component.text = fmt::format("Laatste beoordeling ({}): {} ({} van 5).", text::date(appraisal->date), appraisal_word(appraisal->score),
                               appraisal->score);
  return component;
}

// The weights of the components present are shared out so that they add up to 1; a missing component
// neither helps nor harms. Contributions are rounded to hundredths and the score is their sum.
std::int64_t weigh(std::vector<Component>& components, const Weights& weights) {
  for (Component& component : components) {
    switch (component.kind) {
      case ComponentKind::Competency: component.weight = weights.competency; break;
      case ComponentKind::Interview: component.weight = weights.interview; break;
      case ComponentKind::Appraisal: component.weight = weights.appraisal; break;
    }
  }
  double present = 0;
  for (const Component& component : components)
    if (component.status == ComponentStatus::Present) present += component.weight;
  std::int64_t total = 0;
  for (Component& component : components) {
    if (component.status != ComponentStatus::Present || present <= 0) continue;
    component.share = component.weight / present;
    component.contribution_centi = std::llround(component.share * *component.scaled * 100.0);
    total += component.contribution_centi;
  }
  return total;
}

ConstraintCheck education_check(const Employee& employee, const NewPosition& position) {
  const std::string_view required = education_text(position.education_required);
  if (!employee.education) {
    return {ConstraintKind::Education, false,
            fmt::format("Opleidingsniveau: de functie vraagt minimaal {}; van de medewerker is geen opleidingsniveau vastgelegd.", required)};
  }
  if (!reaches(*employee.education, position.education_required)) {
    return {ConstraintKind::Education, false,
            fmt::format("Opleidingsniveau: de functie vraagt minimaal {}; vastgelegd is {}.", required, education_text(*employee.education))};
  }
  return {ConstraintKind::Education, true,
          fmt::format("Opleidingsniveau: {} voldoet aan de eis ({}).", education_text(*employee.education), required)};
}

ConstraintCheck critical_check(const std::optional<FitSource>& source, const std::map<std::string, std::string>& names) {
  if (!source) return {ConstraintKind::CriticalCompetency, true, "Kritieke competenties: niet getoetst, want er is geen assessmentuitkomst voor deze functie."};
  const competence::Verdict& verdict = source->result.verdict;
  std::vector<std::string> failing;
  for (const competence::CompetencyResult& competency : source->result.competencies) {
    if (!competency.critical || !competency.gap || *competency.gap <= verdict.trainable_step + kLevelEpsilon) continue;
    const auto name = names.find(competency.competency_code);
    failing.push_back(fmt::format("{} (tekort {})", quoted(name == names.end() ? competency.competency_code : name->second),
                                  text::number(*competency.gap)));
  }
  if (failing.empty()) return {ConstraintKind::CriticalCompetency, true, "Kritieke competenties: geen enkele scoort 'voldoet niet'."};
  std::string list;
  for (const std::string& item : failing) list += (list.empty() ? "" : ", ") + item;
  return {ConstraintKind::CriticalCompetency, false,
          fmt::format("Kritieke competenties: 'voldoet niet' op {}; een tekort van meer dan {} is niet op tijd te overbruggen.", list,
                      text::points(std::llround(verdict.trainable_step * 100.0)))};
}

ConstraintCheck hours_check(const Employee& employee, const NewPosition& position, double tolerance) {
  const Fte slot = position.slot_fte();
  const bool fits = employee.fte.milli() <= slot.milli() + std::llround(tolerance * 1000.0);
  if (fits) return {ConstraintKind::Hours, true, fmt::format("Uren: {} past in een plaats van {}.", text::fte(employee.fte), text::fte(slot))};
  return {ConstraintKind::Hours, false,
          fmt::format("Uren: {} past niet in een plaats van {} (marge {}).", text::fte(employee.fte), text::fte(slot),
                      text::fte(Fte::from_milli(std::llround(tolerance * 1000.0))))};
}

ConstraintCheck exclusion_check(const std::optional<PairDecision>& decision) {
  if (decision && decision->decision == Decision::Forbid) {
    return {ConstraintKind::ExcludedByHr, false, fmt::format("Door HR uitgesloten: {}", decision->reason)};
  }
  return {ConstraintKind::ExcludedByHr, true, "Niet door HR uitgesloten."};
}

// The inputs name people and functions of this reorganisation only; the store checks this with field
// names for the person who typed them, and this guards the rules against a caller that did not.
void check_references(const ProcedureInput& input) {
  std::set<std::int64_t> people, functions, positions;
  for (const Employee& employee : input.employees) people.insert(employee.person_id);
  for (const NewPosition& position : input.positions) {
    functions.insert(position.function_id);
    positions.insert(position.position_id);
  }
  std::set<std::pair<std::int64_t, int>> ranks;
  for (std::size_t i = 0; i < input.preferences.size(); ++i) {
    const Preference& preference = input.preferences[i];
    const std::string field = fmt::format("preferences[{}]", i);
    if (!people.contains(preference.person_id)) fail_invalid(field + ".person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
    if (!functions.contains(preference.function_id)) {
      fail_invalid(field + ".function_id", "Deze functie komt niet voor in de nieuwe formatie", "not_in_new_formation");
    }
    if (preference.rank < 1 || preference.rank > input.max_preferences || !ranks.insert({preference.person_id, preference.rank}).second) {
      fail_invalid(field + ".rank", fmt::format("Een voorkeur heeft een unieke rang van 1 tot en met {}", input.max_preferences));
    }
  }
  for (std::size_t i = 0; i < input.decisions.size(); ++i) {
    const PairDecision& decision = input.decisions[i];
    if (!people.contains(decision.person_id) || !positions.contains(decision.position_id)) {
      fail_invalid(fmt::format("decisions[{}]", i), "Een vastgezet of uitgesloten paar moet een medewerker en een plaats van deze reorganisatie noemen",
                   "not_in_scope");
    }
  }
}

}  // namespace

std::string_view to_string(ComponentKind kind) { return spell(kind); }

std::string_view to_string(ComponentStatus status) { return spell(status); }

std::string_view to_string(ConstraintKind kind) { return spell(kind); }

std::string_view to_string(SuitableBasis basis) { return spell(basis); }

const ConstraintCheck* PairSuitability::failed(ConstraintKind kind) const {
  for (const ConstraintCheck& check : constraints)
    if (check.kind == kind && !check.met) return &check;
  return nullptr;
}

Suitabilities::Suitabilities(const ProcedureInput& input, std::vector<PairSuitability> pairs) : input_(&input), pairs_(std::move(pairs)) {}

std::int64_t seniority_months(const Employee& employee, Date on) {
  if (!employee.hire_date || *employee.hire_date >= on) return 0;
  const std::chrono::year_month_day from(employee.hire_date->days()), to(on.days());
  std::int64_t months = (static_cast<int>(to.year()) - static_cast<int>(from.year())) * 12 +
                        (static_cast<int>(static_cast<unsigned>(to.month())) - static_cast<int>(static_cast<unsigned>(from.month())));
  if (static_cast<unsigned>(to.day()) < static_cast<unsigned>(from.day())) --months;
  return std::clamp<std::int64_t>(months, 0, kMaxSeniorityMonths);
}

Suitabilities assess(const ProcedureInput& input) {
  check_references(input);
  const EvidenceIndex evidence(input.competencies);
  std::map<std::pair<std::int64_t, std::int64_t>, const InterviewScore*> interviews;
  for (const InterviewScore& interview : input.interviews) interviews[{interview.person_id, interview.function_id}] = &interview;
  std::map<std::int64_t, const Appraisal*> appraisals;
  for (const Appraisal& appraisal : input.appraisals) appraisals[appraisal.person_id] = &appraisal;
  std::map<std::pair<std::int64_t, std::int64_t>, int> ranks;
  for (const Preference& preference : input.preferences) ranks[{preference.person_id, preference.function_id}] = preference.rank;
  std::map<std::pair<std::int64_t, std::int64_t>, const PairDecision*> decisions;
  for (const PairDecision& decision : input.decisions) decisions[{decision.person_id, decision.position_id}] = &decision;

  std::vector<PairSuitability> pairs;
  pairs.reserve(input.employees.size() * input.positions.size());
  for (std::size_t e = 0; e < input.employees.size(); ++e) {
    const Employee& employee = input.employees[e];
    const auto appraisal = appraisals.find(employee.person_id);
    for (std::size_t p = 0; p < input.positions.size(); ++p) {
      const NewPosition& position = input.positions[p];
      PairSuitability pair;
      pair.employee = e;
      pair.position = p;
      const auto fit = evidence.fit(employee, position);
      const auto interview = interviews.find({employee.person_id, position.function_id});
      pair.components = {competency_component(evidence, employee, fit),
                         interview_component(interview == interviews.end() ? nullptr : interview->second),
                         appraisal_component(appraisal == appraisals.end() ? nullptr : appraisal->second)};
      pair.score_centi = weigh(pair.components, input.settings.weights);
      if (const auto decision = decisions.find({employee.person_id, position.position_id}); decision != decisions.end()) {
        pair.decision = *decision->second;
      }
      if (input.settings.require_education) pair.constraints.push_back(education_check(employee, position));
      if (input.settings.exclude_critical_gaps) pair.constraints.push_back(critical_check(fit, input.competencies.names));
      pair.constraints.push_back(hours_check(employee, position, input.settings.hours_tolerance));
      pair.constraints.push_back(exclusion_check(pair.decision));
      pair.eligible = std::all_of(pair.constraints.begin(), pair.constraints.end(), [](const ConstraintCheck& c) { return c.met; });
      pair.function_match = input.mapping.match(employee.function_id, position.function_id);
      if (fit && fit->result.verdict.kind != competence::VerdictKind::Incomplete) {
        pair.verdict = fit->result.verdict.kind;
        pair.basis = SuitableBasis::Verdict;
        pair.suitable = *pair.verdict == competence::VerdictKind::Meets || *pair.verdict == competence::VerdictKind::Trainable;
      } else {
        if (fit) pair.verdict = fit->result.verdict.kind;
        pair.basis = SuitableBasis::FunctionMatch;
        pair.suitable = pair.function_match != FunctionMatch::None;
      }
      if (const auto rank = ranks.find({employee.person_id, position.function_id}); rank != ranks.end()) pair.preference_rank = rank->second;
      pairs.push_back(std::move(pair));
    }
  }
  return Suitabilities(input, std::move(pairs));
}

}  // namespace kwm::placement::procedure
